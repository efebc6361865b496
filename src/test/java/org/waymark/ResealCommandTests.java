package org.waymark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reseal command starts against the same database without a web port and reseals what needs it. */
class ResealCommandTests {

    @Test
    void resealRunsAgainstTheDatabaseAndFinishes() {
        assertThat(WaymarkApplication.reseal(new String[0])).isZero();
    }
}

package org.waymark.governance.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void namesAreMaskedAsWholeWordsAndContactDetailsHoweverTheyAreSpaced() {
        Redaction redaction = new Redaction();
        redaction.name("Rokas Petrauskas", "[x]");
        redaction.text("07700 900456", "[x]");
        redaction.text("22 Ember Street", "[x]");
        Redaction.Count count = new Redaction.Count();
        assertThat(redaction.apply("ROKAS rang from 07700900456 and 0770 090 0456, then went to 22, ember street."
                + " Rokasson is someone else.", count))
                .isEqualTo("[x] rang from [x] and [x], then went to [x]. Rokasson is someone else.");
        assertThat(count.redacted()).isEqualTo(4);
    }

    @Test
    void theSubjectsOwnWithheldValuesAreCountedAsWithheld() {
        Redaction redaction = new Redaction();
        redaction.text("Flat 3, 12 Sanctuary Road", "[withheld: restricted]");
        Redaction.Count count = new Redaction.Count();
        assertThat(redaction.apply("She is at flat 3 12 Sanctuary Road now", count)).isEqualTo("She is at [withheld: restricted] now");
        assertThat(count.withheld()).isEqualTo(1);
        assertThat(count.redacted()).isZero();
    }
}

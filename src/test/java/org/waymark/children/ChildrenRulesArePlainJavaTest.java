package org.waymark.children;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide: procedure rules are plain Java with no framework imports; the pathway's own rules too. */
class ChildrenRulesArePlainJavaTest {

    @Test
    void thePathwaysRulesReferToNoFrameworkClasses() throws IOException {
        for (Class<?> type : List.of(SchoolCalendar.class, SchoolCalendar.Closure.class, TriageRules.class,
                TriageRules.Routing.class, TriageRules.Deadlines.class, Thresholds.class, Thresholds.Recommendation.class,
                ThresholdOutcome.class)) {
            String resource = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).as(type.getName())
                        .doesNotContain("org/springframework").doesNotContain("tools/jackson");
            }
        }
    }
}

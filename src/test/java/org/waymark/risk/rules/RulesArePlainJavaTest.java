package org.waymark.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The guide for developers: procedure rules are plain Java, with no framework imports. */
class RulesArePlainJavaTest {

    @Test
    void theRulesReferToNoFrameworkClasses() throws IOException {
        List<Class<?>> ruleClasses = List.of(Rule.class, Rule.Body.class, RuleContext.class, RuleBook.class,
                RiskAndMaracRules.class, ChildrenRules.class, AdultAndPerpetratorRules.class);

        for (Class<?> type : ruleClasses) {
            String constantPool = classFileText(type);
            assertThat(constantPool).as(type.getName())
                    .doesNotContain("org/springframework")
                    .doesNotContain("tools/jackson")
                    .doesNotContain("com/fasterxml");
        }
    }

    @Test
    void theCheckCanSeeAFrameworkReference() throws Exception {
        // ConfigFiles reads the profile files with Jackson, so the same check must find it there.
        assertThat(classFileText(Class.forName("org.waymark.risk.ConfigFiles", false, getClass().getClassLoader())))
                .contains("tools/jackson");
    }

    private static String classFileText(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

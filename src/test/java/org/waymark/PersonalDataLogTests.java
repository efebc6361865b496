package org.waymark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A realistic day's flow (people recorded through the API and the pages, records consulted, an incident,
 * refusals, validation errors, unreadable bodies, a failed sign-in) with every log event and all console
 * output captured at production levels (root INFO; Waymark's own code at DEBUG). None of the people's
 * names, addresses, postcodes, phones or NHS numbers may appear.
 */
@WaymarkTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTests {

    // Distinctive on purpose: nothing else in the application or its logs could produce these.
    private static final List<String> PERSONAL_DATA = List.of("Zephyrine", "Quillfeather", "Marchbanks",
            "Larkspur Mews", "WV9 8ZQ", "WV98ZQ", "07700 900461", "07700900461", "4857773457", "485 777 3457",
            "Ottilie", "Vanderquist", "Gorsebrook Close", "WV7 3XJ", "07700 900872", "4010232137", "Thistlewood");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger waymark = (Logger) LoggerFactory.getLogger("org.waymark");
    private Level rootLevel;
    private Level waymarkLevel;

    @BeforeEach
    void capture() {
        data.demoPartnership();
        rootLevel = root.getLevel();
        waymarkLevel = waymark.getLevel();
        root.setLevel(Level.INFO);
        waymark.setLevel(Level.DEBUG);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void release() {
        root.detachAppender(events);
        events.stop();
        root.setLevel(rootLevel);
        waymark.setLevel(waymarkLevel);
    }

    private ResultActions api(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType("application/json").content(json));
    }

    @Test
    void aDaysWorkLogsNoPersonalData(CapturedOutput output) throws Exception {
        // The capture works: a canary through Waymark's logger is seen by both captures.
        String canary = "canary-" + UUID.randomUUID();
        LoggerFactory.getLogger(PersonalDataLogTests.class).info(canary);

        String created = api("demo.police", "/api/v1/people", """
                {"givenName":"Zephyrine","familyName":"Quillfeather","previousNames":["Marchbanks"],
                 "dateOfBirth":"1987-04-23","sex":"FEMALE","address":"17 Larkspur Mews, Wrekin","postcode":"WV9 8ZQ",
                 "phone":"07700 900461","nhsNumber":"4857773457"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String zephyrine = created.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        String child = api("demo.police", "/api/v1/people", """
                {"givenName":"Thistlewood","familyName":"Quillfeather","dateOfBirth":"2019-08-02"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");

        MockHttpSession health = SignedIn.as(mvc, "demo.health");
        mvc.perform(post("/people/new").session(health).with(csrf()).param("action", "new")
                        .param("givenName", "Ottilie").param("familyName", "Vanderquist")
                        .param("address", "4 Gorsebrook Close").param("postcode", "WV7 3XJ")
                        .param("phone", "07700 900872").param("nhsNumber", "4010232137")
                        .param("dateOfBirth-day", "9").param("dateOfBirth-month", "11").param("dateOfBirth-year", "1979"))
                .andExpect(status().is3xxRedirection());
        // Consulting records, through the API and the intake page.
        api("demo.health", "/api/v1/people/matches", """
                {"givenName":"Zephyrine","familyName":"Quillfeather","dateOfBirth":"1987-04-23","postcode":"WV9 8ZQ",
                 "phone":"07700 900461","nhsNumber":"4857773457"}""").andExpect(status().isOk());
        mvc.perform(post("/people/new").session(health).with(csrf()).param("action", "check")
                        .param("givenName", "Zephyrine").param("familyName", "Quillfeather").param("postcode", "WV9 8ZQ")
                        .param("dateOfBirth-day", "23").param("dateOfBirth-month", "4").param("dateOfBirth-year", "1987"))
                .andExpect(status().isOk());
        // An incident whose account names the people and the address.
        api("demo.police", "/api/v1/incidents", """
                {"occurredOn":"2026-10-01","location":"17 Larkspur Mews","cameToLight":"POLICE_CALL_OUT",
                 "abuseTypes":["PHYSICAL"],"severity":"SERIOUS","strangulation":true,
                 "narrative":"Zephyrine Quillfeather said Thistlewood heard it from upstairs at 17 Larkspur Mews, WV9 8ZQ.",
                 "people":[{"personId":"%s","role":"VICTIM"},{"personId":"%s","role":"CHILD","experience":"HEARD"}]}"""
                .formatted(zephyrine, child)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/people/" + zephyrine + "/chronology").with(httpBasic("demo.police", "demo")))
                .andExpect(status().isOk());

        // Refusals: another agency's record, a role that may not add agencies.
        mvc.perform(get("/api/v1/people/" + zephyrine).with(httpBasic("demo.school", "demo")))
                .andExpect(status().isNotFound());
        api("demo.police", "/api/v1/agencies", "{\"name\":\"Quillfeather Refuge\",\"type\":\"HOUSING\"}")
                .andExpect(status().isForbidden());
        // Validation errors and unreadable bodies, whose values an exception message could carry.
        api("demo.police", "/api/v1/people", """
                {"givenName":"Zephyrine","familyName":"Quillfeather","nhsNumber":"4857773458","phone":"07700 900461x",
                 "postcode":"WV9 8ZQ!","dateOfBirth":"Marchbanks"}""").andExpect(status().isBadRequest());
        api("demo.police", "/api/v1/people", "{\"givenName\":\"Zephyrine\",\"familyName\":\"Quillfeather\",\"addr")
                .andExpect(status().isBadRequest());
        api("demo.police", "/api/v1/people/" + zephyrine + "/relationships",
                "{\"relatedPersonId\":\"Zephyrine Quillfeather\",\"kind\":\"CHILD\"}").andExpect(status().isBadRequest());
        api("demo.admin", "/api/v1/agencies", "{\"name\":\"Vanderquist House\",\"type\":\"Larkspur Mews\"}")
                .andExpect(status().isBadRequest());
        api("demo.police", "/api/v1/people", "{\"givenName\":\"Zephyrine\\u0000Quillfeather\"}")
                .andExpect(status().isBadRequest());
        mvc.perform(post("/people/new").session(health).with(csrf()).param("action", "new")
                        .param("givenName", "Ottilie").param("familyName", "Vanderquist").param("nhsNumber", "4010232138")
                        .param("dateOfBirth-day", "31").param("dateOfBirth-month", "2").param("dateOfBirth-year", "1979"))
                .andExpect(status().isOk());
        // A failed sign-in whose username is a name.
        mvc.perform(post("/sign-in").with(csrf()).param("username", "zephyrine.quillfeather").param("password", "Larkspur Mews"))
                .andExpect(status().is3xxRedirection());

        String logged = logged();
        assertThat(logged).contains(canary);
        assertThat(output.getAll()).contains(canary);
        List<String> found = new ArrayList<>();
        for (String value : PERSONAL_DATA) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (logged.toLowerCase(Locale.ROOT).contains(lower) || output.getAll().toLowerCase(Locale.ROOT).contains(lower)) {
                found.add(value);
            }
        }
        assertThat(found).as("personal data in the logs:%n%s%n%s", logged, output.getAll()).isEmpty();
    }

    /** Every captured event as a log file would hold it: message, arguments, MDC, key-values, stack traces. */
    private String logged() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events.list) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    text.append(' ').append(argument);
                }
            }
            if (event.getKeyValuePairs() != null) {
                text.append(' ').append(event.getKeyValuePairs());
            }
            if (event.getThrowableProxy() != null) {
                text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            text.append('\n');
        }
        return text.toString();
    }
}

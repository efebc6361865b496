package org.waymark.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consulting existing records in a real browser: the midwife records a woman; a police officer later
 * types her nickname and married name, sees the midwifery record as a candidate (agency and reasons
 * only), saves and links.
 */
class PeopleBrowserTests extends BrowserTest {

    private void dateOfBirth(String day, String month, String year) {
        browser.type("dateOfBirth-day", day);
        browser.type("dateOfBirth-month", month);
        browser.type("dateOfBirth-year", year);
    }

    @Test
    void aPoliceOfficerFindsTheMidwifeRecordOfAWomanRecordedUnderHerMaidenNameAndLinksIt() throws Exception {
        String maiden = "Vq" + UUID.randomUUID().toString().replace("-", "").chars().limit(6).collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        signIn("demo.health");
        browser.open("/people/new");
        browser.assertAccessible();
        browser.type("givenName", "Catherine");
        browser.type("familyName", maiden);
        dateOfBirth("3", "7", "1991");
        browser.submit("check");
        browser.submit("save-new");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("Saved as a new person");
        browser.assertAccessible();
        java.time.LocalDate booking = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusMonths(3);
        recordIncident(booking, "PROMPTED_DISCLOSURE", "Disclosed to the midwife at the booking visit");

        signIn("demo.police");
        browser.open("/people/new");
        browser.submit("check");
        assertThat(browser.text(".govuk-error-summary")).contains("Enter a given name or a family name");
        browser.assertAccessible();

        browser.type("givenName", "Katie");
        browser.type("familyName", "Morris");
        browser.type("previousNames", maiden);
        dateOfBirth("31", "2", "1991");
        browser.submit("check");
        assertThat(browser.text(".govuk-error-summary")).contains("Date of birth must be a real date");
        browser.assertAccessible();
        dateOfBirth("7", "3", "1991");
        browser.submit("check");
        String candidate = browser.text("#candidate-0");
        assertThat(candidate).contains("A record held by Wrekin Vale Midwifery")
                .contains("Date of birth matches").doesNotContain("Catherine");
        browser.assertAccessible();
        browser.screenshot("20-people-candidates");

        browser.submit("link-0");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("linked");
        assertThat(browser.driver.findElement(By.cssSelector("main table")).getText())
                .contains("A record held by Wrekin Vale Midwifery");
        browser.assertAccessible();
        browser.screenshot("21-people-linked");

        recordIncident(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(5), "POLICE_CALL_OUT",
                "Officers attended after a neighbour called");
        // One chronology: her police incident in full, the midwife's without its account.
        String chronology = browser.text("#chronology");
        assertThat(chronology).contains("Wrekin Vale Midwifery").contains("Wrekin Vale Police")
                .contains("Officers attended").doesNotContain("booking visit");
        assertThat(browser.text("#fact-incidents")).isEqualTo("2");
        browser.assertAccessible();
        browser.screenshot("22-people-chronology");
        browser.submit("record-incident");
        browser.open(browser.path().replace("/incidents/new", "/details"));
        browser.assertAccessible();
    }

    private void recordIncident(java.time.LocalDate when, String cameToLight, String narrative) throws Exception {
        browser.submit("record-incident-link");
        browser.assertAccessible();
        browser.type("occurredOn-day", Integer.toString(when.getDayOfMonth()));
        browser.type("occurredOn-month", Integer.toString(when.getMonthValue()));
        browser.type("occurredOn-year", Integer.toString(when.getYear()));
        browser.driver.findElement(By.id(cameToLight.equals("POLICE_CALL_OUT") ? "cameToLight" : "cameToLight-" + cameToLight)).click();
        browser.type("narrative", narrative);
        browser.submit("save");
        assertThat(browser.path()).endsWith("/chronology");
    }
}

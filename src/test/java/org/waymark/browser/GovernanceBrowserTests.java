package org.waymark.browser;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.governance.Retention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Information governance in a real browser: an officer opens subject access from a person's page and sees who
 * has accessed the record; the police safeguarding lead finds the record in the retention queue once it falls
 * due, is told a decision needs a reason, and keeps it with one.
 */
class GovernanceBrowserTests extends BrowserTest {

    @Autowired
    Retention retention;


    @Test
    void subjectAccessFromThePersonPageAndARetentionDecisionThatNeedsAReason() throws Exception {
        String surname = "Gv" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        signIn("demo.police");
        browser.open("/people/new");
        browser.type("givenName", "Carys");
        browser.type("familyName", surname);
        browser.submit("check");
        browser.submit("save-new");
        String personPath = browser.path();

        browser.submit("subject-access-link");
        assertThat(browser.text("h1")).isEqualTo("Subject access");
        assertThat(browser.text("#access-report")).contains("demo.police").contains("Created the record");
        assertThat(browser.text("#no-disclosures")).isEqualTo("None.");
        browser.assertAccessible();
        browser.screenshot("60-subject-access");

        // Six years on, with no case, the record is due for review.
        retention.listDue(LocalDate.now().plusYears(7));
        String personId = personPath.substring(personPath.lastIndexOf('/') + 1);
        signIn("demo.policelead");
        browser.open("/governance/retention");
        browser.assertAccessible();
        browser.driver.findElement(By.linkText("Person record " + personId)).click();
        assertThat(browser.text("#review")).contains("Person on no case");
        browser.assertAccessible();
        browser.submit("decide");
        assertThat(browser.text(".govuk-error-summary")).contains("Select whether to anonymise the record or keep it")
                .contains("Give the reason for your decision");
        browser.assertAccessible();
        browser.screenshot("61-retention-decision-errors");
        browser.click("decision-keep");
        browser.type("rationale", "Proceedings in the family court are still running");
        browser.submit("decide");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("Kept until");
        assertThat(browser.text("#decided")).contains("Person record " + personId).contains("DS Pat Lead");
        browser.assertAccessible();
    }
}

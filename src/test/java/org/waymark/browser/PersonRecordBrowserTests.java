package org.waymark.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of a person's record in a real browser, every page checked for accessibility: an alias (with the
 * error summary first), the agency's reference, and who lives with her.
 */
class PersonRecordBrowserTests extends BrowserTest {

    private static String unique() {
        return "Vq" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
    }

    private String recordNew(String given, String family) {
        browser.open("/people/new");
        browser.type("givenName", given);
        browser.type("familyName", family);
        browser.submit("check");
        browser.submit("save-new");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("Saved as a new person");
        return browser.path();
    }

    @Test
    void aWorkerAddsHerAliasHerReferenceAndWhoLivesWithHer() throws Exception {
        signIn("demo.police");
        String sister = unique();
        recordNew("Rhian", sister);
        String alias = unique();
        String her = recordNew("Erin", unique());

        browser.submit("add-other-name");
        browser.type("familyName", alias);
        browser.submit("save-other-name");
        assertThat(browser.text(".govuk-error-summary")).contains("Select whether it is a previous name or an alias");
        browser.assertAccessible();
        browser.driver.findElement(By.id("kind-alias")).click();
        browser.type("givenName", "Ren");
        browser.submit("save-other-name");
        assertThat(browser.text("#aliases")).isEqualTo("Ren " + alias);

        browser.submit("add-reference");
        browser.assertAccessible();
        browser.type("reference", "CRIME/2026/" + alias);
        browser.submit("save-reference");
        assertThat(browser.text("#references")).contains("CRIME/2026/" + alias);

        browser.submit("change-household");
        browser.assertAccessible();
        new Select(browser.driver.findElement(By.id("otherPersonId"))).selectByVisibleText("Rhian " + sister);
        browser.type("from-day", "1");
        browser.type("from-month", "9");
        browser.type("from-year", "2025");
        browser.submit("save-household");
        assertThat(browser.path()).startsWith(her);
        assertThat(browser.text("#household-members")).contains("Rhian " + sister).contains("2025-09-01")
                .contains("Lives there now");
        browser.assertAccessible();
        browser.screenshot("23-person-names-references-household");
    }
}

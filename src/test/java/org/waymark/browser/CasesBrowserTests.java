package org.waymark.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case in a real browser: a police officer records a victim with a refuge address and an incident,
 * opens the case, records a decision to share it with the IDVA service; the IDVA sees the case with the
 * address withheld; a school breaks glass and the officer is told.
 */
class CasesBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;


    @Test
    void aPoliceCaseIsSharedWithTheIdvaServiceWhoSeesTheRefugeAddressWithheldAndABreakGlassIsNotified() throws Exception {
        String surname = "Cb" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        signIn("demo.police");
        browser.open("/people/new");
        browser.type("givenName", "Leah");
        browser.type("familyName", surname);
        browser.type("address", "2 Willow Refuge Close");
        browser.click("addressRestricted");
        browser.submit("check");
        browser.submit("save-new");
        String personPath = browser.path();

        browser.submit("record-incident-link");
        LocalDate when = LocalDate.now(ZoneId.of("Europe/London")).minusDays(2);
        browser.type("occurredOn-day", Integer.toString(when.getDayOfMonth()));
        browser.type("occurredOn-month", Integer.toString(when.getMonthValue()));
        browser.type("occurredOn-year", Integer.toString(when.getYear()));
        browser.click("cameToLight");
        browser.type("narrative", "Officers attended; she had a cut lip");
        browser.type("whoElseKnows", "her mother\nGP surgery");
        browser.submit("save");

        browser.open(personPath);
        browser.submit("case-link");
        assertThat(browser.text("#relationship")).isEqualTo("You are allocated to this case");
        assertThat(browser.text("#case-people")).contains("Leah " + surname);
        assertThat(browser.text("#who-else-knows")).contains("her mother").contains("GP surgery");
        assertThat(browser.text("#case-chronology")).contains("Officers attended");
        browser.assertAccessible();
        browser.screenshot("40-case");
        String casePath = browser.path();
        String reference = browser.text(".govuk-caption-l").replace("Case ", "");

        browser.submit("record-sharing");
        browser.assertAccessible();
        browser.submit("save-decision");
        assertThat(browser.text(".govuk-error-summary")).contains("Select whether you are sharing or not sharing")
                .contains("Give the reason for the decision");
        browser.assertAccessible();
        browser.click("decision");
        new Select(browser.driver.findElement(By.id("withAgencyId"))).selectByVisibleText("Haven IDVA Service");
        browser.type("what", "The case, the incident and her contact preferences");
        browser.click("consent");
        browser.click("lawfulBasis");
        new Select(browser.driver.findElement(By.id("basis"))).selectByValue("REFERRED");
        new Select(browser.driver.findElement(By.id("worksWith"))).selectByValue("VICTIM");
        browser.type("rationale", "High risk; she agreed to an IDVA");
        browser.submit("save-decision");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("Decision to share recorded");
        assertThat(browser.text("#case-agencies")).contains("Haven IDVA Service");
        assertThat(browser.text("#decision-0")).contains("Shared with Haven IDVA Service").contains("her mother");
        browser.assertAccessible();

        signIn("demo.idva");
        browser.open("/cases");
        assertThat(browser.text("#cases")).contains(reference);
        browser.open(casePath);
        assertThat(browser.text("#relationship")).isEqualTo("Your agency is involved in this case");
        browser.driver.findElement(By.linkText("Leah " + surname)).click();
        assertThat(browser.text("#address")).contains("Withheld").doesNotContain("Willow");

        signIn("demo.school");
        browser.open(casePath);
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        browser.open("/cases/break-glass");
        browser.assertAccessible();
        browser.type("reference", reference);
        browser.type("reason", "Her son disclosed at school this morning");
        browser.submit("break-glass");
        assertThat(browser.text("#break-glass-banner")).contains("break-glass access");
        browser.assertAccessible();
        browser.screenshot("41-case-break-glass");

        signIn("demo.police");
        assertThat(browser.driver.findElements(By.cssSelector("#notifications-link .govuk-tag"))).hasSize(1);
        browser.submit("notifications-link");
        assertThat(browser.text("#notifications")).contains("Sam School (Millbrook Primary School) opened case " + reference)
                .doesNotContain("Her son disclosed at school");
        browser.assertAccessible();
        browser.open("/tasks");
        browser.assertAccessible();
        browser.open(personPath);
        browser.submit("add-address");
        browser.assertAccessible();
        browser.submit("save-address");
        assertThat(browser.text(".govuk-error-summary")).contains("Enter the address");
        browser.assertAccessible();
        browser.type("address", "14 New Road");
        browser.type("from-day", "1");
        browser.type("from-month", "2");
        browser.type("from-year", "2019");
        browser.type("to-day", "1");
        browser.type("to-month", "3");
        browser.type("to-year", "2024");
        browser.submit("save-address");
        assertThat(browser.text("#address-history")).contains("14 New Road").contains("2 Willow Refuge Close");
        browser.submit("add-contact");
        browser.assertAccessible();
    }
}

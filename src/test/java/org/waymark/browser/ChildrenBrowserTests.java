package org.waymark.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The children's pathway in a real browser (issue 5): a police officer notifies the MASH of an incident with a
 * four-month-old baby and a seven-year-old who heard it; the MASH officer sees it in triage with the referral to
 * children's social care required; the school's safeguarding lead sees the notification for the seven-year-old
 * only, without the address or the account, and acknowledges it.
 */
class ChildrenBrowserTests extends BrowserTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");



    private String person(String given, String family, LocalDate born, String address) {
        browser.open("/people/new");
        browser.type("givenName", given);
        browser.type("familyName", family);
        browser.type("dateOfBirth-day", Integer.toString(born.getDayOfMonth()));
        browser.type("dateOfBirth-month", Integer.toString(born.getMonthValue()));
        browser.type("dateOfBirth-year", Integer.toString(born.getYear()));
        if (address != null) {
            browser.type("address", address);
        }
        browser.submit("check");
        browser.submit("save-new");
        return browser.path();
    }

    @Test
    void aPoliceNotificationReachesTheMashAndOnlyTheSevenYearOldsSchoolWhichAcknowledgesIt() throws Exception {
        String surname = "Ch" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        LocalDate today = LocalDate.now(LONDON);
        signIn("demo.police");
        String victim = person("Nadia", surname, LocalDate.of(1991, 4, 2), "27 Rowan Court");
        person("Ava", surname, today.minusMonths(4), null);
        person("Leo", surname, today.minusYears(7).minusDays(20), null);

        browser.open(victim + "/incidents/new");
        browser.type("occurredOn-day", Integer.toString(today.getDayOfMonth()));
        browser.type("occurredOn-month", Integer.toString(today.getMonthValue()));
        browser.type("occurredOn-year", Integer.toString(today.getYear()));
        browser.click("cameToLight");
        new Select(browser.driver.findElement(By.id("child-0"))).selectByVisibleText("Ava " + surname);
        new Select(browser.driver.findElement(By.id("experience-0"))).selectByValue("PRESENT");
        new Select(browser.driver.findElement(By.id("child-1"))).selectByVisibleText("Leo " + surname);
        new Select(browser.driver.findElement(By.id("experience-1"))).selectByValue("HEARD");
        browser.type("narrative", "Neighbours called about screaming; the kitchen door was smashed");
        browser.submit("save");

        browser.open("/children/notifications");
        browser.assertAccessible();
        browser.driver.findElement(By.xpath("//tr[td[contains(., 'Nadia " + surname + "')]]//a")).click();
        assertThat(browser.text("h1")).isEqualTo("Notify the MASH");
        browser.assertAccessible();
        browser.submit("send");
        assertThat(browser.text(".govuk-error-summary")).contains("Select whether Ava " + surname + " lives in the household")
                .contains("Select whether the victim is pregnant");
        browser.assertAccessible();
        browser.click("child-0-livesInHousehold");
        browser.click("child-1-livesInHousehold");
        browser.type("child-1-demeanour", "Quiet and watchful");
        new Select(browser.driver.findElement(By.id("child-1-school"))).selectByVisibleText("Millbrook Primary School");
        browser.type("child-1-supportSuggested", "A calm start to the day with his teaching assistant");
        browser.click("victimPregnant-no");
        browser.submit("send");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("The MASH has been notified");
        assertThat(browser.text("#progress")).contains("To the daily multi-agency triage panel")
                .contains("School: Leo " + surname).doesNotContain("School: Ava");
        String reference = browser.text(".govuk-caption-l");
        browser.assertAccessible();
        browser.screenshot("50-police-notification");

        signIn("demo.mash");
        browser.open("/mash/triage");
        assertThat(browser.text("#triage-queue")).contains(reference);
        browser.assertAccessible();
        browser.driver.findElement(By.linkText(reference)).click();
        assertThat(browser.text("#referral-required")).contains("A referral to children's social care is required");
        assertThat(browser.text("#recommended")).isEqualTo("Strategy discussion (Section 47)");
        browser.assertAccessible();
        browser.screenshot("51-mash-triage");

        signIn("demo.school");
        browser.open("/school-notifications");
        assertThat(browser.text("#notices")).contains("Leo " + surname).doesNotContain("Ava");
        browser.driver.findElement(By.linkText("Leo " + surname)).click();
        String page = browser.text("main");
        assertThat(page).contains("Yes, the child heard what happened")
                .contains("A calm start to the day with his teaching assistant")
                .doesNotContain("Rowan Court").doesNotContain("kitchen door").doesNotContain("Nadia").doesNotContain("Ava");
        browser.assertAccessible();
        browser.submit("acknowledge");
        assertThat(browser.text("#notice-status")).contains("Acknowledged by Sam School");
        browser.assertAccessible();
        browser.screenshot("52-school-notification");
    }
}

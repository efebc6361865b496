package org.waymark.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.risk.Instrument;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.ProcedureRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MARAC cycle in a real browser: the police complete a DASH with 15 yes answers and refer her; the
 * coordinator reviews and the case is listed at the next meeting; the school records its research; at the
 * meeting an action goes to housing, and the housing officer sees it among their agency's actions.
 */
class MaracBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcedureRules rules;


    private void check(String id) {
        browser.driver.findElement(By.id(id)).click();
    }

    @Test
    void policeReferAfterA15YesDashTheCoordinatorListsItTheSchoolResearchesAndHousingSeesItsAction() throws Exception {
        String surname = "Mb" + UUID.randomUUID().toString().replace("-", "").chars().limit(6)
                .collect(StringBuilder::new, (b, c) -> b.append((char) ('a' + Character.digit(c, 16))), StringBuilder::append);
        signIn("demo.police");
        browser.open("/people/new");
        browser.type("givenName", "Nadia");
        browser.type("familyName", surname);
        browser.submit("check");
        browser.submit("save-new");
        String personPath = browser.path();
        String personId = personPath.substring(personPath.lastIndexOf('/') + 1);

        // The DASH about her: 15 yes answers.
        browser.submit("start-dash-link");
        browser.submit("start");
        String taskList = browser.path();
        browser.submit("people");
        browser.type("victimAgeYears", "34");
        browser.type("perpetratorAgeYears", "36");
        browser.submit("save");
        browser.submit("children");
        browser.submit("save");
        browser.submit("incident");
        check("severity-STANDARD");
        browser.submit("save");
        Instrument dash = rules.instruments().latest(InstrumentCatalogue.DASH_RIC).orElseThrow();
        for (Instrument.Section section : dash.sections()) {
            browser.submit("dash-" + section.id());
            for (Instrument.Question q : dash.questionsIn(section.id())) {
                check(q.number() <= 15 ? "q" + q.number() : "q" + q.number() + "-NO");
            }
            browser.submit("save");
        }
        assertThat(browser.text("#yes-count")).isEqualTo("15");
        browser.submit("s-dash");
        browser.submit("save");
        browser.submit("judgement");
        check("assessedRiskLevel-FROM_SCORE");
        check("professionalJudgementSeriousConcern-no");
        browser.submit("save");
        assertThat(browser.path()).isEqualTo(taskList);
        browser.submit("check-answers");
        browser.submit("complete");
        assertThat(browser.text("#risk-level")).isEqualTo("High");

        // The referral: first without the required answers, then complete.
        browser.open("/marac/referrals/new?personId=" + personId);
        browser.assertAccessible();
        browser.submit("send-referral");
        assertThat(browser.text(".govuk-error-summary")).contains("Select which MARAC criterion is met")
                .contains("Name the person or people causing harm");
        browser.assertAccessible();
        new Select(browser.driver.findElement(By.id("areaId"))).selectByVisibleText("Wrekin Vale MARAC area");
        browser.type("victimAge", "34");
        browser.type("referringOfficer", "PC Dana Police, response team");
        check("criteria");
        new Select(browser.driver.findElement(By.id("assessmentId"))).selectByIndex(1);
        check("victimAware");
        check("consent");
        browser.type("safeContact", "Text 07700 900777 before noon");
        browser.type("perpetrator0-name", "Karl " + surname);
        browser.type("household0-name", "Ruby " + surname);
        browser.submit("send-referral");
        assertThat(browser.text("#success-message")).contains("Referral sent");
        assertThat(browser.text("#referral-summary")).contains("15 yes on the DASH").contains("Text 07700 900777 before noon");
        browser.assertAccessible();
        browser.screenshot("60-marac-referral");
        String referralPath = browser.path();

        // The coordinator reviews it from the dashboard; it is listed at the next meeting.
        signIn("demo.marac");
        browser.open("/marac");
        browser.assertAccessible();
        browser.driver.findElement(By.linkText("Nadia " + surname)).click();
        assertThat(browser.text("#safe-contact")).contains("Withheld");
        browser.type("immediateAction", "Police marker on her address; IDVA to call today");
        browser.submit("record-review");
        assertThat(browser.text("#success-message")).contains("listed at the MARAC on");
        browser.assertAccessible();
        browser.submit("meeting-link");
        String meetingPath = browser.path();
        assertThat(browser.text("#agenda")).contains("Nadia " + surname).contains("Karl " + surname)
                .doesNotContain("07700");
        browser.assertAccessible();
        browser.submit("circulate");
        assertThat(browser.text("#agenda-status")).isEqualTo("Agenda circulated.");
        browser.screenshot("61-marac-agenda");

        // The school's designated safeguarding lead records its research.
        signIn("demo.school");
        browser.open("/marac");
        assertThat(browser.text("#research-due")).contains("Research for Wrekin Vale MARAC area on");
        browser.open(meetingPath);
        browser.driver.findElement(By.cssSelector("#agenda a[href='" + referralPath + "']")).click();
        assertThat(browser.text("#safe-contact")).doesNotContain("07700");
        browser.type("known", "Ruby is in year 2; she was withdrawn and tired this term");
        browser.type("involvement", "Designated safeguarding lead; Operation Encompass notifications");
        browser.submit("record-research");
        assertThat(browser.text("#success-message")).isEqualTo("Research recorded");
        browser.assertAccessible();

        // At the meeting, an action for housing.
        signIn("demo.marac");
        browser.open(referralPath);
        new Select(browser.driver.findElement(By.id("owningAgencyId"))).selectByVisibleText("Wrekin Vale Homes");
        browser.type("ownerName", "Hollis Housing");
        browser.type("description", "Fit a door chain and window locks at her home");
        LocalDate due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(10);
        browser.type("dueDate-day", Integer.toString(due.getDayOfMonth()));
        browser.type("dueDate-month", Integer.toString(due.getMonthValue()));
        browser.type("dueDate-year", Integer.toString(due.getYear()));
        browser.submit("add-action");
        assertThat(browser.text("#actions")).contains("Fit a door chain").contains("Wrekin Vale Homes");
        browser.assertAccessible();

        signIn("demo.housing");
        browser.open("/marac");
        assertThat(browser.text("#my-actions")).contains("Fit a door chain and window locks at her home")
                .contains("Hollis Housing").doesNotContain("07700");
        browser.assertAccessible();
        browser.screenshot("62-marac-housing-actions");
    }
}

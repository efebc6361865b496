package org.waymark.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.TestData;
import org.waymark.risk.Instrument;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.ProcedureRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A police officer completes a DASH in a real browser: task list, a few questions per page, check
 * answers, the explained result, and a decision not to act that needs its rationale.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskAssessmentBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ProcedureRules rules;

    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        assertThat(Browser.available()).as("Chromium and chromedriver must be installed").isTrue();
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedIn() {
        data.demoPartnership();
        browser.driver.manage().deleteAllCookies();
        browser.open("/sign-in");
        browser.type("username", "demo.police");
        browser.type("password", "demo");
        browser.submit("sign-in");
    }

    private void check(String id) {
        browser.driver.findElement(By.id(id)).click();
    }

    @Test
    void aPoliceOfficerCompletesADashAndRecordsWhyAnActionWillNotBeTaken() throws Exception {
        browser.open("/");
        browser.submit(findLink("Risk assessments (DASH)"));
        browser.assertAccessible();
        browser.submit("start-assessment");
        browser.assertAccessible();
        browser.type("victimReference", "Katie Browser-Test");
        browser.submit("start");
        String taskList = browser.path();
        assertThat(taskList).matches("/risk-assessments/[0-9a-f-]{36}");
        browser.assertAccessible();
        browser.screenshot("10-dash-task-list");

        // About the people, with one bad value first.
        browser.submit("people");
        browser.type("victimAgeYears", "twenty");
        browser.submit("save");
        assertThat(browser.text(".govuk-error-summary")).contains("The victim's age must be a whole number");
        browser.assertAccessible();
        browser.type("victimAgeYears", "27");
        browser.type("perpetratorAgeYears", "30");
        browser.submit("save");
        assertThat(browser.path()).isEqualTo(taskList);

        // A child who heard the incident and goes to nursery.
        browser.submit("children");
        browser.type("childName", "L");
        browser.type("childAgeYears", "4");
        check("childFlags-livesInHousehold");
        check("childFlags-experiencedIncident");
        check("childFlags-attendsSchoolOrNursery");
        browser.submit("add-child");
        assertThat(browser.text(".govuk-summary-card")).contains("4 years");
        browser.assertAccessible();
        browser.submit("save");

        browser.submit("incident");
        browser.assertAccessible();
        check("severity-STANDARD");
        check("incidentIndicators-threatsToKill");
        browser.submit("save");
        assertThat(browser.path()).isEqualTo(taskList);

        // The checklist: 15 yes answers.
        Instrument dash = rules.instruments().latest(InstrumentCatalogue.DASH_RIC).orElseThrow();
        for (Instrument.Section section : dash.sections()) {
            browser.submit("dash-" + section.id());
            browser.assertAccessible();
            for (Instrument.Question q : dash.questionsIn(section.id())) {
                check(q.number() <= 15 ? "q" + q.number() : "q" + q.number() + "-NO");
            }
            browser.submit("save");
        }
        assertThat(browser.text("#yes-count")).isEqualTo("15");
        assertThat(browser.driver.findElements(By.id("s-dash"))).as("question 8 was yes: stalking questions offered").isNotEmpty();
        browser.submit("s-dash");
        browser.assertAccessible();
        browser.submit("save");

        browser.submit("matrix");
        browser.assertAccessible();
        check("dvrimScale-3");
        browser.type("dvrimRationale", "The child heard the assault and is frightened at home.");
        browser.submit("save");

        browser.submit("judgement");
        browser.assertAccessible();
        check("assessedRiskLevel-FROM_SCORE");
        check("professionalJudgementSeriousConcern-no");
        browser.submit("save");

        browser.submit("check-answers");
        browser.assertAccessible();
        browser.screenshot("11-dash-check-answers");
        browser.submit("complete");

        assertThat(browser.path()).endsWith("/result");
        assertThat(browser.text("#risk-level")).isEqualTo("High");
        assertThat(browser.text("#marac-criteria")).contains("14 or more");
        assertThat(browser.text("#action-REFER_MARAC")).contains("R1").contains("WM-2.24");
        assertThat(browser.text("#action-NOTIFY_SCHOOL-0")).contains("L");
        browser.assertAccessible();
        browser.screenshot("12-dash-result");

        // Decide on every action; decline the school notification without a reason first.
        for (WebElement radio : browser.driver.findElements(By.cssSelector("input[type=radio][value=WILL_TAKE]"))) {
            radio.click();
        }
        check("decision-NOTIFY_SCHOOL-0-not");
        browser.submit("record-decisions");
        assertThat(browser.text(".govuk-error-summary")).contains("Explain why you will not do this");
        browser.assertAccessible();
        browser.screenshot("13-dash-rationale-needed");
        browser.type("rationale-NOTIFY_SCHOOL-0", "Nursery already told by the health visitor this morning.");
        browser.submit("record-decisions");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("decisions have been recorded");
    }

    private String findLink(String text) {
        WebElement link = browser.driver.findElement(By.linkText(text));
        String id = "home-task-link";
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].id = arguments[1]", link, id);
        return id;
    }
}

package org.waymark.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** The web shell in a real headless Chromium: sign in, home page, sign out, errors, accessibility. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        assertThat(Browser.available())
                .as("Chromium and chromedriver must be installed (apt-get install chromium chromium-driver)")
                .isTrue();
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOutWithDemoData() {
        data.demoPartnership();
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void aDemoUserSignsInSeesTheirAgencyAndSignsOut() throws Exception {
        browser.open("/");
        assertThat(browser.path()).startsWith("/sign-in");
        browser.assertAccessible();
        browser.screenshot("01-sign-in");
        Cookie before = browser.driver.manage().getCookieNamed("WAYMARK_SESSION");

        browser.type("username", "demo.police");
        browser.type("password", "demo");
        browser.submit("sign-in");

        // Back to the page first asked for (Spring Security marks it "?continue").
        assertThat(browser.path()).matches("/(\\?continue)?");
        assertThat(browser.text("#signed-in-user")).contains("PC Dana Police").contains("Wrekin Vale Police");
        assertThat(browser.text("#home-agency")).isEqualTo("Wrekin Vale Police");
        Cookie after = browser.driver.manage().getCookieNamed("WAYMARK_SESSION");
        assertThat(after.isHttpOnly()).isTrue();
        if (before != null) {
            assertThat(after.getValue()).as("sign-in rotates the session id").isNotEqualTo(before.getValue());
        }
        browser.assertAccessible();
        browser.screenshot("02-home-police");

        browser.submit("sign-out");
        assertThat(browser.path()).startsWith("/sign-in");
        assertThat(browser.driver.findElement(By.id("signed-out-title")).isDisplayed()).isTrue();
        browser.open("/");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    @Test
    void aWrongPasswordShowsTheErrorSummary() throws Exception {
        browser.open("/sign-in");
        browser.type("username", "demo.police");
        browser.type("password", "wrong");
        browser.submit("sign-in");

        assertThat(browser.path()).startsWith("/sign-in");
        assertThat(browser.text(".govuk-error-summary")).contains("There is a problem")
                .contains("Enter a correct username and password");
        browser.assertAccessible();
        browser.screenshot("03-sign-in-error");
    }

    @Test
    void anAdministratorAddsAnAgencyAfterCorrectingAnError() throws Exception {
        browser.open("/sign-in");
        browser.type("username", "demo.admin");
        browser.type("password", "demo");
        browser.submit("sign-in");
        browser.assertAccessible();

        browser.open("/admin/agencies/new");
        browser.assertAccessible();
        browser.type("name", "Vale Women's Aid " + System.nanoTime());
        browser.submit("save-agency");
        assertThat(browser.text(".govuk-error-summary")).contains("Select the type of agency");
        browser.assertAccessible();
        browser.screenshot("04-add-agency-error");

        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("type")))
                .selectByValue("SPECIALIST_DA_SERVICE");
        browser.submit("save-agency");
        assertThat(browser.path()).isEqualTo("/admin/agencies");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("Agency added");
        browser.assertAccessible();

        for (String page : List.of("/admin/users", "/admin/users/new", "/admin/audit", "/admin/audit/verification", "/accessibility", "/account/password")) {
            browser.open(page);
            browser.assertAccessible();
        }
        browser.screenshot("05-admin-audit");
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSite() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("WAYMARK_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
    }
}

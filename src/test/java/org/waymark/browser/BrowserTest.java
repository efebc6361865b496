package org.waymark.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journey in a real browser against the running application: one headless Chromium per test class, the demo
 * partnership loaded, and signing in through the real sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        assertThat(Browser.available()).as("Chromium and chromedriver must be installed").isTrue();
        browser = new Browser(port);
        data.demoPartnership();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Signs in afresh as a demo user (password "demo"). */
    void signIn(String user) {
        browser.driver.manage().deleteAllCookies();
        browser.open("/sign-in");
        browser.type("username", user);
        browser.type("password", "demo");
        browser.submit("sign-in");
    }
}

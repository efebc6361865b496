package org.waymark.tasks;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waymark.SignedIn;
import org.waymark.TestData;
import org.waymark.WaymarkTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Your work" shows a task to its agency, overdue work to the agency's managers, and nothing to other agencies. */
@WaymarkTest
class TasksPageTests {

    @Autowired
    Tasks tasks;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgencysTaskShowsOnItsListsOverdueFirstAndNotToOtherAgencies() throws Exception {
        data.demoPartnership();
        UUID police = jdbc.sql("select id from agency where name = 'Wrekin Vale Police'").query(UUID.class).single();
        String title = "Review notification " + UUID.randomUUID();
        tasks.create(new NewTask("TEST_REVIEW", title, "TEST_SUBJECT", UUID.randomUUID(), null, null, police,
                data.userId("demo.police"), null, Instant.now().plusSeconds(3600), true));
        mvc.perform(get("/tasks").session(SignedIn.as(mvc, "demo.police"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(title))).andExpect(content().string(containsString("Urgent")));
        mvc.perform(get("/api/v1/tasks").with(httpBasic("demo.police2", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/api/v1/tasks").with(httpBasic("demo.idva", "demo")))
                .andExpect(content().string(not(containsString(title))));
    }
}

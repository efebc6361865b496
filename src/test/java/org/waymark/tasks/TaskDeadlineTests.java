package org.waymark.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.TestData;
import org.waymark.WaymarkApplication;
import org.waymark.WaymarkTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadlines are durable: they fire once, survive a restart, and roll back with the work that set them. */
@WaymarkTest
class TaskDeadlineTests {

    @Autowired
    Tasks tasks;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void demoPartnership() {
        data.demoPartnership();
    }

    UUID agency(String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(UUID.class).single();
    }

    NewTask task(Instant due) {
        return new NewTask("SCHOOL_ACKNOWLEDGEMENT", "Acknowledge the notification", "TEST_SUBJECT", UUID.randomUUID(),
                "/tasks", null, agency("Wrekin Vale Police"), null, agency("Wrekin Vale MASH"), due, false);
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", timeout).isBefore(until);
            Thread.sleep(200);
        }
    }

    long escalations(UUID id) {
        return jdbc.sql("select count(*) from task_escalation where task_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void anOverdueTaskIsEscalatedOnceAndItsManagersAndTheEscalationAgencyAreTold() throws Exception {
        UUID id = tasks.create(task(Instant.now().plusSeconds(1)));
        await(() -> escalations(id) == 1, Duration.ofSeconds(20));
        Thread.sleep(2500);
        assertThat(escalations(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ESCALATE_OVERDUE_TASK' and object_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        UUID lead = data.userId("demo.policelead");
        UUID mash = data.userId("demo.mash");
        UUID officer = data.userId("demo.police");
        String message = "Overdue: Acknowledge the notification";
        assertThat(jdbc.sql("select recipient_id from notification where message = ? and created_at > now() - interval '1 minute'")
                .param(message).query(UUID.class).list()).contains(lead, mash).doesNotContain(officer);
    }

    @Test
    void aTaskDoneInTimeIsNeverEscalated() throws Exception {
        NewTask work = task(Instant.now().plusSeconds(1));
        UUID id = tasks.create(work);
        assertThat(tasks.complete(work.kind(), work.subjectType(), work.subjectId(), "Acknowledged")).isEqualTo(1);
        Thread.sleep(3500);
        assertThat(escalations(id)).isZero();
        assertThat(tasks.find(id).orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void aRolledBackTransactionLeavesNoTaskAndNoDeadline() {
        UUID[] id = new UUID[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            id[0] = tasks.create(task(Instant.now().plusSeconds(3600)));
            throw new IllegalStateException("the referral failed to save");
        })).hasMessageContaining("failed to save");
        assertThat(jdbc.sql("select count(*) from task where id = ?").param(id[0]).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(id[0].toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDeadlineSetBeforeARestartFiresOnceAfterIt() throws Exception {
        // This context's scheduler stands for a second instance; it is paused so the restart is what counts.
        scheduler.pause();
        try {
            UUID id;
            try (ConfigurableApplicationContext before = instance()) {
                id = before.getBean(Tasks.class).create(task(Instant.now().plusSeconds(4)));
            }
            assertThat(escalations(id)).isZero();
            Thread.sleep(4500);
            assertThat(escalations(id)).as("nobody was running when it fell due").isZero();
            try (ConfigurableApplicationContext after = instance()) {
                await(() -> escalations(id) == 1, Duration.ofSeconds(30));
            }
            scheduler.resume();
            Thread.sleep(2500);
            assertThat(escalations(id)).isEqualTo(1);
        } finally {
            scheduler.resume();
        }
    }

    private static ConfigurableApplicationContext instance() {
        // Port -1: the web configuration loads but listens nowhere.
        return new SpringApplicationBuilder(WaymarkApplication.class)
                .properties("server.port=-1", "waymark.scheduler.polling-interval=PT1S", "spring.jmx.enabled=false").run();
    }
}

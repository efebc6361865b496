package org.waymark.tasks.internal;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.tasks.Tasks;

/**
 * The durable deadline of every task: a db-scheduler one-time execution named after the task's id. It
 * fires once (db-scheduler picks each row with optimistic locking across instances) and is retried if the
 * instance dies or the escalation fails.
 */
@Configuration(proxyBeanMethods = false)
class TaskDeadlineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TaskDeadlineConfiguration.class);

    @Bean
    OneTimeTask<Void> taskDeadline(ObjectProvider<Tasks> tasks) {
        return com.github.kagkarlsson.scheduler.task.helper.Tasks.oneTime("task-deadline")
                .onFailureRetryLater()
                .execute((instance, context) -> {
                    if (tasks.getObject().escalateIfOpen(UUID.fromString(instance.getId()))) {
                        log.info("Task {} is overdue: escalated", instance.getId());
                    }
                });
    }
}

package org.waymark.platform.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler per application instance over the shared PostgreSQL. Modules contribute their
 * deadline and job handlers as {@code Task} beans. The data source is transaction-aware, so a deadline
 * scheduled inside a business transaction commits or rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks,
                        @Value("${waymark.scheduler.polling-interval:PT10S}") Duration pollingInterval,
                        @Value("${waymark.scheduler.threads:4}") int threads) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<OnStartup> recurring = (List) tasks.stream().filter(t -> t instanceof OnStartup).toList();
        // Recurring tasks are registered by startTasks; listing them in both places is refused as a duplicate.
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks((List) recurring)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Starts polling once the application is ready (migrations done, every bean in place). */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
    }
}

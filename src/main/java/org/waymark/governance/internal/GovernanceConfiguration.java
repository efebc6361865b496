package org.waymark.governance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.governance.Retention;
import org.waymark.governance.RetentionSchedule;

/**
 * The retention periods ({@code waymark.retention.*}) and the review job: a db-scheduler recurring task, so one
 * instance runs it at a time and a run missed while the service was down happens at the next start. The job
 * only lists records into the review queue; nothing is anonymised without a recorded decision.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GovernanceConfiguration.RetentionProperties.class)
class GovernanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GovernanceConfiguration.class);

    /**
     * @param closedCase             default P6Y
     * @param childrenUntilAge       default 25
     * @param childWithoutBirthDate  default P25Y
     * @param personWithoutCase      default P6Y
     * @param keepFor                default P1Y
     * @param reviewInterval         how often the review job runs, default 24 hours
     */
    @ConfigurationProperties("waymark.retention")
    record RetentionProperties(Period closedCase, Integer childrenUntilAge, Period childWithoutBirthDate,
                               Period personWithoutCase, Period keepFor, Duration reviewInterval) {

        RetentionSchedule schedule() {
            return new RetentionSchedule(closedCase == null ? Period.ofYears(6) : closedCase,
                    childrenUntilAge == null ? 25 : childrenUntilAge,
                    childWithoutBirthDate == null ? Period.ofYears(25) : childWithoutBirthDate,
                    personWithoutCase == null ? Period.ofYears(6) : personWithoutCase,
                    keepFor == null ? Period.ofYears(1) : keepFor);
        }
    }

    @Bean
    RetentionSchedule retentionSchedule(RetentionProperties properties) {
        return properties.schedule();
    }

    @Bean
    RecurringTask<Void> retentionReview(RetentionProperties properties, ObjectProvider<Retention> retention, Clock clock) {
        Duration every = properties.reviewInterval() == null ? Duration.ofHours(24) : properties.reviewInterval();
        return Tasks.recurring("retention-review", FixedDelay.of(every))
                .execute((instance, context) -> {
                    int listed = retention.getObject().listDue(LocalDate.now(clock));
                    if (listed > 0) {
                        log.info("Retention review: {} records listed for a decision", listed);
                    }
                });
    }
}

package org.waymark.platform.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.platform.RateLimit;
import org.waymark.platform.RateLimits;

/**
 * One row per scope, subject and window, incremented by an upsert (atomic under concurrent
 * instances: the conflicting insert waits for the row lock). Windows come from the database's clock
 * so instances with slightly different clocks still share them.
 */
@Service
class JdbcRateLimits implements RateLimits {

    // date_bin aligns every window to the same origin, so all instances agree where it starts.
    private static final String WINDOW_START =
            "date_bin(make_interval(secs => :seconds), now(), timestamptz '2000-01-01 00:00:00+00')";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    JdbcRateLimits(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // Its own transaction: a refused request rolls back its work but must still count.
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Decision hit(String scope, String subject, RateLimit limit) {
        return own.execute(status -> jdbc.sql("""
                        insert into rate_limit_counter (scope, subject, window_start, window_end, hits)
                        select :scope, :subject, w.start, w.start + make_interval(secs => :seconds), 1
                          from (select %s as start) w
                        on conflict (scope, subject, window_start)
                        do update set hits = least(rate_limit_counter.hits, 2147483646) + 1
                        returning hits, ceil(extract(epoch from window_end - now()))::bigint as retry_after
                        """.formatted(WINDOW_START))
                .param("scope", scope)
                .param("subject", subject(subject))
                .param("seconds", limit.per().toSeconds())
                .query((rs, row) -> new Decision(rs.getInt("hits") <= limit.max(), Math.max(1, rs.getLong("retry_after"))))
                .single());
    }

    @Override
    public Decision check(String scope, String subject, RateLimit limit) {
        return jdbc.sql("""
                        select hits, ceil(extract(epoch from window_end - now()))::bigint as retry_after
                          from rate_limit_counter
                         where scope = :scope and subject = :subject and window_start = %s
                        """.formatted(WINDOW_START))
                .param("scope", scope)
                .param("subject", subject(subject))
                .param("seconds", limit.per().toSeconds())
                .query((rs, row) -> new Decision(rs.getInt("hits") < limit.max(), Math.max(1, rs.getLong("retry_after"))))
                .optional()
                .orElse(new Decision(true, 0));
    }

    /** Ended windows are worthless; every instance may run this, the delete is idempotent. */
    @Scheduled(fixedDelayString = "${waymark.rate-limits.cleanup-interval:PT5M}", initialDelayString = "PT1M")
    int deleteEnded() {
        return jdbc.sql("delete from rate_limit_counter where window_end < now()").update();
    }

    private static String subject(String subject) {
        if (subject == null || subject.isBlank()) {
            return "(unknown)";
        }
        return subject.length() > 200 ? subject.substring(0, 200) : subject;
    }
}

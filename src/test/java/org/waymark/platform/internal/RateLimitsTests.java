package org.waymark.platform.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.WaymarkTest;
import org.waymark.platform.RateLimit;
import org.waymark.platform.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters behind every rate limit: exact under concurrency, and cleaned up once their window ends. */
@WaymarkTest
class RateLimitsTests {

    // A day-long window, so the test never straddles a window boundary (they fall at midnight UTC).
    private static final RateLimit TEN_A_DAY = new RateLimit(10, Duration.ofDays(1));

    @Autowired
    JdbcRateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentHitsAreCountedExactlyAndOnlyTheLimitIsAllowed() throws Exception {
        String subject = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RateLimits.Decision>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> limits.hit("test", subject, TEN_A_DAY));
            }
            int allowed = 0;
            for (Future<RateLimits.Decision> decision : pool.invokeAll(calls)) {
                if (decision.get().allowed()) {
                    allowed++;
                } else {
                    assertThat(decision.get().retryAfterSeconds()).isBetween(1L, 86_400L);
                }
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select hits from rate_limit_counter where scope = 'test' and subject = ?")
                .param(subject).query(Integer.class).single()).isEqualTo(40);
        assertThat(limits.check("test", subject, TEN_A_DAY).allowed()).isFalse();
        assertThat(limits.check("test", UUID.randomUUID().toString(), TEN_A_DAY).allowed()).isTrue();
    }

    @Test
    void checkingCountsNothing() {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 20; i++) {
            assertThat(limits.check("test", subject, TEN_A_DAY).allowed()).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from rate_limit_counter where subject = ?").param(subject)
                .query(Long.class).single()).isZero();
    }

    @Test
    void countersWhoseWindowHasEndedAreDeleted() {
        String ended = UUID.randomUUID().toString();
        String current = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into rate_limit_counter (scope, subject, window_start, window_end, hits)
                values ('test', ?, now() - interval '10 minutes', now() - interval '5 minutes', 7)""")
                .param(ended).update();
        limits.hit("test", current, TEN_A_DAY);

        assertThat(limits.deleteEnded()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select subject from rate_limit_counter where subject in (?, ?)").params(ended, current)
                .query(String.class).list()).containsExactly(current);
    }
}

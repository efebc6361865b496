package org.waymark.platform.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Waymark's clock: procedures count days and deadlines in Europe/London. Tests may replace it. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }
}

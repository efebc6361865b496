package org.waymark.platform.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.platform.WorkingCalendar;

/**
 * The England and Wales bank holidays ship with Waymark (calendar/england-and-wales-bank-holidays.csv);
 * an operator can point {@code waymark.calendar.bank-holidays-file} at a newer list (same format) without
 * a release. The file replaces the shipped list.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(@Value("${waymark.calendar.bank-holidays-file:}") String file,
                                    @Value("${waymark.calendar.end-of-working-day:17:00}") LocalTime endOfWorkingDay) {
        try (Reader reader = file.isBlank()
                ? new InputStreamReader(CalendarConfiguration.class.getResourceAsStream(
                        "/calendar/england-and-wales-bank-holidays.csv"), StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            WorkingCalendar calendar = WorkingCalendar.read(reader, endOfWorkingDay);
            log.info("Bank holidays {} to {} ({})", calendar.firstYearCovered(), calendar.lastYearCovered(),
                    file.isBlank() ? "shipped list" : file);
            return calendar;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bank holiday list " + file, e);
        }
    }
}

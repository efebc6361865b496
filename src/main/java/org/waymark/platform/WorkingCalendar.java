package org.waymark.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Working days in England and Wales: Monday to Friday, not bank holidays, in Europe/London. Plain Java
 * so the pathways' deadline rules stay pure; the Spring bean is built from the shipped bank-holiday list
 * (or an operator's newer file, see {@code waymark.calendar.bank-holidays-file}).
 */
public final class WorkingCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final NavigableMap<LocalDate, String> bankHolidays;
    private final LocalTime endOfWorkingDay;

    public WorkingCalendar(Map<LocalDate, String> bankHolidays, LocalTime endOfWorkingDay) {
        this.bankHolidays = Collections.unmodifiableNavigableMap(new TreeMap<>(bankHolidays));
        this.endOfWorkingDay = endOfWorkingDay;
    }

    /** Reads {@code date,name} rows (a header row first), as gov.uk publishes them. */
    public static WorkingCalendar read(Reader csv, LocalTime endOfWorkingDay) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        try {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
                try {
                    holidays.put(LocalDate.parse(row.get("date")), row.get("name"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Bank holiday list, line " + row.getRecordNumber()
                            + ": not a date (YYYY-MM-DD): " + row.get("date"), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("The bank holiday list is empty");
        }
        return new WorkingCalendar(holidays, endOfWorkingDay);
    }

    public boolean isBankHoliday(LocalDate day) {
        return bankHolidays.containsKey(day);
    }

    public String bankHolidayName(LocalDate day) {
        return bankHolidays.get(day);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isBankHoliday(day);
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The working day {@code days} working days after {@code day} (0: the day itself if working, else the next). */
    public LocalDate addWorkingDays(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate result = isWorkingDay(day) ? day : nextWorkingDayAfter(day);
        for (int i = 0; i < days; i++) {
            result = nextWorkingDayAfter(result);
        }
        return result;
    }

    /** The working day {@code days} working days before {@code day} (for "circulated 5 working days before"). */
    public LocalDate workingDaysBefore(LocalDate day, int days) {
        LocalDate result = day;
        for (int i = 0; i < days; i++) {
            result = result.minusDays(1);
            while (!isWorkingDay(result)) {
                result = result.minusDays(1);
            }
        }
        return result;
    }

    /** "By the end of the next working day": the close of the first working day after the day it arrived. */
    public ZonedDateTime endOfNextWorkingDay(Instant received) {
        LocalDate arrived = received.atZone(LONDON).toLocalDate();
        return nextWorkingDayAfter(arrived).atTime(endOfWorkingDay).atZone(LONDON);
    }

    public LocalTime endOfWorkingDay() {
        return endOfWorkingDay;
    }

    /** The years the bank holiday list covers; a deadline beyond them would be unsafe to trust. */
    public int firstYearCovered() {
        return bankHolidays.firstKey().getYear();
    }

    public int lastYearCovered() {
        return bankHolidays.lastKey().getYear();
    }
}

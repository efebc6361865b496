package org.waymark.people.matching;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates of birth. The contract format is YYYY-MM-DD; "DD/MM/YYYY" (UK style) and "YYYYMMDD" are
 * recovered but still counted as malformed by the batch command. Placeholder dates that systems
 * write when the date is unknown (1900-01-01, 1800-01-01, 0001-01-01, 9999-12-31) count as missing.
 */
public final class DatesOfBirth {

    /** How a raw value was understood. */
    public enum Quality { MISSING, ISO, RECOVERED, PLACEHOLDER, MALFORMED }

    /**
     * A parsed value. {@code digits} is "YYYYMMDD" whenever the value had year, month and day
     * digits (even an impossible date such as 1985-02-30, useful for one-digit comparisons);
     * {@code date} is null when the digits are not a real date.
     */
    public record Parsed(Quality quality, String digits, LocalDate date) {
        public int year() {
            return digits == null ? -1 : Integer.parseInt(digits.substring(0, 4));
        }

        public int month() {
            return digits == null ? -1 : Integer.parseInt(digits.substring(4, 6));
        }

        public int day() {
            return digits == null ? -1 : Integer.parseInt(digits.substring(6, 8));
        }
    }

    private static final Parsed MISSING = new Parsed(Quality.MISSING, null, null);

    private DatesOfBirth() {
    }

    public static Parsed parse(String raw) {
        if (raw == null) {
            return MISSING;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return MISSING;
        }
        String digits = null;
        boolean iso = false;
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && allDigits(s, 0, 4) && allDigits(s, 5, 7)
                && allDigits(s, 8, 10)) {
            digits = s.substring(0, 4) + s.substring(5, 7) + s.substring(8, 10);
            iso = true;
        } else if (s.length() == 10 && (s.charAt(2) == '/' || s.charAt(2) == '.' || s.charAt(2) == '-')
                && s.charAt(5) == s.charAt(2) && allDigits(s, 0, 2) && allDigits(s, 3, 5) && allDigits(s, 6, 10)) {
            digits = s.substring(6, 10) + s.substring(3, 5) + s.substring(0, 2);
        } else if (s.length() == 10 && s.charAt(4) == '/' && s.charAt(7) == '/' && allDigits(s, 0, 4)
                && allDigits(s, 5, 7) && allDigits(s, 8, 10)) {
            digits = s.substring(0, 4) + s.substring(5, 7) + s.substring(8, 10);
        } else if (s.length() == 8 && allDigits(s, 0, 8)) {
            digits = s;
        }
        if (digits == null) {
            return new Parsed(Quality.MALFORMED, null, null);
        }
        if (digits.equals("19000101") || digits.equals("18000101") || digits.equals("00010101")
                || digits.equals("99991231") || digits.equals("19010101") || digits.startsWith("0000")) {
            return new Parsed(Quality.PLACEHOLDER, null, null);
        }
        int y = Integer.parseInt(digits.substring(0, 4));
        int m = Integer.parseInt(digits.substring(4, 6));
        int d = Integer.parseInt(digits.substring(6, 8));
        LocalDate date = null;
        try {
            date = LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            // impossible date: keep the digits for partial comparison, count it as malformed
        }
        if (y < 1850 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) {
            return new Parsed(Quality.MALFORMED, digits, null);
        }
        if (date == null) {
            return new Parsed(Quality.MALFORMED, digits, null);
        }
        return new Parsed(iso ? Quality.ISO : Quality.RECOVERED, digits, date);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

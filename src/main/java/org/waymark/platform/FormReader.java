package org.waymark.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;


/** Reads a posted GOV.UK form, collecting a plain-English error for each field that cannot be read. */
public final class FormReader {

    private final MultiValueMap<String, String> form;
    public final List<FieldError> errors = new ArrayList<>();

    public FormReader(MultiValueMap<String, String> form) {
        this.form = form;
    }

    public String text(String name) {
        String value = form.getFirst(name);
        if (value != null && value.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold U+0000; only a forged post sends it.
            if (errors.stream().noneMatch(e -> e.field().equals(name))) {
                errors.add(new FieldError(name, "Remove the invisible NUL character from this answer"));
            }
            return null;
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String text(String name, int maxLength, String label) {
        String value = text(name);
        if (value != null && value.length() > maxLength) {
            errors.add(new FieldError(name, label + " must be " + maxLength + " characters or fewer"));
            return null;
        }
        return value;
    }

    public Integer number(String name, int min, int max, String label) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                errors.add(new FieldError(name, label + " must be between " + min + " and " + max));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, label + " must be a whole number, like 3"));
            return null;
        }
    }

    /** A yes/no radio: "yes", "no", or nothing chosen (null). */
    public Boolean yesNo(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("yes") && !value.equals("no")) {
            errors.add(new FieldError(name, "Select yes or no"));
            return null;
        }
        return value.equals("yes");
    }

    public Boolean requiredYesNo(String name, String message) {
        Boolean value = yesNo(name);
        if (value == null && errors.stream().noneMatch(e -> e.field().equals(name))) {
            errors.add(new FieldError(name, message));
        }
        return value;
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, String message) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, message));
            return null;
        }
    }

    /** The ticked boxes among the allowed values; anything else is ignored. */
    public Set<String> ticked(String name, List<String> allowed) {
        Set<String> ticked = new LinkedHashSet<>();
        List<String> values = form.get(name);
        if (values != null) {
            for (String value : values) {
                if (allowed.contains(value)) {
                    ticked.add(value);
                }
            }
        }
        return ticked;
    }

    /** A GOV.UK date input (name-day, name-month, name-year); blank means not given. */
    public LocalDate date(String name, String label, LocalDate latest) {
        String day = text(name + "-day");
        String month = text(name + "-month");
        String year = text(name + "-year");
        if (day == null && month == null && year == null) {
            return null;
        }
        if (day == null || month == null || year == null) {
            errors.add(new FieldError(name + "-day", label + " must include a day, month and year"));
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            if (date.isAfter(latest)) {
                errors.add(new FieldError(name + "-day", label + " must be today or in the past"));
                return null;
            }
            if (date.getYear() < 1900) {
                errors.add(new FieldError(name + "-year", label + " must be a real date"));
                return null;
            }
            return date;
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(new FieldError(name + "-day", label + " must be a real date"));
            return null;
        }
    }

    public int version() {
        Integer version = number("version", 0, Integer.MAX_VALUE, "Version");
        return version == null ? -1 : version;
    }
}

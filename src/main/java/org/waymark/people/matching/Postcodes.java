package org.waymark.people.matching;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * UK postcodes: upper case, spaces removed, validated with the lenient pattern
 * {@code [A-Z][A-HJ-Y]?[0-9][A-Z0-9]?[0-9][A-Z]{2}} and formatted "OUTWARD INWARD".
 * A value that is not a UK postcode (a typo, or a foreign code such as an Australian "2450")
 * is kept as its upper-case letters and digits so that it can still be compared.
 */
public final class Postcodes {

    private static final Pattern UK = Pattern.compile("[A-Z][A-HJ-Y]?[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA");

    private Postcodes() {
    }

    /** Upper-case letters and digits only, or null when blank. */
    public static String compact(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < raw.length(); i++) {
            char c = Character.toUpperCase(raw.charAt(i));
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** True when the value is a well-formed UK postcode (in any spacing or case). */
    public static boolean isValidUk(String raw) {
        String c = compact(raw);
        return c != null && UK.matcher(c).matches();
    }

    /** "s10ue" -> "S1 0UE"; a non-UK value is returned compacted; blank gives null. */
    public static String normalise(String raw) {
        String c = compact(raw);
        if (c == null) {
            return null;
        }
        if (UK.matcher(c).matches()) {
            return c.substring(0, c.length() - 3) + " " + c.substring(c.length() - 3);
        }
        return c;
    }

    /** The outward code ("S1" of "S1 0UE"), or null for a value that is not a UK postcode. */
    public static String outward(String normalised) {
        if (normalised == null) {
            return null;
        }
        int sp = normalised.indexOf(' ');
        return sp < 0 ? null : normalised.substring(0, sp);
    }

    /** The postcode area, its leading letters ("BS" of "BS36 7FQ"), or null. */
    public static String area(String normalised) {
        String out = outward(normalised);
        if (out == null) {
            return null;
        }
        int i = 0;
        while (i < out.length() && Character.isLetter(out.charAt(i))) {
            i++;
        }
        return out.substring(0, i).toUpperCase(Locale.ROOT);
    }
}

package org.waymark.people.matching;

/**
 * Phone numbers in a canonical UK national form: digits only, "+44 7700 900123", "0044 7700900123"
 * and "7700 900123" all become "07700900123". Numbers that do not look British keep their digits.
 */
public final class Phones {

    private Phones() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(14);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        String d = b.toString();
        if (d.startsWith("440") && d.length() == 13) {
            // +44 (0)7700 900123
            d = d.substring(2);
        } else if (d.startsWith("0044")) {
            d = "0" + d.substring(4);
        } else if (d.startsWith("44") && d.length() == 12) {
            d = "0" + d.substring(2);
        } else if (d.length() == 10 && d.charAt(0) != '0') {
            d = "0" + d;
        }
        if (d.startsWith("00")) {
            return d.length() >= 8 ? d : null;
        }
        return d.length() >= 6 ? d : null;
    }

    /** A UK mobile number (07...): personal, unlike a landline a household shares. */
    public static boolean isMobile(String normalised) {
        return normalised != null && normalised.length() == 11 && normalised.startsWith("07");
    }
}

package org.waymark.people.matching;

/**
 * NHS numbers: ten digits, the tenth a modulus-11 check digit (weights 10 down to 2 on the first
 * nine; check = 11 - (sum mod 11), 11 becomes 0, 10 means the number is invalid). Kept as a string.
 */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    /** Digits only when there are exactly ten of them, otherwise null. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        return b.length() == 10 ? b.toString() : null;
    }

    /** True when the value is ten digits (spaces allowed) whose check digit is right. */
    public static boolean isValid(String raw) {
        String d = normalise(raw);
        if (d == null) {
            return false;
        }
        int check = checkDigit(d.substring(0, 9));
        return check >= 0 && check == d.charAt(9) - '0';
    }

    /** The check digit for nine digits, or -1 when no check digit makes them valid. */
    public static int checkDigit(String nineDigits) {
        if (nineDigits.length() != 9) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /** "943 476 5919" display form. */
    public static String format(String normalised) {
        return normalised.substring(0, 3) + " " + normalised.substring(3, 6) + " " + normalised.substring(6);
    }
}

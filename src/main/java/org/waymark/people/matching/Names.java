package org.waymark.people.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Name normalisation: lower case, accents folded to ASCII, punctuation removed, single spaces. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private Names() {
    }

    /**
     * Normalises a name for comparison: "Kamiński" becomes "kaminski", "O'Brien" becomes "obrien",
     * "Smith-Jones" becomes "smith jones". Returns null when nothing is left.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        s = s.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            s = foldSpecialLetters(s);
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                b.append(c);
            } else if (c == '\'' || c == '\u2019' || c == '`' || c == '.') {
                // O'Brien -> obrien, St. -> st
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        String out = b.toString().strip();
        return out.isEmpty() ? null : out;
    }

    private static String foldSpecialLetters(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u0142' -> b.append('l'); // ł
                case '\u00f8' -> b.append('o'); // ø
                case '\u00e6' -> b.append("ae");
                case '\u0153' -> b.append("oe");
                case '\u00df' -> b.append("ss");
                case '\u0111', '\u00f0' -> b.append('d');
                case '\u0131' -> b.append('i'); // dotless i
                case '\u00fe' -> b.append("th");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Splits a normalised name into tokens. */
    public static List<String> tokens(String normalised) {
        List<String> out = new ArrayList<>(2);
        if (normalised == null) {
            return out;
        }
        int start = 0;
        for (int i = 0; i <= normalised.length(); i++) {
            if (i == normalised.length() || normalised.charAt(i) == ' ') {
                if (i > start) {
                    out.add(normalised.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The first token of a normalised name, or null. */
    public static String firstToken(String normalised) {
        if (normalised == null) {
            return null;
        }
        int sp = normalised.indexOf(' ');
        return sp < 0 ? normalised : normalised.substring(0, sp);
    }

    /** Normalised name with spaces removed ("van wijk" -> "vanwijk"). */
    public static String compact(String normalised) {
        return normalised == null ? null : normalised.replace(" ", "");
    }

    private static final String[][] FEMININE_ENDINGS = {
        {"dzka", "dzki"}, {"ska", "ski"}, {"cka", "cki"}, {"owa", "ow"}, {"ova", "ov"}, {"eva", "ev"},
        {"ina", "in"}, {"aite", "as"}, {"yte", "ys"},
    };

    /**
     * A family name with a feminine ending put back to the masculine form (Kowalska to Kowalski,
     * Ivanova to Ivanov), so that a brother and sister, or a wife who took her husband's name, share
     * one family name. Other names are returned unchanged.
     */
    public static String familyStem(String compact) {
        if (compact == null || compact.length() < 5) {
            return compact;
        }
        for (String[] e : FEMININE_ENDINGS) {
            if (compact.endsWith(e[0])) {
                return compact.substring(0, compact.length() - e[0].length()) + e[1];
            }
        }
        return compact;
    }

    static String collapse(String s) {
        return SPACES.matcher(s).replaceAll(" ");
    }

    static boolean isLetters(String s) {
        return s != null && !NOT_LETTER.matcher(s).find();
    }
}

package org.waymark.people.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Address normalisation for comparison: lower case, punctuation removed, common street words
 * abbreviated one way ("Road" and "Rd." both become "rd"), so "12 High Street, Leeds" and
 * "12 high st leeds" compare equal. The house number is the first token containing a digit.
 */
public final class Addresses {

    private static final Map<String, String> ABBREVIATIONS = new HashMap<>();

    static {
        String[][] pairs = {
            {"street", "st"}, {"str", "st"}, {"road", "rd"}, {"avenue", "ave"}, {"av", "ave"}, {"avn", "ave"},
            {"lane", "ln"}, {"drive", "dr"}, {"drv", "dr"}, {"close", "cl"}, {"crescent", "cres"}, {"cresc", "cres"},
            {"cr", "cres"}, {"court", "ct"}, {"place", "pl"}, {"square", "sq"}, {"terrace", "ter"}, {"terr", "ter"},
            {"gardens", "gdns"}, {"garden", "gdn"}, {"grove", "gr"}, {"gro", "gr"}, {"park", "pk"}, {"way", "wy"},
            {"mews", "mws"}, {"row", "rw"}, {"walk", "wlk"}, {"green", "grn"}, {"hill", "hl"}, {"highway", "hwy"},
            {"circuit", "cct"}, {"parade", "pde"}, {"boulevard", "blvd"}, {"view", "vw"}, {"saint", "st"},
            {"north", "n"}, {"south", "s"}, {"east", "e"}, {"west", "w"}, {"upper", "upr"}, {"lower", "lwr"},
            {"flat", "flat"}, {"apartment", "flat"}, {"apt", "flat"}, {"unit", "flat"}, {"number", "no"},
            {"house", "ho"}, {"cottages", "cotts"}, {"cottage", "cott"}, {"estate", "est"}, {"mount", "mt"},
            {"junction", "jct"}, {"centre", "ctr"}, {"center", "ctr"},
        };
        for (String[] p : pairs) {
            ABBREVIATIONS.put(p[0], p[1]);
        }
    }

    private Addresses() {
    }

    /** Normalised tokens of an address; an empty array when blank. */
    public static String[] tokens(String raw) {
        if (raw == null || raw.isBlank()) {
            return new String[0];
        }
        String s = raw.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else if (c == '\'' || c == '.' || c == '\u2019') {
                // "st." -> "st", "king's" -> "kings"
            } else if (c > 127 && Character.isLetter(c)) {
                String folded = Names.normalise(String.valueOf(c));
                if (folded != null) {
                    b.append(folded);
                }
            } else {
                b.append(' ');
            }
        }
        String[] parts = b.toString().trim().split(" +");
        if (parts.length == 1 && parts[0].isEmpty()) {
            return new String[0];
        }
        int n = 0;
        for (String p : parts) {
            String a = ABBREVIATIONS.getOrDefault(p, p);
            parts[n++] = a;
        }
        return n == parts.length ? parts : Arrays.copyOf(parts, n);
    }

    /**
     * The house number: the first token with a digit that is not a flat number ("Flat 2, 14 Mill Lane"
     * gives 14), or the flat number when there is nothing else; null when there is no number.
     */
    public static String houseNumber(String[] tokens) {
        String flat = null;
        for (int k = 0; k < tokens.length; k++) {
            String t = tokens[k];
            if (hasDigit(t)) {
                if (k > 0 && tokens[k - 1].equals("flat")) {
                    if (flat == null) {
                        flat = t;
                    }
                    continue;
                }
                return t;
            }
        }
        return flat;
    }

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The first purely alphabetic token after the house number (the street name), or null. */
    public static String streetWord(String[] tokens) {
        String number = houseNumber(tokens);
        boolean seenNumber = number == null;
        for (String t : tokens) {
            if (!seenNumber) {
                if (t == number) {
                    seenNumber = true;
                }
                continue;
            }
            if (t.length() > 2 && Names.isLetters(t) && !t.equals("flat")) {
                return t;
            }
        }
        return null;
    }
}

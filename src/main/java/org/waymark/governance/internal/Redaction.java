package org.waymark.governance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks known values in free text: names as whole words, addresses, postcodes and phones however they are
 * spaced. Longest values first, so "Flat 3, 12 Sanctuary Road" is masked before "Sanctuary" could be.
 */
public final class Redaction {

    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    private final Map<String, String> markers = new LinkedHashMap<>();

    /** A name, or each part of one, matched as a whole word in any case. */
    public void name(String value, String marker) {
        if (value == null) {
            return;
        }
        for (String part : value.trim().split("[\\s-]+")) {
            if (part.length() >= 2) {
                add(part, "(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])", marker);
            }
        }
    }

    /** An address, postcode or phone, in any case and with any spacing between its characters. */
    public void text(String value, String marker) {
        if (value == null || value.isBlank() || value.replaceAll("\\s", "").length() < 3) {
            return;
        }
        String compact = value.replaceAll("[\\s,.-]+", "");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0) {
                regex.append("[\\s,.-]*");
            }
            regex.append(Pattern.quote(String.valueOf(compact.charAt(i))));
        }
        add(compact, regex.toString(), marker);
    }

    private void add(String key, String regex, String marker) {
        String normalised = key.toLowerCase();
        if (!patterns.containsKey(normalised)) {
            patterns.put(normalised, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            markers.put(normalised, marker);
        }
    }

    /** The text with every known value replaced by its marker; each replacement is counted. */
    public String apply(String text, Count count) {
        if (text == null) {
            return null;
        }
        List<String> keys = new ArrayList<>(patterns.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String key : keys) {
            Matcher matcher = patterns.get(key).matcher(result);
            StringBuilder out = new StringBuilder();
            boolean found = false;
            while (matcher.find()) {
                found = true;
                String marker = markers.get(key);
                if (marker.startsWith("[withheld")) {
                    count.withheld(marker);
                } else {
                    count.redacted(marker);
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(marker));
            }
            if (found) {
                matcher.appendTail(out);
                result = out.toString();
            }
        }
        return result;
    }

    /** How many items an export redacted (other people's) and withheld (the person's own restricted values). */
    public static final class Count {

        private int redacted;
        private int withheld;

        public <T> T redacted(T item) {
            redacted++;
            return item;
        }

        public <T> T withheld(T item) {
            withheld++;
            return item;
        }

        public int redacted() {
            return redacted;
        }

        public int withheld() {
            return withheld;
        }
    }
}

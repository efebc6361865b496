package org.waymark.people.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nicknames, short forms and transliteration variants (Katie / Catherine, Mohammed / Muhammad,
 * Aleksandr / Alexander), read from {@code people/nicknames.csv}: one group per line, the formal
 * name first. Two names are variants of each other when some group holds both.
 */
public final class Nicknames {

    public static final String RESOURCE = "people/nicknames.csv";

    private static final int[] NONE = new int[0];
    private static volatile Nicknames defaults;

    private final Map<String, int[]> groupsByName;
    private final List<String> heads;
    private final List<List<String>> members;

    /** deletion neighbourhood: a name with one letter removed, to the names it came from. */
    private final Map<String, List<String>> deletions = new HashMap<>();

    private Nicknames(Map<String, int[]> groupsByName, List<String> heads, List<List<String>> members) {
        this.groupsByName = groupsByName;
        this.heads = heads;
        this.members = members;
        for (String name : groupsByName.keySet()) {
            if (name.length() >= 4 && name.indexOf(' ') < 0) {
                deletions.computeIfAbsent(name, k -> new ArrayList<>(1)).add(name);
                for (int i = 0; i < name.length(); i++) {
                    String d = name.substring(0, i) + name.substring(i + 1);
                    List<String> l = deletions.computeIfAbsent(d, k -> new ArrayList<>(1));
                    if (!l.contains(name)) {
                        l.add(name);
                    }
                }
            }
        }
    }

    /**
     * The groups of the names in the table one typing error away (a letter wrong, missing, added, or
     * two letters swapped) from a name that is not itself in the table: "Emiyl" gets Emily's groups,
     * so that it can be recognised against "Emi" or "Millie". Empty for names in the table.
     */
    public int[] typoGroups(String normalisedName) {
        if (normalisedName == null || normalisedName.length() < 4 || groupsByName.containsKey(normalisedName)
                || normalisedName.indexOf(' ') >= 0) {
            return NONE;
        }
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        List<String> variants = new ArrayList<>(normalisedName.length() + 1);
        variants.add(normalisedName);
        for (int i = 0; i < normalisedName.length(); i++) {
            variants.add(normalisedName.substring(0, i) + normalisedName.substring(i + 1));
        }
        for (String v : variants) {
            List<String> names = deletions.get(v);
            if (names == null) {
                continue;
            }
            for (String candidate : names) {
                if (withinOneEdit(normalisedName, candidate)) {
                    for (int g : groupsByName.get(candidate)) {
                        out.add(g);
                    }
                }
            }
        }
        return out.isEmpty() ? NONE : out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One substitution, insertion, deletion or adjacent transposition. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true; // substitution
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        if (la > lb) {
            return a.regionMatches(i + 1, b, i, lb - i);
        }
        return b.regionMatches(i + 1, a, i, la - i);
    }

    /** The table shipped in the jar. */
    public static Nicknames defaults() {
        Nicknames n = defaults;
        if (n == null) {
            synchronized (Nicknames.class) {
                n = defaults;
                if (n == null) {
                    InputStream in = Nicknames.class.getClassLoader().getResourceAsStream(RESOURCE);
                    if (in == null) {
                        throw new IllegalStateException(RESOURCE + " is not on the class path");
                    }
                    n = read(in);
                    defaults = n;
                }
            }
        }
        return n;
    }

    /** Reads a table in the nicknames.csv format. */
    public static Nicknames read(InputStream in) {
        Map<String, List<Integer>> groups = new HashMap<>();
        List<String> heads = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int id = heads.size();
                String head = null;
                List<String> group = new ArrayList<>();
                for (String part : line.split(",")) {
                    String name = Names.normalise(part);
                    if (name == null) {
                        continue;
                    }
                    if (head == null) {
                        head = name;
                    }
                    if (!group.contains(name)) {
                        group.add(name);
                    }
                    List<Integer> ids = groups.computeIfAbsent(name, k -> new ArrayList<>(2));
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                heads.add(head);
                members.add(List.copyOf(group));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, int[]> byName = new HashMap<>(groups.size() * 2);
        groups.forEach((k, v) -> byName.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new Nicknames(byName, heads, members);
    }

    /** Group ids holding this normalised name (sorted), empty when none. */
    public int[] groups(String normalisedName) {
        if (normalisedName == null) {
            return NONE;
        }
        return groupsByName.getOrDefault(normalisedName, NONE);
    }

    /** True when two different names appear together in some group. */
    public boolean areVariants(String a, String b) {
        String na = Names.normalise(a);
        String nb = Names.normalise(b);
        if (na == null || nb == null || na.equals(nb)) {
            return false;
        }
        return shareGroup(groups(na), groups(nb));
    }

    /** The formal name of the first group holding the name, or the name itself. */
    public String canonical(String normalisedName) {
        int[] g = groups(normalisedName);
        return g.length == 0 ? normalisedName : heads.get(g[0]);
    }

    /** The formal name of a group. */
    public String head(int group) {
        return heads.get(group);
    }

    /** The names of a group, the formal name first. */
    public List<String> members(int group) {
        return members.get(group);
    }

    public int groupCount() {
        return heads.size();
    }

    static boolean shareGroup(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Nicknames" + Arrays.asList(groupsByName.size(), heads.size());
    }
}

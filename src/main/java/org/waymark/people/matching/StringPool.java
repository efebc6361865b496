package org.waymark.people.matching;

import java.util.concurrent.ConcurrentHashMap;

/** Shares equal strings (names, codes, towns) between records to save memory in batch runs. */
public final class StringPool {
    private static final StringPool NONE = new StringPool(false);

    private final ConcurrentHashMap<String, String> pool;

    public StringPool() {
        this(true);
    }

    private StringPool(boolean sharing) {
        pool = sharing ? new ConcurrentHashMap<>(1 << 16) : null;
    }

    /** A pool that shares nothing (for one-off comparisons). */
    public static StringPool none() {
        return NONE;
    }

    public String intern(String s) {
        if (s == null || pool == null) {
            return s;
        }
        String prev = pool.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }
}

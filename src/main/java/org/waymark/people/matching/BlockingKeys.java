package org.waymark.people.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys that find candidate records: two records are compared only when they share a key.
 * At most 14 keys per record, each selective enough to be a row of an indexed PostgreSQL table
 * ({@code person_key(key text, person_id)}) for the online case. Every kind of error the matcher
 * tolerates leaves at least one key intact in typical records:
 * <ul>
 * <li>{@code n:} NHS number; {@code t:} phone; {@code r:} agency reference (exact identifiers)</li>
 * <li>{@code p:} postcode (the household; survives any name error and date error)</li>
 * <li>{@code d:} date of birth with day and month put in order, so a day/month swap keeps the key</li>
 * <li>{@code sy:} family name sound (Double Metaphone) + birth year</li>
 * <li>{@code nm:} the sounds of given name (nickname-canonical: Katie files as Catherine) and family
 * name, sorted, so that swapped names keep the key; also for each previous or other name</li>
 * <li>{@code so:}, {@code go:} family name sound or given name sound + postcode district (a typo in
 * the last part of the postcode, a surname change without moving)</li>
 * <li>{@code a:} house number + street word (a missing or mistyped postcode)</li>
 * </ul>
 */
public final class BlockingKeys {

    public static final int MAX_KEYS = 14;

    private final Nicknames nicknames;
    private final java.util.concurrent.ConcurrentHashMap<String, String> canonicalCodes =
            new java.util.concurrent.ConcurrentHashMap<>();

    public BlockingKeys(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    public static BlockingKeys defaults() {
        return new BlockingKeys(Nicknames.defaults());
    }

    /** The keys of a record, as text (for storage). */
    public List<String> keys(PersonRecord r) {
        return keys(PreparedRecord.of(r, nicknames, StringPool.none()));
    }

    /** The keys of a prepared record, as text. */
    public List<String> keys(PreparedRecord r) {
        List<String> k = new ArrayList<>(MAX_KEYS);
        if (r.nhs != null) {
            k.add("n:" + r.nhs);
        }
        if (r.phone != null && r.phone.length() >= 10) {
            k.add("t:" + r.phone);
        }
        if (r.reference != null && r.reference.length() >= 4) {
            k.add("r:" + r.reference);
        }
        if (r.postcodeCompact != null && r.postcodeCompact.length() >= 3) {
            k.add("p:" + r.postcodeCompact);
        }
        String sortedDob = null;
        String year = null;
        if (r.dob != null) {
            year = r.dob.substring(0, 4);
            String mm = r.dob.substring(4, 6);
            String dd = r.dob.substring(6, 8);
            sortedDob = year + (mm.compareTo(dd) <= 0 ? mm + dd : dd + mm);
            k.add("d:" + sortedDob);
        }
        String given = givenCode(r);
        String family = r.surname == null ? null : r.surname.dm1;
        if (family != null && year != null) {
            // with the initial of the given name's sound (nickname-canonical), to keep the block small
            k.add("sy:" + family + ":" + year + (given == null ? "" : given.substring(0, 1)));
        }
        if (given != null && family != null) {
            k.add("nm:" + sortedPair(given, family));
        }
        String district = r.outward != null ? r.outward
                : r.postcodeCompact != null && r.postcodeCompact.length() >= 3 ? r.postcodeCompact.substring(0, 3)
                : null;
        if (district != null) {
            if (family != null) {
                k.add("so:" + family + ":" + district);
            }
            if (given != null) {
                k.add("go:" + given + ":" + district);
            }
        }
        if (r.houseNumber != null) {
            String street = Addresses.streetWord(r.address);
            if (street != null) {
                k.add("a:" + r.houseNumber + ":" + street);
            }
        }
        if (given != null) {
            int added = 0;
            for (NameForm o : r.others) {
                if (added == 2 || k.size() >= MAX_KEYS) {
                    break;
                }
                if (o.norm.indexOf(' ') < 0 && (family == null || !o.dm1.equals(family)) && !o.dm1.equals(given)) {
                    k.add("nm:" + sortedPair(given, o.dm1));
                    added++;
                }
            }
        }
        return k;
    }

    /** The key types, by prefix, in the order of {@link #typeOf(long)}. */
    public static final List<String> TYPES = List.of("n", "t", "r", "p", "d", "sy", "nm", "so", "go", "a");

    /**
     * The 64-bit hashes of the keys (for the in-memory batch). The top four bits hold the key type
     * (its index in {@link #TYPES}), so that a block's type is known from its hash.
     */
    public long[] hashes(PreparedRecord r) {
        List<String> k = keys(r);
        long[] out = new long[k.size()];
        for (int i = 0; i < out.length; i++) {
            String key = k.get(i);
            int type = TYPES.indexOf(key.substring(0, key.indexOf(':')));
            out[i] = ((long) type << 59) | (hash(key) >>> 5);
        }
        return out;
    }

    /** The key type index of a hash made by {@link #hashes(PreparedRecord)}. */
    public static int typeOf(long hash) {
        return (int) (hash >>> 59);
    }

    /** The sound of the nickname-canonical given name, or null. */
    String givenCode(PreparedRecord r) {
        if (r.given == null || r.given.compact.length() < 2) {
            return null;
        }
        String canonical = nicknames.canonical(r.given.norm);
        if (canonical.equals(r.given.norm)) {
            return r.given.dm1;
        }
        return canonicalCodes.computeIfAbsent(canonical,
                c -> PreparedRecord.name(c, nicknames, StringPool.none()).dm1);
    }

    private static String sortedPair(String x, String y) {
        return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
    }

    /** FNV-1a over the characters, finished with the MurmurHash3 mixer. */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}

package org.waymark.people.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * How common a value is in the population being searched: the probability that a random other
 * record has the same given name, surname, date of birth, postcode or phone. Agreement on a rare
 * value (surname "Oyelaran") is stronger evidence than agreement on a common one ("Smith").
 * Batch linking counts the input itself; online matching can count the stored people periodically
 * or fall back to {@link #defaults(long)}.
 */
public interface TermFrequencies {

    /** Number of records in the population. */
    long population();

    double givenName(String normalised);

    double surname(String normalised);

    double dateOfBirth(String digits);

    double postcode(String normalised);

    double phone(String normalised);

    double nhsNumber(String normalised);

    double reference(String normalised);

    /**
     * The frequency of a full name (given and family together); the default assumes independence.
     * Names are correlated through heritage, so the joint frequency is usually higher than the product.
     */
    default double fullName(String given, String surname) {
        return givenName(given) * surname(surname);
    }

    /** {@link #fullName(String, String)} by the key "given|surname". */
    default double fullName(String key) {
        int bar = key.indexOf('|');
        return fullName(key.substring(0, bar), key.substring(bar + 1));
    }

    /**
     * The probability that a random other record's reference is one character away from a given one:
     * high when references are sequential ("POL-102672", "POL-102670"), tiny when they are random.
     */
    default double referenceNeighbours() {
        return 1e-5;
    }

    /** Typical values for a UK population of the given size, when nothing has been counted. */
    static TermFrequencies defaults(long population) {
        double floor = 1.0 / Math.max(population, 1000);
        return new TermFrequencies() {
            @Override
            public long population() {
                return population;
            }

            @Override
            public double givenName(String n) {
                return 0.004;
            }

            @Override
            public double surname(String n) {
                return 0.002;
            }

            @Override
            public double dateOfBirth(String d) {
                return 1.0 / (365.25 * 80);
            }

            @Override
            public double postcode(String p) {
                return Math.max(floor, 2e-5);
            }

            @Override
            public double phone(String p) {
                return floor;
            }

            @Override
            public double nhsNumber(String n) {
                return floor;
            }

            @Override
            public double reference(String r) {
                return floor;
            }
        };
    }

    /** Counts the values of the given records. */
    static TermFrequencies count(Iterable<PreparedRecord> records) {
        Counts c = new Counts();
        for (PreparedRecord r : records) {
            c.add(r);
        }
        return c;
    }

    /** A counting implementation; {@link #add(PreparedRecord)} is not thread-safe. */
    final class Counts implements TermFrequencies {
        private final Map<String, Integer> given = new HashMap<>();
        private final Map<String, Integer> surname = new HashMap<>();
        private final Map<String, Integer> dob = new HashMap<>();
        private final Map<String, Integer> postcode = new HashMap<>();
        private final Map<String, Integer> phone = new HashMap<>();
        private final Map<String, Integer> nhs = new HashMap<>();
        private final Map<String, Integer> reference = new HashMap<>();
        private final Map<String, Integer> fullName = new HashMap<>();
        private long n;
        private double referenceNeighbours = -1;

        public void add(PreparedRecord r) {
            n++;
            if (r.given != null) {
                given.merge(r.given.norm, 1, Integer::sum);
            }
            if (r.surname != null) {
                surname.merge(r.surname.norm, 1, Integer::sum);
            }
            if (r.dob != null) {
                dob.merge(r.dob, 1, Integer::sum);
            }
            if (r.postcode != null) {
                postcode.merge(r.postcode, 1, Integer::sum);
            }
            if (r.phone != null) {
                phone.merge(r.phone, 1, Integer::sum);
            }
            if (r.nhs != null) {
                nhs.merge(r.nhs, 1, Integer::sum);
            }
            if (r.reference != null) {
                reference.merge(r.reference, 1, Integer::sum);
            }
            if (r.given != null && r.surname != null) {
                fullName.merge(r.fullNameKey, 1, Integer::sum);
            }
            referenceNeighbours = -1;
        }

        @Override
        public double fullName(String g, String s) {
            return fullName(g + "|" + s);
        }

        @Override
        public double fullName(String key) {
            Integer c = fullName.get(key);
            // halved: a person's own other records inflate the count
            double joint = c == null ? 0 : 0.5 * c / (n + PRIOR_RECORDS);
            int bar = key.indexOf('|');
            return Math.max(joint, givenName(key.substring(0, bar)) * surname(key.substring(bar + 1)));
        }

        @Override
        public synchronized double referenceNeighbours() {
            if (referenceNeighbours < 0) {
                referenceNeighbours = estimateNeighbours();
            }
            return referenceNeighbours;
        }

        /** Average number of other distinct references one substitution or adjacent swap away, over N. */
        private double estimateNeighbours() {
            if (reference.isEmpty() || n == 0) {
                return 1e-7;
            }
            java.util.List<String> keys = new java.util.ArrayList<>(reference.keySet());
            java.util.Collections.sort(keys);
            int step = Math.max(1, keys.size() / 2000);
            long found = 0;
            int sampled = 0;
            for (int i = 0; i < keys.size(); i += step) {
                String k = keys.get(i);
                sampled++;
                char[] ch = k.toCharArray();
                for (int p = 0; p < ch.length; p++) {
                    char orig = ch[p];
                    String alphabet = Character.isDigit(orig) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                    for (int a = 0; a < alphabet.length(); a++) {
                        char c = alphabet.charAt(a);
                        if (c != orig) {
                            ch[p] = c;
                            Integer cnt = reference.get(new String(ch));
                            if (cnt != null) {
                                found += cnt;
                            }
                        }
                    }
                    ch[p] = orig;
                }
            }
            double perRecord = (double) found / Math.max(sampled, 1);
            return Math.max(1e-7, perRecord / n);
        }

        /** Weight, in records, of the UK default frequency: small inputs lean on the defaults. */
        private static final double PRIOR_RECORDS = 1000;

        /**
         * The probability that another record has this value, estimated as count / N (the count
         * includes the record and its person's other records, which keeps the estimate on the safe,
         * common side), smoothed towards the default with the weight of {@link #PRIOR_RECORDS} records.
         */
        private double f(Map<String, Integer> m, String key, double fallback) {
            Integer c = key == null ? null : m.get(key);
            double count = c == null ? 1 : c;
            double est = (count + PRIOR_RECORDS * fallback) / (n + PRIOR_RECORDS);
            return Math.max(est, 0.5 / Math.max(n, 1));
        }

        @Override
        public long population() {
            return n;
        }

        @Override
        public double givenName(String v) {
            return f(given, v, 0.004);
        }

        @Override
        public double surname(String v) {
            return f(surname, v, 0.002);
        }

        @Override
        public double dateOfBirth(String v) {
            return f(dob, v, 3.4e-5);
        }

        @Override
        public double postcode(String v) {
            return f(postcode, v, 2e-5);
        }

        @Override
        public double phone(String v) {
            return f(phone, v, 1e-6);
        }

        @Override
        public double nhsNumber(String v) {
            return f(nhs, v, 1e-7);
        }

        @Override
        public double reference(String v) {
            return f(reference, v, 1e-6);
        }
    }
}

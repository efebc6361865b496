package org.waymark.people.matching;

import static org.waymark.people.matching.MatchModel.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares two person records field by field and weighs the evidence with {@link MatchModel}.
 * Thread-safe.
 */
public final class MatchScorer {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN_2 = new LevenshteinDistance(2);

    private final MatchModel model;
    private final TermFrequencies frequencies;
    private final Nicknames nicknames;
    private final double[][] lm;
    private final double[][] lh;
    private final double[][] lu;
    private final double lhLandline;
    private final double lSwap;
    private final double[] maxBitsVsH;
    private final double[] maxBitsVsU;

    public MatchScorer(MatchModel model, TermFrequencies frequencies, Nicknames nicknames) {
        this.model = model;
        this.frequencies = frequencies;
        this.nicknames = nicknames;
        lm = log2(model.m);
        lh = log2(model.h);
        lu = log2(model.u);
        lhLandline = log2(model.hLandlineExact);
        lSwap = log2(model.swapRate);
        maxBitsVsH = new double[FIELDS];
        maxBitsVsU = new double[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            maxBitsVsH[f] = 0;
            maxBitsVsU[f] = 0;
            for (int l = 0; l < lm[f].length; l++) {
                maxBitsVsH[f] = Math.max(maxBitsVsH[f], lm[f][l] - lh[f][l]);
                maxBitsVsU[f] = Math.max(maxBitsVsU[f], lm[f][l] - lu[f][l]);
            }
        }
        // the exact location level uses the postcode's frequency, which can be far rarer than the default
        maxBitsVsU[LOCATION] = Math.max(maxBitsVsU[LOCATION],
                lm[LOCATION][L_FULL] - log2(model.addressGivenPostcode / Math.max(frequencies.population(), 1)));
    }

    /** A scorer with the default model, UK default frequencies for the population size, shipped nicknames. */
    public static MatchScorer defaults(long population) {
        return new MatchScorer(MatchModel.defaults(), TermFrequencies.defaults(population), Nicknames.defaults());
    }

    public MatchModel model() {
        return model;
    }

    public Nicknames nicknames() {
        return nicknames;
    }

    public TermFrequencies frequencies() {
        return frequencies;
    }

    /** Compares two records and explains the result. */
    public MatchResult compare(PersonRecord a, PersonRecord b) {
        return compare(PreparedRecord.of(a, nicknames, StringPool.none()),
                PreparedRecord.of(b, nicknames, StringPool.none()));
    }

    /** Compares two prepared records and explains the result. */
    public MatchResult compare(PreparedRecord a, PreparedRecord b) {
        Comparison c = new Comparison();
        levels(a, b, c, false);
        List<MatchReason> reasons = new ArrayList<>();
        double[] bits = new double[2];
        accumulate(a, b, c, bits, reasons);
        double p = model.probability(bits[0], bits[1], frequencies.population());
        double weight = weight(bits[0], bits[1]);
        reasons.sort(Comparator.comparingDouble((MatchReason r) -> -Math.abs(r.weight())));
        return new MatchResult(p, weight, p >= model.threshold(), reasons);
    }

    /** The number of compared fields. */
    public static final int FIELD_COUNT = FIELDS;

    /**
     * The evidence for the batch: {bits vs household, bits vs unrelated}, or null when the pair cannot
     * reach {@code floorProbability} with a prior of {@code maxMatchesPerRecord} (then the costly
     * address comparison is skipped).
     */
    public double[] evidence(PreparedRecord a, PreparedRecord b, double floorProbability, double maxMatchesPerRecord) {
        return evidence(a, b, floorProbability, maxMatchesPerRecord, null, 0);
    }

    /**
     * As {@link #evidence(PreparedRecord, PreparedRecord, double, double)}, also writing the comparison
     * level of each of the {@link #FIELD_COUNT} fields (-1 when missing) into {@code levels} at
     * {@code offset}, for {@link Estimation}.
     */
    public double[] evidence(PreparedRecord a, PreparedRecord b, double floorProbability, double maxMatchesPerRecord,
            byte[] levels, int offset) {
        Comparison c = new Comparison();
        levels(a, b, c, true);
        double[] bits = new double[2];
        accumulate(a, b, c, bits, null);
        if (c.location == SKIPPED) {
            double need = (1 - floorProbability) / floorProbability;
            double bestH = bits[0] + maxBitsVsH[LOCATION];
            double bestU = bits[1] + maxBitsVsU[LOCATION];
            double oddsAgainst = (model.householdPerRecord(maxMatchesPerRecord) / maxMatchesPerRecord) * Math.pow(2, -bestH)
                    + (frequencies.population() / maxMatchesPerRecord) * Math.pow(2, -bestU);
            if (oddsAgainst > need) {
                return null;
            }
            c.location = locationLevel(a, b, c);
            bits[0] = 0;
            bits[1] = 0;
            accumulate(a, b, c, bits, null);
        }
        if (levels != null) {
            levels[offset + GIVEN] = (byte) c.given;
            levels[offset + SURNAME] = (byte) c.surname;
            levels[offset + MIDDLE] = (byte) c.middle;
            levels[offset + DOB] = (byte) c.dob;
            levels[offset + SEX] = (byte) c.sex;
            levels[offset + LOCATION] = (byte) c.location;
            levels[offset + PHONE] = (byte) c.phone;
            levels[offset + NHS] = (byte) c.nhs;
            levels[offset + REFERENCE] = (byte) c.reference;
        }
        return bits;
    }

    /**
     * The full evidence without shortcuts: {bits vs household, bits vs unrelated, conflict, nhs} where
     * conflict is 1 when an identity field clearly disagrees (given names unrelated, dates of birth
     * unrelated, sex differs, or two valid NHS numbers differ), else 0, and nhs is 1 when both records
     * have valid NHS numbers that differ. Used to stop transitive
     * clustering from chaining twins or namesakes together.
     */
    public double[] assess(PreparedRecord a, PreparedRecord b) {
        Comparison c = new Comparison();
        levels(a, b, c, false);
        double[] bits = new double[4];
        accumulate(a, b, c, bits, null);
        // only two VALID numbers rule the pair out: a number failing its check digit is a mistyping, and
        // two differently mistyped copies of one number can be more than one digit apart
        bits[3] = c.nhs == I_DIFFERENT && a.nhsValid && b.nhsValid ? 1 : 0;
        boolean conflict = c.given == G_DIFFERENT || c.dob == D_DIFFERENT || c.dob == D_FAR || c.sex == X_DIFFERENT
                || c.nhs == I_DIFFERENT;
        bits[2] = conflict ? 1 : 0;
        return bits;
    }

    /** log2 P(e|M)/P(e|not M), with the non-match classes mixed by their priors. */
    double weight(double bitsVsH, double bitsVsU) {
        double n = Math.max(frequencies.population(), 2);
        double wh = model.householdPerRecord() / n;
        // P(e|notM) = (wh*P(e|H) + P(e|U)) / (1 + wh); in units of P(e|M)
        double notM = (wh * Math.pow(2, -bitsVsH) + Math.pow(2, -bitsVsU)) / (1 + wh);
        return -log2(notM);
    }

    // ---------------------------------------------------------------------------------------------
    // comparison levels

    private static final int SKIPPED = -2;

    static final class Comparison {
        int given = MISSING;
        int surname = MISSING;
        int middle = MISSING;
        int dob = MISSING;
        int sex = MISSING;
        int location = MISSING;
        int phone = MISSING;
        int nhs = MISSING;
        int reference = MISSING;
        boolean swapped;
        /** which names agreed, for the reasons: the name forms compared. */
        NameForm givenA;
        NameForm givenB;
        NameForm surnameA;
        NameForm surnameB;
        String aliasText;
        int addressLevel;
        int postcodeLevel;
    }

    private void levels(PreparedRecord a, PreparedRecord b, Comparison c, boolean lazyLocation) {
        names(a, b, c);
        c.middle = middleLevel(a, b);
        c.dob = dobLevel(a.dob, b.dob);
        c.sex = a.sex == 0 || b.sex == 0 ? MISSING : a.sex == b.sex ? X_SAME : X_DIFFERENT;
        c.phone = identifierLevel(a.phone, b.phone, false, false);
        c.nhs = nhsLevel(a, b);
        c.reference = identifierLevel(a.reference, b.reference, true, true);
        c.location = lazyLocation ? SKIPPED : locationLevel(a, b, c);
    }

    private void names(PreparedRecord a, PreparedRecord b, Comparison c) {
        c.givenA = a.given;
        c.givenB = b.given;
        c.surnameA = a.surname;
        c.surnameB = b.surname;
        int g = a.given == null || b.given == null ? MISSING : nameLevel(a.given, b.given, true);
        int s = a.surname == null || b.surname == null ? MISSING : surnameLevel(a.surname, b.surname);
        if (g == G_DIFFERENT || g == G_INITIAL) {
            String alias = aliasMatch(a, b);
            if (alias == null) {
                alias = aliasMatch(b, a);
            }
            if (alias != null) {
                g = G_ALIAS;
                c.aliasText = alias;
            }
        }
        if (s != S_EXACT && s != MISSING) {
            if (previousNameMatch(a, b) || previousNameMatch(b, a) || doubleBarrelMatch(a, b)) {
                s = S_PREVIOUS;
            }
        } else if (s == MISSING && a.surname != null && b.surname == null && b.others.length > 0) {
            // nothing to compare
            s = MISSING;
        }
        // given and family names written the other way round (in either record): compare the cross
        // pairs and keep the reading with the stronger evidence
        if (a.given != null && b.given != null && a.surname != null && b.surname != null
                && !(g == G_EXACT && s == S_EXACT)
                && (looksAlike(a.given, b.surname) || looksAlike(a.surname, b.given))) {
            int x = nameLevel(a.given, b.surname, true);
            int y = nameLevel(a.surname, b.given, true);
            if (isAgreement(x) || isAgreement(y)) {
                double best = evidence(GIVEN, g) + evidence(SURNAME, s);
                // reading 1: x is the given-name comparison, y the family-name one; reading 2 the reverse
                int[][] readings = {{x, y}, {y, x}};
                for (int[] r : readings) {
                    int gl = r[0];
                    int sl = toSurnameLevel(r[1]);
                    if (sl == S_DIFFERENT || gl == G_DIFFERENT) {
                        continue;
                    }
                    double e = evidence(GIVEN, gl) + evidence(SURNAME, sl) + lSwap;
                    if (e > best) {
                        best = e;
                        g = gl;
                        s = sl;
                        c.swapped = true;
                        boolean first = r == readings[0];
                        c.givenA = first ? a.given : a.surname;
                        c.givenB = first ? b.surname : b.given;
                        c.surnameA = first ? a.surname : a.given;
                        c.surnameB = first ? b.given : b.surname;
                    }
                }
            }
        }
        c.given = g;
        c.surname = s;
    }

    /** A cheap test before the swapped-names comparison: same first letter or same sound code. */
    private static boolean looksAlike(NameForm x, NameForm y) {
        return x.compact.charAt(0) == y.compact.charAt(0) || x.dm1.equals(y.dm1);
    }

    /** Default evidence (bits vs unrelated people) of a level, for choosing between readings. */
    private double evidence(int field, int level) {
        return level == MISSING ? 0 : lm[field][level] - lu[field][level];
    }

    private static int toSurnameLevel(int givenLevel) {
        return switch (givenLevel) {
            case G_EXACT -> S_EXACT;
            case G_TYPO -> S_TYPO;
            case G_PHONETIC, G_NICKNAME -> S_PHONETIC;
            default -> S_DIFFERENT;
        };
    }

    private static boolean isAgreement(int givenLevel) {
        return givenLevel == G_EXACT || givenLevel == G_NICKNAME || givenLevel == G_TYPO || givenLevel == G_PHONETIC;
    }

    /** The level of agreement of two names, on the given-name scale. */
    int nameLevel(NameForm x, NameForm y, boolean allowInitial) {
        if (x.norm.equals(y.norm) || x.compact.equals(y.compact)) {
            return G_EXACT;
        }
        if (x.compact.length() == 1 || y.compact.length() == 1) {
            return allowInitial && x.compact.charAt(0) == y.compact.charAt(0) ? G_INITIAL : G_DIFFERENT;
        }
        if (Nicknames.shareGroup(x.groups, y.groups)) {
            return G_NICKNAME;
        }
        if (isTypo(x.compact, y.compact)) {
            return G_TYPO;
        }
        if (Nicknames.shareGroup(x.typoGroups, y.groups) || Nicknames.shareGroup(x.groups, y.typoGroups)) {
            return G_TYPO; // a mistyped form of a nickname or variant of the other name
        }
        if (x.dm1.equals(y.dm1) || (y.dm2 != null && x.dm1.equals(y.dm2)) || (x.dm2 != null && x.dm2.equals(y.dm1))) {
            return G_PHONETIC;
        }
        return G_DIFFERENT;
    }

    private int surnameLevel(NameForm x, NameForm y) {
        if (Names.familyStem(x.compact).equals(Names.familyStem(y.compact))) {
            return S_EXACT; // Kowalski and Kowalska: one family name in its two forms
        }
        int l = nameLevel(x, y, false);
        return switch (l) {
            case G_EXACT -> S_EXACT;
            case G_TYPO -> S_TYPO;
            case G_PHONETIC, G_NICKNAME -> S_PHONETIC;
            default -> S_DIFFERENT;
        };
    }

    /** True for a single edit, an adjacent transposition, or two edits in a long, similar name. */
    static boolean isTypo(String x, String y) {
        int lx = x.length();
        int ly = y.length();
        if (Math.abs(lx - ly) > 2 || Math.min(lx, ly) < 3) {
            return false;
        }
        if (lx == 3 && ly == 3) {
            // in three letters a changed letter is usually another name (Wei, Lei); a swap is a typo
            return isAdjacentTransposition(x, y);
        }
        if (Nicknames.withinOneEdit(x, y)) {
            return true;
        }
        return Math.min(lx, ly) >= 7 && x.charAt(0) == y.charAt(0) && LEVENSHTEIN_2.apply(x, y) == 2
                && JARO_WINKLER.apply(x, y) >= 0.92;
    }

    static boolean isAdjacentTransposition(String x, String y) {
        int first = -1;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                first = i;
                break;
            }
        }
        if (first < 0 || first + 1 >= x.length()) {
            return false;
        }
        if (x.charAt(first) != y.charAt(first + 1) || x.charAt(first + 1) != y.charAt(first)) {
            return false;
        }
        return x.regionMatches(first + 2, y, first + 2, x.length() - first - 2);
    }

    /** The given name of {@code b} is a middle name or alias of {@code a}: returns a description. */
    private String aliasMatch(PreparedRecord a, PreparedRecord b) {
        if (b.given == null) {
            return null;
        }
        if (a.middles != null) {
            for (String mid : a.middles) {
                if (mid.equals(b.given.norm)) {
                    return "Given name " + cap(b.given.norm) + " is a middle name in the other record";
                }
            }
            // someone known by their middle name, written another way: Deb for Deborah, Cathryn for Catherine
            // (built only here, on a given-name mismatch, so records carry no extra forms)
            for (String mid : a.middles) {
                if (mid.length() > 1 && b.given.compact.length() > 1) {
                    int l = nameLevel(PreparedRecord.name(mid, nicknames, StringPool.none()), b.given, false);
                    if (l == G_NICKNAME || l == G_TYPO) {
                        return "Given name " + cap(b.given.norm) + " is a form of the middle name " + cap(mid)
                                + " in the other record";
                    }
                }
            }
        }
        for (NameForm o : a.others) {
            int l = nameLevel(o, b.given, false);
            if (l == G_EXACT || l == G_NICKNAME) {
                return "Given name " + cap(b.given.norm) + " is recorded as an alias (" + cap(o.norm) + ")";
            }
        }
        return null;
    }

    private boolean previousNameMatch(PreparedRecord a, PreparedRecord b) {
        if (b.surname == null) {
            return false;
        }
        for (NameForm o : a.others) {
            int l = nameLevel(o, b.surname, false);
            if (l == G_EXACT || l == G_TYPO) {
                return true;
            }
        }
        return false;
    }

    private static boolean doubleBarrelMatch(PreparedRecord a, PreparedRecord b) {
        if (a.surnameTokens == null && b.surnameTokens == null) {
            return false;
        }
        String[] ta = a.surnameTokens == null ? new String[] {a.surname.norm} : a.surnameTokens;
        String[] tb = b.surnameTokens == null ? new String[] {b.surname.norm} : b.surnameTokens;
        for (String x : ta) {
            if (x.length() < 3) {
                continue;
            }
            for (String y : tb) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int middleLevel(PreparedRecord a, PreparedRecord b) {
        if (a.middles == null || b.middles == null) {
            return MISSING;
        }
        String x = a.middles[0];
        String y = b.middles[0];
        if (x.equals(y)) {
            return MI_EXACT;
        }
        for (String p : a.middles) {
            for (String q : b.middles) {
                if (p.equals(q)) {
                    return MI_EXACT;
                }
            }
        }
        if (x.charAt(0) == y.charAt(0) && (x.length() == 1 || y.length() == 1)) {
            return MI_INITIAL;
        }
        if (isTypo(x, y)) {
            return MI_INITIAL;
        }
        return MI_DIFFERENT;
    }

    static int dobLevel(String a, String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return D_EXACT;
        }
        boolean sameYear = a.regionMatches(0, b, 0, 4);
        if (sameYear && a.regionMatches(4, b, 6, 2) && a.regionMatches(6, b, 4, 2)) {
            return D_SWAPPED;
        }
        int diff = 0;
        for (int i = 0; i < 8; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                diff++;
            }
        }
        if (diff == 1 || (diff == 2 && isAdjacentTransposition(a, b))) {
            return D_ONE_DIGIT;
        }
        int same = (sameYear ? 1 : 0) + (a.regionMatches(4, b, 4, 2) ? 1 : 0) + (a.regionMatches(6, b, 6, 2) ? 1 : 0);
        if (same >= 2) {
            return D_PARTIAL;
        }
        if (sameYear && (a.endsWith("0101") || b.endsWith("0101"))) {
            return D_PARTIAL; // an unknown day and month recorded as 1 January of the right year
        }
        int years = Math.abs(Integer.parseInt(a, 0, 4, 10) - Integer.parseInt(b, 0, 4, 10));
        return years >= 10 ? D_FAR : D_DIFFERENT;
    }

    private static int identifierLevel(String a, String b, boolean allowEdit, boolean requireLength) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return I_EXACT;
        }
        if (requireLength && Math.min(a.length(), b.length()) < 5) {
            return I_DIFFERENT;
        }
        if (a.length() == b.length()) {
            int diff = 0;
            for (int i = 0; i < a.length() && diff < 3; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diff++;
                }
            }
            if (diff == 1 || (diff == 2 && isAdjacentTransposition(a, b))) {
                return I_NEAR;
            }
        } else if (allowEdit && Nicknames.withinOneEdit(a, b)) {
            return I_NEAR;
        }
        return I_DIFFERENT;
    }

    /**
     * NHS numbers: the modulus-11 check digit detects every single wrong digit and every swap of
     * adjacent digits, so two VALID numbers that differ are different people's numbers, while an
     * invalid number one digit or one swap away from the other is a mistyping.
     */
    private static int nhsLevel(PreparedRecord a, PreparedRecord b) {
        int l = identifierLevel(a.nhs, b.nhs, false, false);
        if (l == I_NEAR && a.nhsValid && b.nhsValid) {
            return I_DIFFERENT;
        }
        return l;
    }

    private static final int A_SAME = 0;
    private static final int A_SIMILAR = 1;
    private static final int A_DIFFERENT = 2;
    private static final int P_EXACT = 0;
    private static final int P_NEAR = 1;
    private static final int P_DIFFERENT = 2;

    private int locationLevel(PreparedRecord a, PreparedRecord b, Comparison c) {
        int addr = addressLevel(a, b);
        int pc = postcodeLevel(a, b);
        c.addressLevel = addr;
        c.postcodeLevel = pc;
        boolean addrAgree = addr == A_SAME || addr == A_SIMILAR;
        if (addrAgree) {
            if (pc == P_EXACT) {
                return L_FULL;
            }
            return pc == MISSING ? L_ADDRESS_ONLY : L_ADDRESS_POSTCODE_NEAR;
        }
        if (pc == P_EXACT) {
            return L_POSTCODE_ONLY;
        }
        if (pc == P_NEAR) {
            return L_POSTCODE_NEAR;
        }
        if (pc == MISSING && addr == MISSING) {
            return MISSING;
        }
        return L_DIFFERENT;
    }

    private static int postcodeLevel(PreparedRecord a, PreparedRecord b) {
        String x = a.postcodeCompact;
        String y = b.postcodeCompact;
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return P_EXACT;
        }
        if (Math.min(x.length(), y.length()) >= 5 && Nicknames.withinOneEdit(x, y)) {
            return P_NEAR;
        }
        return P_DIFFERENT;
    }

    private static int addressLevel(PreparedRecord a, PreparedRecord b) {
        String[] x = a.address;
        String[] y = b.address;
        if (x.length == 0 || y.length == 0) {
            return MISSING;
        }
        if (java.util.Arrays.equals(x, y)) {
            return A_SAME;
        }
        if (a.houseNumber != null && b.houseNumber != null && !a.houseNumber.equals(b.houseNumber)) {
            return A_DIFFERENT;
        }
        int nx = 0;
        int ny = 0;
        int matched = 0;
        for (String t : x) {
            if (t != a.houseNumber) {
                nx++;
            }
        }
        for (String t : y) {
            if (t != b.houseNumber) {
                ny++;
            }
        }
        if (nx == 0 || ny == 0) {
            return A_DIFFERENT;
        }
        String[] small = nx <= ny ? x : y;
        String[] large = nx <= ny ? y : x;
        String hs = nx <= ny ? a.houseNumber : b.houseNumber;
        String hl = nx <= ny ? b.houseNumber : a.houseNumber;
        for (String t : small) {
            if (t == hs) {
                continue;
            }
            boolean found = false;
            for (String v : large) {
                if (v != hl && v.equals(t)) {
                    found = true;
                    break;
                }
            }
            if (!found && t.length() >= 4) {
                for (String v : large) {
                    if (v != hl && v.length() >= 4 && v.charAt(0) == t.charAt(0)
                            && JARO_WINKLER.apply(t, v) >= 0.88) {
                        found = true;
                        break;
                    }
                }
            }
            if (found) {
                matched++;
            }
        }
        int min = Math.min(nx, ny);
        int max = Math.max(nx, ny);
        if ((double) matched / max >= 0.6 || (matched == min && min >= 2)) {
            return A_SIMILAR;
        }
        return A_DIFFERENT;
    }

    // ---------------------------------------------------------------------------------------------
    // weighing the evidence

    private void accumulate(PreparedRecord a, PreparedRecord b, Comparison c, double[] bits, List<MatchReason> out) {
        if (c.given != MISSING) {
            double u = c.given == G_EXACT ? frequencies.givenName(c.givenA.norm) : model.u[GIVEN][c.given];
            add(bits, GIVEN, c.given, u, out, "given_name", () -> givenReason(c));
        }
        if (c.surname != MISSING) {
            double u = c.surname == S_EXACT ? frequencies.surname(c.surnameA.norm) : model.u[SURNAME][c.surname];
            if (c.surname == S_EXACT && c.given == G_EXACT) {
                // given and family names are correlated (heritage): use the frequency of the full name
                // when it is higher than the product of the separate frequencies
                double gu = frequencies.givenName(c.givenA.norm);
                double full = c.swapped ? frequencies.fullName(c.givenA.norm, c.surnameA.norm)
                        : frequencies.fullName(a.fullNameKey);
                if (full > gu * u) {
                    u = full / gu;
                }
            }
            add(bits, SURNAME, c.surname, u, out, "surname", () -> surnameReason(a, b, c));
        }
        if (c.swapped) {
            bits[0] += lSwap;
            bits[1] += lSwap;
        }
        if (c.middle != MISSING) {
            add(bits, MIDDLE, c.middle, model.u[MIDDLE][c.middle], out, "middle_names", () -> middleReason(a, b, c));
        }
        if (c.dob != MISSING) {
            double u = c.dob == D_EXACT ? frequencies.dateOfBirth(a.dob) : model.u[DOB][c.dob];
            add(bits, DOB, c.dob, u, out, "date_of_birth", () -> dobReason(c));
        }
        if (c.sex != MISSING) {
            add(bits, SEX, c.sex, model.u[SEX][c.sex], out, "sex", () -> c.sex == X_SAME
                    ? new Object[] {MatchReason.Kind.SAME_SEX, "Same sex"}
                    : new Object[] {MatchReason.Kind.DIFFERENT, "Sex differs"});
        }
        if (c.location != MISSING && c.location != SKIPPED) {
            double u = model.u[LOCATION][c.location];
            if (c.location == L_FULL) {
                u = Math.max(frequencies.postcode(a.postcode) * model.addressGivenPostcode, 1e-9);
            } else if (c.location == L_POSTCODE_ONLY) {
                u = frequencies.postcode(a.postcode);
            } else if (c.location == L_ADDRESS_ONLY || c.location == L_ADDRESS_POSTCODE_NEAR) {
                u = Math.max(u, 1.0 / Math.max(frequencies.population(), 1));
            } else if (c.location == L_POSTCODE_NEAR) {
                u = Math.min(0.01, Math.max(u, 30 * frequencies.postcode(a.postcode)));
            }
            add(bits, LOCATION, c.location, u, out, "address", () -> locationReason(a, b, c));
        }
        if (c.phone != MISSING) {
            double u = c.phone == I_EXACT ? Math.max(frequencies.phone(a.phone), model.u[PHONE][I_EXACT])
                    : model.u[PHONE][c.phone];
            double lhOverride = c.phone == I_EXACT && !(a.mobile && b.mobile) ? lhLandline : Double.NaN;
            add(bits, PHONE, c.phone, u, lhOverride, out, "phone", () -> c.phone == I_EXACT
                    ? new Object[] {MatchReason.Kind.SAME_PHONE, "Same phone number"}
                    : c.phone == I_NEAR ? new Object[] {MatchReason.Kind.PHONE_ONE_DIGIT,
                        "Phone numbers differ by one digit"}
                    : new Object[] {MatchReason.Kind.DIFFERENT, "Phone numbers differ"});
        }
        if (c.nhs != MISSING) {
            add(bits, NHS, c.nhs, model.u[NHS][c.nhs], out, "nhs_number", () -> c.nhs == I_EXACT
                    ? new Object[] {MatchReason.Kind.SAME_NHS_NUMBER, "Same NHS number"}
                    : c.nhs == I_NEAR ? new Object[] {MatchReason.Kind.NHS_NUMBER_MISTYPED,
                        "NHS numbers differ by one digit or two swapped digits, and one fails its check digit"
                            + " (a mistyping)"}
                    : new Object[] {MatchReason.Kind.DIFFERENT, "NHS numbers differ"});
        }
        if (c.reference != MISSING) {
            double u = c.reference == I_EXACT ? Math.max(frequencies.reference(a.reference), model.u[REFERENCE][0])
                    : c.reference == I_NEAR ? Math.max(frequencies.referenceNeighbours(), model.u[REFERENCE][1])
                    : model.u[REFERENCE][c.reference];
            add(bits, REFERENCE, c.reference, u, out, "reference", () -> c.reference == I_EXACT
                    ? new Object[] {MatchReason.Kind.SAME_REFERENCE, "Same reference"}
                    : c.reference == I_NEAR ? new Object[] {MatchReason.Kind.SIMILAR_REFERENCE,
                        "References differ by one character"}
                    : new Object[] {MatchReason.Kind.DIFFERENT, "References differ"});
        }
    }

    private void add(double[] bits, int field, int level, double u, List<MatchReason> out, String name,
            java.util.function.Supplier<Object[]> reasonText) {
        add(bits, field, level, u, Double.NaN, out, name, reasonText);
    }

    private void add(double[] bits, int field, int level, double u, double lhOverride, List<MatchReason> out,
            String name, java.util.function.Supplier<Object[]> reasonText) {
        double m = lm[field][level];
        double hh = Double.isNaN(lhOverride) ? lh[field][level] : lhOverride;
        double uu = log2(Math.max(u, 1e-12));
        bits[0] += m - hh;
        bits[1] += m - uu;
        Object[] reason = out == null ? null : reasonText.get();
        if (out != null && reason != null) {
            // the reason's weight: evidence against unrelated people (the usual Fellegi-Sunter weight)
            out.add(new MatchReason(name, (MatchReason.Kind) reason[0], (String) reason[1], m - uu));
        }
    }

    private Object[] givenReason(Comparison c) {
        if (c.givenA == null || c.givenB == null) {
            return null;
        }
        String x = cap(c.givenA.norm);
        String y = cap(c.givenB.norm);
        String prefix = c.swapped ? "Given and family names are swapped; " : "";
        MatchReason.Kind swappedKind = MatchReason.Kind.SWAPPED_NAMES;
        return switch (c.given) {
            case G_EXACT -> c.swapped
                    ? new Object[] {swappedKind, prefix + "given name " + x + " is the family name in the other record"}
                    : new Object[] {MatchReason.Kind.EXACT, "Same given name " + x};
            case G_NICKNAME -> new Object[] {c.swapped ? swappedKind : MatchReason.Kind.NICKNAME,
                prefix + nicknameText(x, y)};
            case G_TYPO -> new Object[] {c.swapped ? swappedKind : MatchReason.Kind.TYPO,
                prefix + "Given names " + x + " and " + y + " differ by a typing error"};
            case G_PHONETIC -> new Object[] {c.swapped ? swappedKind : MatchReason.Kind.PHONETIC,
                prefix + "Given names " + x + " and " + y + " sound alike"};
            case G_INITIAL -> new Object[] {MatchReason.Kind.INITIAL, "Given name initial agrees (" + x + ", " + y + ")"};
            case G_ALIAS -> new Object[] {MatchReason.Kind.MIDDLE_OR_ALIAS, c.aliasText};
            default -> new Object[] {MatchReason.Kind.DIFFERENT, "Given names differ (" + x + ", " + y + ")"};
        };
    }

    private String nicknameText(String x, String y) {
        String nx = x.toLowerCase(Locale.ROOT);
        String ny = y.toLowerCase(Locale.ROOT);
        String cx = nicknames.canonical(nx);
        String cy = nicknames.canonical(ny);
        if (cy.equals(ny) && !cx.equals(nx)) {
            return "Given name " + x + " is a short form or variant of " + y;
        }
        if (cx.equals(nx) && !cy.equals(ny)) {
            return "Given name " + y + " is a short form or variant of " + x;
        }
        return "Given names " + x + " and " + y + " are forms of the same name";
    }

    private Object[] surnameReason(PreparedRecord a, PreparedRecord b, Comparison c) {
        String x = cap(c.surnameA.norm);
        String y = cap(c.surnameB.norm);
        return switch (c.surname) {
            case S_EXACT -> new Object[] {c.swapped ? MatchReason.Kind.SWAPPED_NAMES : MatchReason.Kind.EXACT,
                c.swapped ? "Family name " + x + " is the given name in the other record" : "Same family name " + x};
            case S_TYPO -> new Object[] {MatchReason.Kind.TYPO, "Family names " + x + " and " + y
                + " differ by a typing error"};
            case S_PHONETIC -> new Object[] {MatchReason.Kind.PHONETIC, "Family names " + x + " and " + y
                + " sound alike"};
            case S_PREVIOUS -> new Object[] {MatchReason.Kind.PREVIOUS_NAME, "Family name " + x + " and " + y
                + ": one is a previous or other name of the other record"};
            default -> new Object[] {MatchReason.Kind.DIFFERENT, "Family names differ (" + x + ", " + y + ")"};
        };
    }

    private static Object[] middleReason(PreparedRecord a, PreparedRecord b, Comparison c) {
        return switch (c.middle) {
            case MI_EXACT -> new Object[] {MatchReason.Kind.EXACT, "Same middle name"};
            case MI_INITIAL -> new Object[] {MatchReason.Kind.INITIAL, "Middle names agree on the initial"};
            default -> new Object[] {MatchReason.Kind.DIFFERENT, "Middle names differ"};
        };
    }

    private static Object[] dobReason(Comparison c) {
        return switch (c.dob) {
            case D_EXACT -> new Object[] {MatchReason.Kind.SAME_DATE_OF_BIRTH, "Same date of birth"};
            case D_SWAPPED -> new Object[] {MatchReason.Kind.DAY_MONTH_SWAPPED,
                "Date of birth matches with day and month swapped"};
            case D_ONE_DIGIT -> new Object[] {MatchReason.Kind.ONE_DIGIT_DIFFERENT,
                "Date of birth differs by one digit (or two swapped digits)"};
            case D_PARTIAL -> new Object[] {MatchReason.Kind.PARTLY_SAME_DATE_OF_BIRTH,
                "Date of birth agrees in two of day, month and year"};
            case D_FAR -> new Object[] {MatchReason.Kind.DIFFERENT, "Dates of birth are ten or more years apart"};
            default -> new Object[] {MatchReason.Kind.DIFFERENT, "Dates of birth differ"};
        };
    }

    private static Object[] locationReason(PreparedRecord a, PreparedRecord b, Comparison c) {
        String pc = c.postcodeLevel == P_EXACT ? "same postcode"
                : c.postcodeLevel == P_NEAR ? "postcode differs by one character" : null;
        return switch (c.location) {
            case L_FULL -> new Object[] {MatchReason.Kind.SAME_ADDRESS,
                (c.addressLevel == A_SAME ? "Same address" : "Same address, written differently") + " and postcode"};
            case L_ADDRESS_POSTCODE_NEAR -> new Object[] {MatchReason.Kind.SIMILAR_ADDRESS,
                (c.addressLevel == A_SAME ? "Same address" : "Same address, written differently")
                    + (pc == null ? "; postcodes differ" : "; " + pc)};
            case L_ADDRESS_ONLY -> new Object[] {c.addressLevel == A_SAME ? MatchReason.Kind.SAME_ADDRESS
                : MatchReason.Kind.SIMILAR_ADDRESS, c.addressLevel == A_SAME ? "Same address"
                : "Same address, written differently"};
            case L_POSTCODE_ONLY -> new Object[] {MatchReason.Kind.SAME_POSTCODE, "Same postcode, different address"};
            case L_POSTCODE_NEAR -> new Object[] {MatchReason.Kind.POSTCODE_ONE_CHARACTER,
                "Postcode differs by one character"};
            default -> new Object[] {MatchReason.Kind.DIFFERENT, "Addresses and postcodes differ"};
        };
    }

    static String cap(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean up = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(up ? Character.toUpperCase(ch) : ch);
            up = ch == ' ' || ch == '-';
        }
        return b.toString();
    }

    private static double[][] log2(double[][] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) {
                out[i][j] = log2(p[i][j]);
            }
        }
        return out;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

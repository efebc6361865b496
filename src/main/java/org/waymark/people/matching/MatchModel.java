package org.waymark.people.matching;

/**
 * The parameters of the Fellegi-Sunter style model with three classes of record pair:
 * <ul>
 * <li>M, the same person;</li>
 * <li>H, different people of the same household or family (they share surname, address, postcode,
 * sometimes a landline, and twins share the date of birth): the class that keeps twins, siblings and
 * a father and son of the same name apart, because their agreement on surname and address is expected
 * and so is not evidence of identity;</li>
 * <li>U, unrelated people (the classic u-probabilities; agreement on exact names, dates of birth,
 * postcodes and phones uses the term frequencies of the actual value).</li>
 * </ul>
 * For each field and comparison level the model holds P(level | M), P(level | H) and a default
 * P(level | U). The values are fixed from general knowledge of how records of one person differ
 * between agencies (see the README for their rationale); they were set before looking at the shared
 * benchmark sets and checked on generated data only. Priors: a record has on average
 * {@code matchesPerRecord} other records of the same person and {@code householdPerRecord}
 * records of other members of its household among the N records searched.
 */
public final class MatchModel {

    // fields
    static final int GIVEN = 0;
    static final int SURNAME = 1;
    static final int MIDDLE = 2;
    static final int DOB = 3;
    static final int SEX = 4;
    static final int LOCATION = 5;
    static final int PHONE = 6;
    static final int NHS = 7;
    static final int REFERENCE = 8;
    static final int FIELDS = 9;

    // given-name levels
    static final int G_EXACT = 0;
    static final int G_NICKNAME = 1;
    static final int G_TYPO = 2;
    static final int G_PHONETIC = 3;
    static final int G_INITIAL = 4;
    static final int G_ALIAS = 5;
    static final int G_DIFFERENT = 6;
    // surname levels
    static final int S_EXACT = 0;
    static final int S_TYPO = 1;
    static final int S_PHONETIC = 2;
    static final int S_PREVIOUS = 3;
    static final int S_DIFFERENT = 4;
    // middle-name levels
    static final int MI_EXACT = 0;
    static final int MI_INITIAL = 1;
    static final int MI_DIFFERENT = 2;
    // date-of-birth levels
    static final int D_EXACT = 0;
    static final int D_SWAPPED = 1;
    static final int D_ONE_DIGIT = 2;
    static final int D_PARTIAL = 3;
    static final int D_DIFFERENT = 4;
    /** dates of birth ten or more years apart: a parent and child, not a mistyping. */
    static final int D_FAR = 5;
    // sex
    static final int X_SAME = 0;
    static final int X_DIFFERENT = 1;
    // location (address and postcode together: they are far from independent)
    static final int L_FULL = 0;
    static final int L_ADDRESS_POSTCODE_NEAR = 1;
    static final int L_ADDRESS_ONLY = 2;
    static final int L_POSTCODE_ONLY = 3;
    static final int L_POSTCODE_NEAR = 4;
    static final int L_DIFFERENT = 5;
    // phone, NHS number, reference
    static final int I_EXACT = 0;
    static final int I_NEAR = 1;
    static final int I_DIFFERENT = 2;

    static final int MISSING = -1;

    /** P(level | same person), per field and level. */
    final double[][] m = {
        {0.845, 0.05, 0.04, 0.02, 0.015, 0.025, 0.005},
        {0.83, 0.05, 0.02, 0.03, 0.07},
        {0.88, 0.06, 0.06},
        {0.86, 0.02, 0.06, 0.03, 0.025, 0.005},
        {0.98, 0.02},
        {0.55, 0.06, 0.07, 0.08, 0.02, 0.22},
        {0.75, 0.03, 0.22},
        {0.97, 0.02, 0.01},
        {0.50, 0.10, 0.40},
    };

    /** P(level | different member of the same household). */
    final double[][] h = {
        {0.01, 0.004, 0.006, 0.008, 0.002, 0.01, 0.96},
        {0.75, 0.01, 0.01, 0.03, 0.20},
        {0.05, 0.05, 0.90},
        {0.015, 0.001, 0.02, 0.06, 0.40, 0.504},
        {0.5, 0.5},
        {0.85, 0.05, 0.05, 0.03, 0.01, 0.01},
        {0.03, 0.005, 0.965},
        {1e-5, 1e-4, 0.9999},
        {0.002, 0.05, 0.948},
    };

    /** P(level | unrelated people), defaults; exact levels use term frequencies where known. */
    final double[][] u = {
        {0.004, 0.002, 0.004, 0.008, 0.002, 0.002, 0.978},
        {0.002, 0.003, 0.006, 0.001, 0.99},
        {0.03, 0.05, 0.92},
        {3.4e-5, 5e-5, 0.001, 0.005, 0.25, 0.74},
        {0.5, 0.5},
        {2e-6, 1e-6, 3e-6, 2e-5, 2e-4, 1.0},
        {1e-6, 2e-5, 1.0},
        {1e-7, 1e-6, 1.0},
        {1e-6, 1e-5, 1.0},
    };

    /** P(household members share a landline): landlines are shared, mobiles rarely. */
    final double hLandlineExact = 0.5;
    /** P(given and family names written the other way round | same person). */
    final double swapRate = 0.03;
    /** Share of same-postcode unrelated pairs whose addresses also agree. */
    final double addressGivenPostcode = 0.1;

    private final double matchesPerRecord;
    private final double householdMembers;
    private final double threshold;

    private MatchModel(double matchesPerRecord, double householdMembers, double threshold) {
        this.matchesPerRecord = matchesPerRecord;
        this.householdMembers = householdMembers;
        this.threshold = threshold;
    }

    private MatchModel(MatchModel base, double[][] newM, double matchesPerRecord) {
        this(matchesPerRecord, base.householdMembers, base.threshold);
        for (int f = 0; f < m.length; f++) {
            m[f] = newM[f].clone();
        }
    }

    /** A copy with other P(level | same person) values (estimated from the data) and match prior. */
    MatchModel withM(double[][] newM, double d) {
        return new MatchModel(this, newM, d);
    }

    /** P(level | same person) of a field (a copy). */
    public double[] mProbabilities(int field) {
        return m[field].clone();
    }

    public static MatchModel defaults() {
        return new MatchModel(1.0, 1.5, 0.5);
    }

    /** Expected number of other records of the same person per record (the match prior). */
    public double matchesPerRecord() {
        return matchesPerRecord;
    }

    /**
     * Expected number of records of other household members per record: the other members of a
     * household (1.5 by default) times the records each person has (1 + matchesPerRecord).
     */
    public double householdPerRecord() {
        return householdPerRecord(matchesPerRecord);
    }

    double householdPerRecord(double d) {
        return householdMembers * (1 + d);
    }

    /** The probability at or above which a pair is judged the same person. */
    public double threshold() {
        return threshold;
    }

    public MatchModel withMatchesPerRecord(double d) {
        return new MatchModel(this, m, d);
    }

    public MatchModel withThreshold(double t) {
        MatchModel copy = new MatchModel(matchesPerRecord, householdMembers, t);
        for (int f = 0; f < m.length; f++) {
            copy.m[f] = m[f].clone();
        }
        return copy;
    }

    /**
     * The probability of the same person from the evidence in bits against each non-match class.
     *
     * @param bitsVsHousehold log2 P(e|M)/P(e|H)
     * @param bitsVsUnrelated log2 P(e|M)/P(e|U)
     * @param population      records searched (N)
     */
    public double probability(double bitsVsHousehold, double bitsVsUnrelated, long population) {
        return probability(bitsVsHousehold, bitsVsUnrelated, population, matchesPerRecord);
    }

    public double probability(double bitsVsHousehold, double bitsVsUnrelated, long population, double d) {
        double n = Math.max(population, 2);
        double oddsAgainst = (householdPerRecord(d) / d) * Math.pow(2, -bitsVsHousehold)
                + (n / d) * Math.pow(2, -bitsVsUnrelated);
        return 1.0 / (1.0 + oddsAgainst);
    }
}

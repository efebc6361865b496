package org.waymark.people.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A {@link PersonRecord} normalised once for fast repeated comparison (batch linking compares each
 * record with dozens of candidates). Holds only derived values, not the raw record.
 */
public final class PreparedRecord {

    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);
    private static final NameForm[] NO_NAMES = new NameForm[0];

    final String id;
    final NameForm given;
    /** second and later given-name tokens plus middle names, normalised. */
    final String[] middles;
    final NameForm surname;
    /** surname tokens when double-barrelled ("smith jones"), else null. */
    final String[] surnameTokens;
    final NameForm[] others;
    final String dob;
    final char sex;
    final String[] address;
    final String houseNumber;
    final String postcode;
    final String postcodeCompact;
    final String outward;
    final String phone;
    final boolean mobile;
    final String nhs;
    final boolean nhsValid;
    final String reference;
    /** "given|surname" when both are present (for the full-name frequency), else null. */
    final String fullNameKey;

    private PreparedRecord(Builder b) {
        fullNameKey = b.fullNameKey;
        id = b.id;
        given = b.given;
        middles = b.middles;
        surname = b.surname;
        surnameTokens = b.surnameTokens;
        others = b.others;
        dob = b.dob;
        sex = b.sex;
        address = b.address;
        houseNumber = b.houseNumber;
        postcode = b.postcode;
        postcodeCompact = b.postcodeCompact;
        outward = b.outward;
        phone = b.phone;
        mobile = b.mobile;
        nhs = b.nhs;
        nhsValid = b.nhsValid;
        reference = b.reference;
    }

    public static PreparedRecord of(PersonRecord r) {
        return of(r, Nicknames.defaults(), StringPool.none());
    }

    public static PreparedRecord of(PersonRecord r, Nicknames nicknames, StringPool pool) {
        Builder b = new Builder();
        b.id = r.id();
        String givenNorm = Names.normalise(r.givenName());
        List<String> middles = new ArrayList<>(2);
        if (givenNorm != null) {
            List<String> tokens = Names.tokens(givenNorm);
            b.given = name(tokens.get(0), nicknames, pool);
            for (int i = 1; i < tokens.size(); i++) {
                middles.add(pool.intern(tokens.get(i)));
            }
        }
        String middleNorm = Names.normalise(r.middleNames());
        if (middleNorm != null) {
            for (String t : Names.tokens(middleNorm)) {
                middles.add(pool.intern(t));
            }
        }
        b.middles = middles.isEmpty() ? null : middles.toArray(new String[0]);
        String surnameNorm = Names.normalise(r.surname());
        if (surnameNorm != null) {
            b.surname = name(surnameNorm, nicknames, pool);
            if (surnameNorm.indexOf(' ') > 0) {
                b.surnameTokens = Names.tokens(surnameNorm).toArray(new String[0]);
            }
        }
        if (!r.otherNames().isEmpty()) {
            List<NameForm> others = new ArrayList<>(r.otherNames().size() + 1);
            for (String o : r.otherNames()) {
                String n = Names.normalise(o);
                if (n == null) {
                    continue;
                }
                // "Jane Smith" as an alias: each token can be a given name or a surname
                List<String> tokens = Names.tokens(n);
                if (tokens.size() <= 3) {
                    for (String t : tokens) {
                        if (t.length() > 1) {
                            others.add(name(t, nicknames, pool));
                        }
                    }
                }
                if (tokens.size() > 1) {
                    others.add(name(n, nicknames, pool));
                }
            }
            b.others = others.isEmpty() ? NO_NAMES : others.toArray(NO_NAMES);
        } else {
            b.others = NO_NAMES;
        }
        b.dob = pool.intern(DatesOfBirth.parse(r.dateOfBirthRaw()).digits());
        b.sex = sex(r.sex());
        b.address = Addresses.tokens(r.address());
        for (int i = 0; i < b.address.length; i++) {
            b.address[i] = pool.intern(b.address[i]);
        }
        b.houseNumber = Addresses.houseNumber(b.address);
        b.postcode = pool.intern(Postcodes.normalise(r.postcode()));
        b.postcodeCompact = b.postcode == null ? null : pool.intern(b.postcode.replace(" ", ""));
        b.outward = pool.intern(Postcodes.outward(b.postcode));
        b.phone = Phones.normalise(r.phone());
        b.mobile = Phones.isMobile(b.phone);
        b.nhs = NhsNumbers.normalise(r.nhsNumber());
        b.nhsValid = b.nhs != null && NhsNumbers.isValid(b.nhs);
        String ref = Postcodes.compact(r.reference());
        b.reference = ref;
        if (b.given != null && b.surname != null) {
            b.fullNameKey = pool.intern(b.given.norm + "|" + b.surname.norm);
        }
        return new PreparedRecord(b);
    }

    static NameForm name(String norm, Nicknames nicknames, StringPool pool) {
        String compact = Names.compact(norm);
        DoubleMetaphone dm = METAPHONE.get();
        String dm1 = dm.doubleMetaphone(compact, false);
        String dm2 = dm.doubleMetaphone(compact, true);
        if (dm2 != null && dm2.equals(dm1)) {
            dm2 = null;
        }
        int[] groups = nicknames.groups(norm);
        return new NameForm(pool.intern(norm), pool.intern(compact), pool.intern(Names.firstToken(norm)),
                pool.intern(dm1 == null || dm1.isEmpty() ? compact.toUpperCase(Locale.ROOT) : dm1), pool.intern(dm2),
                groups, nicknames.typoGroups(norm));
    }

    static char sex(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        char c = Character.toUpperCase(raw.strip().charAt(0));
        if (c == 'M' || c == 'F') {
            return c;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.equals("1")) {
            return 'M';
        }
        if (s.equals("2")) {
            return 'F';
        }
        return 0;
    }

    public String id() {
        return id;
    }

    public NameForm given() {
        return given;
    }

    public NameForm surname() {
        return surname;
    }

    public NameForm[] otherNames() {
        return others.clone();
    }

    /** "YYYYMMDD" or null. */
    public String dateOfBirthDigits() {
        return dob;
    }

    public String postcode() {
        return postcode;
    }

    public String outwardCode() {
        return outward;
    }

    public String phone() {
        return phone;
    }

    public String nhsNumber() {
        return nhs;
    }

    public String reference() {
        return reference;
    }

    public String[] addressTokens() {
        return address.clone();
    }

    String houseNumber() {
        return houseNumber;
    }

    private static final class Builder {
        String id;
        NameForm given;
        String[] middles;
        NameForm surname;
        String[] surnameTokens;
        NameForm[] others;
        String dob;
        char sex;
        String[] address;
        String houseNumber;
        String postcode;
        String postcodeCompact;
        String outward;
        String phone;
        boolean mobile;
        String nhs;
        boolean nhsValid;
        String reference;
        String fullNameKey;
    }
}

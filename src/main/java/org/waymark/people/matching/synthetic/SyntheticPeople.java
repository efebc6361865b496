package org.waymark.people.matching.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.waymark.people.matching.NhsNumbers;
import org.waymark.people.matching.Nicknames;

/**
 * Generates synthetic person records in Waymark's CSV format, with a truth file of every pair of
 * records of the same person. Deterministic for a seed.
 * <p>
 * People live in households on streets with UK postcodes; names come from several heritages
 * ({@link NamePools}). Couples often share a surname (the wife's maiden name is a previous name),
 * children take a parent's surname, some children are twins (same surname, address and date of birth,
 * different given names), a few sons share their father's name, and some unrelated people share a
 * common name (namesakes). Each person has one or more records from agencies with different habits
 * (which fields they fill in), and each record can carry the errors agencies make: nicknames and short
 * forms, transliteration variants, typing errors and transpositions, misspellings that sound alike,
 * given and family names swapped, married or maiden surname, day and month swapped, one digit wrong or
 * two digits swapped in the date of birth, placeholder and malformed dates, addresses abbreviated or
 * without the town, an old address after a move, postcodes reformatted or mistyped by one character,
 * phone numbers in different formats, an old phone, a mistyped NHS number, missing fields.
 */
public final class SyntheticPeople {

    /**
     * Settings. {@code errorScale} multiplies every error rate (1.0 is the default mix). {@code repeat}
     * (off by default) draws a population of repeat victims and people known to services over years:
     * more records per person, most people moving at least once (refuge, new home, another town), more
     * unrelated people sharing a common name, fewer dates of birth, and some addresses given only as the
     * town. It is harder than the default mix, and closer to a caseload than to a one-off extract.
     */
    public record Config(long seed, int records, double errorScale, boolean repeat) {
        public Config(long seed, int records, double errorScale) {
            this(seed, records, errorScale, false);
        }

        public static Config of(long seed, int records) {
            return new Config(seed, records, 1.0);
        }
    }

    /** What was generated. */
    public record Result(int records, int people, long truePairs) {
    }

    private static final String[] HEADER = {"id", "given_name", "middle_names", "surname", "other_names",
        "date_of_birth", "sex", "address", "postcode", "phone", "nhs_number", "reference"};

    // agencies: share of records, and how often each fills: middle, dob, sex, address, postcode, phone, nhs, reference
    private static final String[] AGENCY = {"police", "health", "children", "housing", "idva", "probation"};
    private static final double[] AGENCY_SHARE = {0.3, 0.25, 0.15, 0.12, 0.1, 0.08};
    private static final double[][] FILL = {
        {0.3, 0.93, 0.98, 0.95, 0.85, 0.6, 0.05, 0.5},
        {0.5, 0.99, 0.99, 0.97, 0.95, 0.7, 0.85, 0.2},
        {0.2, 0.9, 0.95, 0.9, 0.85, 0.5, 0.2, 0.4},
        {0.1, 0.8, 0.9, 0.99, 0.97, 0.7, 0.02, 0.6},
        {0.2, 0.85, 0.98, 0.8, 0.7, 0.8, 0.05, 0.3},
        {0.3, 0.97, 0.99, 0.9, 0.85, 0.5, 0.1, 0.7},
    };

    private final Config config;
    private final SplittableRandom rnd;
    private final Nicknames nicknames;
    private final double e;

    public SyntheticPeople(Config config) {
        this.config = config;
        this.rnd = new SplittableRandom(config.seed());
        this.nicknames = Nicknames.defaults();
        this.e = config.errorScale();
    }

    /** {@code generate --seed 1 --records 100000 --output people.csv --truth truth.csv}. */
    public static void main(String[] args) throws IOException {
        long seed = 1;
        int records = 100_000;
        double scale = 1.0;
        boolean repeat = false;
        Path out = Path.of("people.csv");
        Path truth = Path.of("people_truth.csv");
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--repeat")) {
                repeat = true;
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--records" -> records = Integer.parseInt(args[i + 1]);
                case "--error-scale" -> scale = Double.parseDouble(args[i + 1]);
                case "--output" -> out = Path.of(args[i + 1]);
                case "--truth" -> truth = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Result r = new SyntheticPeople(new Config(seed, records, scale, repeat)).generate(out, truth, System.err);
        System.err.printf(Locale.ROOT, "generated %,d records of %,d people, %,d true pairs%n", r.records(),
                r.people(), r.truePairs());
    }

    // ---------------------------------------------------------------------------------------------
    // the population

    static final class Address {
        String number;
        String street;
        String type;
        String town;
        String postcode;
    }

    static final class Person {
        int id;
        NamePools.Group group;
        char sex;
        String given;
        String middle;
        String surname;
        String maiden;
        LocalDate dob;
        String phone;
        String oldPhone;
        String nhs;
        Address address;
        Address oldAddress;
        /** a third address for people who moved twice (refuge, then a new home). */
        Address otherAddress;
        String[] refs = new String[AGENCY.length];
    }

    private final List<Person> people = new ArrayList<>();
    private final List<Address[]> streets = new ArrayList<>();
    private final Set<String> usedPostcodes = new HashSet<>();
    private int refCounter = 100_000;

    private Address newAddressOnStreet(Address[] street) {
        Address proto = street[0];
        Address a = new Address();
        a.street = proto.street;
        a.type = proto.type;
        a.town = proto.town;
        a.postcode = proto.postcode;
        a.number = Integer.toString(1 + rnd.nextInt(220));
        if (rnd.nextDouble() < 0.05) {
            a.number += (char) ('a' + rnd.nextInt(3));
        }
        return a;
    }

    private Address[] newStreet() {
        Address a = new Address();
        String[] town = NamePools.TOWNS[zipf(NamePools.TOWNS.length, 0.8)].split(":");
        a.town = town[0];
        a.street = rnd.nextDouble() < 0.4 ? pick(NamePools.STREETS)
                : pick(NamePools.STREET_PREFIXES) + pick(NamePools.STREET_SUFFIXES);
        a.type = pick(NamePools.STREET_TYPES);
        String pc;
        do {
            pc = town[1] + (1 + rnd.nextInt(town[1].length() == 1 ? 99 : 40)) + " " + rnd.nextInt(10)
                    + NamePools.POSTCODE_UNIT.charAt(rnd.nextInt(NamePools.POSTCODE_UNIT.length()))
                    + NamePools.POSTCODE_UNIT.charAt(rnd.nextInt(NamePools.POSTCODE_UNIT.length()));
        } while (!usedPostcodes.add(pc));
        a.postcode = pc;
        Address[] street = {a};
        streets.add(street);
        return street;
    }

    private Address anyAddress() {
        Address[] street;
        if (streets.isEmpty() || rnd.nextDouble() < 0.15) {
            street = newStreet();
        } else {
            street = streets.get(rnd.nextInt(streets.size()));
        }
        return newAddressOnStreet(street);
    }

    private NamePools.Group pickGroup() {
        double x = rnd.nextDouble();
        double total = 0;
        for (NamePools.Group g : NamePools.GROUPS) {
            total += g.share();
        }
        x *= total;
        for (NamePools.Group g : NamePools.GROUPS) {
            x -= g.share();
            if (x <= 0) {
                return g;
            }
        }
        return NamePools.GROUPS[0];
    }

    private Person newPerson(NamePools.Group g, char sex, String surname, LocalDate dob, Address addr) {
        Person p = new Person();
        p.id = people.size();
        p.group = g;
        p.sex = sex;
        String[] pool = sex == 'M' ? g.male() : g.female();
        p.given = pool[zipf(pool.length, 1.0)];
        for (int attempt = 0; attempt < 20 && clashes(p.given); attempt++) {
            p.given = pool[rnd.nextInt(pool.length)];
        }
        householdNames.add(p.given);
        if (rnd.nextDouble() < 0.45) {
            String[] mp = rnd.nextDouble() < 0.8 ? pool : (sex == 'M' ? g.male() : g.female());
            String m = mp[zipf(mp.length, 0.7)];
            if (!m.equals(p.given)) {
                p.middle = m;
            }
        }
        p.surname = surname;
        p.dob = dob;
        p.phone = rnd.nextDouble() < 0.85 ? mobile() : null;
        if (p.phone != null && rnd.nextDouble() < 0.15) {
            p.oldPhone = mobile();
        }
        p.nhs = nhsNumber();
        p.address = addr;
        people.add(p);
        return p;
    }

    private String surnameFor(NamePools.Group g, char sex) {
        if (g == NamePools.GROUPS[0] && rnd.nextDouble() < 0.3) {
            return pick(NamePools.SURNAME_PREFIXES) + pick(NamePools.SURNAME_SUFFIXES);
        }
        String s = g.surnames()[zipf(g.surnames().length, 1.0)];
        return g.femaleSurnameForm() && sex == 'F' ? feminine(s) : s;
    }

    private static String feminine(String s) {
        if (s.endsWith("ski")) {
            return s.substring(0, s.length() - 1) + "a";
        }
        if (s.endsWith("cki") || s.endsWith("dzki")) {
            return s.substring(0, s.length() - 1) + "a";
        }
        return s;
    }

    private LocalDate birth(int minAge, int maxAge) {
        int age = minAge + rnd.nextInt(Math.max(1, maxAge - minAge + 1));
        return LocalDate.of(2025, 6, 30).minusYears(age).minusDays(rnd.nextInt(365));
    }

    /** given names already used in the household being built (parents rarely repeat them). */
    private final Set<String> householdNames = new HashSet<>();

    /** True when a household member already has this name or a form of it (Dan and Daniel). */
    private boolean clashes(String given) {
        String g = stripDiacritics(given);
        for (String other : householdNames) {
            String o = stripDiacritics(other);
            if (o.equals(g) || nicknames.areVariants(o, g)) {
                return true;
            }
        }
        return false;
    }

    private void household() {
        householdNames.clear();
        Address addr = anyAddress();
        NamePools.Group g = pickGroup();
        double kind = rnd.nextDouble();
        if (kind < 0.28) {
            char sex = rnd.nextBoolean() ? 'F' : 'M';
            newPerson(g, sex, surnameFor(g, sex), birth(18, 85), addr);
            return;
        }
        NamePools.Group g2 = rnd.nextDouble() < 0.85 ? g : pickGroup();
        Person man = null;
        Person woman = null;
        boolean couple = kind < 0.8;
        LocalDate adultDob = birth(20, 70);
        if (couple) {
            man = newPerson(g, 'M', surnameFor(g, 'M'), adultDob, addr);
            String herSurname = surnameFor(g2, 'F');
            LocalDate herDob = adultDob.plusDays(rnd.nextInt(3000) - 1500);
            woman = newPerson(g2, 'F', herSurname, herDob, addr);
            if (rnd.nextDouble() < 0.6 && g2 != NamePools.GROUPS[4] && !g2.name().equals("somali")
                    && !g2.name().equals("chinese")) {
                woman.maiden = herSurname;
                woman.surname = g2.femaleSurnameForm() ? feminine(man.surname) : man.surname;
                if (g.femaleSurnameForm() && !g2.femaleSurnameForm()) {
                    woman.surname = feminine(man.surname);
                }
            }
            if (rnd.nextDouble() < 0.01) {
                // a son named after his father
                Person son = newPerson(g, 'M', man.surname, birth(0, 17), addr);
                son.given = man.given;
            }
        } else {
            char sex = rnd.nextDouble() < 0.85 ? 'F' : 'M';
            Person p = newPerson(g, sex, surnameFor(g, sex), adultDob, addr);
            if (sex == 'F') {
                woman = p;
            } else {
                man = p;
            }
        }
        if (kind > 0.55) {
            int kids = 1 + zipf(5, 1.2);
            String kidSurname = man != null ? man.surname : surnameFor(g, 'M');
            Person parent = woman != null ? woman : man;
            for (int k = 0; k < kids; k++) {
                int parentAge = 2025 - parent.dob.getYear();
                int maxAge = Math.min(17, Math.max(0, parentAge - 17));
                char sex = rnd.nextBoolean() ? 'M' : 'F';
                LocalDate dob = birth(0, maxAge);
                String sn = g.femaleSurnameForm() && sex == 'F' ? feminine(kidSurname) : kidSurname;
                Person kid = newPerson(g, sex, sn, dob, addr);
                kid.phone = 2025 - dob.getYear() >= 13 && rnd.nextBoolean() ? mobile() : null;
                if (rnd.nextDouble() < 0.04) {
                    // twins: same surname, address, date of birth; different given names
                    char sex2 = rnd.nextBoolean() ? 'M' : 'F';
                    String sn2 = g.femaleSurnameForm() && sex2 == 'F' ? feminine(kidSurname) : kidSurname;
                    Person twin = newPerson(g, sex2, sn2, dob, addr);
                    while (twin.given.equals(kid.given) || nicknames.areVariants(twin.given, kid.given)) {
                        String[] pool = sex2 == 'M' ? g.male() : g.female();
                        twin.given = pool[rnd.nextInt(pool.length)];
                    }
                    twin.phone = kid.phone == null ? null : mobile();
                }
            }
        }
        if (rnd.nextDouble() < 0.05) {
            // an older relative in the household
            char sex = rnd.nextBoolean() ? 'F' : 'M';
            newPerson(g, sex, man != null ? man.surname : surnameFor(g, sex), birth(65, 95), addr);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // generation

    public Result generate(Path csv, Path truth, PrintStream progress) throws IOException {
        // people and how many records each has (mean about 2.2)
        List<int[]> recordsOf = new ArrayList<>();
        int planned = 0;
        while (planned < config.records()) {
            int before = people.size();
            household();
            for (int i = before; i < people.size(); i++) {
                Person p = people.get(i);
                if (rnd.nextDouble() < (config.repeat() ? 0.5 : 0.12)) {
                    p.oldAddress = anyAddress();
                    if (rnd.nextDouble() < (config.repeat() ? 0.5 : 0.3)) {
                        p.otherAddress = anyAddress();
                    }
                }
                int k = recordCount();
                recordsOf.add(new int[] {i, k});
                planned += k;
            }
            if (rnd.nextDouble() < (config.repeat() ? 0.06 : 0.02) && people.size() > 10) {
                // a namesake: an unrelated person with the same name as someone else
                Person other = people.get(rnd.nextInt(people.size()));
                householdNames.clear();
                Address addr = anyAddress();
                Person p = newPerson(other.group, other.sex, other.surname, birth(18, 80), addr);
                p.given = other.given;
                if (rnd.nextDouble() < 0.1) {
                    // an unlucky namesake born within days of the other
                    p.dob = other.dob.withDayOfMonth(1 + rnd.nextInt(28)).plusYears(rnd.nextInt(3) - 1);
                }
                int k = recordCount();
                recordsOf.add(new int[] {p.id, k});
                planned += k;
            }
        }
        // records, then shuffled
        List<String[]> rows = new ArrayList<>(planned);
        List<Integer> owner = new ArrayList<>(planned);
        for (int[] pk : recordsOf) {
            Person p = people.get(pk[0]);
            String[] first = null;
            for (int r = 0; r < pk[1] && rows.size() < config.records(); r++) {
                String[] row = first != null && rnd.nextDouble() < 0.06 * e ? first.clone() : record(p);
                if (first == null) {
                    first = row;
                }
                rows.add(row);
                owner.add(p.id);
            }
        }
        int n = rows.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        String[] ids = new String[n];
        List<List<String>> byPerson = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            byPerson.add(null);
        }
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                        .setRecordSeparator('\n').get())) {
            for (int pos = 0; pos < n; pos++) {
                int src = perm[pos];
                String id = String.format(Locale.ROOT, "S%08d", pos);
                ids[src] = id;
                String[] row = rows.get(src);
                row[0] = id;
                out.printRecord((Object[]) row);
                int o = owner.get(src);
                List<String> l = byPerson.get(o);
                if (l == null) {
                    l = new ArrayList<>(2);
                    byPerson.set(o, l);
                }
                l.add(id);
            }
        }
        long pairs = 0;
        int persons = 0;
        try (BufferedWriter w = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            w.write("id_1,id_2\n");
            for (List<String> l : byPerson) {
                if (l == null) {
                    continue;
                }
                persons++;
                for (int i = 0; i < l.size(); i++) {
                    for (int j = i + 1; j < l.size(); j++) {
                        w.write(l.get(i));
                        w.write(',');
                        w.write(l.get(j));
                        w.write('\n');
                        pairs++;
                    }
                }
            }
        }
        return new Result(n, persons, pairs);
    }

    private int recordCount() {
        double x = rnd.nextDouble();
        if (config.repeat()) {
            // about four records a person
            x = x < 0.2 ? x * 0.42 / 0.2 : x < 0.85 ? 0.42 + (x - 0.2) * 0.54 / 0.65 : 0.96 + (x - 0.85) * 0.04 / 0.15;
        }
        if (x < 0.42) {
            return 1;
        }
        if (x < 0.68) {
            return 2;
        }
        if (x < 0.82) {
            return 3;
        }
        if (x < 0.9) {
            return 4;
        }
        if (x < 0.96) {
            return 5 + zipf(6, 1.0);
        }
        // repeat victims known to many agencies over years
        return 8 + zipf(18, 0.6);
    }

    private String[] record(Person p) {
        int agency = pickAgency();
        double[] fill = FILL[agency];
        String given = p.given;
        String surname = p.surname;
        String middle = rnd.nextDouble() < fill[0] ? p.middle : null;
        List<String> other = new ArrayList<>(2);
        // surname: married or maiden, with the other as a previous name
        if (p.maiden != null) {
            if (rnd.nextDouble() < 0.3) {
                surname = p.maiden;
                if (rnd.nextDouble() < 0.2) {
                    other.add(p.surname);
                }
            } else if (rnd.nextDouble() < 0.35) {
                other.add(p.maiden);
            }
        }
        if (p.middle != null && middle == null && rnd.nextDouble() < 0.03) {
            other.add(p.middle);
        }
        // given name: nickname or transliteration variant, typo, sound-alike, initial, missing
        double r = rnd.nextDouble();
        boolean variantProne = !p.group.name().equals("english") && !p.group.name().equals("scottish");
        if (r < (variantProne ? 0.2 : 0.12) * e) {
            given = variant(given);
        } else if (r < (variantProne ? 0.24 : 0.16) * e) {
            given = typo(given);
        } else if (r < (variantProne ? 0.27 : 0.18) * e) {
            given = soundAlike(given);
        } else if (r < (variantProne ? 0.28 : 0.19) * e) {
            given = given.substring(0, 1);
        } else if (r < (variantProne ? 0.3 : 0.21) * e) {
            given = null;
        } else if (r < (variantProne ? 0.31 : 0.22) * e && p.middle != null) {
            given = p.middle;
            middle = null;
        }
        r = rnd.nextDouble();
        if (r < 0.04 * e) {
            surname = typo(surname);
        } else if (r < 0.06 * e) {
            surname = soundAlike(surname);
        } else if (r < 0.07 * e) {
            surname = null;
        } else if (r < 0.1 * e && p.group.femaleSurnameForm()) {
            surname = stripDiacritics(surname);
        }
        if (rnd.nextDouble() < 0.5 && p.group.femaleSurnameForm()) {
            surname = surname == null ? null : stripDiacritics(surname);
            given = given == null ? null : stripDiacritics(given);
        }
        if (e > 1) {
            // heavy corruption (error scale above 1): errors pile up in the same field, as in FEBRL data
            double extra = 0.06 * (e - 1);
            if (given != null && rnd.nextDouble() < extra) {
                given = rnd.nextBoolean() ? typo(given) : soundAlike(given);
            }
            if (surname != null && rnd.nextDouble() < extra) {
                surname = rnd.nextBoolean() ? typo(surname) : soundAlike(surname);
            }
        }
        if (middle != null && rnd.nextDouble() < 0.15) {
            middle = middle.substring(0, 1);
        }
        if (given != null && surname != null && rnd.nextDouble() < p.group.swapNames() * e * 1.5) {
            String t = given;
            given = surname;
            surname = t;
        }
        // date of birth
        String dob = null;
        if (rnd.nextDouble() < fill[1] * (config.repeat() ? 0.95 : 1.0)) {
            dob = dobWithErrors(p.dob);
            if (e > 1 && dob.length() == 10 && dob.charAt(4) == '-' && rnd.nextDouble() < 0.04 * (e - 1)) {
                int pos = 2 + rnd.nextInt(8);
                if (pos != 4 && pos != 7) {
                    dob = dob.substring(0, pos) + (char) ('0' + rnd.nextInt(10)) + dob.substring(pos + 1);
                }
            }
        }
        String sex = null;
        if (rnd.nextDouble() < fill[2]) {
            sex = String.valueOf(rnd.nextDouble() < 0.005 * e ? (p.sex == 'M' ? 'F' : 'M') : p.sex);
            if (rnd.nextDouble() < 0.05) {
                sex = sex.equals("M") ? "male" : "female";
            }
        }
        Address addr = p.address;
        if (p.oldAddress != null && rnd.nextDouble() < (config.repeat() ? 0.5 : 0.4)) {
            addr = p.otherAddress != null && rnd.nextBoolean() ? p.otherAddress : p.oldAddress;
        }
        String address = rnd.nextDouble() < fill[3] ? addressText(addr) : null;
        if (address != null && config.repeat() && rnd.nextDouble() < 0.03) {
            address = addr.town; // no fixed abode, or only the town was taken down
        }
        String postcode = rnd.nextDouble() < fill[4] ? postcodeText(addr.postcode) : null;
        String phone = null;
        if (p.phone != null && rnd.nextDouble() < fill[5]) {
            String ph = p.oldPhone != null && rnd.nextDouble() < 0.4 ? p.oldPhone : p.phone;
            if (rnd.nextDouble() < 0.02 * e) {
                ph = oneDigit(ph, 1);
            }
            phone = phoneText(ph);
        }
        String nhs = null;
        if (rnd.nextDouble() < fill[6]) {
            nhs = p.nhs;
            if (rnd.nextDouble() < 0.04 * e) {
                nhs = rnd.nextBoolean() ? oneDigit(nhs, 0) : transpose(nhs);
            }
            if (rnd.nextDouble() < 0.3) {
                nhs = NhsNumbers.format(nhs);
            }
        }
        String reference = null;
        if (rnd.nextDouble() < fill[7]) {
            if (p.refs[agency] == null) {
                p.refs[agency] = AGENCY[agency].substring(0, 3).toUpperCase(Locale.ROOT) + "-" + (refCounter++);
            }
            reference = p.refs[agency];
        }
        String cased = rnd.nextDouble() < 0.15 ? "upper" : rnd.nextDouble() < 0.5 ? "title" : "lower";
        return new String[] {null, cas(given, cased), cas(middle, cased), cas(surname, cased),
            cas(String.join(";", other), cased), dob, sex, address, postcode, phone, nhs, reference};
    }

    private int pickAgency() {
        double x = rnd.nextDouble();
        for (int i = 0; i < AGENCY_SHARE.length; i++) {
            x -= AGENCY_SHARE[i];
            if (x <= 0) {
                return i;
            }
        }
        return 0;
    }

    private String dobWithErrors(LocalDate d) {
        double r = rnd.nextDouble();
        String iso = d.toString();
        if (r < 0.03 * e && d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
            return String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getDayOfMonth(), d.getMonthValue());
        }
        if (r < 0.06 * e) {
            String digits = iso.replace("-", "");
            int pos = 2 + rnd.nextInt(6);
            char c = digits.charAt(pos);
            char nc;
            do {
                nc = (char) ('0' + rnd.nextInt(10));
            } while (nc == c);
            digits = digits.substring(0, pos) + nc + digits.substring(pos + 1);
            return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6);
        }
        if (r < 0.07 * e) {
            String digits = iso.replace("-", "");
            int pos = 2 + rnd.nextInt(5);
            if (pos == 3) {
                pos = 2;
            }
            digits = transposeAt(digits, pos);
            return digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-" + digits.substring(6);
        }
        if (r < 0.075 * e) {
            return "1900-01-01";
        }
        if (r < 0.08 * e) {
            return String.format(Locale.ROOT, "%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
        if (r < 0.083 * e) {
            return rnd.nextBoolean() ? "unknown" : "00/00/0000";
        }
        return iso;
    }

    private String addressText(Address a) {
        String type = a.type;
        if (rnd.nextDouble() < 0.3 * e) {
            type = switch (type) {
                case "street" -> "st";
                case "road" -> "rd";
                case "avenue" -> "ave";
                case "lane" -> "ln";
                case "drive" -> "dr";
                case "close" -> "cl";
                case "crescent" -> "cres";
                case "place" -> "pl";
                case "gardens" -> "gdns";
                case "terrace" -> "terr";
                case "court" -> "ct";
                default -> type;
            };
        }
        String street = a.street;
        if (rnd.nextDouble() < 0.02 * e) {
            street = typo(street);
        }
        StringBuilder b = new StringBuilder();
        if (rnd.nextDouble() < 0.03) {
            b.append("flat ").append(1 + rnd.nextInt(4)).append(", ");
        }
        b.append(a.number).append(' ').append(street).append(' ').append(type);
        if (rnd.nextDouble() > 0.15 * e) {
            b.append(rnd.nextBoolean() ? ", " : " ").append(a.town);
        }
        String s = b.toString();
        double c = rnd.nextDouble();
        return c < 0.15 ? s.toUpperCase(Locale.ROOT) : c < 0.5 ? titleCase(s) : s;
    }

    private String postcodeText(String pc) {
        String s = pc;
        if (rnd.nextDouble() < 0.03 * e) {
            String compact = s.replace(" ", "");
            int pos = rnd.nextInt(compact.length());
            char c = compact.charAt(pos);
            char nc = Character.isDigit(c) ? (char) ('0' + rnd.nextInt(10))
                    : NamePools.POSTCODE_UNIT.charAt(rnd.nextInt(NamePools.POSTCODE_UNIT.length()));
            if (rnd.nextDouble() < 0.2) {
                nc = c == '1' ? 'L' : c == '0' ? 'O' : c == 'O' ? '0' : nc; // OCR-like
            }
            compact = compact.substring(0, pos) + nc + compact.substring(pos + 1);
            s = compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
        }
        double r = rnd.nextDouble();
        if (r < 0.3) {
            s = s.replace(" ", "");
        } else if (r < 0.45) {
            s = s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    private String phoneText(String ph) {
        double r = rnd.nextDouble();
        if (r < 0.15) {
            return "+44 " + ph.substring(1, 5) + " " + ph.substring(5);
        }
        if (r < 0.35) {
            return ph.substring(0, 5) + " " + ph.substring(5);
        }
        return ph;
    }

    // ---------------------------------------------------------------------------------------------
    // errors

    private String variant(String name) {
        int[] groups = nicknames.groups(name);
        if (groups.length == 0) {
            return name;
        }
        // prefer a group this name heads
        int g = groups[0];
        for (int gi : groups) {
            if (nicknames.head(gi).equals(name)) {
                g = gi;
            }
        }
        List<String> members = membersOf(g);
        members.remove(name);
        members.removeIf(m -> m.contains(" ") || m.length() < 2);
        if (members.isEmpty()) {
            return name;
        }
        return members.get(rnd.nextInt(members.size()));
    }

    private List<String> membersOf(int group) {
        return new ArrayList<>(nicknames.members(group));
    }

    private String typo(String s) {
        if (s == null || s.length() < 3) {
            return s;
        }
        int kind = rnd.nextInt(4);
        int pos = 1 + rnd.nextInt(s.length() - 1);
        char c = (char) ('a' + rnd.nextInt(26));
        return switch (kind) {
            case 0 -> s.substring(0, pos) + c + s.substring(Math.min(s.length(), pos + 1));
            case 1 -> s.substring(0, pos) + c + s.substring(pos);
            case 2 -> s.substring(0, pos) + s.substring(pos + 1);
            default -> pos < s.length() - 1 ? transposeAt(s, pos) : transposeAt(s, pos - 1);
        };
    }

    private static final String[][] SOUNDS = {
        {"ph", "f"}, {"f", "ph"}, {"c", "k"}, {"k", "c"}, {"y", "ie"}, {"ie", "y"}, {"ee", "ea"}, {"ea", "ee"},
        {"ou", "o"}, {"oo", "u"}, {"ck", "k"}, {"ll", "l"}, {"tt", "t"}, {"nn", "n"}, {"th", "t"}, {"s", "z"},
        {"z", "s"}, {"i", "y"}, {"ai", "ay"}, {"ey", "y"}, {"v", "w"}, {"w", "v"}, {"sh", "ch"}, {"mm", "m"},
        {"e", "a"}, {"a", "e"}, {"o", "oo"}, {"an", "un"}, {"ss", "s"},
    };

    private String soundAlike(String s) {
        if (s == null) {
            return null;
        }
        for (int attempt = 0; attempt < 6; attempt++) {
            String[] rule = SOUNDS[rnd.nextInt(SOUNDS.length)];
            int at = s.indexOf(rule[0], 1);
            if (at > 0) {
                return s.substring(0, at) + rule[1] + s.substring(at + rule[0].length());
            }
        }
        // double a letter
        int pos = 1 + rnd.nextInt(Math.max(1, s.length() - 1));
        return s.substring(0, pos) + s.charAt(pos - 1) + s.substring(pos);
    }

    private static String transposeAt(String s, int pos) {
        char[] ch = s.toCharArray();
        char t = ch[pos];
        ch[pos] = ch[pos + 1];
        ch[pos + 1] = t;
        return new String(ch);
    }

    private String oneDigit(String digits, int from) {
        int pos = from + rnd.nextInt(digits.length() - from);
        char c = digits.charAt(pos);
        char nc;
        do {
            nc = (char) ('0' + rnd.nextInt(10));
        } while (nc == c);
        return digits.substring(0, pos) + nc + digits.substring(pos + 1);
    }

    private String transpose(String digits) {
        for (int attempt = 0; attempt < 10; attempt++) {
            int pos = rnd.nextInt(digits.length() - 1);
            if (digits.charAt(pos) != digits.charAt(pos + 1)) {
                return transposeAt(digits, pos);
            }
        }
        return oneDigit(digits, 0);
    }

    static String stripDiacritics(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('ł', 'l').replace('Ł', 'L');
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return t;
    }

    private String mobile() {
        StringBuilder b = new StringBuilder("07");
        for (int i = 0; i < 9; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }

    private String nhsNumber() {
        while (true) {
            StringBuilder b = new StringBuilder(10);
            b.append((char) ('4' + rnd.nextInt(3)));
            for (int i = 1; i < 9; i++) {
                b.append((char) ('0' + rnd.nextInt(10)));
            }
            int check = NhsNumbers.checkDigit(b.toString());
            if (check >= 0) {
                return b.append((char) ('0' + check)).toString();
            }
        }
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private final java.util.Map<Long, double[]> zipfTables = new java.util.HashMap<>();

    /** A rank in [0, n) with probability falling as 1 / (rank + 1)^s. */
    private int zipf(int n, double s) {
        double[] cum = zipfTables.computeIfAbsent(((long) n << 32) ^ Double.doubleToLongBits(s), k -> {
            double[] c = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += 1 / Math.pow(i + 1, s);
                c[i] = total;
            }
            for (int i = 0; i < n; i++) {
                c[i] /= total;
            }
            return c;
        });
        int idx = java.util.Arrays.binarySearch(cum, rnd.nextDouble());
        if (idx < 0) {
            idx = -idx - 1;
        }
        return Math.min(idx, n - 1);
    }

    private static String cas(String s, String mode) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return switch (mode) {
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "title" -> titleCase(s);
            default -> s;
        };
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean up = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(up ? Character.toUpperCase(c) : c);
            up = c == ' ' || c == '-' || c == '\'' || c == ';' || c == ',';
        }
        return b.toString();
    }
}

package org.waymark.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.people.matching.BlockingKeys;
import org.waymark.people.matching.MatchReason;
import org.waymark.people.matching.MatchResult;
import org.waymark.people.matching.MatchScorer;
import org.waymark.people.matching.NhsNumbers;
import org.waymark.people.matching.PersonRecord;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NeedToKnow;
import org.waymark.platform.NotFoundException;

/**
 * The people module's API: record a person, consult existing records for the same person across
 * agencies, and link records judged to be the same person (reversibly). A person's details are seen
 * by the agency that recorded them and by those with a need to know through a case (see NeedToKnow);
 * other agencies learn only that a matching record exists and why. Restricted values are withheld from
 * everyone but the recorder and the case's allocated workers, and always from the perpetrator side.
 */
@Service
public class People {

    static final String OBJECT = "PERSON";
    /** Candidates below this probability are not shown: they would bury the real matches. */
    static final double SHOW_FROM = 0.30;
    /** The most rows one blocking key may contribute, so a very common key cannot slow a lookup down. */
    static final int PER_KEY_LIMIT = 2000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final BlockingKeys keys = BlockingKeys.defaults();
    private final AtomicReference<ScorerForPopulation> scorer = new AtomicReference<>();
    private final NeedToKnow needToKnow;
    private final FieldEncryption encryption;

    private record ScorerForPopulation(long population, MatchScorer scorer) {
    }

    People(JdbcClient jdbc, AuditTrail audit, Clock clock, NeedToKnow needToKnow, FieldEncryption encryption) {
        this.needToKnow = needToKnow;
        this.encryption = encryption;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Person records are practitioners' work: an account that only administers Waymark has no need of them. */
    private Actor requirePractitioner(String action) {
        Actor actor = CurrentActor.require();
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, null, "administration-only account"));
            throw new org.springframework.security.access.AccessDeniedException("Person records are for practitioners");
        }
        return actor;
    }

    // ---- recording -------------------------------------------------------------------------------

    @Transactional
    public Person record(NewPerson person) {
        Actor actor = requirePractitioner("CREATE_PERSON");
        validate(person);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into person (id, given_name, middle_names, family_name, date_of_birth, sex, nhs_number,
                                    recorded_by_agency_id, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, blank(person.givenName()), blank(person.middleNames()), blank(person.familyName()),
                person.dateOfBirth() == null ? null : Date.valueOf(person.dateOfBirth()), sexCode(person.sex()),
                nhs(person.nhsNumber()), actor.agencyId(), actor.userId()).update();
        for (String previous : person.previousNames()) {
            if (!previous.isBlank()) {
                jdbc.sql("insert into person_other_name (id, person_id, kind, family_name) values (?, ?, 'PREVIOUS', ?)")
                        .params(UUID.randomUUID(), id, previous.trim()).update();
            }
        }
        for (String alias : person.aliases()) {
            if (!alias.isBlank()) {
                String[] split = splitFullName(alias);
                jdbc.sql("insert into person_other_name (id, person_id, kind, given_name, family_name) values (?, ?, 'ALIAS', ?, ?)")
                        .params(UUID.randomUUID(), id, split[0], split[1]).update();
            }
        }
        if (blank(person.address()) != null) {
            UUID addressId = UUID.randomUUID();
            if (person.addressRestricted()) {
                // Sealed, bound to this row: never in plain text, never in the match keys.
                jdbc.sql("""
                        insert into person_address (id, person_id, sealed_address, sealed_postcode, restricted)
                        values (?, ?, ?, ?, true)""").params(addressId, id,
                        encryption.seal(person.address().trim(), "person_address/" + addressId + "/address"),
                        encryption.seal(blank(person.postcode()), "person_address/" + addressId + "/postcode")).update();
            } else {
                jdbc.sql("insert into person_address (id, person_id, address, postcode, restricted) values (?, ?, ?, ?, false)")
                        .params(addressId, id, person.address().trim(), blank(person.postcode())).update();
            }
        }
        if (blank(person.phone()) != null) {
            UUID contactId = UUID.randomUUID();
            if (person.phoneRestricted()) {
                jdbc.sql("insert into person_contact (id, person_id, kind, sealed_value, restricted) values (?, ?, 'PHONE', ?, true)")
                        .params(contactId, id, encryption.seal(person.phone().trim(), "person_contact/" + contactId + "/value"))
                        .update();
            } else {
                jdbc.sql("insert into person_contact (id, person_id, kind, value, restricted) values (?, ?, 'PHONE', ?, false)")
                        .params(contactId, id, person.phone().trim()).update();
            }
        }
        storeKeys(id, matchRecord(id.toString(), person));
        audit.record(AuditEntry.allowed("CREATE_PERSON", OBJECT, id));
        return load(id, actor);
    }

    private void storeKeys(UUID id, PersonRecord record) {
        jdbc.sql("delete from person_match_key where person_id = ?").param(id).update();
        for (String key : keysWithAliases(record)) {
            jdbc.sql("insert into person_match_key (match_key, person_id) values (?, ?) on conflict do nothing")
                    .params(key, id).update();
        }
    }

    /**
     * The record's blocking keys, and those it would have under each alias written in full ("Kate Jones"),
     * so that a search under the alias alone finds it (the matcher then scores the alias as evidence).
     */
    private List<String> keysWithAliases(PersonRecord record) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(keys.keys(record));
        for (String other : record.otherNames()) {
            String[] split = splitFullName(other);
            if (split[1] != null) {
                all.addAll(keys.keys(new PersonRecord(record.id(), split[0], null, split[1], List.of(),
                        record.dateOfBirthRaw(), record.dateOfBirth(), record.sex(), null, null, null, null, null)));
            }
        }
        return List.copyOf(all);
    }

    /** At most this many aliases of each record are tried as its name, so a long list cannot slow a search. */
    private static final int ALIASES_TRIED = 3;

    /**
     * The comparison of two records, or of one of them under an alias written in full ("Kate Jones") if that
     * is stronger: someone known by two names is the same person under either. The reason says so.
     */
    private static MatchResult compareWithAliases(MatchScorer scorer, PersonRecord probe, PersonRecord stored) {
        MatchResult best = scorer.compare(probe, stored);
        List<PersonRecord> probes = asAliases(probe);
        List<PersonRecord> storedVariants = asAliases(stored);
        if (probes.size() == 1 && storedVariants.size() == 1) {
            return best;
        }
        boolean viaAlias = false;
        for (int i = 0; i < probes.size(); i++) {
            for (int j = 0; j < storedVariants.size(); j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                MatchResult variant = scorer.compare(probes.get(i), storedVariants.get(j));
                if (variant.probability() > best.probability()) {
                    best = variant;
                    viaAlias = true;
                }
            }
        }
        if (!viaAlias) {
            return best;
        }
        List<MatchReason> reasons = new ArrayList<>();
        reasons.add(new MatchReason("other_names", MatchReason.Kind.MIDDLE_OR_ALIAS,
                "The names match under another name the person is known by", 1.0));
        reasons.addAll(best.reasons());
        return new MatchResult(best.probability(), best.weight(), best.match(), reasons);
    }

    /** The record as written, then under each of its first aliases written in full. */
    private static List<PersonRecord> asAliases(PersonRecord record) {
        List<PersonRecord> variants = new ArrayList<>(List.of(record));
        String ownName = String.join(" ", java.util.stream.Stream.of(record.givenName(), record.surname())
                .filter(x -> x != null).toList());
        for (String other : record.otherNames()) {
            String[] split = splitFullName(other);
            if (split[1] != null && variants.size() <= ALIASES_TRIED) {
                variants.add(new PersonRecord(record.id(), split[0], null, split[1],
                        ownName.isEmpty() ? List.of() : List.of(ownName), record.dateOfBirthRaw(), record.dateOfBirth(),
                        record.sex(), record.address(), record.postcode(), record.phone(), record.nhsNumber(),
                        record.reference()));
            }
        }
        return variants;
    }

    private void validate(NewPerson person) {
        validate(person, true);
    }

    /**
     * @param strictNhsNumber a record must carry a valid NHS number (or none); a search may carry a
     *                        mistyped one, because finding the record it was meant for is the point
     */
    private void validate(NewPerson person, boolean strictNhsNumber) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(person.givenName()) == null && blank(person.familyName()) == null) {
            errors.add(new FieldError("givenName", "Enter a given name or a family name"));
        }
        checkLength(errors, "givenName", person.givenName(), 100, "Given name");
        checkLength(errors, "middleNames", person.middleNames(), 200, "Middle names");
        checkLength(errors, "familyName", person.familyName(), 100, "Family name");
        checkLength(errors, "address", person.address(), 500, "Address");
        checkLength(errors, "postcode", person.postcode(), 10, "Postcode");
        checkLength(errors, "phone", person.phone(), 30, "Phone number");
        checkLength(errors, "nhsNumber", person.nhsNumber(), 20, "NHS number");
        if (person.previousNames().size() > 10 || person.previousNames().stream().anyMatch(n -> n.length() > 100)) {
            errors.add(new FieldError("previousNames", "Enter at most 10 previous names of up to 100 characters"));
        }
        if (person.aliases().size() > 10 || person.aliases().stream().anyMatch(n -> n.length() > 200)) {
            errors.add(new FieldError("aliases", "Enter at most 10 other names of up to 200 characters"));
        }
        if (person.dateOfBirth() != null && (person.dateOfBirth().isAfter(LocalDate.now(clock))
                || person.dateOfBirth().getYear() < 1900)) {
            errors.add(new FieldError("dateOfBirth", "Date of birth must be a real date in the past"));
        }
        if (person.sex() != null && !person.sex().isBlank() && sexCode(person.sex()) == null) {
            errors.add(new FieldError("sex", "Select female, male or not known"));
        }
        String nhs = person.nhsNumber() == null ? "" : person.nhsNumber().replaceAll("[\\s-]", "");
        if (strictNhsNumber && !nhs.isEmpty() && !NhsNumbers.isValid(nhs)) {
            errors.add(new FieldError("nhsNumber", "Enter a valid 10-digit NHS number (its check digit does not match)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    // ---- consulting existing records ---------------------------------------------------------------

    /**
     * The existing records most likely to be this person, best first, with the evidence. Restricted
     * addresses and phones play no part, on either side, so a match can never confirm a safe address.
     */
    @Transactional
    public List<MatchCandidate> matches(NewPerson probe, int limit) {
        Actor actor = requirePractitioner("CONSULT_RECORDS");
        validate(probe, false);
        PersonRecord probeRecord = matchRecord("probe", probe);
        List<String> probeKeys = keysWithAliases(probeRecord);
        List<UUID> candidates = probeKeys.isEmpty() ? List.of() : jdbc.sql("""
                        select person_id from (
                            select k.person_id
                              from unnest(cast(? as text[])) as q(match_key)
                              cross join lateral (select person_id from person_match_key m
                                                   where m.match_key = q.match_key limit %d) k
                        ) found group by person_id order by count(*) desc limit 400
                        """.formatted(PER_KEY_LIMIT))
                .param(probeKeys.toArray(String[]::new)).query(UUID.class).list();
        MatchScorer matchScorer = scorer();
        String callerAgencyType = agencyType(actor.agencyId());
        // Another agency's records are offered only on strong identity evidence (a name and a date of birth
        // or NHS number), judged on identity fields alone: the match API must not become a way to test a
        // guessed address or phone, or to learn how close a guess is.
        boolean identityProbe = (probe.givenName() != null || probe.familyName() != null)
                && (probe.dateOfBirth() != null || nhs(probe.nhsNumber()) != null);
        PersonRecord identityOnlyProbe = identityOnly(probeRecord);
        List<MatchCandidate> found = new ArrayList<>();
        for (StoredPerson stored : loadForMatching(candidates)) {
            boolean sameAgency = stored.agencyId().equals(actor.agencyId());
            if (!sameAgency && (!identityProbe || PERPETRATOR_SIDE.contains(callerAgencyType))) {
                continue;
            }
            MatchResult result = sameAgency ? compareWithAliases(matchScorer, probeRecord, stored.record())
                    : compareWithAliases(matchScorer, identityOnlyProbe, identityOnly(stored.record()));
            if (result.probability() < (sameAgency ? SHOW_FROM : SHOW_OTHER_AGENCY_FROM)) {
                continue;
            }
            // Another agency's values never reach the caller, not even inside a reason ("Katie is a short
            // form of Catherine" would disclose the name that agency holds); nor does how close a guess was.
            List<MatchCandidate.Reason> reasons = sameAgency
                    ? result.reasons().stream().map(r -> new MatchCandidate.Reason(r.field(), r.kind().name(), r.text(),
                            r.supportsMatch())).toList()
                    : result.reasons().stream().filter(r -> r.supportsMatch() && IDENTITY_FIELDS.contains(r.field()))
                            .map(r -> new MatchCandidate.Reason(r.field(), coarse(r.kind()).name(),
                                    withoutValues(r.field(), coarse(r.kind())), true)).distinct().toList();
            int score = (int) Math.min(99, Math.round(result.probability() * 100));
            found.add(new MatchCandidate(stored.id(), sameAgency ? score : (score >= 95 ? 95 : 80), sameAgency,
                    sameAgency || !SENSITIVE_AGENCY_TYPES.contains(stored.agencyType()) ? stored.agencyName()
                            : "another agency", sameAgency ? stored.name() : null, reasons));
        }
        found.sort(Comparator.comparingInt(MatchCandidate::score).reversed());
        List<MatchCandidate> best = found.subList(0, Math.min(limit, found.size()));
        audit.record(AuditEntry.allowed("CONSULT_RECORDS", OBJECT, null)
                .with("candidates", Integer.toString(best.size()))
                .with("disclosed", String.join(",", best.stream().filter(c -> !c.sameAgency())
                        .map(c -> c.personId().toString()).toList())));
        return List.copyOf(best);
    }

    /** Other agencies' candidates: shown only at or above this probability, on identity fields alone. */
    static final double SHOW_OTHER_AGENCY_FROM = 0.80;
    static final java.util.Set<String> IDENTITY_FIELDS = java.util.Set.of("given_name", "surname", "family_name",
            "middle_names", "other_names", "date_of_birth", "nhs_number", "sex");
    /** Naming these agencies would say where a victim is or who is helping her. */
    static final java.util.Set<String> SENSITIVE_AGENCY_TYPES = java.util.Set.of("IDVA_SERVICE", "SPECIALIST_DA_SERVICE");
    /** Agencies whose work is with the person causing harm. */
    static final java.util.Set<String> PERPETRATOR_SIDE = java.util.Set.of("PERPETRATOR_PROGRAMME", "PROBATION");

    private static PersonRecord identityOnly(PersonRecord r) {
        return new PersonRecord(r.id(), r.givenName(), r.middleNames(), r.surname(), r.otherNames(), r.dateOfBirthRaw(),
                r.dateOfBirth(), r.sex(), null, null, null, r.nhsNumber(), null);
    }

    /** Closeness grades become plain agreement, so a reason never says how near a guess came. */
    private static MatchReason.Kind coarse(MatchReason.Kind kind) {
        return switch (kind) {
            case DAY_MONTH_SWAPPED, ONE_DIGIT_DIFFERENT, PARTLY_SAME_DATE_OF_BIRTH -> MatchReason.Kind.SAME_DATE_OF_BIRTH;
            case NHS_NUMBER_MISTYPED -> MatchReason.Kind.SAME_NHS_NUMBER;
            case TYPO, PHONETIC, INITIAL -> MatchReason.Kind.PHONETIC;
            default -> kind;
        };
    }

    String agencyType(UUID agencyId) {
        return jdbc.sql("select type from agency where id = ?").param(agencyId).query(String.class).single();
    }

    /** A reason in words that carry none of the other record's values. */
    static String withoutValues(String field, MatchReason.Kind kind) {
        String what = switch (field) {
            case "given_name" -> "Given name";
            case "surname", "family_name" -> "Family name";
            case "middle_names" -> "Middle names";
            case "other_names" -> "Previous or other name";
            case "date_of_birth" -> "Date of birth";
            case "sex" -> "Sex";
            case "address" -> "Address";
            case "postcode" -> "Postcode";
            case "phone" -> "Phone number";
            case "nhs_number" -> "NHS number";
            case "reference" -> "Reference";
            default -> "Details";
        };
        return switch (kind) {
            case SAME_DATE_OF_BIRTH, SAME_NHS_NUMBER -> what + " matches, allowing for the usual recording errors";
            case EXACT, SAME_ADDRESS, SAME_POSTCODE, SAME_PHONE, SAME_REFERENCE, SAME_SEX -> what + " is the same";
            case DAY_MONTH_SWAPPED -> what + " matches with the day and month swapped";
            case ONE_DIGIT_DIFFERENT, PHONE_ONE_DIGIT -> what + " differs by one digit";
            case PARTLY_SAME_DATE_OF_BIRTH -> what + " partly matches";
            case NICKNAME -> what + " is a short form or variant of the one recorded";
            case PHONETIC -> what + " is spelt differently but sounds the same";
            case TYPO -> what + " differs by a typing error";
            case INITIAL -> what + " matches an initial";
            case MIDDLE_OR_ALIAS -> what + " matches a middle name or alias";
            case SWAPPED_NAMES -> "Given and family names are the other way round";
            case PREVIOUS_NAME -> what + " matches a previous name";
            case SIMILAR_ADDRESS, SIMILAR_REFERENCE -> what + " is similar";
            case POSTCODE_ONE_CHARACTER -> what + " differs by one character";
            case NHS_NUMBER_MISTYPED -> what + " looks mistyped";
            case DIFFERENT -> what + " is different";
        };
    }

    /** Term frequencies depend on how many people are stored; rebuilt when that changes by a tenth. */
    private MatchScorer scorer() {
        // The planner's estimate is instant and close enough for term frequencies; count(*) on a million
        // rows would cost more than the whole lookup.
        long estimate = jdbc.sql("select coalesce(max(reltuples), -1)::bigint from pg_class where relname = 'person'")
                .query(Long.class).single();
        long population = Math.max(1000, estimate >= 0 ? estimate
                : jdbc.sql("select count(*) from person").query(Long.class).single());
        ScorerForPopulation current = scorer.get();
        if (current == null || Math.abs(current.population() - population) * 10 > current.population()) {
            current = new ScorerForPopulation(population, MatchScorer.defaults(population));
            scorer.set(current);
        }
        return current.scorer();
    }

    private record StoredPerson(UUID id, UUID agencyId, String agencyName, String agencyType, String name,
                                PersonRecord record) {
    }

    private List<StoredPerson> loadForMatching(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, List<String>> previous = new HashMap<>();
        // A previous surname alone, or an alias in full: the matcher compares each token and the whole.
        jdbc.sql("select person_id, concat_ws(' ', given_name, family_name) as name from person_other_name where person_id = any(?)")
                .param(array).query((rs, n) -> previous.computeIfAbsent(rs.getObject("person_id", UUID.class),
                        k -> new ArrayList<>()).add(rs.getString("name"))).list();
        return jdbc.sql("""
                        select p.id, p.given_name, p.middle_names, p.family_name, p.date_of_birth, p.sex, p.nhs_number,
                               p.recorded_by_agency_id, a.name as agency_name, a.type as agency_type,
                               (select ad.address from person_address ad where ad.person_id = p.id and not ad.restricted
                                 order by ad.to_date desc nulls first, ad.from_date desc nulls last limit 1) as address,
                               (select ad.postcode from person_address ad where ad.person_id = p.id and not ad.restricted
                                 order by ad.to_date desc nulls first, ad.from_date desc nulls last limit 1) as postcode,
                               (select c.value from person_contact c where c.person_id = p.id and c.kind = 'PHONE'
                                 and not c.restricted limit 1) as phone
                          from person p join agency a on a.id = p.recorded_by_agency_id
                         where p.id = any(?)
                        """).param(array)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Date dob = rs.getDate("date_of_birth");
                    PersonRecord record = new PersonRecord(id.toString(), rs.getString("given_name"),
                            rs.getString("middle_names"), rs.getString("family_name"),
                            previous.getOrDefault(id, List.of()), dob == null ? null : dob.toLocalDate().toString(),
                            dob == null ? null : dob.toLocalDate(), rs.getString("sex"), rs.getString("address"),
                            rs.getString("postcode"), rs.getString("phone"), rs.getString("nhs_number"), null);
                    String name = String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"),
                            rs.getString("family_name")).filter(s -> s != null).toList());
                    return new StoredPerson(id, rs.getObject("recorded_by_agency_id", UUID.class),
                            rs.getString("agency_name"), rs.getString("agency_type"), name, record);
                }).list();
    }

    /** What the matcher compares: never a restricted address or phone. */
    static PersonRecord matchRecord(String id, NewPerson person) {
        return new PersonRecord(id, blank(person.givenName()), blank(person.middleNames()), blank(person.familyName()),
                person.otherNames(), person.dateOfBirth() == null ? null : person.dateOfBirth().toString(),
                person.dateOfBirth(), sexCode(person.sex()),
                person.addressRestricted() ? null : blank(person.address()),
                person.addressRestricted() ? null : blank(person.postcode()),
                person.phoneRestricted() ? null : blank(person.phone()), nhs(person.nhsNumber()), null);
    }

    // ---- reading and linking -------------------------------------------------------------------

    @Transactional
    public Person get(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        Person person = load(id, actor);
        audit.record(AuditEntry.allowed("READ_PERSON", OBJECT, id));
        return person;
    }

    @Transactional
    public List<Person> listForMyAgency() {
        Actor actor = requirePractitioner("LIST_PEOPLE");
        List<UUID> ids = jdbc.sql("select id from person where recorded_by_agency_id = ? order by created_at desc limit 200")
                .param(actor.agencyId()).query(UUID.class).list();
        List<Person> people = ids.stream().map(id -> load(id, actor)).toList();
        audit.record(AuditEntry.allowed("LIST_PEOPLE", OBJECT, null).with("results", Integer.toString(people.size())));
        return people;
    }

    /**
     * Records that the caller's record and another (perhaps another agency's) are the same person.
     * The other record's details stay with its agency; the link can be undone.
     */
    @Transactional
    public UUID linkSamePerson(UUID mine, UUID other) {
        Actor actor = requirePractitioner("LINK_PEOPLE");
        load(mine, actor);
        // A link is the recording agency's decision about its own record, and opens that record's history.
        NeedToKnow.PersonAccess mineAccess = needToKnow.person(actor, mine);
        if (!"RECORDED_BY_AGENCY".equals(mineAccess.basis()) || mineAccess.perpetratorSide()) {
            audit.recordIndependently(AuditEntry.refused("LINK_PEOPLE", OBJECT, mine, "not the recording agency"));
            throw new org.springframework.security.access.AccessDeniedException("Only the agency that recorded this person can link the record");
        }
        if (other == null || mine.equals(other)) {
            throw InvalidRequestException.of("otherPersonId", "Choose an existing record other than this one");
        }
        List<StoredPerson> pair = loadForMatching(List.of(mine, other));
        StoredPerson mineStored = pair.stream().filter(p -> p.id().equals(mine)).findFirst().orElseThrow();
        StoredPerson otherStored = pair.stream().filter(p -> p.id().equals(other)).findFirst()
                .orElseThrow(() -> InvalidRequestException.of("otherPersonId", "Choose an existing record other than this one"));
        boolean sameAgency = otherStored.agencyId().equals(actor.agencyId());
        // The score is the server's own, never the caller's. Another agency's record can be linked only on
        // strong identity evidence, and never from the perpetrator side: a link opens that record's history.
        double probability = compareWithAliases(scorer(), identityOnly(mineStored.record()),
                identityOnly(otherStored.record())).probability();
        if (!sameAgency && (probability < SHOW_OTHER_AGENCY_FROM || PERPETRATOR_SIDE.contains(agencyType(actor.agencyId())))) {
            audit.recordIndependently(AuditEntry.refused("LINK_PEOPLE", OBJECT, mine, "identity evidence too weak")
                    .with("other", other.toString()));
            throw InvalidRequestException.of("otherPersonId",
                    "These records do not match closely enough on name, date of birth or NHS number to be linked");
        }
        // PostgreSQL orders uuids byte by byte, as their hex strings sort; Java's UUID.compareTo does not.
        boolean mineFirst = mine.toString().compareTo(other.toString()) < 0;
        UUID a = mineFirst ? mine : other;
        UUID b = mineFirst ? other : mine;
        boolean exists = jdbc.sql("select count(*) from person_link where person_a = ? and person_b = ? and undone_at is null")
                .params(a, b).query(Long.class).single() > 0;
        if (exists) {
            throw InvalidRequestException.of("otherPersonId", "These records are already linked");
        }
        UUID linkId = UUID.randomUUID();
        jdbc.sql("""
                insert into person_link (id, person_a, person_b, decision, score, decided_by)
                values (?, ?, ?, 'SAME_PERSON', ?, ?)
                """).params(linkId, a, b, probability, actor.userId()).update();
        audit.record(AuditEntry.allowed("LINK_PEOPLE", OBJECT, mine).with("other", other.toString())
                .with("link", linkId.toString()));
        return linkId;
    }

    /**
     * Records someone the practitioner has confirmed is new: the candidates they were shown are recorded
     * as "not the same person", so the decision is kept and audited.
     */
    @Transactional
    public Person recordAsNew(NewPerson person) {
        validate(person);
        List<MatchCandidate> shown = matches(person, 10);
        Person saved = record(person);
        Actor actor = CurrentActor.require();
        for (MatchCandidate candidate : shown) {
            boolean savedFirst = saved.id().toString().compareTo(candidate.personId().toString()) < 0;
            jdbc.sql("""
                    insert into person_link (id, person_a, person_b, decision, score, decided_by)
                    values (?, ?, ?, 'NOT_SAME_PERSON', ?, ?) on conflict do nothing
                    """).params(UUID.randomUUID(), savedFirst ? saved.id() : candidate.personId(),
                    savedFirst ? candidate.personId() : saved.id(), candidate.score() / 100.0, actor.userId()).update();
        }
        if (!shown.isEmpty()) {
            audit.record(AuditEntry.allowed("CONFIRM_NEW_PERSON", OBJECT, saved.id())
                    .with("notSameAs", Integer.toString(shown.size())));
        }
        return saved;
    }

    /** Records a new person in one transaction with a link to another record, so a refused link saves nothing. */
    @Transactional
    public Person recordAndLink(NewPerson person, UUID other) {
        validate(person);
        Person saved = record(person);
        linkSamePerson(saved.id(), other);
        return get(saved.id());
    }

    /**
     * This record and every record linked to it as the same person, directly or through others,
     * the caller's own record first. The caller must be able to see the first record.
     */
    @Transactional(readOnly = true)
    public List<UUID> samePerson(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        List<UUID> ids = new ArrayList<>(List.of(id));
        ids.addAll(jdbc.sql("""
                with recursive linked(person_id) as (
                    select cast(? as uuid)
                    union
                    select case when l.person_a = linked.person_id then l.person_b else l.person_a end
                      from person_link l join linked on l.person_a = linked.person_id or l.person_b = linked.person_id
                     where l.undone_at is null and l.decision = 'SAME_PERSON'
                )
                select person_id from linked where person_id <> ? limit 50
                """).params(id, id).query(UUID.class).list());
        return ids;
    }

    /**
     * For pathways that must look across every agency's records without showing the caller anything
     * (a repeat MARAC referral, SafeLives: the same woman recorded by another agency, unlinked, must still be
     * found): this record's linked records and every record, whoever holds it, that the matcher scores at
     * least 80% on identity fields alone (names, date of birth, sex, NHS number; never address or phone),
     * except those a practitioner has recorded as not the same person.
     * Needs a date of birth or NHS number on the record. Returns ids only; the caller must not disclose
     * the other records' details. The look-up is audited with the ids found.
     */
    @Transactional
    public List<UUID> likelySamePersonAnywhere(UUID id) {
        Actor actor = requirePractitioner("SYSTEM_MATCH");
        load(id, actor);
        java.util.Set<UUID> found = new java.util.LinkedHashSet<>(samePerson(id));
        StoredPerson self = loadForMatching(List.of(id)).get(0);
        PersonRecord probe = identityOnly(self.record());
        if (probe.dateOfBirth() != null || probe.nhsNumber() != null) {
            List<String> probeKeys = keysWithAliases(probe);
            List<UUID> candidates = probeKeys.isEmpty() ? List.of() : jdbc.sql("""
                            select person_id from (
                                select k.person_id
                                  from unnest(cast(? as text[])) as q(match_key)
                                  cross join lateral (select person_id from person_match_key m
                                                       where m.match_key = q.match_key limit %d) k
                            ) found group by person_id order by count(*) desc limit 400
                            """.formatted(PER_KEY_LIMIT))
                    .param(probeKeys.toArray(String[]::new)).query(UUID.class).list();
            MatchScorer matchScorer = scorer();
            // A practitioner's decision that two records are not the same person outweighs the matcher.
            java.util.Set<UUID> notSame = new java.util.HashSet<>(jdbc.sql("""
                    select case when person_a = any(:ids) then person_b else person_a end from person_link
                     where (person_a = any(:ids) or person_b = any(:ids)) and decision = 'NOT_SAME_PERSON'
                       and undone_at is null""").param("ids", found.toArray(UUID[]::new)).query(UUID.class).list());
            for (StoredPerson stored : loadForMatching(candidates)) {
                if (!stored.id().equals(id) && !notSame.contains(stored.id())
                        && compareWithAliases(matchScorer, probe, identityOnly(stored.record())).probability()
                        >= SHOW_OTHER_AGENCY_FROM) {
                    found.add(stored.id());
                }
            }
        }
        audit.record(AuditEntry.allowed("SYSTEM_MATCH", OBJECT, id)
                .with("found", String.join(",", found.stream().filter(f -> !f.equals(id)).map(UUID::toString).toList())));
        return List.copyOf(found);
    }

    /**
     * Groups records that are the same person: each id maps to one key shared by every record linked
     * to it. Used to count distinct victims without showing anyone's details.
     */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> samePersonGroups(java.util.Collection<UUID> ids) {
        Map<UUID, UUID> groups = new HashMap<>();
        for (UUID id : ids) {
            if (groups.containsKey(id)) {
                continue;
            }
            List<UUID> members = new ArrayList<>(List.of(id));
            members.addAll(jdbc.sql("""
                    with recursive linked(person_id) as (
                        select cast(? as uuid)
                        union
                        select case when l.person_a = linked.person_id then l.person_b else l.person_a end
                          from person_link l join linked on l.person_a = linked.person_id or l.person_b = linked.person_id
                         where l.undone_at is null and l.decision = 'SAME_PERSON'
                    )
                    select person_id from linked where person_id <> ?
                    """).params(id, id).query(UUID.class).list());
            UUID key = members.stream().min(java.util.Comparator.comparing(UUID::toString)).orElse(id);
            members.forEach(member -> groups.put(member, key));
        }
        Map<UUID, UUID> result = new HashMap<>();
        ids.forEach(id -> result.put(id, groups.get(id)));
        return result;
    }

    /** Whether the caller's agency recorded this person (without auditing a read). */
    @Transactional(readOnly = true)
    public boolean isMine(UUID id) {
        Actor actor = CurrentActor.require();
        return jdbc.sql("select count(*) from person where id = ? and recorded_by_agency_id = ?")
                .params(id, actor.agencyId()).query(Long.class).single() > 0;
    }

    /** The optional details and the version they were read at (for If-Match). */
    @Transactional
    public Versioned<PersonDetails> details(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        Versioned<PersonDetails> details = jdbc.sql("""
                        select p.*, (select c.value from person_contact c where c.person_id = p.id and c.kind = 'EMAIL'
                                     and not c.restricted limit 1) as email
                          from person p where p.id = ?""").param(id)
                .query((rs, n) -> new Versioned<>(new PersonDetails(rs.getString("preferred_name"),
                        (Integer) rs.getObject("estimated_age_years"), rs.getString("gender_identity"),
                        rs.getString("ethnicity"), rs.getString("disability"), rs.getString("sexual_orientation"),
                        rs.getString("religion"), rs.getString("first_language"),
                        (Boolean) rs.getObject("interpreter_needed"), rs.getString("immigration_status"),
                        (Boolean) rs.getObject("no_recourse_to_public_funds"), rs.getString("police_national_id"),
                        rs.getString("email")), rs.getInt("version"))).single();
        audit.record(AuditEntry.allowed("READ_PERSON_DETAILS", OBJECT, id));
        return details;
    }

    /** A value and the version it was read at. */
    public record Versioned<T>(T value, int version) {
    }

    /**
     * Replaces the optional details, if the record is still at the version the caller read (two
     * people editing at once: the second is told, nothing is overwritten).
     */
    @Transactional
    public int updateDetails(UUID id, int expectedVersion, PersonDetails details) {
        Actor actor = requirePractitioner("UPDATE_PERSON");
        requireMayAddTo(id, actor, "UPDATE_PERSON");
        List<FieldError> errors = new ArrayList<>();
        checkLength(errors, "preferredName", details.preferredName(), 100, "Preferred name");
        for (String[] field : new String[][] {{"genderIdentity", details.genderIdentity()}, {"ethnicity", details.ethnicity()},
                {"disability", details.disability()}, {"sexualOrientation", details.sexualOrientation()},
                {"religion", details.religion()}, {"firstLanguage", details.firstLanguage()},
                {"immigrationStatus", details.immigrationStatus()}, {"policeNationalId", details.policeNationalId()}}) {
            checkLength(errors, field[0], field[1], 200, "This answer");
        }
        if (details.estimatedAgeYears() != null && (details.estimatedAgeYears() < 0 || details.estimatedAgeYears() > 130)) {
            errors.add(new FieldError("estimatedAgeYears", "Estimated age must be between 0 and 130"));
        }
        String email = blank(details.email());
        if (email != null && (email.length() > 320 || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))) {
            errors.add(new FieldError("email", "Enter an email address like name@example.org"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int updated = jdbc.sql("""
                update person set preferred_name = ?, estimated_age_years = ?, gender_identity = ?, ethnicity = ?,
                       disability = ?, sexual_orientation = ?, religion = ?, first_language = ?, interpreter_needed = ?,
                       immigration_status = ?, no_recourse_to_public_funds = ?, police_national_id = ?,
                       updated_at = now(), version = version + 1
                 where id = ? and version = ?
                """).params(blank(details.preferredName()), details.estimatedAgeYears(), blank(details.genderIdentity()),
                blank(details.ethnicity()), blank(details.disability()), blank(details.sexualOrientation()),
                blank(details.religion()), blank(details.firstLanguage()), details.interpreterNeeded(),
                blank(details.immigrationStatus()), details.noRecourseToPublicFunds(), blank(details.policeNationalId()),
                id, expectedVersion).update();
        if (updated == 0) {
            throw new org.waymark.platform.ConflictException("This record was changed by someone else since you read it."
                    + " Nothing was saved: read it again and reapply your change.");
        }
        jdbc.sql("delete from person_contact where person_id = ? and kind = 'EMAIL' and not restricted").param(id).update();
        if (email != null) {
            jdbc.sql("insert into person_contact (id, person_id, kind, value) values (?, ?, 'EMAIL', ?)")
                    .params(UUID.randomUUID(), id, email).update();
        }
        audit.record(AuditEntry.allowed("UPDATE_PERSON", OBJECT, id));
        return expectedVersion + 1;
    }

    // ---- addresses and contact details over time ------------------------------------------------

    /** An address with the dates it applied; a restricted one the caller may not see is withheld. */
    public record AddressEntry(UUID id, String address, String postcode, LocalDate from, LocalDate to,
                               boolean restricted, boolean withheld) {
    }

    /** A phone or email; a restricted one the caller may not see is withheld. */
    public record ContactEntry(UUID id, String kind, String value, boolean restricted, boolean withheld) {
    }

    /** Every address recorded for this person, current first. */
    @Transactional
    public List<AddressEntry> addresses(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        boolean open = needToKnow.person(actor, id).restrictedVisible();
        List<AddressEntry> addresses = jdbc.sql("""
                        select * from person_address where person_id = ?
                         order by to_date desc nulls first, from_date desc nulls last""").param(id)
                .query((rs, n) -> {
                    UUID addressId = rs.getObject("id", UUID.class);
                    boolean restricted = rs.getBoolean("restricted");
                    boolean withheld = restricted && !open;
                    Date from = rs.getDate("from_date");
                    Date to = rs.getDate("to_date");
                    return new AddressEntry(addressId,
                            withheld ? null : restricted ? encryption.open(rs.getBytes("sealed_address"),
                                    "person_address/" + addressId + "/address") : rs.getString("address"),
                            withheld ? null : restricted ? encryption.open(rs.getBytes("sealed_postcode"),
                                    "person_address/" + addressId + "/postcode") : rs.getString("postcode"),
                            from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(), restricted, withheld);
                }).list();
        audit.record(AuditEntry.allowed("READ_PERSON_ADDRESSES", OBJECT, id));
        return addresses;
    }

    /** Every phone and email recorded for this person. */
    @Transactional
    public List<ContactEntry> contacts(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        boolean open = needToKnow.person(actor, id).restrictedVisible();
        List<ContactEntry> contacts = jdbc.sql("select * from person_contact where person_id = ? order by kind, id")
                .param(id).query((rs, n) -> {
                    UUID contactId = rs.getObject("id", UUID.class);
                    boolean restricted = rs.getBoolean("restricted");
                    boolean withheld = restricted && !open;
                    return new ContactEntry(contactId, rs.getString("kind"), withheld ? null : restricted
                            ? encryption.open(rs.getBytes("sealed_value"), "person_contact/" + contactId + "/value")
                            : rs.getString("value"), restricted, withheld);
                }).list();
        audit.record(AuditEntry.allowed("READ_PERSON_CONTACTS", OBJECT, id));
        return contacts;
    }

    /**
     * Adds an address (a move, a safe address). Only the recording agency and the case's allocated workers
     * may add to a record, never the perpetrator side. A restricted address is sealed and never matched on.
     */
    @Transactional
    public UUID addAddress(UUID id, String address, String postcode, LocalDate from, LocalDate to, boolean restricted) {
        Actor actor = requirePractitioner("ADD_ADDRESS");
        requireMayAddTo(id, actor, "ADD_ADDRESS");
        List<FieldError> errors = new ArrayList<>();
        if (blank(address) == null) {
            errors.add(new FieldError("address", "Enter the address"));
        }
        checkLength(errors, "address", address, 500, "Address");
        checkLength(errors, "postcode", postcode, 10, "Postcode");
        LocalDate today = LocalDate.now(clock);
        if (from != null && (from.isAfter(today) || from.getYear() < 1900)) {
            errors.add(new FieldError("from", "The date she started living there must be a real date, today or in the past"));
        }
        if (to != null && (to.getYear() < 1900 || from != null && to.isBefore(from))) {
            errors.add(new FieldError("to", "The date she left must be on or after the date she started living there"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID addressId = UUID.randomUUID();
        Date fromDate = from == null ? null : Date.valueOf(from);
        Date toDate = to == null ? null : Date.valueOf(to);
        if (restricted) {
            jdbc.sql("""
                    insert into person_address (id, person_id, sealed_address, sealed_postcode, from_date, to_date, restricted)
                    values (?, ?, ?, ?, ?, ?, true)""").params(addressId, id,
                    encryption.seal(address.trim(), "person_address/" + addressId + "/address"),
                    encryption.seal(blank(postcode), "person_address/" + addressId + "/postcode"), fromDate, toDate).update();
        } else {
            jdbc.sql("""
                    insert into person_address (id, person_id, address, postcode, from_date, to_date, restricted)
                    values (?, ?, ?, ?, ?, ?, false)""")
                    .params(addressId, id, address.trim(), blank(postcode), fromDate, toDate).update();
            // The current unrestricted address takes part in matching.
            storeKeys(id, loadForMatching(List.of(id)).get(0).record());
        }
        audit.record(AuditEntry.allowed("ADD_ADDRESS", OBJECT, id).with("restricted", Boolean.toString(restricted)));
        return addressId;
    }

    /** Adds a phone or email, restricted or not; the same rules as addresses. */
    @Transactional
    public UUID addContact(UUID id, String kind, String value, boolean restricted) {
        Actor actor = requirePractitioner("ADD_CONTACT");
        requireMayAddTo(id, actor, "ADD_CONTACT");
        List<FieldError> errors = new ArrayList<>();
        if (!"PHONE".equals(kind) && !"EMAIL".equals(kind)) {
            errors.add(new FieldError("kind", "Select phone or email"));
        }
        String trimmed = blank(value);
        if (trimmed == null) {
            errors.add(new FieldError("value", "Enter the phone number or email address"));
        } else if ("PHONE".equals(kind) && (trimmed.length() > 30 || !trimmed.matches("[0-9 +()-]{6,30}"))) {
            errors.add(new FieldError("value", "Enter a phone number, like 07700 900123"));
        } else if ("EMAIL".equals(kind) && (trimmed.length() > 320 || !trimmed.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))) {
            errors.add(new FieldError("value", "Enter an email address like name@example.org"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID contactId = UUID.randomUUID();
        if (restricted) {
            jdbc.sql("insert into person_contact (id, person_id, kind, sealed_value, restricted) values (?, ?, ?, ?, true)")
                    .params(contactId, id, kind, encryption.seal(trimmed, "person_contact/" + contactId + "/value")).update();
        } else {
            jdbc.sql("insert into person_contact (id, person_id, kind, value, restricted) values (?, ?, ?, ?, false)")
                    .params(contactId, id, kind, trimmed).update();
            storeKeys(id, loadForMatching(List.of(id)).get(0).record());
        }
        audit.record(AuditEntry.allowed("ADD_CONTACT", OBJECT, id).with("kind", kind)
                .with("restricted", Boolean.toString(restricted)));
        return contactId;
    }

    /** Adding to a record is for its agency and the case's allocated workers; never the perpetrator side. */
    private void requireMayAddTo(UUID id, Actor actor, String action) {
        load(id, actor);
        NeedToKnow.PersonAccess access = needToKnow.person(actor, id);
        boolean mayAdd = !access.perpetratorSide()
                && ("RECORDED_BY_AGENCY".equals(access.basis()) || "ALLOCATED_WORKER".equals(access.basis()));
        if (!mayAdd) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, id, "may read but not add to this record"));
            throw new org.springframework.security.access.AccessDeniedException("Only the recording agency and the case's"
                    + " allocated workers may add to this record");
        }
    }

    public static final List<String> RELATIONSHIP_KINDS = List.of("CURRENT_PARTNER", "FORMER_PARTNER", "PARENT",
            "CHILD", "SIBLING", "OTHER_FAMILY_MEMBER", "CARER");

    /** What {@code relatedId} is to this person, e.g. CHILD. Both must be records the caller's agency holds. */
    @Transactional
    public UUID relate(UUID id, UUID relatedId, String kind) {
        Actor actor = requirePractitioner("RELATE_PEOPLE");
        requireMayAddTo(id, actor, "RELATE_PEOPLE");
        if (kind == null || !RELATIONSHIP_KINDS.contains(kind)) {
            throw InvalidRequestException.of("kind", "Select the relationship from the list");
        }
        if (relatedId == null || relatedId.equals(id)) {
            throw InvalidRequestException.of("relatedPersonId", "Select another person");
        }
        load(relatedId, actor);
        boolean exists = jdbc.sql("""
                select count(*) from person_relationship
                 where person_id = ? and related_person_id = ? and kind = ? and ended_at is null""")
                .params(id, relatedId, kind).query(Long.class).single() > 0;
        if (exists) {
            throw InvalidRequestException.of("relatedPersonId", "This relationship is already recorded");
        }
        UUID relationshipId = UUID.randomUUID();
        jdbc.sql("insert into person_relationship (id, person_id, related_person_id, kind, recorded_by) values (?, ?, ?, ?, ?)")
                .params(relationshipId, id, relatedId, kind, actor.userId()).update();
        audit.record(AuditEntry.allowed("RELATE_PEOPLE", OBJECT, id).with("related", relatedId.toString()).with("kind", kind));
        return relationshipId;
    }

    /**
     * Records that a relationship has ended (kept in the history). Partners who separate become former
     * partners: the definitions that speak of current or former intimate partners still hold.
     */
    @Transactional
    public void endRelationship(UUID id, UUID relationshipId) {
        Actor actor = requirePractitioner("RELATE_PEOPLE");
        requireMayAddTo(id, actor, "RELATE_PEOPLE");
        Map<String, Object> row = jdbc.sql("""
                        select person_id, related_person_id, kind from person_relationship
                         where id = ? and (person_id = ? or related_person_id = ?) and ended_at is null""")
                .params(relationshipId, id, id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Relationship"));
        jdbc.sql("update person_relationship set ended_at = now() where id = ?").param(relationshipId).update();
        if ("CURRENT_PARTNER".equals(row.get("kind"))) {
            jdbc.sql("""
                    insert into person_relationship (id, person_id, related_person_id, kind, recorded_by)
                    values (?, ?, ?, 'FORMER_PARTNER', ?) on conflict do nothing""")
                    .params(UUID.randomUUID(), row.get("person_id"), row.get("related_person_id"), actor.userId()).update();
        }
        audit.record(AuditEntry.allowed("RELATE_PEOPLE", OBJECT, id).with("ended", relationshipId.toString()));
    }

    /** A current relationship, seen from one person: what the other is to them. */
    public record Relationship(UUID relationshipId, UUID otherPersonId, String otherName, String kind) {
    }

    @Transactional(readOnly = true)
    public List<Relationship> relationships(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        return jdbc.sql("""
                        select r.id, r.kind, r.person_id, r.related_person_id, o.given_name, o.family_name,
                               (r.person_id = :id) as forward
                          from person_relationship r
                          join person o on o.id = case when r.person_id = :id then r.related_person_id else r.person_id end
                         where (r.person_id = :id or r.related_person_id = :id) and r.ended_at is null
                         order by r.recorded_at
                        """).param("id", id)
                .query((rs, n) -> {
                    boolean forward = rs.getBoolean("forward");
                    String kind = rs.getString("kind");
                    UUID other = rs.getObject(forward ? "related_person_id" : "person_id", UUID.class);
                    String name = String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"),
                            rs.getString("family_name")).filter(x -> x != null).toList());
                    return new Relationship(rs.getObject("id", UUID.class), other, name, forward ? kind : inverse(kind));
                }).list().stream().filter(r -> needToKnow.person(actor, r.otherPersonId()).visible()).toList();
    }

    /**
     * The person and their family: one relationship away, and everyone who lives or lived in a household
     * with them, each with their linked records.
     */
    @Transactional
    public List<UUID> family(UUID id) {
        List<UUID> members = new ArrayList<>(samePerson(id));
        java.util.Set<UUID> close = new java.util.LinkedHashSet<>();
        relationships(id).forEach(r -> close.add(r.otherPersonId()));
        household(id).forEach(m -> close.add(m.personId()));
        for (UUID other : close) {
            for (UUID record : samePerson(other)) {
                if (!members.contains(record)) {
                    members.add(record);
                }
            }
        }
        return members;
    }

    static String inverse(String kind) {
        return switch (kind) {
            case "PARENT" -> "CHILD";
            case "CHILD" -> "PARENT";
            case "CARER" -> "CARED_FOR";
            default -> kind;
        };
    }

    /** Undoes a link; the row stays, marked undone, and the change is audited. */
    @Transactional
    public void undoLink(UUID mine, UUID linkId) {
        Actor actor = requirePractitioner("UNLINK_PEOPLE");
        load(mine, actor);
        // Only the agency that made a link may undo it: another agency's link feeds their chronology and counts.
        int updated = jdbc.sql("""
                update person_link set undone_at = now(), undone_by = ?
                 where id = ? and undone_at is null and (person_a = ? or person_b = ?)
                   and decided_by in (select id from app_user where agency_id = ?)
                """).params(actor.userId(), linkId, mine, mine, actor.agencyId()).update();
        if (updated == 0) {
            throw new NotFoundException("Link");
        }
        audit.record(AuditEntry.allowed("UNLINK_PEOPLE", OBJECT, mine).with("link", linkId.toString()));
    }

    private Person load(UUID id, Actor actor) {
        boolean exists = id != null && jdbc.sql("select count(*) > 0 from person where id = ?").param(id)
                .query(Boolean.class).single();
        if (!exists) {
            throw new NotFoundException("Person");
        }
        NeedToKnow.PersonAccess access = needToKnow.person(actor, id);
        if (!access.visible()) {
            audit.recordIndependently(AuditEntry.refused("READ_PERSON", OBJECT, id, "no need to know"));
            throw new NotFoundException("Person");
        }
        return jdbc.sql("""
                        select p.*, a.name as agency_name from person p join agency a on a.id = p.recorded_by_agency_id
                         where p.id = ?
                        """).param(id).query((rs, n) -> map(rs, access)).single();
    }

    private Person map(ResultSet rs, NeedToKnow.PersonAccess access) throws SQLException {
        Actor viewer = CurrentActor.require();
        UUID id = rs.getObject("id", UUID.class);
        UUID agency = rs.getObject("recorded_by_agency_id", UUID.class);
        List<String> previous = jdbc.sql("""
                        select family_name from person_other_name where person_id = ? and kind = 'PREVIOUS'
                           and family_name is not null order by family_name""")
                .param(id).query(String.class).list();
        // A name she is now known by can help find her: never to the perpetrator side.
        List<String> aliases = access.perpetratorSide() ? List.of() : jdbc.sql("""
                        select concat_ws(' ', given_name, family_name) from person_other_name where person_id = ?
                           and kind = 'ALIAS' order by 1""")
                .param(id).query(String.class).list();
        Map<String, Object> address = jdbc.sql("""
                        select id, address, postcode, restricted, sealed_address, sealed_postcode from person_address where person_id = ?
                         order by to_date desc nulls first, from_date desc nulls last limit 1""")
                .param(id).query().listOfRows().stream().findFirst().orElse(Map.of());
        Map<String, Object> phone = jdbc.sql("select id, value, restricted, sealed_value from person_contact where person_id = ? and kind = 'PHONE' limit 1")
                .param(id).query().listOfRows().stream().findFirst().orElse(Map.of());
        List<Person.Link> links = jdbc.sql("""
                        select l.id, case when l.person_a = :id then l.person_b else l.person_a end as other, l.score,
                               case when u.agency_id = :agency then u.display_name else da.name end as display_name,
                               l.decided_at, o.recorded_by_agency_id as other_agency, oa.name as other_agency_name, oa.type as other_agency_type,
                               o.given_name, o.family_name
                          from person_link l join app_user u on u.id = l.decided_by
                          join agency da on da.id = u.agency_id
                          join person o on o.id = case when l.person_a = :id then l.person_b else l.person_a end
                          join agency oa on oa.id = o.recorded_by_agency_id
                         where (l.person_a = :id or l.person_b = :id) and l.undone_at is null
                           and l.decision = 'SAME_PERSON'
                         order by l.decided_at
                        """).param("id", id).param("agency", agency)
                .query((r, n) -> {
                    boolean visible = r.getObject("other_agency", UUID.class).equals(agency);
                    // Naming a specialist service (a refuge) says where she has turned: only to that service.
                    boolean callersOwn = r.getObject("other_agency", UUID.class).equals(viewer.agencyId());
                    String otherAgency = callersOwn || !SENSITIVE_AGENCY_TYPES.contains(r.getString("other_agency_type"))
                            ? r.getString("other_agency_name") : "another agency";
                    return new Person.Link(r.getObject("id", UUID.class), r.getObject("other", UUID.class),
                            otherAgency, visible,
                            visible ? String.join(" ", java.util.stream.Stream.of(r.getString("given_name"),
                                    r.getString("family_name")).filter(s -> s != null).toList()) : null,
                            (Double) r.getObject("score"), r.getString("display_name"),
                            r.getTimestamp("decided_at").toInstant());
                }).list();
        Date dob = rs.getDate("date_of_birth");
        // A restricted value the caller may not see is withheld: never shown, never silently blank.
        boolean addressRestricted = Boolean.TRUE.equals(address.get("restricted"));
        boolean phoneRestricted = Boolean.TRUE.equals(phone.get("restricted"));
        boolean addressWithheld = addressRestricted && !access.restrictedVisible();
        boolean phoneWithheld = phoneRestricted && !access.restrictedVisible();
        // Opened only for someone with need to know; everyone else's request never decrypts it.
        String addressText = addressWithheld ? null : addressRestricted
                ? encryption.open((byte[]) address.get("sealed_address"), "person_address/" + address.get("id") + "/address")
                : (String) address.get("address");
        String postcodeText = addressWithheld ? null : addressRestricted
                ? encryption.open((byte[]) address.get("sealed_postcode"), "person_address/" + address.get("id") + "/postcode")
                : (String) address.get("postcode");
        String phoneText = phoneWithheld ? null : phoneRestricted
                ? encryption.open((byte[]) phone.get("sealed_value"), "person_contact/" + phone.get("id") + "/value")
                : (String) phone.get("value");
        return new Person(id, rs.getString("given_name"), rs.getString("middle_names"), rs.getString("family_name"),
                previous, aliases, dob == null ? null : dob.toLocalDate(), rs.getString("sex"),
                addressText, postcodeText, addressRestricted, addressWithheld,
                phoneText, phoneRestricted, phoneWithheld,
                rs.getString("nhs_number"), agency, rs.getString("agency_name"), rs.getTimestamp("created_at").toInstant(),
                links, access.basis());
    }

    // ---- other names and agencies' references ----------------------------------------------------

    public static final List<String> OTHER_NAME_KINDS = List.of("PREVIOUS", "ALIAS");

    /** A previous name (a maiden or former married surname) or an alias the person is known by. */
    public record OtherName(UUID id, String kind, String givenName, String familyName) {
        public String fullName() {
            return String.join(" ", java.util.stream.Stream.of(givenName, familyName).filter(x -> x != null).toList());
        }
    }

    /** Previous names and aliases; the perpetrator side sees previous names only (an alias can help find her). */
    @Transactional
    public List<OtherName> otherNames(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        boolean perpetratorSide = needToKnow.person(actor, id).perpetratorSide();
        List<OtherName> names = jdbc.sql("select id, kind, given_name, family_name from person_other_name where person_id = ? order by kind, family_name")
                .param(id).query((rs, n) -> new OtherName(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("given_name"), rs.getString("family_name"))).list().stream()
                .filter(n -> !perpetratorSide || n.kind().equals("PREVIOUS")).toList();
        audit.record(AuditEntry.allowed("READ_PERSON_OTHER_NAMES", OBJECT, id));
        return names;
    }

    /**
     * Adds a previous name or an alias, and the match keys with it, so the next agency that records her
     * under that name finds this record.
     */
    @Transactional
    public UUID addOtherName(UUID id, String kind, String givenName, String familyName) {
        Actor actor = requirePractitioner("UPDATE_PERSON");
        requireMayAddTo(id, actor, "UPDATE_PERSON");
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !OTHER_NAME_KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "Select whether it is a previous name or an alias"));
        }
        if (blank(givenName) == null && blank(familyName) == null) {
            errors.add(new FieldError("familyName", "Enter a given name or a family name"));
        }
        checkLength(errors, "givenName", givenName, 100, "Given name");
        checkLength(errors, "familyName", familyName, 100, "Family name");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean exists = jdbc.sql("""
                select count(*) from person_other_name where person_id = ? and kind = ?
                   and lower(coalesce(given_name, '')) = lower(?) and lower(coalesce(family_name, '')) = lower(?)""")
                .params(id, kind, java.util.Objects.toString(blank(givenName), ""),
                        java.util.Objects.toString(blank(familyName), "")).query(Long.class).single() > 0;
        if (exists) {
            throw InvalidRequestException.of("familyName", "This name is already recorded");
        }
        UUID nameId = UUID.randomUUID();
        jdbc.sql("insert into person_other_name (id, person_id, kind, given_name, family_name) values (?, ?, ?, ?, ?)")
                .params(nameId, id, kind, blank(givenName), blank(familyName)).update();
        storeKeys(id, loadForMatching(List.of(id)).get(0).record());
        jdbc.sql("update person set updated_at = now() where id = ?").param(id).update();
        audit.record(AuditEntry.allowed("UPDATE_PERSON", OBJECT, id).with("added", "other name").with("kind", kind));
        return nameId;
    }

    /** One agency's own reference to the person: a crime number, a social care ID, a hospital number. */
    public record AgencyReference(UUID id, String agencyName, String reference, boolean callersOwn) {
    }

    /**
     * The agencies' references to this person. Another agency's is shown only where naming the agency
     * says nothing sensitive (a refuge or an IDVA service's reference says where she has turned), and never
     * to the perpetrator side (a housing provider's reference can say where she lives now).
     */
    @Transactional
    public List<AgencyReference> references(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        boolean perpetratorSide = needToKnow.person(actor, id).perpetratorSide();
        audit.record(AuditEntry.allowed("READ_PERSON_REFERENCES", OBJECT, id));
        return jdbc.sql("""
                        select r.id, r.reference, r.agency_id, a.name, a.type from person_reference r
                          join agency a on a.id = r.agency_id where r.person_id = ? order by r.recorded_at""")
                .param(id).query((rs, n) -> {
                    boolean own = rs.getObject("agency_id", UUID.class).equals(actor.agencyId());
                    return own || (!perpetratorSide && !SENSITIVE_AGENCY_TYPES.contains(rs.getString("type")))
                            ? new AgencyReference(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("reference"), own) : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Records the caller's agency's reference to this person. */
    @Transactional
    public UUID addReference(UUID id, String reference) {
        Actor actor = requirePractitioner("UPDATE_PERSON");
        requireMayAddTo(id, actor, "UPDATE_PERSON");
        String value = blank(reference);
        if (value == null) {
            throw InvalidRequestException.of("reference", "Enter your agency's reference");
        }
        if (value.length() > 50 || !value.matches("[\\p{L}\\p{N} ./_:#-]+")) {
            throw InvalidRequestException.of("reference",
                    "A reference must be 50 characters or fewer: letters, numbers, spaces and . / _ : # -");
        }
        boolean exists = jdbc.sql("select count(*) from person_reference where person_id = ? and agency_id = ? and reference = ?")
                .params(id, actor.agencyId(), value).query(Long.class).single() > 0;
        if (exists) {
            throw InvalidRequestException.of("reference", "This reference is already recorded");
        }
        UUID referenceId = UUID.randomUUID();
        jdbc.sql("insert into person_reference (id, person_id, agency_id, reference, recorded_by) values (?, ?, ?, ?, ?)")
                .params(referenceId, id, actor.agencyId(), value, actor.userId()).update();
        jdbc.sql("update person set updated_at = now() where id = ?").param(id).update();
        audit.record(AuditEntry.allowed("UPDATE_PERSON", OBJECT, id).with("added", "reference"));
        return referenceId;
    }

    /** The people the caller's agency holds under one of its own references (a crime number typed at intake). */
    @Transactional
    public List<Person> findByReference(String reference) {
        Actor actor = requirePractitioner("FIND_PERSON_BY_REFERENCE");
        String value = blank(reference);
        if (value == null || value.length() > 50) {
            throw InvalidRequestException.of("reference", "Enter a reference of 50 characters or fewer");
        }
        List<UUID> ids = jdbc.sql("select distinct person_id from person_reference where agency_id = ? and reference = ? limit 20")
                .params(actor.agencyId(), value).query(UUID.class).list();
        List<Person> found = ids.stream().filter(p -> needToKnow.person(actor, p).visible()).map(p -> load(p, actor)).toList();
        audit.record(AuditEntry.allowed("FIND_PERSON_BY_REFERENCE", OBJECT, null)
                .with("found", String.join(",", found.stream().map(p -> p.id().toString()).toList())));
        return found;
    }

    // ---- households -----------------------------------------------------------------------------

    /** Someone living in the person's household, with the dates (null to-date: still there). */
    public record HouseholdMember(UUID householdId, UUID personId, String name, LocalDate from, LocalDate to) {
    }

    /**
     * The people who live, or lived, with this person, as far as the caller may see them. Never to the perpetrator
     * side: whom she lives with now says where she is.
     */
    @Transactional
    public List<HouseholdMember> household(UUID id) {
        Actor actor = requirePractitioner("READ_PERSON");
        load(id, actor);
        if (needToKnow.person(actor, id).perpetratorSide()) {
            return List.of();
        }
        audit.record(AuditEntry.allowed("READ_PERSON_HOUSEHOLD", OBJECT, id));
        return jdbc.sql("""
                        select m.household_id, m.person_id, m.from_date, m.to_date, p.given_name, p.family_name
                          from household_member m join person p on p.id = m.person_id
                         where m.household_id in (select household_id from household_member where person_id = ?)
                           and m.person_id <> ?
                         order by m.to_date desc nulls first, m.from_date desc nulls last""")
                .params(id, id).query((rs, n) -> {
                    Date from = rs.getDate("from_date");
                    Date to = rs.getDate("to_date");
                    return new HouseholdMember(rs.getObject("household_id", UUID.class), rs.getObject("person_id", UUID.class),
                            String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"), rs.getString("family_name"))
                                    .filter(x -> x != null).toList()),
                            from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate());
                }).list().stream().filter(m -> needToKnow.person(actor, m.personId()).visible()).toList();
    }

    /**
     * Records that another person lives with this one from a date: joins this person's current household,
     * or the other's, or starts one. Both must be records the caller may add to.
     */
    @Transactional
    public UUID addToHousehold(UUID id, UUID otherId, LocalDate from) {
        Actor actor = requirePractitioner("UPDATE_HOUSEHOLD");
        requireMayAddTo(id, actor, "UPDATE_HOUSEHOLD");
        if (otherId == null || otherId.equals(id)) {
            throw InvalidRequestException.of("otherPersonId", "Select another person");
        }
        requireMayAddTo(otherId, actor, "UPDATE_HOUSEHOLD");
        if (from != null && (from.isAfter(LocalDate.now(clock)) || from.getYear() < 1900)) {
            throw InvalidRequestException.of("from", "The date they started living together must be a real date, not in the future");
        }
        UUID household = currentHousehold(id);
        UUID othersHousehold = currentHousehold(otherId);
        if (household != null && household.equals(othersHousehold)) {
            throw InvalidRequestException.of("otherPersonId", "They already live in the same household");
        }
        if (household == null && othersHousehold != null) {
            household = othersHousehold;
            addMember(household, id, from, actor);
        } else {
            if (household == null) {
                household = UUID.randomUUID();
                jdbc.sql("insert into household (id, recorded_by_agency_id) values (?, ?)").params(household, actor.agencyId()).update();
                addMember(household, id, from, actor);
            }
            if (othersHousehold != null) {
                // Moving in here: the old household membership ends the day before.
                endMembership(othersHousehold, otherId, from == null ? LocalDate.now(clock) : from.minusDays(1));
            }
            addMember(household, otherId, from, actor);
        }
        // A household change is a change to both records (the retention clock runs from the last change).
        jdbc.sql("update person set updated_at = now() where id in (?, ?)").params(id, otherId).update();
        audit.record(AuditEntry.allowed("UPDATE_HOUSEHOLD", OBJECT, id).with("member", otherId.toString())
                .with("household", household.toString()));
        return household;
    }

    /** Records that a person left a household on a date; the membership stays in the history. */
    @Transactional
    public void leaveHousehold(UUID id, UUID householdId, LocalDate to) {
        Actor actor = requirePractitioner("UPDATE_HOUSEHOLD");
        requireMayAddTo(id, actor, "UPDATE_HOUSEHOLD");
        if (to == null || to.isAfter(LocalDate.now(clock)) || to.getYear() < 1900) {
            throw InvalidRequestException.of("to", "Enter the date they left, not in the future");
        }
        LocalDate from = jdbc.sql("select from_date from household_member where household_id = ? and person_id = ? and to_date is null")
                .params(householdId, id).query(LocalDate.class).optional().orElseThrow(() -> new NotFoundException("Household"));
        if (from != null && to.isBefore(from)) {
            throw InvalidRequestException.of("to", "The date they left must be on or after " + from);
        }
        endMembership(householdId, id, to);
        jdbc.sql("update person set updated_at = now() where id = ?").param(id).update();
        audit.record(AuditEntry.allowed("UPDATE_HOUSEHOLD", OBJECT, id).with("left", householdId.toString()));
    }

    /** The household the person lives in now, or null. */
    @Transactional(readOnly = true)
    public UUID currentHouseholdOf(UUID id) {
        load(id, requirePractitioner("READ_PERSON"));
        return currentHousehold(id);
    }

    private UUID currentHousehold(UUID personId) {
        return jdbc.sql("select household_id from household_member where person_id = ? and to_date is null order by recorded_at desc limit 1")
                .param(personId).query(UUID.class).optional().orElse(null);
    }

    private void addMember(UUID household, UUID personId, LocalDate from, Actor actor) {
        jdbc.sql("insert into household_member (id, household_id, person_id, from_date, recorded_by) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), household, personId, from == null ? null : Date.valueOf(from), actor.userId()).update();
    }

    private void endMembership(UUID household, UUID personId, LocalDate to) {
        jdbc.sql("""
                update household_member set to_date = greatest(coalesce(from_date, ?), ?)
                 where household_id = ? and person_id = ? and to_date is null""")
                .params(Date.valueOf(to), Date.valueOf(to), household, personId).update();
    }

    // ---- retention -------------------------------------------------------------------------------

    /**
     * Anonymises a record whose retention has ended, once the governance module holds a recorded approval:
     * every personal field is replaced, the other names, addresses and contacts (sealed values with them)
     * and the match keys are deleted. The row stays, so the ids in the audit trail and on cases still
     * resolve to a stub. Only a safeguarding lead or an administrator, who approve retention decisions.
     */
    @Transactional
    public void anonymise(UUID id) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("ADMIN") && !actor.hasRole("SAFEGUARDING_LEAD")) {
            audit.recordIndependently(AuditEntry.refused("ANONYMISE_PERSON", OBJECT, id, "not an approver of retention"));
            throw new org.springframework.security.access.AccessDeniedException("Only a safeguarding lead or an"
                    + " administrator may anonymise a record");
        }
        int updated = jdbc.sql("""
                update person set given_name = 'Anonymised', middle_names = null, family_name = null, preferred_name = null,
                       date_of_birth = null, estimated_age_years = null, sex = null, gender_identity = null, ethnicity = null,
                       disability = null, sexual_orientation = null, religion = null, first_language = null,
                       interpreter_needed = null, immigration_status = null, no_recourse_to_public_funds = null,
                       nhs_number = null, police_national_id = null, updated_at = now(), version = version + 1
                 where id = ?""").param(id).update();
        if (updated == 0) {
            throw new NotFoundException("Person");
        }
        for (String table : List.of("person_other_name", "person_address", "person_contact", "person_match_key",
                "person_reference")) {
            jdbc.sql("delete from " + table + " where person_id = ?").param(id).update();
        }
        audit.record(AuditEntry.allowed("ANONYMISE_PERSON", OBJECT, id));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** "Kate Louise Jones" as given names and a family name; a single word is a given name. */
    static String[] splitFullName(String fullName) {
        String trimmed = fullName.trim().replaceAll("\\s+", " ");
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new String[] {trimmed, null} : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1)};
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String nhs(String value) {
        String digits = value == null ? "" : value.replaceAll("[\\s-]", "");
        return digits.isEmpty() ? null : digits;
    }

    static String sexCode(String sex) {
        if (sex == null || sex.isBlank()) {
            return null;
        }
        return switch (sex.trim().toUpperCase()) {
            case "F", "FEMALE" -> "FEMALE";
            case "M", "MALE" -> "MALE";
            case "U", "NOT_KNOWN", "UNKNOWN" -> "NOT_KNOWN";
            default -> null;
        };
    }

    private static void checkLength(List<FieldError> errors, String field, String value, int max, String label) {
        if (value != null && value.trim().length() > max) {
            errors.add(new FieldError(field, label + " must be " + max + " characters or fewer"));
        }
    }

}

package org.waymark.incidents;

import java.sql.Array;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.AgencyType;
import org.waymark.people.People;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.FieldError;
import org.waymark.platform.Resealable;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NeedToKnow;
import org.waymark.platform.NotFoundException;

/** The incidents module's API: record incidents, read a person's chronology and the facts derived from it. */
@Service
public class Incidents implements Resealable {

    static final String OBJECT = "INCIDENT";
    public static final Set<String> CAME_TO_LIGHT = Set.of("POLICE_CALL_OUT", "PROMPTED_DISCLOSURE",
            "UNPROMPTED_DISCLOSURE", "THIRD_PARTY_REPORT");
    public static final Set<String> ROLES = Set.of("VICTIM", "PERSON_CAUSING_HARM", "CHILD", "OTHER_HOUSEHOLD_MEMBER",
            "WITNESS");
    public static final List<String> ABUSE_TYPES = List.of("PHYSICAL", "SEXUAL", "PSYCHOLOGICAL", "EMOTIONAL",
            "ECONOMIC", "COERCIVE_CONTROL", "TECHNOLOGY_FACILITATED", "STALKING", "HONOUR_BASED", "FORCED_MARRIAGE",
            "FGM");
    static final Set<String> SEVERITIES = Set.of("MINOR", "STANDARD", "SERIOUS");
    static final Set<String> EXPERIENCES = Set.of("PRESENT", "SAW", "HEARD", "NOT_PRESENT");

    private final JdbcClient jdbc;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;
    private final Agencies agencies;
    private final NeedToKnow needToKnow;
    private final ApplicationEventPublisher events;
    private final FieldEncryption encryption;

    private final org.springframework.beans.factory.ObjectProvider<org.waymark.platform.ChronologySource> chronologySources;
    private final org.springframework.beans.factory.ObjectProvider<IncidentRecordsSource> incidentRecords;

    Incidents(JdbcClient jdbc, People people, AuditTrail audit, Clock clock, Agencies agencies, NeedToKnow needToKnow,
              ApplicationEventPublisher events, FieldEncryption encryption,
              org.springframework.beans.factory.ObjectProvider<org.waymark.platform.ChronologySource> chronologySources,
              org.springframework.beans.factory.ObjectProvider<IncidentRecordsSource> incidentRecords) {
        this.incidentRecords = incidentRecords;
        this.chronologySources = chronologySources;
        this.encryption = encryption;
        this.agencies = agencies;
        this.needToKnow = needToKnow;
        this.events = events;
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID record(NewIncident incident) {
        Actor actor = CurrentActor.require();
        List<FieldError> errors = new ArrayList<>();
        if (incident.occurredOn() == null) {
            errors.add(new FieldError("occurredOn", "Enter the date of the incident"));
        } else if (incident.occurredOn().isAfter(LocalDate.now(clock)) || incident.occurredOn().getYear() < 1900) {
            errors.add(new FieldError("occurredOn", "The date of the incident must be a real date, today or in the past"));
        }
        if (incident.cameToLight() == null || !CAME_TO_LIGHT.contains(incident.cameToLight())) {
            errors.add(new FieldError("cameToLight", "Select how the incident came to light"));
        }
        if (incident.severity() != null && !SEVERITIES.contains(incident.severity())) {
            errors.add(new FieldError("severity", "Select minor, standard or serious"));
        }
        if (incident.criminalJusticeOutcome() != null && incident.criminalJusticeOutcome().length() > 200) {
            errors.add(new FieldError("criminalJusticeOutcome", "The outcome must be 200 characters or fewer"));
        }
        if (!ABUSE_TYPES.containsAll(incident.abuseTypes())) {
            errors.add(new FieldError("abuseTypes", "Select abuse types from the list"));
        }
        if (incident.location() != null && incident.location().length() > 500) {
            errors.add(new FieldError("location", "Where it happened must be 500 characters or fewer"));
        }
        if (incident.narrative() != null && incident.narrative().length() > 20000) {
            errors.add(new FieldError("narrative", "The account must be 20,000 characters or fewer"));
        }
        for (String field : new String[] {"disclosedBy", "disclosedTo"}) {
            String value = field.equals("disclosedBy") ? incident.disclosedBy() : incident.disclosedTo();
            if (value != null && value.length() > 200) {
                errors.add(new FieldError(field, "This answer must be 200 characters or fewer"));
            }
        }
        if (incident.whoElseKnows().size() > 20 || incident.whoElseKnows().stream().anyMatch(w -> w.length() > 200)) {
            errors.add(new FieldError("whoElseKnows", "List up to 20 people or agencies, each in 200 characters or fewer"));
        }
        if (incident.people().stream().noneMatch(p -> "VICTIM".equals(p.role()))) {
            errors.add(new FieldError("people", "Name the victim"));
        }
        Set<String> seen = new HashSet<>();
        Set<UUID> victims = new HashSet<>();
        incident.people().stream().filter(p -> "VICTIM".equals(p.role()) && p.personId() != null)
                .forEach(p -> victims.add(p.personId()));
        if (incident.people().stream().anyMatch(p -> "PERSON_CAUSING_HARM".equals(p.role()) && victims.contains(p.personId()))) {
            errors.add(new FieldError("personCausingHarm", "The person causing harm cannot also be the victim"));
        }
        for (NewIncident.Involved involved : incident.people()) {
            if (involved.personId() == null || involved.role() == null || !ROLES.contains(involved.role())
                    || !seen.add(involved.personId() + "/" + involved.role())
                    || involved.experience() != null && !EXPERIENCES.contains(involved.experience())) {
                errors.add(new FieldError("people", "Each person needs a record and one of the roles"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        // Only people the caller may see can be named; anything else does not exist for them. Naming someone
        // ties the caller's agency to her case, so a look through break-glass is not enough.
        for (NewIncident.Involved involved : incident.people()) {
            people.get(involved.personId());
            if ("BREAK_GLASS".equals(needToKnow.person(actor, involved.personId()).basis())) {
                audit.recordIndependently(AuditEntry.refused("CREATE_INCIDENT", "PERSON", involved.personId(),
                        "break-glass access only"));
                throw new org.springframework.security.access.AccessDeniedException(
                        "Break-glass access is for reading: ask the case's agencies to share the case");
            }
        }
        UUID id = UUID.randomUUID();
        // A restricted location (it can be the safe address) is sealed, never stored in plain text.
        boolean restrictLocation = incident.locationRestricted() && blank(incident.location()) != null;
        jdbc.sql("""
                insert into incident (id, occurred_on, location, came_to_light, abuse_types, severity, injuries, weapon,
                                      strangulation, sexual_violence, threats_to_kill, criminal_justice_outcome,
                                      narrative, reporting_agency_id, reported_by, location_restricted, disclosed_by,
                                      disclosed_to, who_else_knows, sealed_location)
                values (?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?)
                """).params(id, Date.valueOf(incident.occurredOn()), restrictLocation ? null : blank(incident.location()),
                incident.cameToLight(),
                incident.abuseTypes().toArray(String[]::new), incident.severity(), incident.injuries(),
                incident.weapon(), incident.strangulation(), incident.sexualViolence(), incident.threatsToKill(),
                blank(incident.criminalJusticeOutcome()), blank(incident.narrative()), actor.agencyId(),
                actor.userId(), restrictLocation, blank(incident.disclosedBy()), blank(incident.disclosedTo()),
                incident.whoElseKnows().toArray(String[]::new),
                restrictLocation ? encryption.seal(blank(incident.location()), "incident/" + id + "/location") : null).update();
        for (NewIncident.Involved involved : incident.people()) {
            jdbc.sql("insert into incident_person (incident_id, person_id, role, experience) values (?, ?, ?, ?)")
                    .params(id, involved.personId(), involved.role(), involved.experience()).update();
        }
        audit.record(AuditEntry.allowed("CREATE_INCIDENT", OBJECT, id));
        events.publishEvent(new IncidentRecorded(id, actor.agencyId(), actor.userId(), incident.people()));
        return id;
    }

    /**
     * Every incident involving this person or any record linked to them as the same person, oldest
     * first. Another agency's incidents show without their narrative.
     */
    @Transactional
    public List<ChronologyEntry> chronology(UUID personId) {
        return chronology(personId, false);
    }

    /**
     * The chronology of the person alone, or of their family: everyone one relationship away, with
     * all their linked records.
     */
    @Transactional
    public List<ChronologyEntry> chronology(UUID personId, boolean family) {
        Actor actor = CurrentActor.require();
        List<UUID> ids = family ? people.family(personId) : people.samePerson(personId);
        // Judged for the person whose chronology it is (every record of her), not her family.
        boolean perpetratorSide = needToKnow.perpetratorSide(actor, people.samePerson(personId));
        List<ChronologyEntry> entries = jdbc.sql("""
                        select i.id, i.occurred_on, a.name as agency_name, i.reporting_agency_id, i.came_to_light,
                               i.severity, i.abuse_types, i.narrative,
                               array_agg(distinct ip.role order by ip.role) as roles
                          from incident i
                          join incident_person ip on ip.incident_id = i.id and ip.person_id = any(?)
                          join agency a on a.id = i.reporting_agency_id
                         group by i.id, a.name
                         order by i.occurred_on, i.created_at
                        """).param(ids.toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID incidentId = rs.getObject("id", UUID.class);
                    NeedToKnow.IncidentAccess access = needToKnow.incident(actor, incidentId);
                    if (!access.summary()) {
                        // The perpetrator side never sees another agency's incidents, not even that they exist.
                        return null;
                    }
                    boolean own = rs.getObject("reporting_agency_id", UUID.class).equals(actor.agencyId());
                    boolean full = access.full();
                    // Without a need to know, another agency's incident shows when, which agency, the person's role
                    // and how serious; not how it came to light (a disclosure to a midwife must not reach the person
                    // who caused harm), not the abuse types, not the account.
                    return new ChronologyEntry(incidentId, rs.getDate("occurred_on").toLocalDate(),
                            rs.getString("agency_name"), own, full ? rs.getString("came_to_light") : null,
                            rs.getString("severity"), strings(rs.getArray("roles")),
                            full ? strings(rs.getArray("abuse_types")) : List.of(), full ? rs.getString("narrative") : null,
                            full);
                }).list().stream().filter(java.util.Objects::nonNull)
                .filter(e -> e.ownAgency() || !perpetratorSide).toList();
        audit.record(AuditEntry.allowed(family ? "READ_FAMILY_CHRONOLOGY" : "READ_CHRONOLOGY", "PERSON", personId)
                .with("entries", Integer.toString(entries.size())));
        return entries;
    }

    /**
     * The whole chronology in date order: the incidents above, and what every other module contributes (risk
     * assessments, police notifications, referrals, meetings), each as that module's need-to-know rules allow.
     */
    @Transactional
    public List<org.waymark.platform.ChronologyEvent> timeline(UUID personId, boolean family) {
        Actor actor = CurrentActor.require();
        List<org.waymark.platform.ChronologyEvent> events = new ArrayList<>();
        for (ChronologyEntry entry : chronology(personId, family)) {
            String roles = String.join(", ", entry.roles()).replace('_', ' ').toLowerCase(java.util.Locale.UK);
            events.add(new org.waymark.platform.ChronologyEvent(entry.occurredOn(), entry.agencyName(),
                    "Incident (" + roles + ")", entry.severity() == null ? "Seriousness not recorded"
                    : entry.severity().toLowerCase(java.util.Locale.UK), "/incidents/" + entry.incidentId()));
        }
        List<UUID> ids = family ? people.family(personId) : people.samePerson(personId);
        boolean perpetratorSide = needToKnow.perpetratorSide(actor, people.samePerson(personId));
        chronologySources.orderedStream().forEach(source -> events.addAll(source.eventsAbout(actor, ids, perpetratorSide)));
        events.sort(java.util.Comparator.comparing(org.waymark.platform.ChronologyEvent::on));
        return events;
    }

    /**
     * One incident, as far as the caller has a need to know it: 404 (audited) for anyone who may not even
     * know it happened; without a shared case only that it happened; restricted location withheld unless
     * the caller recorded it or is allocated to the case.
     */
    @Transactional
    public IncidentView get(UUID id) {
        Actor actor = CurrentActor.require();
        boolean exists = id != null && jdbc.sql("select count(*) > 0 from incident where id = ?").param(id)
                .query(Boolean.class).single();
        if (!exists) {
            throw new NotFoundException("Incident");
        }
        NeedToKnow.IncidentAccess access = needToKnow.incident(actor, id);
        // Reached through a same-person link alone, the caller must also see one of its people.
        boolean seesSomeone = access.full() || jdbc.sql("select person_id from incident_person where incident_id = ?")
                .param(id).query(UUID.class).list().stream().anyMatch(p -> needToKnow.person(actor, p).visible());
        if (!access.summary() || !seesSomeone) {
            audit.recordIndependently(AuditEntry.refused("READ_INCIDENT", OBJECT, id, "no need to know"));
            throw new NotFoundException("Incident");
        }
        boolean full = access.full();
        List<IncidentView.Involved> involved = jdbc.sql("""
                        select ip.person_id, ip.role, ip.experience, p.given_name, p.family_name from incident_person ip
                          join person p on p.id = ip.person_id where ip.incident_id = ? order by ip.role, p.family_name""")
                .param(id).query((rs, n) -> {
                    UUID personId = rs.getObject("person_id", UUID.class);
                    boolean visible = needToKnow.person(actor, personId).visible();
                    String name = visible ? String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"),
                            rs.getString("family_name")).filter(x -> x != null).toList()) : null;
                    return new IncidentView.Involved(visible ? personId : null, name, rs.getString("role"),
                            full ? rs.getString("experience") : null);
                }).list();
        IncidentView view = jdbc.sql("""
                        select i.*, a.name as agency_name from incident i join agency a on a.id = i.reporting_agency_id
                         where i.id = ?""").param(id).query((rs, n) -> {
                    boolean restricted = rs.getBoolean("location_restricted");
                    boolean withheld = restricted && (!full || !access.restrictedVisible());
                    String location = !full || withheld ? null : restricted
                            ? encryption.open(rs.getBytes("sealed_location"), "incident/" + id + "/location")
                            : rs.getString("location");
                    return new IncidentView(id, rs.getDate("occurred_on").toLocalDate(), rs.getString("agency_name"), full,
                            full ? rs.getString("came_to_light") : null, rs.getString("severity"),
                            full ? strings(rs.getArray("abuse_types")) : List.of(), full && rs.getBoolean("injuries"),
                            full && rs.getBoolean("weapon"), full && rs.getBoolean("strangulation"),
                            full && rs.getBoolean("sexual_violence"), full && rs.getBoolean("threats_to_kill"),
                            full ? rs.getString("criminal_justice_outcome") : null, full ? rs.getString("narrative") : null,
                            location, restricted, withheld, full ? rs.getString("disclosed_by") : null,
                            full ? rs.getString("disclosed_to") : null,
                            full ? strings(rs.getArray("who_else_knows")) : List.of(), involved,
                            full ? incidentRecords.orderedStream().flatMap(source -> source.recordsFor(actor, id).stream())
                                    .sorted(java.util.Comparator.comparing(org.waymark.platform.ChronologyEvent::on)).toList()
                                    : List.of());
                }).single();
        audit.record(AuditEntry.allowed("READ_INCIDENT", OBJECT, id).with("full", Boolean.toString(full)));
        return view;
    }

    /** The facts the decision rules need, derived from every record of this person. */
    @Transactional
    public DerivedFacts facts(UUID personId, LocalDate asOf) {
        List<UUID> ids = people.samePerson(personId);
        UUID[] array = ids.toArray(UUID[]::new);
        // The perpetrator side's counts come from its own agency's records only: counts of other agencies'
        // incidents would tell of a disclosure the chronology hides from them.
        Actor actor = CurrentActor.require();
        UUID onlyAgency = needToKnow.perpetratorSide(actor, ids) ? actor.agencyId() : null;
        List<FactsFromRecords.AsVictim> asVictim = jdbc.sql("""
                        select distinct i.id, i.occurred_on, i.came_to_light, i.severity, a.type = 'POLICE' as by_police
                          from incident i
                          join incident_person ip on ip.incident_id = i.id
                          join agency a on a.id = i.reporting_agency_id
                         where ip.person_id = any(?) and ip.role = 'VICTIM'
                           and (cast(? as uuid) is null or i.reporting_agency_id = ?)
                        """).params(array, onlyAgency, onlyAgency)
                .query((rs, n) -> new FactsFromRecords.AsVictim(rs.getDate("occurred_on").toLocalDate(),
                        rs.getString("came_to_light"), rs.getString("severity"), rs.getBoolean("by_police"))).list();
        List<UUID[]> harm = jdbc.sql("""
                        select distinct i.id, v.person_id as victim from incident i
                          join incident_person ip on ip.incident_id = i.id
                          join incident_person v on v.incident_id = i.id and v.role = 'VICTIM'
                         where ip.person_id = any(?) and ip.role = 'PERSON_CAUSING_HARM'
                           and (cast(? as uuid) is null or i.reporting_agency_id = ?)
                        """).params(array, onlyAgency, onlyAgency)
                .query((rs, n) -> new UUID[] {rs.getObject("id", UUID.class), rs.getObject("victim", UUID.class)}).list();
        Map<UUID, UUID> groups = people.samePersonGroups(harm.stream().map(h -> h[1]).toList());
        // Victims who are related to one another (a mother and her daughter) are connected, not separate victims.
        Map<UUID, UUID> connected = connectedVictims(groups);
        Set<UUID> familyOnly = familyNotPartner(ids, groups);
        List<FactsFromRecords.AsPersonCausingHarm> asHarm = harm.stream()
                .map(h -> new FactsFromRecords.AsPersonCausingHarm(h[0], groups.get(h[1]),
                        connected.getOrDefault(groups.get(h[1]), groups.get(h[1])), familyOnly.contains(groups.get(h[1]))))
                .distinct().toList();
        DerivedFacts facts = FactsFromRecords.derive(asVictim, asHarm, asOf == null ? LocalDate.now(clock) : asOf);
        audit.record(AuditEntry.allowed("READ_DERIVED_FACTS", "PERSON", personId));
        return facts;
    }

    /** Whether any record of this person (linked records included) has an incident as victim on that day. */
    @Transactional(readOnly = true)
    public boolean hasIncidentOn(UUID personId, LocalDate day) {
        List<UUID> ids = people.samePerson(personId);
        return jdbc.sql("""
                select count(*) from incident i join incident_person ip on ip.incident_id = i.id
                 where ip.person_id = any(?) and ip.role = 'VICTIM' and i.occurred_on = ?""")
                .params(ids.toArray(UUID[]::new), Date.valueOf(day)).query(Long.class).single() > 0;
    }

    /**
     * The victim groups the records show as the person's family and never as a partner (current or ended
     * relationships, in either direction, between any of the person's records and any of the victim's).
     */
    private Set<UUID> familyNotPartner(List<UUID> personRecords, Map<UUID, UUID> victimGroups) {
        if (victimGroups.isEmpty()) {
            return Set.of();
        }
        Map<UUID, Set<String>> kinds = new java.util.HashMap<>();
        UUID[] mine = personRecords.toArray(UUID[]::new);
        UUID[] victims = victimGroups.keySet().toArray(UUID[]::new);
        jdbc.sql("""
                        select case when person_id = any(:mine) then related_person_id else person_id end as victim, kind
                          from person_relationship
                         where (person_id = any(:mine) and related_person_id = any(:victims))
                            or (related_person_id = any(:mine) and person_id = any(:victims))""")
                .param("mine", mine).param("victims", victims)
                .query((rs, n) -> kinds.computeIfAbsent(victimGroups.get(rs.getObject("victim", UUID.class)),
                        k -> new java.util.HashSet<>()).add(rs.getString("kind"))).list();
        Set<UUID> familyOnly = new java.util.HashSet<>();
        kinds.forEach((group, recorded) -> {
            if (recorded.stream().noneMatch(k -> k.equals("CURRENT_PARTNER") || k.equals("FORMER_PARTNER"))) {
                familyOnly.add(group);
            }
        });
        return familyOnly;
    }

    /** Maps each victim group to the group of any victim it is related to, so related victims count once. */
    private Map<UUID, UUID> connectedVictims(Map<UUID, UUID> groups) {
        Map<UUID, UUID> connected = new java.util.HashMap<>();
        if (groups.isEmpty()) {
            return connected;
        }
        UUID[] ids = groups.keySet().toArray(UUID[]::new);
        jdbc.sql("""
                        select person_id, related_person_id from person_relationship
                         where ended_at is null and person_id = any(?) and related_person_id = any(?)
                        """).params(ids, ids)
                .query((rs, n) -> {
                    UUID a = groups.get(rs.getObject("person_id", UUID.class));
                    UUID b = groups.get(rs.getObject("related_person_id", UUID.class));
                    UUID root = a.toString().compareTo(b.toString()) < 0 ? a : b;
                    connected.put(a, root);
                    connected.put(b, root);
                    return null;
                }).list();
        return connected;
    }

    /**
     * Anonymises an incident whose retention has ended, once the governance module holds a recorded approval:
     * the account, where it happened (a sealed location is dropped), the outcome and who disclosed, to whom and
     * who else knows are removed; the date, type, severity and risk markers stay for the partnership's counts.
     * Only a safeguarding lead or an administrator.
     */
    @Transactional
    public void anonymise(UUID id) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("ADMIN") && !actor.hasRole("SAFEGUARDING_LEAD")) {
            audit.recordIndependently(AuditEntry.refused("ANONYMISE_INCIDENT", OBJECT, id, "not an approver of retention"));
            throw new org.springframework.security.access.AccessDeniedException("Only a safeguarding lead or an"
                    + " administrator may anonymise a record");
        }
        int updated = jdbc.sql("""
                update incident set narrative = null, location = null, sealed_location = null, location_restricted = false,
                       criminal_justice_outcome = null, disclosed_by = null, disclosed_to = null, who_else_knows = '{}',
                       version = version + 1
                 where id = ?""").param(id).update();
        if (updated == 0) {
            throw new NotFoundException("Incident");
        }
        audit.record(AuditEntry.allowed("ANONYMISE_INCIDENT", OBJECT, id));
    }

    /** Reseals restricted locations not sealed under the current key (after a key rotation). */
    @Override
    @Transactional
    public int resealAll() {
        int resealed = 0;
        for (Map<String, Object> row : jdbc.sql("select id, sealed_location from incident where sealed_location is not null")
                .query().listOfRows()) {
            byte[] sealed = (byte[]) row.get("sealed_location");
            if (encryption.needsResealing(sealed)) {
                jdbc.sql("update incident set sealed_location = ? where id = ?")
                        .params(encryption.reseal(sealed, "incident/" + row.get("id") + "/location"), row.get("id")).update();
                resealed++;
            }
        }
        return resealed;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

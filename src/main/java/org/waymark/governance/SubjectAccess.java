package org.waymark.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditTrail;
import org.waymark.governance.internal.Redaction;
import org.waymark.governance.internal.SubjectAccessPdf;
import org.waymark.incidents.ChronologyEntry;
import org.waymark.incidents.IncidentView;
import org.waymark.incidents.Incidents;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.people.People;
import org.waymark.people.Person;
import org.waymark.people.PersonDetails;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldEncryption;
import org.waymark.platform.NeedToKnow;

import static org.waymark.governance.SubjectAccessExport.REDACTED;
import static org.waymark.governance.SubjectAccessExport.WITHHELD;

/**
 * Subject access (issue 7 §4-5): for one person record, who accessed it and an export of the person's data.
 * Made by a user with need to know the record, through the same service-layer checks as reading it (404 and an
 * audited refusal otherwise); never by the perpetrator side or through break-glass (403, audited). Other people's
 * names, dates of birth, addresses, phones and restricted values are redacted; the person's own restricted values
 * are given only where the user has need to know them. Every export is audited and recorded as a disclosure
 * to the data subject.
 */
@Service
public class SubjectAccess {

    static final String OBJECT = "PERSON";
    /** Naming these agencies would tell of another person: where a victim seeks help, that someone is on a programme. */
    static final Set<AgencyType> HIDDEN_AGENCIES = Set.of(AgencyType.IDVA_SERVICE, AgencyType.SPECIALIST_DA_SERVICE,
            AgencyType.PERPETRATOR_PROGRAMME, AgencyType.PROBATION);
    static final int ACCESS_REPORT_ROWS = 1000;

    private final People people;
    private final Incidents incidents;
    private final NeedToKnow needToKnow;
    private final AuditTrail audit;
    private final Agencies agencies;
    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final Clock clock;

    SubjectAccess(People people, Incidents incidents, NeedToKnow needToKnow, AuditTrail audit, Agencies agencies,
                  JdbcClient jdbc, FieldEncryption encryption, Clock clock) {
        this.people = people;
        this.incidents = incidents;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** Who accessed the record (the audit trail's rows about it, newest first), as the subject would be given it. */
    @Transactional
    public List<SubjectAccessExport.Access> accessReport(UUID personId) {
        Actor actor = CurrentActor.require();
        people.get(personId);
        requireMayExport(actor, personId, "READ_ACCESS_REPORT");
        List<SubjectAccessExport.Access> report = accessRows(actor, personId, new Redaction.Count());
        audit.record(AuditEntry.allowed("READ_ACCESS_REPORT", OBJECT, personId)
                .with("rows", Integer.toString(report.size())));
        return report;
    }

    /** The person's data with other people's redacted, recorded as a disclosure to them in this format. */
    @Transactional
    public SubjectAccessExport export(UUID personId, String format) {
        if (!"JSON".equals(format) && !"PDF".equals(format)) {
            throw new IllegalArgumentException("format must be JSON or PDF");
        }
        Actor actor = CurrentActor.require();
        Person person = people.get(personId);
        NeedToKnow.PersonAccess access = requireMayExport(actor, personId, "SUBJECT_ACCESS_EXPORT");
        Redaction.Count count = new Redaction.Count();
        List<UUID> own = people.samePerson(personId);

        PersonDetails details = people.details(personId).value();
        SubjectAccessExport.Subject subject = new SubjectAccessExport.Subject(person.givenName(), person.middleNames(),
                person.familyName(), person.previousNames(), person.dateOfBirth(), person.sex(), person.nhsNumber(),
                person.agencyName(), person.createdAt(), details.preferredName(), details.genderIdentity(),
                details.ethnicity(), details.disability(), details.sexualOrientation(), details.religion(),
                details.firstLanguage(), details.interpreterNeeded(), details.immigrationStatus(),
                details.noRecourseToPublicFunds(), details.policeNationalId(), person.aliases(),
                people.references(personId).stream().map(r -> r.agencyName() + ": " + r.reference()).toList());
        List<SubjectAccessExport.Address> addresses = people.addresses(personId).stream()
                .map(a -> a.withheld() ? count.withheld(new SubjectAccessExport.Address(WITHHELD, WITHHELD, a.from(), a.to(), true))
                        : new SubjectAccessExport.Address(a.address(), a.postcode(), a.from(), a.to(), a.restricted()))
                .toList();
        List<SubjectAccessExport.Contact> contacts = people.contacts(personId).stream()
                .map(c -> c.withheld() ? count.withheld(new SubjectAccessExport.Contact(c.kind(), WITHHELD, true))
                        : new SubjectAccessExport.Contact(c.kind(), c.value(), c.restricted()))
                .toList();
        List<SubjectAccessExport.Relationship> relationships = people.relationships(personId).stream()
                .map(r -> count.redacted(new SubjectAccessExport.Relationship(r.kind(), REDACTED))).toList();
        List<String> heldBy = person.links().stream().map(Person.Link::otherAgencyName).distinct().toList();

        List<ChronologyEntry> chronology = incidents.chronology(personId);
        Redaction redaction = redactionFor(own, chronology.stream().map(ChronologyEntry::incidentId).toList(),
                access.restrictedVisible());
        List<SubjectAccessExport.Incident> incidentList = new ArrayList<>();
        for (ChronologyEntry entry : chronology) {
            incidentList.add(incident(entry, own, redaction, count));
        }
        List<SubjectAccessExport.Access> accessReport = accessRows(actor, personId, count);

        SubjectAccessExport export = new SubjectAccessExport(personId, clock.instant(), actor.displayName(),
                actor.agencyName(), subject, addresses, contacts, heldBy, relationships, List.copyOf(incidentList),
                accessReport, count.redacted(), count.withheld(), notes(access.restrictedVisible()));
        UUID disclosure = UUID.randomUUID();
        jdbc.sql("""
                insert into subject_access_disclosure (id, person_id, format, disclosed_by, agency_id, redacted_items,
                                                       withheld_items)
                values (?, ?, ?, ?, ?, ?, ?)""").params(disclosure, personId, format, actor.userId(), actor.agencyId(),
                count.redacted(), count.withheld()).update();
        // A disclosure to the data subject: what (this record's export), to whom, on what basis.
        audit.record(AuditEntry.allowed("SUBJECT_ACCESS_EXPORT", OBJECT, personId).with("format", format)
                .with("recipient", "DATA_SUBJECT").with("lawfulBasis", "UK_GDPR_ARTICLE_15")
                .with("disclosure", disclosure.toString()).with("redacted", Integer.toString(count.redacted()))
                .with("withheld", Integer.toString(count.withheld())));
        return export;
    }

    /** The export as a PDF (GOV.UK-like plain typography), recorded as a disclosure in that format. */
    @Transactional
    public byte[] exportPdf(UUID personId) {
        return SubjectAccessPdf.render(export(personId, "PDF"));
    }

    /** A previous export: when, by whom and in which format. */
    public record Disclosure(java.time.Instant at, String by, String agency, String format) {
    }

    /** Exports already given to this person (the caller has passed the same checks through the access report). */
    @Transactional(readOnly = true)
    public List<Disclosure> disclosures(UUID personId) {
        Actor actor = CurrentActor.require();
        people.samePerson(personId);
        requireMayExport(actor, personId, "READ_ACCESS_REPORT");
        return jdbc.sql("""
                        select d.disclosed_at, u.display_name, a.name, d.format from subject_access_disclosure d
                          join app_user u on u.id = d.disclosed_by join agency a on a.id = d.agency_id
                         where d.person_id = ? order by d.disclosed_at desc""").param(personId)
                .query((rs, n) -> new Disclosure(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    /**
     * The perpetrator side never makes an export (it would carry whatever the record says of the victim), nor
     * does a look through break-glass (a tie for reading, not for disclosing).
     */
    private NeedToKnow.PersonAccess requireMayExport(Actor actor, UUID personId, String action) {
        NeedToKnow.PersonAccess access = needToKnow.person(actor, personId);
        if (access.perpetratorSide() || "BREAK_GLASS".equals(access.basis())) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, personId,
                    access.perpetratorSide() ? "perpetrator side" : "break-glass access only"));
            throw new AccessDeniedException("Subject access is made by an agency with need to know the record,"
                    + " never by those working with the person causing harm or through break-glass");
        }
        return access;
    }

    private SubjectAccessExport.Incident incident(ChronologyEntry entry, List<UUID> own, Redaction redaction,
                                                  Redaction.Count count) {
        if (!entry.full()) {
            // The recording agency holds the detail; the exporting user has no need to know it.
            return new SubjectAccessExport.Incident(entry.occurredOn(), entry.agencyName(), entry.roles(), false, null,
                    entry.severity(), List.of(), null, null, null, null, List.of(), List.of());
        }
        IncidentView view = incidents.get(entry.incidentId());
        // The account and where it happened are hers when she is its victim; anyone else's account of an incident
        // is another person's data.
        boolean victim = entry.roles().contains("VICTIM");
        String location = view.locationWithheld() ? count.withheld(WITHHELD)
                : view.location() == null ? null
                : victim ? redaction.apply(view.location(), count) : count.redacted(REDACTED);
        String account = view.narrative() == null ? null
                : victim ? redaction.apply(view.narrative(), count) : count.redacted(REDACTED);
        List<SubjectAccessExport.OtherPerson> others = view.people().stream()
                .filter(p -> p.personId() == null || !own.contains(p.personId()))
                .map(p -> count.redacted(new SubjectAccessExport.OtherPerson(p.role(), REDACTED))).toList();
        return new SubjectAccessExport.Incident(view.occurredOn(), view.agencyName(), entry.roles(), true,
                view.cameToLight(), view.severity(), view.abuseTypes(), location, account,
                view.disclosedBy() == null ? null : count.redacted(REDACTED),
                view.disclosedTo() == null ? null : count.redacted(REDACTED),
                view.whoElseKnows().stream().map(w -> count.redacted(REDACTED)).toList(), others);
    }

    private List<SubjectAccessExport.Access> accessRows(Actor actor, UUID personId, Redaction.Count count) {
        Map<UUID, Agency> known = new java.util.HashMap<>();
        List<SubjectAccessExport.Access> rows = new ArrayList<>();
        for (AuditEvent event : audit.about(OBJECT, personId.toString(), ACCESS_REPORT_ROWS)) {
            Agency agency = event.actorAgencyId() == null ? null
                    : known.computeIfAbsent(event.actorAgencyId(), id -> agencies.find(id).orElse(null));
            boolean hidden = agency != null && HIDDEN_AGENCIES.contains(agency.type())
                    && !agency.id().equals(actor.agencyId());
            String who = hidden ? count.redacted(REDACTED)
                    : event.actorUsername() == null ? "Unknown (not signed in)" : event.actorUsername();
            String agencyName = agency == null ? "None" : hidden ? "Another agency" : agency.name();
            rows.add(new SubjectAccessExport.Access(event.occurredAt(), who, agencyName, describe(event.action()),
                    event.outcome().name().equals("ALLOWED") ? "Allowed" : "Refused"));
        }
        return rows;
    }

    /**
     * What to mask in free text: every name, address, postcode and phone Waymark holds for the other people in
     * the person's incidents and relationships (restricted ones opened only to be masked, never shown), and the
     * person's own restricted values where the user has no need to know them.
     */
    private Redaction redactionFor(List<UUID> own, List<UUID> incidentIds, boolean ownRestrictedVisible) {
        UUID[] ownIds = own.toArray(UUID[]::new);
        List<UUID> others = jdbc.sql("""
                        select ip.person_id from incident_person ip
                         where ip.incident_id = any(:incidents) and not (ip.person_id = any(:own))
                        union
                        select case when r.person_id = any(:own) then r.related_person_id else r.person_id end
                          from person_relationship r
                         where (r.person_id = any(:own) or r.related_person_id = any(:own)) and r.ended_at is null
                        """).param("incidents", incidentIds.toArray(UUID[]::new)).param("own", ownIds)
                .query(UUID.class).list().stream().filter(id -> !own.contains(id)).toList();
        Redaction redaction = new Redaction();
        addValues(redaction, others, true, REDACTED);
        if (!ownRestrictedVisible) {
            addValues(redaction, own, false, WITHHELD);
        }
        return redaction;
    }

    private void addValues(Redaction redaction, List<UUID> ids, boolean everything, String marker) {
        if (ids.isEmpty()) {
            return;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        if (everything) {
            jdbc.sql("select given_name, middle_names, family_name, preferred_name from person where id = any(?)")
                    .param(array).query().listOfRows().forEach(row -> row.values().forEach(v -> redaction.name((String) v, marker)));
            jdbc.sql("select given_name, family_name from person_other_name where person_id = any(?)")
                    .param(array).query().listOfRows().forEach(row -> row.values().forEach(v -> redaction.name((String) v, marker)));
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> row : jdbc.sql("select * from person_address where person_id = any(?)").param(array)
                .query().listOfRows()) {
            boolean restricted = Boolean.TRUE.equals(row.get("restricted"));
            if (restricted) {
                redaction.text(encryption.open((byte[]) row.get("sealed_address"), "person_address/" + row.get("id") + "/address"), marker);
                redaction.text(encryption.open((byte[]) row.get("sealed_postcode"), "person_address/" + row.get("id") + "/postcode"), marker);
            } else if (everything && seen.add(String.valueOf(row.get("address")))) {
                redaction.text((String) row.get("address"), marker);
                redaction.text((String) row.get("postcode"), marker);
            }
        }
        for (Map<String, Object> row : jdbc.sql("select * from person_contact where person_id = any(?)").param(array)
                .query().listOfRows()) {
            if (Boolean.TRUE.equals(row.get("restricted"))) {
                redaction.text(encryption.open((byte[]) row.get("sealed_value"), "person_contact/" + row.get("id") + "/value"), marker);
            } else if (everything) {
                redaction.text((String) row.get("value"), marker);
            }
        }
    }

    private static List<String> notes(boolean restrictedVisible) {
        List<String> notes = new ArrayList<>();
        notes.add("Other people's names, dates of birth, addresses, phone numbers and restricted details are shown as "
                + REDACTED + ". Their names and contact details are also masked inside free text.");
        notes.add("An account of an incident is given where you are its victim; anyone else's account is another"
                + " person's data and is redacted.");
        notes.add(restrictedVisible ? "Your restricted details are included: the member of staff who made this export"
                + " has need to know them."
                : "Your restricted details are shown as " + WITHHELD + ": the member of staff who made this export has no"
                + " need to know them. Ask the agency that recorded them.");
        notes.add("Where another agency holds the detail of an incident, only that it happened is given: ask that agency.");
        notes.add("Staff of agencies whose name would tell you about another person are shown as another agency.");
        return notes;
    }

    static String describe(String action) {
        return switch (action) {
            case "READ_PERSON" -> "Viewed the record";
            case "READ_PERSON_DETAILS" -> "Viewed the details";
            case "READ_PERSON_ADDRESSES" -> "Viewed the addresses";
            case "READ_PERSON_CONTACTS" -> "Viewed the phone numbers and emails";
            case "READ_CHRONOLOGY" -> "Viewed the chronology";
            case "READ_FAMILY_CHRONOLOGY" -> "Viewed the family chronology";
            case "READ_DERIVED_FACTS" -> "Viewed what the records show";
            case "CREATE_PERSON" -> "Created the record";
            case "UPDATE_PERSON" -> "Changed the details";
            case "ADD_ADDRESS" -> "Added an address";
            case "ADD_CONTACT" -> "Added a phone number or email";
            case "LINK_PEOPLE" -> "Linked it to another record of the same person";
            case "UNLINK_PEOPLE" -> "Undid a link to another record";
            case "RELATE_PEOPLE" -> "Recorded a relationship";
            case "SUBJECT_ACCESS_EXPORT" -> "Made a subject access export";
            case "READ_ACCESS_REPORT" -> "Viewed who accessed the record";
            case "OPEN_CASE" -> "Opened a case";
            case "READ_CASE" -> "Viewed the case";
            case "ANONYMISE_PERSON" -> "Anonymised the record";
            default -> action.charAt(0) + action.substring(1).toLowerCase().replace('_', ' ');
        };
    }
}

package org.waymark.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One person's data as given to them under a subject access request. Other people's names, dates of birth,
 * addresses, phones and restricted values are {@link #REDACTED}; the person's own restricted values are
 * {@link #WITHHELD} unless the user who made the export has need to know them.
 */
public record SubjectAccessExport(UUID personId, Instant generatedAt, String generatedBy, String generatedByAgency,
                                  Subject subject, List<Address> addresses, List<Contact> contacts,
                                  List<String> otherRecordsHeldBy, List<Relationship> relationships,
                                  List<Incident> incidents, List<Access> accessReport, int redactedItems,
                                  int withheldItems, List<String> notes) {

    public static final String REDACTED = "[redacted: third party]";
    public static final String WITHHELD = "[withheld: restricted]";

    public record Subject(String givenName, String middleNames, String familyName, List<String> previousNames,
                          LocalDate dateOfBirth, String sex, String nhsNumber, String recordedBy, Instant recordedAt,
                          String preferredName, String genderIdentity, String ethnicity, String disability,
                          String sexualOrientation, String religion, String firstLanguage, Boolean interpreterNeeded,
                          String immigrationStatus, Boolean noRecourseToPublicFunds, String policeNationalId,
                          List<String> aliases, List<String> agencyReferences) {
    }

    public record Address(String address, String postcode, LocalDate from, LocalDate to, boolean restricted) {
    }

    public record Contact(String kind, String value, boolean restricted) {
    }

    /** What the other person is to the subject; never who they are. */
    public record Relationship(String kind, String otherPerson) {
    }

    /**
     * An incident the person is part of. {@code heldInFull} false: the recording agency holds the detail and
     * the exporting user has no need to know it, so only that it happened is given.
     */
    public record Incident(LocalDate occurredOn, String recordedBy, List<String> roles, boolean heldInFull,
                           String cameToLight, String severity, List<String> abuseTypes, String location, String account,
                           String disclosedBy, String disclosedTo, List<String> whoElseKnows,
                           List<OtherPerson> otherPeople) {
    }

    public record OtherPerson(String role, String name) {
    }

    /** One row of the report of who accessed the record, from the audit trail. */
    public record Access(Instant when, String who, String agency, String action, String outcome) {
    }
}

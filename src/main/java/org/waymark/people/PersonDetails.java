package org.waymark.people;

/**
 * What else is known about a person, all optional: needed for support (language, interpreter,
 * immigration status and no recourse to public funds) and for the monitoring returns (the protected
 * characteristics). Never used for matching.
 */
public record PersonDetails(String preferredName, Integer estimatedAgeYears, String genderIdentity, String ethnicity,
                            String disability, String sexualOrientation, String religion, String firstLanguage,
                            Boolean interpreterNeeded, String immigrationStatus, Boolean noRecourseToPublicFunds,
                            String policeNationalId, String email) {
}

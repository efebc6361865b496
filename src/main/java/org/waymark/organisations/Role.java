package org.waymark.organisations;

/** What a user may do. A user has one or more. */
public enum Role {
    PRACTITIONER("Practitioner"),
    SAFEGUARDING_LEAD("Safeguarding lead"),
    MASH_OFFICER("MASH officer"),
    MARAC_COORDINATOR("MARAC coordinator"),
    IDVA("IDVA"),
    POLICE_OFFICER("Police officer"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

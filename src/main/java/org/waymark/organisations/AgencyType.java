package org.waymark.organisations;

/** The kinds of agency in a domestic abuse partnership. */
public enum AgencyType {
    POLICE("Police"),
    CHILDRENS_SOCIAL_CARE("Children's social care"),
    ADULT_SOCIAL_CARE("Adult social care"),
    HEALTH_GP("Health: GP practice"),
    HEALTH_MIDWIFERY("Health: midwifery"),
    HEALTH_VISITING("Health: health visiting"),
    HEALTH_HOSPITAL("Health: hospital"),
    EDUCATION("Education (school or nursery)"),
    PROBATION("Probation"),
    HOUSING("Housing"),
    IDVA_SERVICE("IDVA service"),
    SPECIALIST_DA_SERVICE("Specialist domestic abuse service"),
    MARAC_COORDINATION("MARAC coordination"),
    MASH("Multi-Agency Safeguarding Hub (MASH)"),
    PERPETRATOR_PROGRAMME("Perpetrator programme"),
    DA_PARTNERSHIP("Domestic abuse partnership team");

    private final String label;

    AgencyType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

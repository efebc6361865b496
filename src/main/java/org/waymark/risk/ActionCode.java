package org.waymark.risk;

/**
 * What the procedures tell practitioners to do. The codes are exactly those of
 * decision-rules.md (sections A to C); the declaration order is the order actions appear in an
 * {@link Evaluation}.
 */
public enum ActionCode {
    REFER_MARAC("Refer the victim to the MARAC (multi-agency risk assessment conference)."),
    REFER_IDVA("Refer the victim to an IDVA (independent domestic violence adviser)."),
    COPY_MARAC_REFERRAL_TO_MASH("Send a copy of the MARAC referral to the MASH, because there is an unborn child."),
    MAPPA_LEADS("The perpetrator is managed at MAPPA level 2 or 3: the MAPPA meeting leads over the MARAC."),
    CHILD_PROTECTION_PROCESS("Respond through child protection procedures, because the victim is a child."),
    REFER_CHILDRENS_SOCIAL_CARE("Refer to children's social care. A decision not to refer must be recorded with its reasons."),
    REFER_SPOC("With the victim's consent, refer to the single point of contact for safety planning, advice and support."),
    COMPLETE_DASH("Complete a DASH risk checklist: it is mandatory where honour-based violence or forced marriage is indicated."),
    SEND_DASH_TO_MASH("Send a copy of the police DASH to the MASH, because children live in the household."),
    NOTIFY_SCHOOL("Tell the child's school or nursery (its designated safeguarding lead) before the next school day starts."),
    INFORMATION_AND_ADVICE_PERMITTED("Children's social care may treat the police notification as information and advice only."),
    CHILD_AND_FAMILY_ASSESSMENT("Children's social care should assess the child and family, consulting existing records."),
    STRATEGY_DISCUSSION("Hold a strategy discussion to decide whether a Section 47 enquiry is needed."),
    SINGLE_AGENCY_SUPPORT("Give targeted family support from a single agency, with safety planning for the child and parent."),
    CHECK_KNOWN_TO_CHILDRENS_SOCIAL_CARE("Check whether the child or family is, or has been, known to children's social care."),
    LEAD_PROFESSIONAL_FAMILY_SUPPORT("Arrange family support from more than one agency, coordinated by a lead professional."),
    DISCUSS_CUMULATIVE_HARM("Discuss the cumulative harm with your line manager or designated safeguarding lead."),
    REFER_ADULT_SOCIAL_CARE("Refer to adult social care for a Care Act 2014 section 42 enquiry."),
    CONSULT_EXISTING_RECORDS("Check your agency's existing records about the people involved."),
    SAFETY_PLAN("Make or review a safety plan with the victim (and the children)."),
    CONSIDER_DVPN("Consider a domestic violence protection notice (DVPN) and order (DVPO).");

    private final String description;

    ActionCode(String description) {
        this.description = description;
    }

    /** A short plain-English sentence for the result page. */
    public String description() {
        return description;
    }

    /**
     * Whether a practitioner who decides not to take this action must record why. The procedures
     * require a recorded rationale for any decision not to refer or act (WM-2.24); the only
     * exception is a permission, which nobody is obliged to use.
     */
    public boolean requiresRationaleIfDeclined() {
        return this != INFORMATION_AND_ADVICE_PERMITTED;
    }
}

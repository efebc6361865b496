package org.waymark.risk;

/** Why an action is recommended. The codes are exactly those of decision-rules.md. */
public enum ReasonCode {
    VISIBLE_HIGH_RISK("14 or more \"yes\" answers on the DASH checklist (visible high risk)."),
    POTENTIAL_ESCALATION("Police call-outs to this victim in the last 12 months reached the escalation threshold."),
    PROFESSIONAL_JUDGEMENT("A practitioner has serious concerns about the victim's safety."),
    REPEAT_WITHIN_12_MONTHS("Further abuse within 12 months of the victim's last MARAC referral (a repeat case)."),
    UNBORN_CHILD("There is an unborn child: the victim is pregnant, or an unborn child is recorded."),
    VICTIM_UNDER_16("The victim is under 16: MARAC is for adult victims, so child protection applies."),
    HONOUR_BASED_VIOLENCE("Honour-based violence or forced marriage is indicated."),
    CHILD_UNDER_12_MONTHS("A baby under 12 months lives in the household."),
    CHILD_HARMED("A child was harmed in the incident, even if by accident."),
    CHILD_WITNESSED_SERIOUS_HARM("A child saw someone else being seriously injured or abused."),
    PREGNANT_OR_BABY_UNDER_12_MONTHS("The victim is pregnant or there is a baby under 12 months in the household."),
    ESCALATION("The abuse is getting more frequent or more severe."),
    SERIOUS_VIOLENCE("Sexual assault, attempted strangulation, a weapon or threats to kill."),
    CHILD_IN_VIOLENT_RELATIONSHIP("A child in the household is in a violent relationship of their own."),
    DASH_HIGH_RISK("The DASH risk checklist indicated high risk."),
    AGREEMENTS_BROKEN_DOWN("Informal agreements have broken down, making significant harm to the children more likely."),
    IMPACT_NOT_ACCEPTED("The adults cannot accept the serious impact of the abuse on the child."),
    CONTACT_RISK("Contact arrangements exist or are planned and carry a risk of significant harm."),
    DVRIM_SCALE_3("The children's risk matrix (DVRIM) shows scale 3: serious risk of harm."),
    DVRIM_SCALE_4("The children's risk matrix (DVRIM) shows scale 4: severe risk of harm.");

    private final String description;

    ReasonCode(String description) {
        this.description = description;
    }

    /** A short plain-English sentence for the result page. */
    public String description() {
        return description;
    }
}

package org.waymark.risk.rules;

import static org.waymark.risk.ActionCode.CONSIDER_DVPN;
import static org.waymark.risk.ActionCode.CONSULT_EXISTING_RECORDS;
import static org.waymark.risk.ActionCode.REFER_ADULT_SOCIAL_CARE;
import static org.waymark.risk.ActionCode.REFER_MARAC;
import static org.waymark.risk.ActionCode.SAFETY_PLAN;

import java.util.EnumSet;
import java.util.Set;

import org.waymark.risk.CriminalJusticeOutcome;

/** Section C of decision-rules.md: adults, perpetrators and protection. */
public final class AdultAndPerpetratorRules {

    private AdultAndPerpetratorRules() {
    }

    /** WM-2.24: a DVPN fits when there was no arrest, or the arrest led to no charge or to bail without conditions. */
    static final Set<CriminalJusticeOutcome> OUTCOMES_WITHOUT_PROTECTION = EnumSet.of(
            CriminalJusticeOutcome.NO_ARREST,
            CriminalJusticeOutcome.BAILED_WITHOUT_CONDITIONS,
            CriminalJusticeOutcome.UNDER_INVESTIGATION,
            CriminalJusticeOutcome.CAUTION,
            CriminalJusticeOutcome.NO_FURTHER_ACTION);

    public static final Rule A1 = new Rule("A1", "WM-2.24 (Care Act 2014 section 42)",
            "the victim has care and support needs",
            (facts, ctx) -> {
                if (facts.victim().careAndSupportNeeds()) {
                    ctx.recommend(REFER_ADULT_SOCIAL_CARE);
                }
            });

    public static final Rule A2 = new Rule("A2", "WM-2.24 response; SOL safety planning",
            "every DVA notification, disclosure or suspicion",
            (facts, ctx) -> {
                ctx.recommend(CONSULT_EXISTING_RECORDS);
                ctx.recommend(SAFETY_PLAN);
            });

    public static final Rule A3 = new Rule("A3", "WM-2.24 DVPN/DVPO",
            "perpetrator aged 18 or over and no arrest, bail without conditions, under investigation, caution or no"
                    + " further action",
            (facts, ctx) -> {
                Integer age = facts.perpetrator().ageYears();
                // An unknown age does not rule a DVPN out: the police check the age when they consider it.
                boolean adultOrNotKnown = age == null || age >= 18;
                if (adultOrNotKnown && OUTCOMES_WITHOUT_PROTECTION.contains(facts.incident().criminalJusticeOutcome())) {
                    ctx.recommend(CONSIDER_DVPN);
                }
            });

    public static final Rule A4 = new Rule("A4", "WM-2.24 DVPN/DVPO (cases referred by MARAC)",
            "a MARAC referral, unless the perpetrator is charged and remanded",
            (facts, ctx) -> {
                if (ctx.isRecommended(REFER_MARAC)
                        && facts.incident().criminalJusticeOutcome() != CriminalJusticeOutcome.CHARGED_REMANDED) {
                    ctx.recommend(CONSIDER_DVPN);
                }
            });
}

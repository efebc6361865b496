package org.waymark.marac;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A MARAC referral as the referring agency makes it.
 *
 * @param victimPersonId    the victim's person record, held by the referring agency
 * @param victimAge         her age in years, needed only when her record has no date of birth
 * @param criteria          VISIBLE_HIGH_RISK (a completed DASH with 14 or more yes), POTENTIAL_ESCALATION or
 *                          PROFESSIONAL_JUDGEMENT (both with the reason)
 * @param assessmentId      the completed DASH the referral rests on (required for VISIBLE_HIGH_RISK)
 * @param consent           GIVEN, REFUSED or NOT_SOUGHT; without consent a lawful basis and rationale
 * @param safeContact       how and when she can be contacted safely: restricted, sealed at rest
 */
public record NewReferral(UUID areaId, UUID victimPersonId, Integer victimAge, String referringOfficer,
                          String criteria, UUID assessmentId, String reason, Boolean victimAware, String consent,
                          String lawfulBasis, String consentRationale, String safeContact, List<String> whoElseKnows,
                          List<Party> perpetrators, List<Party> household, Boolean pregnant) {

    public NewReferral {
        // A JSON list may carry nulls; they name nobody.
        whoElseKnows = whoElseKnows == null ? List.of() : whoElseKnows.stream().filter(Objects::nonNull).toList();
        perpetrators = perpetrators == null ? List.of() : perpetrators.stream().filter(Objects::nonNull).toList();
        household = household == null ? List.of() : household.stream().filter(Objects::nonNull).toList();
    }

    /**
     * A person causing harm, a child or another household member.
     *
     * @param kind       CHILD (the default) or OTHER_HOUSEHOLD_MEMBER for the household; ignored for perpetrators
     * @param unborn     an unborn child (then no name or date of birth is needed)
     * @param mappaLevel 1 to 3 when the person causing harm is managed under MAPPA
     */
    public record Party(String name, LocalDate dateOfBirth, String kind, Boolean unborn, Integer mappaLevel) {
    }
}

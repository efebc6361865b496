package org.waymark.marac;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A MARAC referral as the caller may see it. {@code access} is FULL (an agency on the victim's side of
 * the case) or AGENDA (a member agency once it is listed, a copy holder, or the perpetrator side): AGENDA
 * carries no reason, no consent detail and no safe contact. {@code safeContact} is null unless the caller
 * may see it; {@code safeContactWithheld} then says one exists. {@code earlierReferrals} is for the
 * coordinator only.
 */
public record ReferralView(UUID id, UUID caseId, String caseReference, UUID areaId, String areaName, String access,
                           String victimName, int victimAge, String referringAgency, String referringOfficer,
                           Instant receivedAt, String criteria, Integer dashYesCount, String reason,
                           Boolean victimAware, String consent, String lawfulBasis, String consentRationale,
                           String safeContact, boolean safeContactWithheld, List<String> whoElseKnows,
                           List<PartyView> perpetrators, List<PartyView> household, boolean unbornChild,
                           boolean mappaLeads, boolean repeat, List<EarlierReferral> earlierReferrals,
                           String idvaName, Instant reviewDueAt, List<Review> reviews, String status,
                           UUID meetingId, LocalDate meetingDate, LocalDate reviewDate, int version) {

    public record PartyView(String kind, String name, LocalDate dateOfBirth, boolean unborn, Integer mappaLevel) {
    }

    public record EarlierReferral(UUID referralId, String caseReference, Instant receivedAt, String areaName,
                                  String status) {
    }

    public record Review(String agencyName, String reviewedBy, Instant reviewedAt, String immediateAction) {
    }
}

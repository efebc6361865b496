package org.waymark.marac.internal;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.waymark.marac.MaracMeetings;
import org.waymark.marac.MaracReferrals;
import org.waymark.marac.ReferralView;
import org.waymark.platform.WorkingCalendar;

/**
 * The referral form and the meeting agenda as PDF, built from what the caller may see. A document travels
 * beyond Waymark, so safe contact details are never printed, whoever asks; an agenda-level reader's form
 * carries no reason or consent detail (they are absent from their view).
 */
@Controller
class MaracDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm");

    private final MaracReferrals referrals;
    private final MaracMeetings meetings;

    MaracDocuments(MaracReferrals referrals, MaracMeetings meetings) {
        this.referrals = referrals;
        this.meetings = meetings;
    }

    @GetMapping({"/marac/referrals/{id}/referral.pdf", "/api/v1/marac/referrals/{id}/referral.pdf"})
    ResponseEntity<byte[]> referralForm(@PathVariable UUID id) {
        ReferralView v = referrals.get(id);
        try (PdfWriter pdf = new PdfWriter("MARAC referral " + v.caseReference())) {
            pdf.paragraph("OFFICIAL-SENSITIVE: for the MARAC's member agencies only").heading("MARAC referral", 24)
                    .paragraph("Case " + v.caseReference() + ", " + v.areaName()).space(8)
                    .row("Victim", v.victimName() + ", aged " + v.victimAge())
                    .row("Referred by", v.referringOfficer() + ", " + v.referringAgency())
                    .row("Received", v.receivedAt().atZone(WorkingCalendar.LONDON).format(WHEN))
                    .row("Criterion", v.criteria().replace('_', ' ').toLowerCase()
                            + (v.dashYesCount() == null ? "" : " (" + v.dashYesCount() + " yes on the DASH)"))
                    .row("Repeat within 12 months", v.repeat() ? "Yes" : "No");
            if (v.reason() != null) {
                pdf.row("Reason", v.reason());
            }
            if (v.consent() != null) {
                pdf.row("Knows of the referral", Boolean.TRUE.equals(v.victimAware()) ? "Yes" : "No")
                        .row("Consent", v.consent().replace('_', ' ').toLowerCase()
                                + ("GIVEN".equals(v.consent()) ? "" : "; lawful basis " + v.lawfulBasis().replace('_', ' ')
                                .toLowerCase() + ": " + v.consentRationale()));
            }
            pdf.row("Safe contact", "Not printed: ask her IDVA or the referrer")
                    .row("People causing harm", String.join("; ", v.perpetrators().stream().map(p -> p.name()
                            + (p.mappaLevel() == null ? "" : " (MAPPA level " + p.mappaLevel() + ")")).toList()))
                    .row("Household", v.household().isEmpty() ? "None recorded" : String.join("; ", v.household().stream()
                            .map(p -> p.name() + ("CHILD".equals(p.kind()) ? " (child)" : "")).toList())
                            + (v.unbornChild() ? "; an unborn child" : ""));
            if (v.mappaLeads()) {
                pdf.row("MAPPA", "MAPPA leads (level 2 or 3): MARAC links to the MAPPA plan");
            }
            if (!v.whoElseKnows().isEmpty()) {
                pdf.row("Who else knows", String.join(", ", v.whoElseKnows()));
            }
            if (v.meetingDate() != null) {
                pdf.row("Listed for", v.meetingDate().format(DAY));
            }
            return pdf(pdf.bytes(), "marac-referral-" + v.caseReference() + ".pdf");
        }
    }

    @GetMapping({"/marac/meetings/{id}/agenda.pdf", "/api/v1/marac/meetings/{id}/agenda.pdf"})
    ResponseEntity<byte[]> agenda(@PathVariable UUID id) {
        MaracMeetings.Agenda agenda = meetings.agenda(id);
        try (PdfWriter pdf = new PdfWriter("MARAC agenda " + agenda.meeting().date())) {
            pdf.paragraph("OFFICIAL-SENSITIVE: for the MARAC's member agencies only").heading("MARAC agenda", 24)
                    .paragraph(agenda.meeting().areaName() + ", "
                            + agenda.meeting().startsAt().atZone(WorkingCalendar.LONDON).format(WHEN)).space(8);
            if (agenda.items().isEmpty()) {
                pdf.paragraph("No cases are listed.");
            }
            int n = 1;
            for (MaracMeetings.AgendaItem i : agenda.items()) {
                pdf.heading(n++ + ". Case " + i.caseReference(), 14)
                        .row("Victim", i.victimName() + ", aged " + i.victimAge())
                        .row("Person causing harm", String.join(", ", i.peopleCausingHarm()))
                        .row("Children in the household", Integer.toString(i.children()))
                        .row("Referred by", i.referringAgency() + "; " + i.criteria().replace('_', ' ').toLowerCase()
                                + (i.repeat() ? "; repeat" : "") + (i.mappaLeads() ? "; MAPPA leads" : ""));
            }
            return pdf(pdf.bytes(), "marac-agenda-" + agenda.meeting().date() + ".pdf");
        }
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
    }
}

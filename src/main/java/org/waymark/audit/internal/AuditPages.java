package org.waymark.audit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.FieldError;

@Controller
class AuditPages {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");

    record AuditRow(long id, String when, String who, String action, String object, String outcome, String from,
                    String details) {
        static AuditRow of(AuditEvent e) {
            return new AuditRow(e.id(), WHEN.format(e.occurredAt().atZone(LONDON)),
                    e.actorUsername() == null ? "(unknown)" : e.actorUsername(), e.action(),
                    (e.objectType() == null ? "" : e.objectType()) + (e.objectId() == null ? "" : " " + e.objectId()),
                    e.outcome().name(), e.clientAddress() == null ? "" : e.clientAddress(),
                    e.details().isEmpty() ? "" : new TreeMap<>(e.details()).toString());
        }
    }

    private final AuditTrail audit;
    private final JdbcAuditChain chain;

    AuditPages(AuditTrail audit, JdbcAuditChain chain) {
        this.audit = audit;
        this.chain = chain;
    }

    @GetMapping("/admin/audit/verification")
    String verification(Model model) {
        model.addAttribute("report", chain.verifyForAdministrator());
        return "admin/audit-verification";
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                  @RequestParam(defaultValue = "") String objectId, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(defaultValue = "") String date, Model model) {
        List<FieldError> errors = new ArrayList<>();
        AuditOutcome parsedOutcome = null;
        if (!outcome.isBlank()) {
            try {
                parsedOutcome = AuditOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "Select an outcome from the list"));
            }
        }
        LocalDate day = null;
        if (!date.isBlank()) {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("date", "Enter the date as year-month-day, for example 2026-11-25"));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("objectId", objectId);
        model.addAttribute("outcome", outcome);
        model.addAttribute("date", date);
        if (errors.isEmpty()) {
            model.addAttribute("events", audit.search(new AuditQuery(blank(actor), blank(action), null,
                    blank(objectId), parsedOutcome,
                    day == null ? null : day.atStartOfDay(LONDON).toInstant(),
                    day == null ? null : day.plusDays(1).atStartOfDay(LONDON).toInstant(), 200))
                    .stream().map(AuditRow::of).toList());
        } else {
            model.addAttribute("events", List.of());
        }
        return "admin/audit";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package org.waymark.marac;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.cases.Cases;
import org.waymark.cases.SharingRequest;
import org.waymark.marac.internal.MaracRules;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.platform.WorkingCalendar;
import org.waymark.tasks.NewTask;
import org.waymark.tasks.Tasks;

/**
 * MARAC areas and meetings: each accepted referral listed at the next meeting with room (D2), the agenda
 * (what a member agency may see: no addresses, no narrative, no safe contact), each agency's research, and
 * at the meeting attendance, discussion, the action plan and the outcome; each agency's open actions.
 */
@Service
public class MaracMeetings {

    static final String AREA = "MARAC_AREA";
    static final String MEETING = MaracAccess.MEETING;
    static final String REFERRAL = MaracAccess.REFERRAL;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MaracAccess access;
    private final WorkingCalendar calendar;
    private final Agencies agencies;
    private final Cases cases;
    private final Tasks tasks;
    private final Clock clock;

    MaracMeetings(JdbcClient jdbc, AuditTrail audit, MaracAccess access, WorkingCalendar calendar, Agencies agencies,
                  Cases cases, Tasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.calendar = calendar;
        this.agencies = agencies;
        this.cases = cases;
        this.tasks = tasks;
        this.clock = clock;
    }

    // ---- areas -------------------------------------------------------------------------------------

    /**
     * A MARAC area's set-up. Defaults follow WM-2.25 and WOLV: weekly on Tuesday at 10:00, agenda five working
     * days before. Only a MARAC coordinator of the coordination agency (or an administrator) sets it up.
     */
    public record AreaSettings(String name, UUID coordinationAgencyId, UUID policeAgencyId, UUID idvaAgencyId,
                               UUID mashAgencyId, Integer meetingWeekday, LocalTime meetingTime, Integer intervalWeeks,
                               LocalDate anchorDate, Integer caseLimit, Integer noticeWorkingDays,
                               Integer agendaWorkingDays, Integer adultFemalePopulation, Integer expectedCasesPerYear,
                               List<UUID> memberAgencyIds) {
    }

    @Transactional
    public UUID createArea(AreaSettings s) {
        Actor actor = access.practitionerOrAdmin("CREATE_MARAC_AREA", AREA, null);
        List<FieldError> errors = new ArrayList<>();
        String name = MaracReferrals.text(s.name());
        if (name == null || name.length() > 200) {
            errors.add(new FieldError("name", "Enter the area's name"));
        }
        requireAgency(errors, "coordinationAgencyId", s.coordinationAgencyId(), AgencyType.MARAC_COORDINATION);
        requireAgency(errors, "policeAgencyId", s.policeAgencyId(), AgencyType.POLICE);
        requireAgency(errors, "idvaAgencyId", s.idvaAgencyId(), AgencyType.IDVA_SERVICE);
        if (s.mashAgencyId() != null) {
            requireAgency(errors, "mashAgencyId", s.mashAgencyId(), AgencyType.MASH);
        }
        range(errors, "meetingWeekday", s.meetingWeekday(), 1, 5, "Meetings are on a weekday (1 Monday to 5 Friday)");
        range(errors, "intervalWeeks", s.intervalWeeks(), 1, 8, "Meet every 1 to 8 weeks");
        range(errors, "caseLimit", s.caseLimit(), 1, 200, "The case limit is 1 to 200");
        range(errors, "noticeWorkingDays", s.noticeWorkingDays(), 0, 30, "Notice is 0 to 30 working days");
        range(errors, "agendaWorkingDays", s.agendaWorkingDays(), 0, 30, "The agenda goes 0 to 30 working days before");
        range(errors, "adultFemalePopulation", s.adultFemalePopulation(), 1, 100_000_000, "Enter the population");
        if (s.anchorDate() != null && (s.anchorDate().getYear() < 2000 || s.anchorDate().getYear() > 2100)) {
            errors.add(new FieldError("anchorDate", "Enter the date of one meeting on the pattern"));
        }
        range(errors, "expectedCasesPerYear", s.expectedCasesPerYear(), 1, 100_000, "Enter the expected cases a year");
        List<UUID> members = s.memberAgencyIds() == null ? List.of() : s.memberAgencyIds();
        for (UUID member : members) {
            if (member == null || agencies.find(member).filter(Agency::active).isEmpty()) {
                errors.add(new FieldError("memberAgencyIds", "Select member agencies from the list"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean admin = actor.hasRole("ADMIN");
        if (!admin && !(actor.hasRole("MARAC_COORDINATOR") && actor.agencyId().equals(s.coordinationAgencyId()))) {
            audit.recordIndependently(AuditEntry.refused("CREATE_MARAC_AREA", AREA, null, "not the area's coordinator"));
            throw new AccessDeniedException("The MARAC coordinator sets up their area");
        }
        boolean taken = jdbc.sql("select count(*) > 0 from marac_area where lower(name) = lower(?)").param(name)
                .query(Boolean.class).single();
        if (taken) {
            throw InvalidRequestException.of("name", "An area with this name already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into marac_area (id, name, coordination_agency_id, police_agency_id, idva_agency_id, mash_agency_id,
                    meeting_weekday, meeting_time, interval_weeks, anchor_date, case_limit, notice_working_days,
                    agenda_working_days, adult_female_population, expected_cases_per_year)
                values (?, ?, ?, ?, ?, ?, coalesce(?, 2), coalesce(?, time '10:00'), coalesce(?, 1),
                        coalesce(?, date '2026-01-06'), coalesce(?, 20), coalesce(?, 5), coalesce(?, 5), ?, ?)""")
                .params(id, name, s.coordinationAgencyId(), s.policeAgencyId(), s.idvaAgencyId(), s.mashAgencyId(),
                        s.meetingWeekday(), s.meetingTime() == null ? null : java.sql.Time.valueOf(s.meetingTime()),
                        s.intervalWeeks(), s.anchorDate() == null ? null : java.sql.Date.valueOf(s.anchorDate()),
                        s.caseLimit(), s.noticeWorkingDays(), s.agendaWorkingDays(), s.adultFemalePopulation(),
                        s.expectedCasesPerYear()).update();
        Set<UUID> all = new HashSet<>(members);
        all.addAll(List.of(s.coordinationAgencyId(), s.policeAgencyId(), s.idvaAgencyId()));
        for (UUID member : all) {
            jdbc.sql("insert into marac_area_member (area_id, agency_id) values (?, ?)").params(id, member).update();
        }
        audit.record(AuditEntry.allowed("CREATE_MARAC_AREA", AREA, id));
        return id;
    }

    /** When an area meets and how many cases a meeting takes: what a coordinator changes as the MARAC changes. */
    public record MeetingSchedule(String areaName, Integer meetingWeekday, LocalTime meetingTime, Integer intervalWeeks,
                                  LocalDate anchorDate, Integer caseLimit, Integer noticeWorkingDays,
                                  Integer agendaWorkingDays) {
    }

    /** The area's schedule and its version, for its coordinator or an administrator. */
    @Transactional
    public org.waymark.people.People.Versioned<MeetingSchedule> schedule(UUID areaId) {
        Actor actor = access.practitionerOrAdmin("READ_MARAC_SCHEDULE", AREA, areaId);
        requireCoordinatorOf(actor, areaId, "READ_MARAC_SCHEDULE");
        return jdbc.sql("select * from marac_area where id = ?").param(areaId).query((rs, n) ->
                new org.waymark.people.People.Versioned<>(new MeetingSchedule(rs.getString("name"), rs.getInt("meeting_weekday"),
                        rs.getTime("meeting_time").toLocalTime(), rs.getInt("interval_weeks"),
                        rs.getDate("anchor_date").toLocalDate(), rs.getInt("case_limit"), rs.getInt("notice_working_days"),
                        rs.getInt("agenda_working_days")), rs.getInt("version"))).single();
    }

    /**
     * Changes when the area meets, if it is still at the version the caller read. Meetings already arranged keep
     * their date and cases; referrals listed from now on follow the new pattern.
     */
    @Transactional
    public int changeSchedule(UUID areaId, MeetingSchedule s, int expectedVersion) {
        Actor actor = access.practitionerOrAdmin("CHANGE_MARAC_SCHEDULE", AREA, areaId);
        requireCoordinatorOf(actor, areaId, "CHANGE_MARAC_SCHEDULE");
        List<FieldError> errors = new ArrayList<>();
        required(errors, "meetingWeekday", s.meetingWeekday(), 1, 5, "Meetings are on a weekday (1 Monday to 5 Friday)");
        if (s.meetingTime() == null || s.meetingTime().getHour() < 7 || s.meetingTime().getHour() > 19) {
            errors.add(new FieldError("meetingTime", "Enter a meeting time between 07:00 and 19:59"));
        }
        required(errors, "intervalWeeks", s.intervalWeeks(), 1, 8, "Meet every 1 to 8 weeks");
        if (s.anchorDate() == null || s.anchorDate().getYear() < 2000 || s.anchorDate().getYear() > 2100) {
            errors.add(new FieldError("anchorDate", "Enter the date of one meeting on the pattern"));
        } else if (s.meetingWeekday() != null && s.anchorDate().getDayOfWeek().getValue() != s.meetingWeekday()) {
            errors.add(new FieldError("anchorDate", "The date of one meeting must fall on the meeting weekday"));
        }
        required(errors, "caseLimit", s.caseLimit(), 1, 200, "The case limit is 1 to 200");
        required(errors, "noticeWorkingDays", s.noticeWorkingDays(), 0, 30, "Notice is 0 to 30 working days");
        required(errors, "agendaWorkingDays", s.agendaWorkingDays(), 0, 30, "The agenda goes 0 to 30 working days before");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        int updated = jdbc.sql("""
                update marac_area set meeting_weekday = ?, meeting_time = ?, interval_weeks = ?, anchor_date = ?,
                       case_limit = ?, notice_working_days = ?, agenda_working_days = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(s.meetingWeekday(), java.sql.Time.valueOf(s.meetingTime()), s.intervalWeeks(),
                        java.sql.Date.valueOf(s.anchorDate()), s.caseLimit(), s.noticeWorkingDays(), s.agendaWorkingDays(),
                        areaId, expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("This area was changed by someone else since you read it. Nothing was saved.");
        }
        audit.record(AuditEntry.allowed("CHANGE_MARAC_SCHEDULE", AREA, areaId));
        return expectedVersion + 1;
    }

    /** The areas the caller coordinates (all of them for an administrator), by name. */
    @Transactional(readOnly = true)
    public List<MaracReferrals.Area> coordinatedAreas() {
        Actor actor = access.practitionerOrAdmin("LIST_MARAC_AREAS", AREA, null);
        if (!actor.hasRole("ADMIN") && !actor.hasRole("MARAC_COORDINATOR")) {
            return List.of();
        }
        return jdbc.sql("select id, name from marac_area where :admin or coordination_agency_id = :agency order by name")
                .param("admin", actor.hasRole("ADMIN")).param("agency", actor.agencyId())
                .query((rs, n) -> new MaracReferrals.Area(rs.getObject(1, UUID.class), rs.getString(2), true)).list();
    }

    /** The area's coordinator (a MARAC coordinator at its coordination agency) or an administrator; else 404. */
    private void requireCoordinatorOf(Actor actor, UUID areaId, String action) {
        UUID coordination = areaId == null ? null : jdbc.sql("select coordination_agency_id from marac_area where id = ?")
                .param(areaId).query(UUID.class).optional().orElse(null);
        if (coordination == null || !(actor.hasRole("ADMIN")
                || (actor.hasRole("MARAC_COORDINATOR") && actor.agencyId().equals(coordination)))) {
            audit.recordIndependently(AuditEntry.refused(action, AREA, areaId, "not the area's coordinator"));
            throw new NotFoundException("Area");
        }
    }

    private static void required(List<FieldError> errors, String field, Integer value, int min, int max, String message) {
        if (value == null || value < min || value > max) {
            errors.add(new FieldError(field, message));
        }
    }

    /** A meeting date the area will not meet on (a cancelled meeting); cases go to the next one with room. */
    @Transactional
    public void cancelDate(UUID areaId, LocalDate date) {
        Actor actor = access.practitionerOrAdmin("CANCEL_MARAC_DATE", AREA, areaId);
        UUID coordination = jdbc.sql("select coordination_agency_id from marac_area where id = ?").param(areaId)
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("Area"));
        if (!actor.hasRole("ADMIN") && !(actor.hasRole("MARAC_COORDINATOR") && actor.agencyId().equals(coordination))) {
            audit.recordIndependently(AuditEntry.refused("CANCEL_MARAC_DATE", AREA, areaId, "not the area's coordinator"));
            throw new AccessDeniedException("The MARAC coordinator cancels meetings");
        }
        LocalDate today = LocalDate.now(clock);
        if (date == null || date.isBefore(today) || date.isAfter(today.plusYears(2))) {
            throw InvalidRequestException.of("date", "Enter the date of a meeting in the next two years");
        }
        boolean hasCases = jdbc.sql("""
                select count(*) > 0 from marac_referral r join marac_meeting m on m.id = r.meeting_id
                 where m.area_id = ? and m.meeting_date = ?""").params(areaId, java.sql.Date.valueOf(date))
                .query(Boolean.class).single();
        if (hasCases) {
            throw InvalidRequestException.of("date", "Cases are listed at that meeting: move them before cancelling it");
        }
        jdbc.sql("insert into marac_cancelled_date (area_id, meeting_date) values (?, ?) on conflict do nothing")
                .params(areaId, java.sql.Date.valueOf(date)).update();
        audit.record(AuditEntry.allowed("CANCEL_MARAC_DATE", AREA, areaId).with("date", date.toString()));
    }

    private void requireAgency(List<FieldError> errors, String field, UUID id, AgencyType type) {
        if (id == null || agencies.find(id).filter(a -> a.active() && a.type() == type).isEmpty()) {
            errors.add(new FieldError(field, "Select the area's " + type.label().toLowerCase()));
        }
    }

    private static void range(List<FieldError> errors, String field, Integer value, int min, int max, String message) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(field, message));
        }
    }

    // ---- listing (D2) ------------------------------------------------------------------------------

    /** Lists an accepted referral at the area's next meeting that has room and is at least the notice away. */
    void list(UUID referralId) {
        Map<String, Object> area = jdbc.sql("""
                select a.* from marac_referral r join marac_area a on a.id = r.area_id where r.id = ? for update of a""")
                .param(referralId).query().singleRow();
        UUID areaId = (UUID) area.get("id");
        int limit = (Integer) area.get("case_limit");
        var pattern = new MaracRules.MeetingPattern(DayOfWeek.of((Integer) area.get("meeting_weekday")),
                (Integer) area.get("interval_weeks"), ((java.sql.Date) area.get("anchor_date")).toLocalDate(),
                (Integer) area.get("notice_working_days"));
        Set<LocalDate> cancelled = new HashSet<>(jdbc.sql("select meeting_date from marac_cancelled_date where area_id = ?")
                .param(areaId).query((rs, n) -> rs.getDate(1).toLocalDate()).list());
        LocalDate date = MaracRules.nextMeeting(pattern, LocalDate.now(clock), calendar, cancelled, day -> jdbc.sql("""
                        select (select count(*) from marac_referral r join marac_meeting m on m.id = r.meeting_id
                                 where m.area_id = :area and m.meeting_date = :day) >= :limit
                            or exists (select 1 from marac_meeting m where m.area_id = :area and m.meeting_date = :day
                                        and (m.status <> 'SCHEDULED' or m.agenda_circulated_at is not null))""")
                .param("area", areaId).param("day", java.sql.Date.valueOf(day)).param("limit", limit)
                .query(Boolean.class).single())
                .orElseThrow(() -> new ConflictException("No MARAC meeting with room in the next year: ask an administrator"
                        + " to check the area's meeting pattern"));
        LocalTime time = ((java.sql.Time) area.get("meeting_time")).toLocalTime();
        jdbc.sql("""
                insert into marac_meeting (id, area_id, meeting_date, starts_at) values (?, ?, ?, ?)
                on conflict (area_id, meeting_date) do nothing""").params(UUID.randomUUID(), areaId,
                java.sql.Date.valueOf(date), Timestamp.from(date.atTime(time).atZone(WorkingCalendar.LONDON).toInstant()))
                .update();
        UUID meetingId = jdbc.sql("select id from marac_meeting where area_id = ? and meeting_date = ?")
                .params(areaId, java.sql.Date.valueOf(date)).query(UUID.class).single();
        jdbc.sql("update marac_referral set meeting_id = ?, status = 'LISTED', version = version + 1 where id = ?")
                .params(meetingId, referralId).update();
        audit.record(AuditEntry.allowed("LIST_AT_MARAC", REFERRAL, referralId).with("meeting", meetingId.toString())
                .with("date", date.toString()));
    }

    // ---- meetings and the agenda -------------------------------------------------------------------

    public record MeetingSummary(UUID id, String areaName, LocalDate date, java.time.Instant startsAt, String status,
                                 int cases, LocalDate agendaDue, boolean agendaCirculated) {
    }

    /** One case on the agenda: what a member agency may see (no address, no narrative, no safe contact). */
    public record AgendaItem(UUID referralId, String caseReference, String victimName, int victimAge,
                             List<String> peopleCausingHarm, int children, String referringAgency, String criteria,
                             Integer dashYesCount, boolean repeat, boolean mappaLeads, boolean researchRecordedByMyAgency) {
    }

    public record Agenda(MeetingSummary meeting, List<AgendaItem> items) {
    }

    /** Upcoming meetings of the areas the caller's agency is a member of. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> upcoming() {
        Actor actor = access.practitioner("LIST_MARAC_MEETINGS", MEETING, null);
        return jdbc.sql(MEETING_SELECT + """
                 where mt.meeting_date >= ? and (a.coordination_agency_id = ?
                       or exists (select 1 from marac_area_member x where x.area_id = a.id and x.agency_id = ?))
                 order by mt.meeting_date limit 50""")
                .params(java.sql.Date.valueOf(LocalDate.now(clock)), actor.agencyId(), actor.agencyId())
                .query((rs, n) -> meeting(rs)).list();
    }

    private static final String MEETING_SELECT = """
            select mt.*, a.name as area_name, a.agenda_working_days,
                   (select count(*) from marac_referral r where r.meeting_id = mt.id) as cases
              from marac_meeting mt join marac_area a on a.id = mt.area_id
            """;

    private MeetingSummary meeting(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate date = rs.getDate("meeting_date").toLocalDate();
        return new MeetingSummary(rs.getObject("id", UUID.class), rs.getString("area_name"), date,
                rs.getTimestamp("starts_at").toInstant(), rs.getString("status"), rs.getInt("cases"),
                calendar.workingDaysBefore(date, rs.getInt("agenda_working_days")),
                rs.getTimestamp("agenda_circulated_at") != null);
    }

    @Transactional
    public Agenda agenda(UUID meetingId) {
        Actor actor = access.practitioner("READ_MARAC_AGENDA", MEETING, meetingId);
        access.member(actor, meetingId, "READ_MARAC_AGENDA");
        MeetingSummary meeting = jdbc.sql(MEETING_SELECT + " where mt.id = ?").param(meetingId)
                .query((rs, n) -> meeting(rs)).single();
        List<AgendaItem> items = jdbc.sql("""
                        select r.id, c.reference, p.given_name, p.family_name, r.victim_age, g.name as agency, r.criteria,
                               r.dash_yes_count, r.repeat_referral, r.mappa_leads,
                               (select count(*) from marac_referral_party x where x.referral_id = r.id and x.kind = 'CHILD') as children,
                               (select string_agg(x.name, '|' order by x.position) from marac_referral_party x
                                 where x.referral_id = r.id and x.kind = 'PERSON_CAUSING_HARM') as harm,
                               exists (select 1 from marac_research s where s.referral_id = r.id and s.agency_id = ?) as researched
                          from marac_referral r join dva_case c on c.id = r.case_id join person p on p.id = r.victim_person_id
                          join agency g on g.id = r.referring_agency_id
                         where r.meeting_id = ? order by r.received_at""").params(actor.agencyId(), meetingId)
                .query((rs, n) -> new AgendaItem(rs.getObject("id", UUID.class), rs.getString("reference"),
                        String.join(" ", java.util.stream.Stream.of(rs.getString("given_name"), rs.getString("family_name"))
                                .filter(s -> s != null).toList()), rs.getInt("victim_age"),
                        rs.getString("harm") == null ? List.of() : List.of(rs.getString("harm").split("\\|")),
                        rs.getInt("children"), rs.getString("agency"), rs.getString("criteria"),
                        (Integer) rs.getObject("dash_yes_count"), rs.getBoolean("repeat_referral"),
                        rs.getBoolean("mappa_leads"), rs.getBoolean("researched"))).list();
        audit.record(AuditEntry.allowed("READ_MARAC_AGENDA", MEETING, meetingId).with("cases", Integer.toString(items.size())));
        return new Agenda(meeting, items);
    }

    /**
     * Circulates the agenda to the member agencies: each case's share is recorded (who received what, on what
     * basis), and each member agency gets a research task due the working day before the meeting.
     */
    @Transactional
    public void circulateAgenda(UUID meetingId) {
        Actor actor = access.practitioner("CIRCULATE_MARAC_AGENDA", MEETING, meetingId);
        access.coordinatorOfMeeting(actor, meetingId, "CIRCULATE_MARAC_AGENDA");
        Map<String, Object> meeting = jdbc.sql("select * from marac_meeting where id = ? for update").param(meetingId)
                .query().singleRow();
        if (meeting.get("agenda_circulated_at") != null) {
            throw new ConflictException("The agenda has already been circulated.");
        }
        LocalDate date = ((java.sql.Date) meeting.get("meeting_date")).toLocalDate();
        UUID areaId = (UUID) meeting.get("area_id");
        List<UUID> members = jdbc.sql("select agency_id from marac_area_member where area_id = ? and agency_id <> ?")
                .params(areaId, actor.agencyId()).query(UUID.class).list();
        List<Map<String, Object>> referrals = jdbc.sql("select id, case_id, consent, lawful_basis from marac_referral where meeting_id = ?")
                .param(meetingId).query().listOfRows();
        java.time.Instant researchDue = calendar.workingDaysBefore(date, 1).atTime(calendar.endOfWorkingDay())
                .atZone(WorkingCalendar.LONDON).toInstant();
        for (Map<String, Object> r : referrals) {
            for (UUID member : members) {
                cases.recordShare((UUID) r.get("case_id"), member, null, "MARAC agenda entry for " + date,
                        (String) r.get("consent"), (String) r.get("lawful_basis"),
                        "Member agency of the MARAC: research before the meeting");
                tasks.create(new NewTask("MARAC_RESEARCH", "Research for the MARAC on " + date, REFERRAL, (UUID) r.get("id"),
                        "/marac/meetings/" + meetingId, null, member, null, actor.agencyId(), researchDue, false));
            }
        }
        jdbc.sql("update marac_meeting set agenda_circulated_at = now(), version = version + 1 where id = ?")
                .param(meetingId).update();
        audit.record(AuditEntry.allowed("CIRCULATE_MARAC_AGENDA", MEETING, meetingId)
                .with("cases", Integer.toString(referrals.size())).with("agencies", Integer.toString(members.size())));
    }

    // ---- research ----------------------------------------------------------------------------------

    /** A member agency's research on a listed case: what it knows and its involvement. One per agency, updatable. */
    @Transactional
    public void recordResearch(UUID referralId, String known, String involvement) {
        Actor actor = access.practitioner("MARAC_RESEARCH", REFERRAL, referralId);
        access.referral(actor, referralId, "MARAC_RESEARCH");
        requireMemberOfReferralArea(actor, referralId, "MARAC_RESEARCH");
        List<FieldError> errors = new ArrayList<>();
        String k = MaracReferrals.text(known);
        String i = MaracReferrals.text(involvement);
        if (k == null || k.length() > 8000) {
            errors.add(new FieldError("known", "Say what your agency knows (or that it holds nothing), in 8,000 characters or fewer"));
        }
        if (i == null || i.length() > 4000) {
            errors.add(new FieldError("involvement", "Say what your agency's involvement is, in 4,000 characters or fewer"));
        }
        String status = jdbc.sql("select status from marac_referral where id = ?").param(referralId).query(String.class).single();
        if (!"LISTED".equals(status)) {
            errors.add(new FieldError("known", "Research is recorded for a case listed at a meeting"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        jdbc.sql("""
                insert into marac_research (id, referral_id, agency_id, recorded_by, known, involvement) values (?, ?, ?, ?, ?, ?)
                on conflict (referral_id, agency_id) do update set known = excluded.known, involvement = excluded.involvement,
                    recorded_by = excluded.recorded_by, recorded_at = now(), version = marac_research.version + 1""")
                .params(UUID.randomUUID(), referralId, actor.agencyId(), actor.userId(), k, i).update();
        tasks.complete("MARAC_RESEARCH", REFERRAL, referralId, "Research recorded by " + actor.agencyName());
        audit.record(AuditEntry.allowed("MARAC_RESEARCH", REFERRAL, referralId));
    }

    public record Research(String agencyName, String recordedBy, java.time.Instant recordedAt, String known,
                           String involvement) {
    }

    /** The research on a case: for the member agencies, at the meeting. */
    @Transactional
    public List<Research> research(UUID referralId) {
        Actor actor = access.practitioner("READ_MARAC_RESEARCH", REFERRAL, referralId);
        MaracAccess.ReferralAccess level = access.referral(actor, referralId, "READ_MARAC_RESEARCH");
        requireMemberOfReferralArea(actor, referralId, "READ_MARAC_RESEARCH");
        List<Research> research = jdbc.sql("""
                        select g.name, u.display_name, s.recorded_at, s.known, s.involvement from marac_research s
                          join agency g on g.id = s.agency_id join app_user u on u.id = s.recorded_by
                         where s.referral_id = ? and (not ? or s.agency_id = ?) order by g.name""")
                // Other agencies' research is free text that can say where she is now: the perpetrator side sees its own.
                .params(referralId, level.perpetratorSide() || worksWithPersonCausingHarm(actor), actor.agencyId())
                .query((rs, n) -> new Research(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5))).list();
        audit.record(AuditEntry.allowed("READ_MARAC_RESEARCH", REFERRAL, referralId).with("access", level.level()));
        return research;
    }

    /** A perpetrator programme or probation: its work is with the person causing harm, whatever the case. */
    private boolean worksWithPersonCausingHarm(Actor actor) {
        return agencies.find(actor.agencyId()).map(a -> a.type() == org.waymark.organisations.AgencyType.PROBATION
                || a.type() == org.waymark.organisations.AgencyType.PERPETRATOR_PROGRAMME).orElse(false);
    }

    /** Whether the caller's agency is a member of the referral's MARAC (and so records research on it). */
    @Transactional(readOnly = true)
    public boolean memberFor(UUID referralId) {
        Actor actor = access.practitioner("MARAC_RESEARCH", REFERRAL, referralId);
        return isMember(actor, referralId);
    }

    private boolean isMember(Actor actor, UUID referralId) {
        return jdbc.sql("""
                select exists (select 1 from marac_referral r join marac_area a on a.id = r.area_id
                                 left join marac_area_member m on m.area_id = a.id and m.agency_id = ?
                                where r.id = ? and (m.agency_id is not null or a.coordination_agency_id = ?))""")
                .params(actor.agencyId(), referralId, actor.agencyId()).query(Boolean.class).single();
    }

    private void requireMemberOfReferralArea(Actor actor, UUID referralId, String action) {
        if (!isMember(actor, referralId)) {
            audit.recordIndependently(AuditEntry.refused(action, REFERRAL, referralId, "not a member agency of the MARAC"));
            throw new NotFoundException("Referral");
        }
    }

    // ---- the meeting -------------------------------------------------------------------------------

    @Transactional
    public void recordAttendance(UUID meetingId, UUID agencyId, String attendee) {
        Actor actor = access.practitioner("MARAC_ATTENDANCE", MEETING, meetingId);
        access.coordinatorOfMeeting(actor, meetingId, "MARAC_ATTENDANCE");
        String name = MaracReferrals.text(attendee);
        List<FieldError> errors = new ArrayList<>();
        if (agencyId == null || agencies.find(agencyId).isEmpty()) {
            errors.add(new FieldError("agencyId", "Select the agency"));
        }
        if (name == null || name.length() > 200) {
            errors.add(new FieldError("attendee", "Enter who attended for the agency"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        jdbc.sql("""
                insert into marac_attendance (meeting_id, agency_id, attendee) values (?, ?, ?)
                on conflict (meeting_id, agency_id) do update set attendee = excluded.attendee""")
                .params(meetingId, agencyId, name).update();
        jdbc.sql("update marac_meeting set status = 'HELD', version = version + 1 where id = ? and status = 'SCHEDULED'")
                .param(meetingId).update();
        audit.record(AuditEntry.allowed("MARAC_ATTENDANCE", MEETING, meetingId).with("agency", agencyId.toString()));
    }

    /**
     * The discussion of a case at its meeting, the risks identified and the outcome: CLOSED, or KEPT_OPEN with a
     * review date.
     */
    @Transactional
    public void recordDiscussion(UUID referralId, String notes, String risks, String outcome, LocalDate reviewDate) {
        Actor actor = access.practitioner("MARAC_DISCUSSION", REFERRAL, referralId);
        access.fullReferral(actor, referralId, "MARAC_DISCUSSION");
        UUID meetingId = meetingOf(referralId);
        access.coordinatorOfMeeting(actor, meetingId, "MARAC_DISCUSSION");
        List<FieldError> errors = new ArrayList<>();
        String n = MaracReferrals.text(notes);
        if (n == null || n.length() > 20000) {
            errors.add(new FieldError("notes", "Enter the discussion notes"));
        }
        String r = MaracReferrals.text(risks);
        if (r != null && r.length() > 8000) {
            errors.add(new FieldError("risks", "Risks must be 8,000 characters or fewer"));
        }
        if (!"CLOSED".equals(outcome) && !"KEPT_OPEN".equals(outcome)) {
            errors.add(new FieldError("outcome", "Select whether the case is closed or kept open"));
        } else if ("KEPT_OPEN".equals(outcome) && (reviewDate == null || !reviewDate.isAfter(LocalDate.now(clock))
                || reviewDate.isAfter(LocalDate.now(clock).plusYears(2)))) {
            errors.add(new FieldError("reviewDate", "A case kept open needs a review date in the next two years"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        jdbc.sql("""
                insert into marac_discussion (referral_id, meeting_id, notes, risks, recorded_by) values (?, ?, ?, ?, ?)
                on conflict (referral_id, meeting_id) do update set notes = excluded.notes, risks = excluded.risks,
                    recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(referralId, meetingId, n, r, actor.userId()).update();
        jdbc.sql("update marac_referral set status = ?, review_date = ?, version = version + 1 where id = ?")
                .params(outcome, reviewDate == null || "CLOSED".equals(outcome) ? null : java.sql.Date.valueOf(reviewDate),
                        referralId).update();
        audit.record(AuditEntry.allowed("MARAC_DISCUSSION", REFERRAL, referralId).with("outcome", outcome));
    }

    private UUID meetingOf(UUID referralId) {
        UUID meetingId = jdbc.sql("select meeting_id from marac_referral where id = ?").param(referralId)
                .query(UUID.class).optional().orElse(null);
        if (meetingId == null) {
            throw InvalidRequestException.of("referralId", "The case is not listed at a meeting yet");
        }
        return meetingId;
    }

    // ---- actions -----------------------------------------------------------------------------------

    public record Action(UUID id, UUID referralId, String caseReference, LocalDate meetingDate, String owningAgency,
                         String ownerName, String description, LocalDate dueDate, String status, boolean overdue,
                         int version) {
    }

    /**
     * An action from the meeting: the owning agency is involved in the case (ACTION_OWNER) and gets a task due on
     * the action's date; an overdue action escalates to the MARAC coordination agency.
     */
    @Transactional
    public UUID addAction(UUID referralId, UUID owningAgencyId, String ownerName, String description, LocalDate dueDate) {
        Actor actor = access.practitioner("MARAC_ADD_ACTION", REFERRAL, referralId);
        access.fullReferral(actor, referralId, "MARAC_ADD_ACTION");
        UUID meetingId = meetingOf(referralId);
        access.coordinatorOfMeeting(actor, meetingId, "MARAC_ADD_ACTION");
        List<FieldError> errors = new ArrayList<>();
        Agency owner = owningAgencyId == null ? null : agencies.find(owningAgencyId).filter(Agency::active).orElse(null);
        if (owner == null) {
            errors.add(new FieldError("owningAgencyId", "Select the agency that owns the action"));
        }
        String name = MaracReferrals.text(ownerName);
        if (name == null || name.length() > 200) {
            errors.add(new FieldError("ownerName", "Name the person who owns the action"));
        }
        String what = MaracReferrals.text(description);
        if (what == null || what.length() > 4000) {
            errors.add(new FieldError("description", "Describe the action, in 4,000 characters or fewer"));
        }
        if (dueDate == null || dueDate.isBefore(LocalDate.now(clock)) || dueDate.isAfter(LocalDate.now(clock).plusYears(2))) {
            errors.add(new FieldError("dueDate", "Enter a due date from today to two years ahead"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Map<String, Object> r = jdbc.sql("select case_id, consent, lawful_basis from marac_referral where id = ?")
                .param(referralId).query().singleRow();
        UUID caseId = (UUID) r.get("case_id");
        if (!owner.id().equals(actor.agencyId())) {
            String worksWith = switch (owner.type()) {
                case PERPETRATOR_PROGRAMME, PROBATION -> "PERSON_CAUSING_HARM";
                case EDUCATION, HEALTH_VISITING -> "CHILDREN";
                case POLICE, CHILDRENS_SOCIAL_CARE, MASH -> "WHOLE_FAMILY";
                default -> "VICTIM";
            };
            cases.decideSharing(caseId, new SharingRequest("SHARE", owner.id(), name, "MARAC action: " + what,
                    (String) r.get("consent"), (String) r.get("lawful_basis"), "Action owner from the MARAC action plan",
                    "ACTION_OWNER", worksWith));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into marac_action (id, referral_id, meeting_id, owning_agency_id, owner_name, description, due_date,
                                          created_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, referralId, meetingId, owner.id(), name, what, java.sql.Date.valueOf(dueDate), actor.userId())
                .update();
        tasks.create(new NewTask("MARAC_ACTION", "MARAC action: " + abbreviate(what), "MARAC_ACTION", id,
                "/marac/actions", caseId, owner.id(), null, actor.agencyId(),
                dueDate.atTime(calendar.endOfWorkingDay()).atZone(WorkingCalendar.LONDON).toInstant(), false));
        audit.record(AuditEntry.allowed("MARAC_ADD_ACTION", REFERRAL, referralId).with("action", id.toString())
                .with("agency", owner.id().toString()));
        return id;
    }

    /** The open actions owned by the caller's agency, overdue first. */
    @Transactional
    public List<Action> myActions() {
        Actor actor = access.practitioner("LIST_MARAC_ACTIONS", "MARAC_ACTION", null);
        List<Action> actions = actions("x.owning_agency_id = ? and x.status = 'OPEN'", actor.agencyId());
        audit.record(AuditEntry.allowed("LIST_MARAC_ACTIONS", "MARAC_ACTION", null).with("results", Integer.toString(actions.size())));
        return actions;
    }

    /** For the coordinator: open actions of the areas they coordinate that are past their due date. */
    @Transactional
    public List<Action> overdueActions() {
        Actor actor = access.practitioner("LIST_MARAC_ACTIONS", "MARAC_ACTION", null);
        if (!actor.hasRole("MARAC_COORDINATOR")) {
            return List.of();
        }
        List<Action> actions = actions("a.coordination_agency_id = ? and x.status = 'OPEN' and x.due_date < current_date",
                actor.agencyId());
        audit.record(AuditEntry.allowed("LIST_MARAC_ACTIONS", "MARAC_ACTION", null).with("overdue", "true")
                .with("results", Integer.toString(actions.size())));
        return actions;
    }

    /** The actions on one case, for anyone who may see the referral in full. */
    @Transactional
    public List<Action> actionsOn(UUID referralId) {
        Actor actor = access.practitioner("READ_MARAC_ACTIONS", REFERRAL, referralId);
        MaracAccess.ReferralAccess level = access.referral(actor, referralId, "READ_MARAC_ACTIONS");
        // An agency that sees the case only at agenda level sees its own actions on it.
        List<Action> actions = level.full() ? actions("x.referral_id = ?", referralId)
                : actions("x.referral_id = ? and x.owning_agency_id = ?", referralId, actor.agencyId());
        audit.record(AuditEntry.allowed("READ_MARAC_ACTIONS", REFERRAL, referralId));
        return actions;
    }

    /** The owning agency marks its action done. */
    @Transactional
    public void completeAction(UUID actionId, Integer expectedVersion) {
        Actor actor = access.practitioner("MARAC_COMPLETE_ACTION", "MARAC_ACTION", actionId);
        UUID owner = actionId == null ? null : jdbc.sql("select owning_agency_id from marac_action where id = ?")
                .param(actionId).query(UUID.class).optional().orElse(null);
        if (owner == null) {
            throw new NotFoundException("Action");
        }
        if (!owner.equals(actor.agencyId())) {
            audit.recordIndependently(AuditEntry.refused("MARAC_COMPLETE_ACTION", "MARAC_ACTION", actionId, "another agency's action"));
            throw new NotFoundException("Action");
        }
        if (expectedVersion == null || expectedVersion < 0) {
            throw InvalidRequestException.of("version", "Send the version of the action you read");
        }
        int updated = jdbc.sql("update marac_action set status = 'DONE', version = version + 1 where id = ? and version = ? and status = 'OPEN'")
                .params(actionId, expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("This action was changed by someone else since you read it. Nothing was saved.");
        }
        tasks.complete("MARAC_ACTION", "MARAC_ACTION", actionId, "Done");
        audit.record(AuditEntry.allowed("MARAC_COMPLETE_ACTION", "MARAC_ACTION", actionId));
    }

    private List<Action> actions(String where, Object... params) {
        return jdbc.sql("""
                        select x.*, c.reference, m.meeting_date, g.name as agency from marac_action x
                          join marac_referral r on r.id = x.referral_id join dva_case c on c.id = r.case_id
                          join marac_area a on a.id = r.area_id join marac_meeting m on m.id = x.meeting_id
                          join agency g on g.id = x.owning_agency_id
                         where""" + " " + where + " order by (x.status = 'OPEN' and x.due_date < current_date) desc, x.due_date limit 500")
                .params(params)
                .query((rs, n) -> {
                    LocalDate due = rs.getDate("due_date").toLocalDate();
                    return new Action(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
                            rs.getString("reference"), rs.getDate("meeting_date").toLocalDate(), rs.getString("agency"),
                            rs.getString("owner_name"), rs.getString("description"), due, rs.getString("status"),
                            "OPEN".equals(rs.getString("status")) && due.isBefore(LocalDate.now(clock)), rs.getInt("version"));
                }).list();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}

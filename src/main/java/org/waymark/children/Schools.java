package org.waymark.children;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.organisations.Agencies;
import org.waymark.organisations.Agency;
import org.waymark.organisations.AgencyType;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/**
 * Schools and nurseries as the children's pathway needs them: the key adult who receives notifications, the
 * time the school day starts, the school days and the closures (holidays, training days). A school without
 * settings starts at 08:30, Monday to Friday. The school's safeguarding leads and administrators keep them.
 */
@Service
public class Schools {

    static final String OBJECT = "SCHOOL";

    /** A school's settings, with the version to send back when changing them. */
    public record School(UUID agencyId, String name, UUID keyAdultUserId, String keyAdultName, LocalTime dayStartsAt,
                         Set<DayOfWeek> schoolDays, List<Closure> closures, int version) {

        public SchoolCalendar calendar() {
            return new SchoolCalendar(dayStartsAt, schoolDays, closures.stream()
                    .map(c -> new SchoolCalendar.Closure(c.firstDay(), c.lastDay(), c.name())).toList());
        }
    }

    public record Closure(UUID id, LocalDate firstDay, LocalDate lastDay, String name) {
    }

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final AuditTrail audit;

    Schools(JdbcClient jdbc, Agencies agencies, AuditTrail audit) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
    }

    /** Every active school or nursery, for choosing a child's school. */
    @Transactional(readOnly = true)
    public List<Agency> list() {
        return agencies.list().stream().filter(a -> a.active() && a.type() == AgencyType.EDUCATION).toList();
    }

    @Transactional(readOnly = true)
    public School get(UUID agencyId) {
        Agency agency = agencies.find(agencyId).filter(a -> a.type() == AgencyType.EDUCATION)
                .orElseThrow(() -> new NotFoundException("School"));
        List<Closure> closures = jdbc.sql("""
                        select id, first_day, last_day, name from school_closure where school_agency_id = ?
                         order by first_day""").param(agencyId)
                .query((rs, n) -> new Closure(rs.getObject("id", UUID.class), rs.getDate("first_day").toLocalDate(),
                        rs.getDate("last_day").toLocalDate(), rs.getString("name"))).list();
        return jdbc.sql("""
                        select s.key_adult_user_id, u.display_name, s.day_starts_at, s.school_days, s.version
                          from school s left join app_user u on u.id = s.key_adult_user_id where s.agency_id = ?""")
                .param(agencyId)
                .query((rs, n) -> new School(agencyId, agency.name(), rs.getObject("key_adult_user_id", UUID.class),
                        rs.getString("display_name"), rs.getTime("day_starts_at").toLocalTime(),
                        days(rs.getString("school_days")), closures, rs.getInt("version"))).optional()
                .orElseGet(() -> new School(agencyId, agency.name(), null, null, SchoolCalendar.DEFAULT_START,
                        SchoolCalendar.DEFAULT_DAYS, closures, 0));
    }

    /** A member of a school's staff who may be its key adult. */
    public record StaffMember(UUID id, String displayName) {
    }

    /** The school's own staff, for choosing the key adult (the school's leads and administrators only). */
    @Transactional(readOnly = true)
    public List<StaffMember> staff(UUID agencyId) {
        requireKeeper(agencyId, "LIST_SCHOOL_STAFF");
        return jdbc.sql("select id, display_name from app_user where agency_id = ? and enabled order by display_name")
                .param(agencyId).query((rs, n) -> new StaffMember(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** Whether the actor keeps this school's settings (its safeguarding leads, administrators). */
    public boolean keeps(UUID agencyId) {
        Actor actor = CurrentActor.require();
        return actor.hasRole("ADMIN") || (actor.agencyId().equals(agencyId) && actor.hasRole("SAFEGUARDING_LEAD"));
    }

    /** Changes the key adult, start time and school days, if nobody changed them since {@code expectedVersion}. */
    @Transactional
    public void configure(UUID agencyId, UUID keyAdultUserId, LocalTime dayStartsAt, Set<DayOfWeek> schoolDays,
                          int expectedVersion) {
        Actor actor = requireKeeper(agencyId, "CONFIGURE_SCHOOL");
        List<FieldError> errors = new ArrayList<>();
        if (dayStartsAt == null) {
            errors.add(new FieldError("dayStartsAt", "Enter the time the school day starts, like 08:30"));
        }
        if (schoolDays == null || schoolDays.isEmpty()) {
            errors.add(new FieldError("schoolDays", "Select at least one school day"));
        }
        if (keyAdultUserId != null) {
            boolean sameSchool = jdbc.sql("select count(*) > 0 from app_user where id = ? and agency_id = ? and enabled")
                    .params(keyAdultUserId, agencyId).query(Boolean.class).single();
            if (!sameSchool) {
                errors.add(new FieldError("keyAdultUserId", "Select a member of the school's own staff"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String days = EnumSet.copyOf(schoolDays).stream().map(Enum::name).collect(Collectors.joining(","));
        int changed;
        if (expectedVersion == 0) {
            changed = jdbc.sql("""
                    insert into school (agency_id, key_adult_user_id, day_starts_at, school_days, version, updated_by)
                    values (?, ?, ?, ?, 1, ?) on conflict (agency_id) do nothing""")
                    .params(agencyId, keyAdultUserId, Time.valueOf(dayStartsAt), days, actor.userId()).update();
        } else {
            changed = jdbc.sql("""
                    update school set key_adult_user_id = ?, day_starts_at = ?, school_days = ?, version = version + 1,
                                      updated_at = now(), updated_by = ?
                     where agency_id = ? and version = ?""")
                    .params(keyAdultUserId, Time.valueOf(dayStartsAt), days, actor.userId(), agencyId, expectedVersion)
                    .update();
        }
        if (changed == 0) {
            throw new ConflictException("Someone else changed this school's settings. Reload the page and try again.");
        }
        audit.record(AuditEntry.allowed("CONFIGURE_SCHOOL", OBJECT, agencyId));
    }

    /** Adds a holiday or other closure; notifications made before it fall due on the first school day after. */
    @Transactional
    public UUID addClosure(UUID agencyId, LocalDate firstDay, LocalDate lastDay, String name) {
        Actor actor = requireKeeper(agencyId, "ADD_SCHOOL_CLOSURE");
        List<FieldError> errors = new ArrayList<>();
        if (firstDay == null || firstDay.getYear() < 2000 || firstDay.getYear() > 2100) {
            errors.add(new FieldError("firstDay", "Enter the first day the school is closed, a date between 2000 and 2100"));
        }
        if (lastDay == null || lastDay.getYear() < 2000 || lastDay.getYear() > 2100) {
            errors.add(new FieldError("lastDay", "Enter the last day the school is closed, a date between 2000 and 2100"));
        } else if (firstDay != null && lastDay.isBefore(firstDay)) {
            errors.add(new FieldError("lastDay", "The last day must be the same as or after the first day"));
        } else if (firstDay != null && firstDay.plusDays(366).isBefore(lastDay)) {
            errors.add(new FieldError("lastDay", "A closure lasts a year at most: add each holiday separately"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "Name the closure (for example, Christmas holidays), in 200 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        jdbc.sql("insert into school (agency_id) values (?) on conflict (agency_id) do nothing").param(agencyId).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into school_closure (id, school_agency_id, first_day, last_day, name, added_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, agencyId, firstDay, lastDay, name.trim(), actor.userId()).update();
        audit.record(AuditEntry.allowed("ADD_SCHOOL_CLOSURE", OBJECT, agencyId).with("closure", id.toString()));
        return id;
    }

    /** The school's own safeguarding leads and administrators keep its settings; anyone else is refused. */
    private Actor requireKeeper(UUID agencyId, String action) {
        Actor actor = CurrentActor.require();
        get(agencyId);
        boolean keeper = actor.hasRole("ADMIN") || (actor.agencyId().equals(agencyId) && actor.hasRole("SAFEGUARDING_LEAD"));
        if (!keeper) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, agencyId, "not the school's lead or an administrator"));
            throw new AccessDeniedException("Only the school's safeguarding lead or an administrator changes its settings");
        }
        return actor;
    }

    static Set<DayOfWeek> days(String text) {
        return Arrays.stream(text.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}

package org.waymark.organisations;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictional Wrekin Vale partnership: one agency per kind the demo needs and one user per role,
 * all with the password "demo". Loaded only on the embedded default database (see DemoDataLoader),
 * never in production. Idempotent.
 */
@Component
public class DemoData {

    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoAgency(String name, AgencyType type) {
    }

    record DemoUser(String username, String displayName, String agency, Set<Role> roles) {
    }

    static final List<DemoAgency> AGENCIES = List.of(
            new DemoAgency("Wrekin Vale Police", AgencyType.POLICE),
            new DemoAgency("Wrekin Vale MASH", AgencyType.MASH),
            new DemoAgency("Wrekin Vale MARAC", AgencyType.MARAC_COORDINATION),
            new DemoAgency("Haven IDVA Service", AgencyType.IDVA_SERVICE),
            new DemoAgency("Millbrook Primary School", AgencyType.EDUCATION),
            new DemoAgency("Wrekin Vale Children's Social Care", AgencyType.CHILDRENS_SOCIAL_CARE),
            new DemoAgency("Wrekin Vale Midwifery", AgencyType.HEALTH_MIDWIFERY),
            new DemoAgency("Wrekin Vale Domestic Abuse Partnership", AgencyType.DA_PARTNERSHIP),
            new DemoAgency("Fresh Start Perpetrator Programme", AgencyType.PERPETRATOR_PROGRAMME),
            new DemoAgency("Wrekin Vale Homes", AgencyType.HOUSING),
            new DemoAgency("Wrekin Vale Probation", AgencyType.PROBATION));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("demo.police", "PC Dana Police", "Wrekin Vale Police", Set.of(Role.POLICE_OFFICER)),
            new DemoUser("demo.police2", "PC Lee Constable", "Wrekin Vale Police", Set.of(Role.POLICE_OFFICER)),
            new DemoUser("demo.policelead", "DS Pat Lead", "Wrekin Vale Police",
                    Set.of(Role.POLICE_OFFICER, Role.SAFEGUARDING_LEAD)),
            new DemoUser("demo.dvpp", "Finn Programme", "Fresh Start Perpetrator Programme", Set.of(Role.PRACTITIONER)),
            new DemoUser("demo.mash", "Morgan Mash", "Wrekin Vale MASH", Set.of(Role.MASH_OFFICER)),
            new DemoUser("demo.marac", "Robin Marac", "Wrekin Vale MARAC", Set.of(Role.MARAC_COORDINATOR)),
            new DemoUser("demo.idva", "Ira Advocate", "Haven IDVA Service", Set.of(Role.IDVA)),
            new DemoUser("demo.idva2", "Imran Advocate", "Haven IDVA Service", Set.of(Role.IDVA)),
            new DemoUser("demo.housing", "Hollis Housing", "Wrekin Vale Homes", Set.of(Role.PRACTITIONER)),
            new DemoUser("demo.probation", "Pip Probation", "Wrekin Vale Probation", Set.of(Role.PRACTITIONER)),
            new DemoUser("demo.idvalead", "Isla Manager", "Haven IDVA Service", Set.of(Role.IDVA, Role.SAFEGUARDING_LEAD)),
            new DemoUser("demo.school", "Sam School", "Millbrook Primary School", Set.of(Role.SAFEGUARDING_LEAD)),
            new DemoUser("demo.social", "Sol Social", "Wrekin Vale Children's Social Care",
                    Set.of(Role.PRACTITIONER)),
            new DemoUser("demo.health", "Hana Health", "Wrekin Vale Midwifery", Set.of(Role.PRACTITIONER)),
            new DemoUser("demo.admin", "Ada Admin", "Wrekin Vale Domestic Abuse Partnership", Set.of(Role.ADMIN)));

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final PasswordEncoder passwords;

    DemoData(JdbcClient jdbc, UserAccounts users, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
    }

    @Transactional
    public void load() {
        int created = 0;
        for (DemoAgency agency : AGENCIES) {
            created += jdbc.sql("insert into agency (id, name, type) values (?, ?, ?) on conflict do nothing")
                    .params(UUID.randomUUID(), agency.name(), agency.type().name()).update();
        }
        String hash = passwords.encode(PASSWORD);
        for (DemoUser user : USERS) {
            boolean exists = jdbc.sql("select exists (select 1 from app_user where username = ?)")
                    .param(user.username()).query(Boolean.class).single();
            if (!exists) {
                UUID agencyId = jdbc.sql("select id from agency where name = ?").param(user.agency())
                        .query(UUID.class).single();
                users.insert(user.username(), user.displayName(), user.username() + "@wrekinvale.example",
                        agencyId, user.roles(), hash);
                created++;
            }
        }
        created += maracArea();
        if (created > 0) {
            log.info("Demo data loaded: the Wrekin Vale partnership ({} rows); demo users sign in with password 'demo'",
                    created);
        }
    }

    /**
     * The Wrekin Vale MARAC: weekly on Tuesday at 10:00 (the defaults), every demo agency a member except the
     * perpetrator programme. Written here because the demo's agencies are; the marac module owns the table.
     */
    private int maracArea() {
        int created = jdbc.sql("""
                insert into marac_area (id, name, coordination_agency_id, police_agency_id, idva_agency_id, mash_agency_id)
                select ?, 'Wrekin Vale MARAC area',
                       (select id from agency where name = 'Wrekin Vale MARAC'),
                       (select id from agency where name = 'Wrekin Vale Police'),
                       (select id from agency where name = 'Haven IDVA Service'),
                       (select id from agency where name = 'Wrekin Vale MASH')
                on conflict (name) do nothing""").param(UUID.randomUUID()).update();
        for (DemoAgency agency : AGENCIES) {
            if (agency.type() != AgencyType.PERPETRATOR_PROGRAMME) {
                created += jdbc.sql("""
                        insert into marac_area_member (area_id, agency_id)
                        select (select id from marac_area where name = 'Wrekin Vale MARAC area'),
                               (select id from agency where name = ?)
                        on conflict do nothing""").param(agency.name()).update();
            }
        }
        return created;
    }
}

package org.waymark.organisations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;

/** The organisations module's API for agencies. Agencies are a directory every signed-in user may read. */
@Service
public class Agencies {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Administrators administrators;

    Agencies(JdbcClient jdbc, AuditTrail audit, Administrators administrators) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.administrators = administrators;
    }

    @Transactional(readOnly = true)
    public List<Agency> list() {
        return jdbc.sql("select id, name, type, active, version from agency order by lower(name)")
                .query(Agency.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<Agency> find(UUID id) {
        return jdbc.sql("select id, name, type, active, version from agency where id = ?")
                .param(id).query(Agency.class).optional();
    }

    @Transactional(readOnly = true)
    public Agency get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Agency"));
    }

    @Transactional
    public Agency create(NewAgency request) {
        administrators.require("CREATE_AGENCY", "AGENCY");
        String name = request.name().trim();
        boolean taken = jdbc.sql("select exists (select 1 from agency where lower(name) = lower(?))")
                .param(name).query(Boolean.class).single();
        if (taken) {
            throw InvalidRequestException.of("name", "An agency with this name already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into agency (id, name, type) values (?, ?, ?)")
                .params(id, name, request.type().name()).update();
        audit.record(AuditEntry.allowed("CREATE_AGENCY", "AGENCY", id).with("type", request.type().name()));
        return get(id);
    }
}

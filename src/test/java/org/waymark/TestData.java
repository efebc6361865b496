package org.waymark;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.organisations.DemoData;

/** Loads the demo partnership (idempotently) and reads what tests need to check, straight from the database. */
@Component
public class TestData {

    private final DemoData demoData;
    private final JdbcClient jdbc;

    public TestData(DemoData demoData, JdbcClient jdbc) {
        this.demoData = demoData;
        this.jdbc = jdbc;
    }

    public void demoPartnership() {
        demoData.load();
    }

    public UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    public long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    /** Audit rows written after the given id, oldest first. */
    public List<Map<String, Object>> auditSince(long afterId) {
        return jdbc.sql("select * from audit_event where id > ? order by id").param(afterId).query().listOfRows();
    }
}

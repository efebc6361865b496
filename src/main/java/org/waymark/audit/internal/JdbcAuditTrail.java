package org.waymark.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.audit.AuditTrail;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Inserts only: the application has no path that updates or deletes an audit row (and the database refuses it). */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate independent;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        Actor actor = CurrentActor.find().orElse(null);
        insert(actor, actor == null ? null : actor.username(), entry);
    }

    @Override
    public void recordIndependently(AuditEntry entry) {
        Actor actor = CurrentActor.find().orElse(null);
        recordIndependently(actor, actor == null ? null : actor.username(), entry);
    }

    @Override
    public void recordIndependently(Actor actor, String username, AuditEntry entry) {
        independent.executeWithoutResult(status -> insert(actor, username, entry));
    }

    private void insert(Actor actor, String username, AuditEntry entry) {
        jdbc.sql("""
                insert into audit_event (actor_user_id, actor_username, actor_agency_id, action, object_type,
                                         object_id, outcome, client_address, details)
                values (:userId, :username, :agencyId, :action, :objectType, :objectId, :outcome, :client,
                        cast(:details as jsonb))
                """)
                .param("userId", actor == null ? null : actor.userId())
                .param("username", username)
                .param("agencyId", actor == null ? null : actor.agencyId())
                .param("action", entry.action())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId())
                .param("outcome", entry.outcome().name())
                .param("client", clientAddress())
                .param("details", json.writeValueAsString(entry.details()))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEvent> about(String objectType, String objectId, int limit) {
        return jdbc.sql("select * from audit_event where object_type = ? and object_id = ? order by id desc limit ?")
                .params(objectType, objectId, Math.max(1, Math.min(limit, 5000))).query(this::map).list();
    }

    @Override
    @Transactional
    public List<AuditEvent> search(AuditQuery query) {
        Actor actor = CurrentActor.require();
        if (!actor.hasRole("ADMIN")) {
            recordIndependently(AuditEntry.refused("SEARCH_AUDIT", "AUDIT_TRAIL", null, "not an administrator"));
            throw new AccessDeniedException("Only administrators may search the audit trail");
        }
        StringBuilder sql = new StringBuilder("select * from audit_event where true");
        List<Object> params = new ArrayList<>();
        if (query.actorUsername() != null) {
            sql.append(" and lower(actor_username) = lower(?)");
            params.add(query.actorUsername());
        }
        if (query.action() != null) {
            sql.append(" and action = ?");
            params.add(query.action());
        }
        if (query.objectType() != null) {
            sql.append(" and object_type = ?");
            params.add(query.objectType());
        }
        if (query.objectId() != null) {
            sql.append(" and object_id = ?");
            params.add(query.objectId());
        }
        if (query.outcome() != null) {
            sql.append(" and outcome = ?");
            params.add(query.outcome().name());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        sql.append(" order by id desc limit ").append(query.limit());
        List<AuditEvent> events = jdbc.sql(sql.toString()).params(params).query(this::map).list();
        record(AuditEntry.allowed("SEARCH_AUDIT", "AUDIT_TRAIL", null)
                .with("results", Integer.toString(events.size())));
        return events;
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
                rs.getObject("actor_agency_id", UUID.class), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("client_address"), json.readValue(rs.getString("details"), DETAILS));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

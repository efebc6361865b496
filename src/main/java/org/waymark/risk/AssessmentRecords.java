package org.waymark.risk;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.platform.Actor;
import org.waymark.platform.CurrentActor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Completed risk assessments about people, at a glance, for the chronology of a case: when, which agency,
 * the instrument and the risk level it gave. The answers stay with the assessing agency (the caller's own
 * assessments link to them). Callers must already have been allowed to see the people.
 */
@Service
public class AssessmentRecords {

    /** One completed assessment; {@code ownAgency} when the caller's agency made it (and may open it). */
    public record AssessmentSummary(UUID id, UUID personId, Instant completedAt, String agencyName, String instrumentId,
                                    String riskLevel, Integer yesCount, boolean ownAgency) {
    }

    /**
     * A completed assessment's DASH answers, for a pathway that carries the DASH forward (a police
     * notification to the MASH). {@code assessedLevel} is the level the assessment arrived at.
     */
    public record CompletedDash(UUID id, UUID personId, Instant completedAt, RiskLevel assessedLevel,
                                Map<Integer, Answer> answers) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AssessmentRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The caller's own agency's completed assessment, if it is one; another agency's answers stay with it. */
    @Transactional(readOnly = true)
    public Optional<CompletedDash> ownCompletedDash(UUID assessmentId) {
        Actor actor = CurrentActor.require();
        return jdbc.sql("""
                        select id, person_id, completed_at, result -> 'evaluation' ->> 'riskLevel' as risk_level, answers
                          from risk_assessment where id = ? and agency_id = ? and status = 'COMPLETED'""")
                .params(assessmentId, actor.agencyId())
                .query((rs, n) -> {
                    Map<Integer, Answer> answers = new TreeMap<>();
                    json.readTree(rs.getString("answers")).properties().forEach(entry -> {
                        String answer = entry.getValue().path("answer").asString(null);
                        if (answer != null) {
                            answers.put(Integer.valueOf(entry.getKey()), Answer.valueOf(answer));
                        }
                    });
                    String level = rs.getString("risk_level");
                    return new CompletedDash(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                            rs.getTimestamp("completed_at").toInstant(), level == null ? null : RiskLevel.valueOf(level),
                            answers);
                }).optional();
    }

    @Transactional(readOnly = true)
    public List<AssessmentSummary> completedAbout(Collection<UUID> personIds) {
        Actor actor = CurrentActor.require();
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.id, a.person_id, a.completed_at, g.name as agency_name, a.agency_id, a.instrument_id,
                               a.result -> 'evaluation' ->> 'riskLevel' as risk_level,
                               (a.result ->> 'yesCount')::int as yes_count
                          from risk_assessment a join agency g on g.id = a.agency_id
                         where a.status = 'COMPLETED' and a.person_id = any(?)
                         order by a.completed_at""").param(personIds.toArray(UUID[]::new))
                .query((rs, n) -> new AssessmentSummary(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getTimestamp("completed_at").toInstant(), rs.getString("agency_name"), rs.getString("instrument_id"),
                        rs.getString("risk_level"), (Integer) rs.getObject("yes_count"),
                        rs.getObject("agency_id", UUID.class).equals(actor.agencyId()))).list();
    }
}

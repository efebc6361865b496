package org.waymark.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditTrail;
import org.waymark.incidents.DerivedFacts;
import org.waymark.incidents.Incidents;
import org.waymark.people.People;
import org.waymark.platform.Actor;
import org.waymark.platform.ConflictException;
import org.waymark.platform.CurrentActor;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.risk.ActionCode;
import org.waymark.risk.Answer;
import org.waymark.risk.Evaluation;
import org.waymark.risk.Instrument;
import org.waymark.risk.InstrumentCatalogue;
import org.waymark.risk.InstrumentScoring;
import org.waymark.risk.ProcedureRules;
import org.waymark.risk.QuestionAnswer;
import org.waymark.risk.ScoredAssessment;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk assessments: started, filled in page by page (each save checks the version the page was read
 * at, so two people cannot silently overwrite each other), completed (scored, evaluated and frozen),
 * and the practitioner's decision on each recommended action. An assessment is seen only by its own
 * agency: for anyone else it does not exist, and the attempt is audited.
 */
@Service
class RiskAssessmentService {

    private static final TypeReference<Map<String, StoredAnswer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, StoredAnswer>>> SUPPLEMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<AnsweredQuestion>> SNAPSHOT = new TypeReference<>() {
    };
    static final String OBJECT = "RISK_ASSESSMENT";

    record Summary(UUID id, String victimReference, String status, String createdByName, Instant createdAt,
                   String riskLevel) {
    }

    record Decision(String actionCode, int childIndex, String decision, String rationale) {
    }

    static final int MAX_RATIONALE = 4000;

    record RecordedDecision(String actionCode, int childIndex, String decision, String rationale, String decidedBy,
                            Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final ProcedureRules rules;
    private final Evaluations evaluations;
    private final Clock clock;
    private final People people;
    private final Incidents incidents;

    private final org.springframework.beans.factory.ObjectProvider<org.waymark.platform.MaracHistory> maracHistory;

    RiskAssessmentService(JdbcClient jdbc, JsonMapper json, AuditTrail audit, ProcedureRules rules,
                          Evaluations evaluations, Clock clock, People people, Incidents incidents,
                          org.springframework.beans.factory.ObjectProvider<org.waymark.platform.MaracHistory> maracHistory) {
        this.maracHistory = maracHistory;
        this.people = people;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.rules = rules;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** Assessments are practitioners' work: an account that only administers Waymark has no need to see them. */
    private Actor requirePractitioner(String action, UUID id) {
        Actor actor = CurrentActor.require();
        if (actor.roles().stream().allMatch("ADMIN"::equals)) {
            audit.recordIndependently(AuditEntry.refused(action, OBJECT, id, "administration-only account"));
            throw new AccessDeniedException("Risk assessments are for practitioners");
        }
        return actor;
    }

    @Transactional
    List<Summary> listForMyAgency() {
        Actor actor = requirePractitioner("LIST_RISK_ASSESSMENTS", null);
        List<Summary> summaries = jdbc.sql("""
                        select a.id, a.victim_reference, a.status, u.display_name, a.created_at,
                               a.result -> 'evaluation' ->> 'riskLevel' as risk_level
                          from risk_assessment a join app_user u on u.id = a.created_by
                         where a.agency_id = ? order by a.created_at desc limit 200
                        """).param(actor.agencyId())
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("victim_reference"),
                        rs.getString("status"), rs.getString("display_name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("risk_level")))
                .list();
        audit.record(AuditEntry.allowed("LIST_RISK_ASSESSMENTS", OBJECT, null)
                .with("results", Integer.toString(summaries.size())));
        return summaries;
    }

    /** Starts an assessment under the partnership's configured procedures (never a practitioner's choice). */
    @Transactional
    UUID start(String victimReference) {
        return start(victimReference, null);
    }

    @Transactional
    UUID start(String victimReference, UUID personId) {
        return start(victimReference, personId, null);
    }

    /**
     * Starts an assessment, optionally about a person record the caller may see and for an incident the
     * caller has a need to know (the DASH done at a call-out); the person must be that incident's victim.
     */
    @Transactional
    UUID start(String victimReference, UUID personId, UUID incidentId) {
        Actor actor = requirePractitioner("START_RISK_ASSESSMENT", null);
        if (personId != null) {
            people.get(personId);
        }
        List<FieldError> errors = new ArrayList<>();
        if (incidentId != null) {
            org.waymark.incidents.IncidentView incident = incidents.get(incidentId);
            if (!incident.full()) {
                errors.add(new FieldError("incidentId", "You can link a DASH only to an incident your agency has a need to know"));
            } else if (personId != null && incident.people().stream()
                    .noneMatch(p -> personId.equals(p.personId()) && "VICTIM".equals(p.role()))) {
                errors.add(new FieldError("incidentId", "This person is not the victim in that incident"));
            }
        }
        String reference = victimReference == null ? "" : victimReference.trim();
        if (reference.isEmpty()) {
            errors.add(new FieldError("victimReference", "Enter the victim's name or your case reference"));
        } else if (reference.length() > 200) {
            errors.add(new FieldError("victimReference", "Name or reference must be 200 characters or fewer"));
        }
        String chosen = rules.defaultProfile();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instrument dash = dashInstrument();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into risk_assessment (id, agency_id, created_by, victim_reference, status, profile,
                                             instrument_id, instrument_version, facts, person_id, incident_id)
                values (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, cast(? as jsonb), ?, ?)
                """).params(id, actor.agencyId(), actor.userId(), reference, chosen, dash.id(), dash.version(),
                json.writeValueAsString(new AssessmentFacts()), personId, incidentId).update();
        AuditEntry entry = AuditEntry.allowed("START_RISK_ASSESSMENT", OBJECT, id).with("profile", chosen);
        audit.record(incidentId == null ? entry : entry.with("incident", incidentId.toString()));
        return id;
    }

    @Transactional
    RiskAssessment get(UUID id) {
        RiskAssessment assessment = load(id);
        audit.record(AuditEntry.allowed("READ_RISK_ASSESSMENT", OBJECT, id));
        return assessment;
    }

    /** Applies one page's changes to the case facts, if the page was read at the current version. */
    @Transactional
    void updateFacts(UUID id, int version, String section, Consumer<AssessmentFacts> change) {
        RiskAssessment assessment = loadInProgress(id);
        AssessmentFacts facts = assessment.facts();
        change.accept(facts);
        facts.sectionsDone.add(section);
        store(id, version, "facts", json.writeValueAsString(facts));
        audit.record(AuditEntry.allowed("UPDATE_RISK_ASSESSMENT", OBJECT, id).with("section", section));
    }

    /** Saves answers to some questions of the DASH or of a supplementary checklist. */
    @Transactional
    void saveAnswers(UUID id, int version, String instrumentId, String section, Map<String, StoredAnswer> answers) {
        RiskAssessment assessment = loadInProgress(id);
        AssessmentFacts facts = assessment.facts();
        facts.sectionsDone.add(section);
        if (instrumentId.equals(assessment.instrumentId())) {
            Map<String, StoredAnswer> merged = new TreeMap<>(assessment.answers());
            merged.putAll(answers);
            jdbc.sql("update risk_assessment set answers = cast(? as jsonb) where id = ?")
                    .params(json.writeValueAsString(merged), id).update();
        } else {
            Map<String, Map<String, StoredAnswer>> supplements = new TreeMap<>(assessment.supplements());
            Map<String, StoredAnswer> merged = new TreeMap<>(supplements.getOrDefault(instrumentId, Map.of()));
            merged.putAll(answers);
            supplements.put(instrumentId, merged);
            jdbc.sql("update risk_assessment set supplements = cast(? as jsonb) where id = ?")
                    .params(json.writeValueAsString(supplements), id).update();
        }
        store(id, version, "facts", json.writeValueAsString(facts));
        audit.record(AuditEntry.allowed("UPDATE_RISK_ASSESSMENT", OBJECT, id).with("section", section));
    }

    /** What stops completion: every DASH question needs an answer, and professional judgement must be recorded. */
    List<FieldError> readiness(RiskAssessment assessment) {
        List<FieldError> problems = new ArrayList<>();
        // The rules for children, unborn babies and escalation only fire on facts that were recorded:
        // each part must have been saved, even if the answer is "none".
        java.util.Set<String> done = assessment.facts().sectionsDone;
        if (!done.contains("people")) {
            problems.add(new FieldError("people", "Complete 'Victim and person causing harm'"));
        }
        if (!done.contains("children")) {
            problems.add(new FieldError("children", "Complete 'Children and household', even if there are no children"));
        }
        if (!done.contains("incident")) {
            problems.add(new FieldError("incident", "Complete 'The incident and its history'"));
        }
        Instrument dash = instrument(assessment);
        for (Instrument.Section section : dash.sections()) {
            long unanswered = dash.questionsIn(section.id()).stream()
                    .filter(q -> !assessment.answers().containsKey(Integer.toString(q.number()))).count();
            if (unanswered > 0) {
                problems.add(new FieldError("dash-" + section.id(), "Answer every question in '" + section.title()
                        + "' (" + unanswered + " not answered). Use 'Not known' where the answer is not known."));
            }
        }
        if (!assessment.facts().sectionsDone.contains("judgement")) {
            problems.add(new FieldError("judgement", "Record your professional judgement"));
        }
        return problems;
    }

    /** Scores, evaluates and freezes the assessment. */
    @Transactional
    StoredResult complete(UUID id, int version) {
        Actor actor = CurrentActor.require();
        RiskAssessment assessment = loadInProgress(id);
        List<FieldError> problems = readiness(assessment);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Instrument dash = instrument(assessment);
        Map<Integer, QuestionAnswer> answers = new TreeMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        assessment.answers().forEach((number, stored) -> {
            answers.put(Integer.valueOf(number), new QuestionAnswer(Answer.valueOf(stored.answer()), stored.detail(),
                    stored.source()));
            plain.put(number, stored.answer());
        });
        ScoredAssessment scored = InstrumentScoring.assess(dash, answers);
        fromRecords(assessment);
        Evaluation evaluation = evaluations.evaluate(assessment.facts().toRequest(assessment.profile(),
                new EvaluationRequest.DashAnswers(assessment.facts().completedByPolice, plain)));
        Map<String, String> descriptions = new TreeMap<>();
        evaluation.actions().forEach(action -> {
            descriptions.put(action.code().name(), action.code().description());
            action.reasons().forEach(reason -> descriptions.put(reason.name(), reason.description()));
        });
        String profileName = rules.profile(evaluation.profile()).name();
        StoredResult result = new StoredResult(EvaluationResponse.of(evaluation), scored.score().yesCount(),
                List.copyOf(scored.score().supplementsNeeded()), scored.score().unansweredQuestions(), descriptions,
                profileName);
        int updated = jdbc.sql("""
                        update risk_assessment
                           set status = 'COMPLETED', result = cast(:result as jsonb),
                               questions_snapshot = cast(:snapshot as jsonb), completed_at = :now,
                               completed_by = :by, updated_at = :now, version = version + 1
                         where id = :id and version = :version and status = 'IN_PROGRESS'
                        """)
                .param("result", json.writeValueAsString(result))
                .param("snapshot", json.writeValueAsString(snapshot(assessment, dash)))
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.userId())
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new ConflictException("This assessment was changed by someone else. Reload it and check before completing.");
        }
        audit.record(AuditEntry.allowed("COMPLETE_RISK_ASSESSMENT", OBJECT, id)
                .with("riskLevel", String.valueOf(evaluation.riskLevel()))
                .with("profile", evaluation.profile()));
        return result;
    }

    /**
     * For an assessment about a person record, what the records show (every agency's linked records)
     * fills the history the practitioner left blank, and escalation found in the records counts.
     * Typed counts stand when they are higher: records can be incomplete, never the other way round.
     */
    private void fromRecords(RiskAssessment assessment) {
        if (assessment.personId() == null) {
            return;
        }
        DerivedFacts derived = derivedFacts(assessment);
        // R4: a MARAC referral of her in the records (any agency, likely-same records included) counts when the
        // practitioner typed none, or typed a longer time than the records show.
        java.util.OptionalLong months = maracHistory.getIfAvailable() == null ? java.util.OptionalLong.empty()
                : maracHistory.getObject().monthsSinceLastReferral(assessment.personId());
        if (months.isPresent() && (assessment.facts().monthsSinceLastMaracReferral == null
                || months.getAsLong() < assessment.facts().monthsSinceLastMaracReferral)) {
            assessment.facts().monthsSinceLastMaracReferral = (int) Math.min(600, months.getAsLong());
        }
        AssessmentFacts facts = assessment.facts();
        facts.policeCalloutsLast12Months = max(facts.policeCalloutsLast12Months, derived.policeCalloutsLast12Months());
        facts.dvaIncidentsLast12Months = max(facts.dvaIncidentsLast12Months, derived.dvaIncidentsLast12Months());
        if (derived.escalating()) {
            facts.incidentIndicators.add("escalating");
        }
        jdbc.sql("update risk_assessment set facts = cast(? as jsonb) where id = ?")
                .params(json.writeValueAsString(facts), assessment.id()).update();
    }

    private static Integer max(Integer typed, int derived) {
        return typed == null ? (derived == 0 ? null : derived) : Math.max(typed, derived);
    }

    /** The derived facts for an assessment about a person, for the history page; null otherwise. */
    DerivedFacts derivedFacts(RiskAssessment assessment) {
        if (assessment.personId() == null) {
            return null;
        }
        java.time.LocalDate day = assessment.facts().incidentDate == null ? java.time.LocalDate.now(clock)
                : assessment.facts().incidentDate;
        DerivedFacts recorded = incidents.facts(assessment.personId(), day);
        if (incidents.hasIncidentOn(assessment.personId(), day)) {
            return recorded;
        }
        // The rules count "the current one": when this assessment's incident is not yet in the records, add it
        // (and count it as a call-out when the police are completing the DASH).
        boolean police = Boolean.TRUE.equals(assessment.facts().completedByPolice);
        return new DerivedFacts(recorded.asOf(), recorded.dvaIncidentsLast12Months() + 1,
                recorded.policeCalloutsLast12Months() + (police ? 1 : 0), recorded.escalating(),
                recorded.repeatPerpetrator(), recorded.serialPerpetrator(), recorded.incidentsPerQuarter());
    }

    private List<AnsweredQuestion> snapshot(RiskAssessment assessment, Instrument dash) {
        List<AnsweredQuestion> questions = new ArrayList<>();
        addAnswered(questions, dash, assessment.answers());
        assessment.supplements().forEach((instrumentId, answers) ->
                rules.instruments().latest(instrumentId).ifPresent(instrument -> addAnswered(questions, instrument, answers)));
        return questions;
    }

    private static void addAnswered(List<AnsweredQuestion> into, Instrument instrument, Map<String, StoredAnswer> answers) {
        for (Instrument.Question question : instrument.questions()) {
            StoredAnswer answer = answers.get(Integer.toString(question.number()));
            into.add(new AnsweredQuestion(instrument.id(), instrument.version(), question.number(), question.label(),
                    answer == null ? null : answer.answer(), answer == null ? null : answer.detail(),
                    answer == null ? null : answer.source()));
        }
    }

    /**
     * Records what the practitioner will do about each recommended action. Declining one that the
     * procedures require needs a rationale; every decision is audited.
     */
    @Transactional
    void recordDecisions(UUID id, long decisionsSeen, List<Decision> decisions) {
        Actor actor = CurrentActor.require();
        RiskAssessment assessment = load(id);
        if (!assessment.completed()) {
            throw new ConflictException("Complete the assessment before recording decisions.");
        }
        // Lock the assessment row so two people deciding at once are serialised, then refuse a page
        // that was read before someone else recorded decisions.
        jdbc.sql("select id from risk_assessment where id = ? for update").param(id).query(UUID.class).single();
        if (decisionCount(id) != decisionsSeen) {
            throw new ConflictException("Someone else recorded decisions on this assessment since you opened it."
                    + " Your decisions were not saved: check theirs below and decide again.");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Decision> byKey = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            byKey.put(key(decision.actionCode(), decision.childIndex()), decision);
        }
        for (EvaluationResponse.Action action : assessment.result().evaluation().actions()) {
            int childIndex = action.childIndex() == null ? -1 : action.childIndex();
            String key = key(action.code(), childIndex);
            Decision decision = byKey.get(key);
            if (decision == null || decision.decision() == null || decision.decision().isBlank()) {
                errors.add(new FieldError("decision-" + key, "Say whether you will "
                        + lowerFirst(withoutFullStop(assessment.result().describe(action.code())))));
                continue;
            }
            if (!decision.decision().equals("WILL_TAKE") && !decision.decision().equals("WILL_NOT_TAKE")) {
                errors.add(new FieldError("decision-" + key, "Select one of the options"));
                continue;
            }
            boolean needsRationale = decision.decision().equals("WILL_NOT_TAKE")
                    && requiresRationale(action.code());
            if (needsRationale && (decision.rationale() == null || decision.rationale().trim().length() < 10)) {
                errors.add(new FieldError("rationale-" + key,
                        "Explain why you will not do this (at least 10 characters): the procedures require a recorded rationale"));
            } else if (decision.rationale() != null && decision.rationale().trim().length() > MAX_RATIONALE) {
                errors.add(new FieldError("rationale-" + key, "Reasons must be " + MAX_RATIONALE + " characters or fewer"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        for (EvaluationResponse.Action action : assessment.result().evaluation().actions()) {
            int childIndex = action.childIndex() == null ? -1 : action.childIndex();
            Decision decision = byKey.get(key(action.code(), childIndex));
            String rationale = decision.rationale() == null || decision.rationale().isBlank() ? null
                    : decision.rationale().trim();
            RecordedDecision previous = current(id, action.code(), childIndex);
            if (previous != null && previous.decision().equals(decision.decision())
                    && java.util.Objects.equals(previous.rationale(), rationale)) {
                continue;
            }
            java.sql.Timestamp now = Timestamp.from(clock.instant());
            if (previous != null) {
                jdbc.sql("""
                        update risk_action_decision set superseded_at = ?
                         where assessment_id = ? and action_code = ? and child_index = ? and superseded_at is null
                        """).params(now, id, action.code(), childIndex).update();
            }
            jdbc.sql("""
                    insert into risk_action_decision (assessment_id, action_code, child_index, decision, rationale,
                                                      decided_by, decided_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """).params(id, action.code(), childIndex, decision.decision(), rationale, actor.userId(), now)
                    .update();
            AuditEntry entry = AuditEntry.allowed("DECIDE_ACTION", OBJECT, id)
                    .with("action", action.code() + (childIndex >= 0 ? "#" + childIndex : ""))
                    .with("decision", decision.decision());
            audit.record(previous == null ? entry : entry.with("previousDecision", previous.decision()));
        }
    }

    long decisionCount(UUID id) {
        return jdbc.sql("select count(*) from risk_action_decision where assessment_id = ?").param(id)
                .query(Long.class).single();
    }

    private RecordedDecision current(UUID id, String code, int childIndex) {
        return jdbc.sql("""
                        select d.action_code, d.child_index, d.decision, d.rationale, u.display_name, d.decided_at
                          from risk_action_decision d join app_user u on u.id = d.decided_by
                         where d.assessment_id = ? and d.action_code = ? and d.child_index = ? and d.superseded_at is null
                        """).params(id, code, childIndex)
                .query((rs, n) -> new RecordedDecision(rs.getString("action_code"), rs.getInt("child_index"),
                        rs.getString("decision"), rs.getString("rationale"), rs.getString("display_name"),
                        rs.getTimestamp("decided_at").toInstant()))
                .optional().orElse(null);
    }

    @Transactional(readOnly = true)
    List<RecordedDecision> decisions(UUID id) {
        load(id);
        return jdbc.sql("""
                        select d.action_code, d.child_index, d.decision, d.rationale, u.display_name, d.decided_at
                          from risk_action_decision d join app_user u on u.id = d.decided_by
                         where d.assessment_id = ? and d.superseded_at is null order by d.action_code, d.child_index
                        """).param(id)
                .query((rs, n) -> new RecordedDecision(rs.getString("action_code"), rs.getInt("child_index"),
                        rs.getString("decision"), rs.getString("rationale"), rs.getString("display_name"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    static String key(String actionCode, int childIndex) {
        return childIndex >= 0 ? actionCode + "-" + childIndex : actionCode;
    }

    /** Declining needs a rationale unless the action is only a permission; an unknown code needs one too. */
    static boolean requiresRationale(String code) {
        try {
            return ActionCode.valueOf(code).requiresRationaleIfDeclined();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String withoutFullStop(String description) {
        return description.endsWith(".") ? description.substring(0, description.length() - 1) : description;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    Instrument instrument(RiskAssessment assessment) {
        // Never score answers on a different version than the one they were given on.
        return rules.instruments().find(assessment.instrumentId(), assessment.instrumentVersion())
                .orElseThrow(() -> new IllegalStateException("Instrument " + assessment.instrumentId() + " version "
                        + assessment.instrumentVersion() + " is no longer loaded; restore it to continue this assessment"));
    }

    Instrument dashInstrument() {
        return rules.instruments().latest(InstrumentCatalogue.DASH_RIC).orElseThrow();
    }

    private void store(UUID id, int version, String column, String document) {
        int updated = jdbc.sql("update risk_assessment set " + column + " = cast(? as jsonb), updated_at = ?,"
                        + " version = version + 1 where id = ? and version = ? and status = 'IN_PROGRESS'")
                .params(document, Timestamp.from(clock.instant()), id, version).update();
        if (updated == 0) {
            throw new ConflictException("This assessment was changed by someone else since you opened this page."
                    + " Your changes were not saved: reload the page and enter them again.");
        }
    }

    private RiskAssessment loadInProgress(UUID id) {
        RiskAssessment assessment = load(id);
        if (assessment.completed()) {
            throw new ConflictException("This assessment is complete and can no longer be changed.");
        }
        return assessment;
    }

    /** Loads an assessment the actor may see; for anyone else it does not exist, and the attempt is audited. */
    private RiskAssessment load(UUID id) {
        Actor actor = requirePractitioner("READ_RISK_ASSESSMENT", id);
        RiskAssessment assessment = jdbc.sql("""
                        select a.*, u.display_name as created_by_name
                          from risk_assessment a join app_user u on u.id = a.created_by where a.id = ?
                        """).param(id).query(this::map).optional().orElse(null);
        if (assessment == null) {
            throw new NotFoundException("Risk assessment");
        }
        if (!assessment.agencyId().equals(actor.agencyId())) {
            audit.recordIndependently(AuditEntry.refused("READ_RISK_ASSESSMENT", OBJECT, id, "another agency's assessment"));
            throw new NotFoundException("Risk assessment");
        }
        return assessment;
    }

    private RiskAssessment map(ResultSet rs, int row) throws SQLException {
        String snapshot = rs.getString("questions_snapshot");
        String result = rs.getString("result");
        Timestamp completedAt = rs.getTimestamp("completed_at");
        return new RiskAssessment(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class),
                rs.getObject("created_by", UUID.class), rs.getString("created_by_name"),
                rs.getString("victim_reference"), rs.getString("status"), rs.getString("profile"),
                rs.getString("instrument_id"), rs.getString("instrument_version"),
                json.readValue(rs.getString("facts"), AssessmentFacts.class),
                json.readValue(rs.getString("answers"), ANSWERS),
                json.readValue(rs.getString("supplements"), SUPPLEMENTS),
                snapshot == null ? List.of() : json.readValue(snapshot, SNAPSHOT),
                result == null ? null : json.readValue(result, StoredResult.class),
                rs.getTimestamp("created_at").toInstant(), completedAt == null ? null : completedAt.toInstant(),
                rs.getInt("version"), rs.getObject("person_id", UUID.class));
    }
}

package org.vigil.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.library.TemplateCatalog;
import org.vigil.monitoring.AssessmentCompleted;
import org.vigil.library.ValueType;
import org.vigil.library.scoring.InvalidAnswersException;
import org.vigil.library.scoring.InvalidScoringSpecException;
import org.vigil.library.scoring.Score;
import org.vigil.library.scoring.Scorer;
import org.vigil.library.scoring.ScoringSpec;
import org.vigil.patients.PatientDirectory;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a completed questionnaire: every answer checked against its item (known item, allowed
 * value, plausible range), required items present, the score and band computed on the server with
 * the template's specification (never trusted from the client), flags raised, and every answer and
 * the total also recorded as an observation of its metric so charts, rules and billing see them.
 * All of it in one transaction: a refused submission stores nothing.
 */
@Service
class Assessments {

    static final AuditedResource ASSESSMENT = AuditedResource.phi("Assessment");
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final TenantScope tenantScope;
    private final PatientDirectory patients;
    private final TemplateCatalog templates;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;
    private final JsonMapper json;
    private final Clock clock;
    private final AssessmentPlanner planner;
    private final Ingestion ingestion;
    private final org.springframework.context.ApplicationEventPublisher events;

    Assessments(TenantScope tenantScope, PatientDirectory patients, TemplateCatalog templates, JdbcTemplate jdbc,
            RecordAccessAudit audit, JsonMapper json, Clock clock, AssessmentPlanner planner, Ingestion ingestion,
            org.springframework.context.ApplicationEventPublisher events) {
        this.ingestion = ingestion;
        this.events = events;
        this.planner = planner;
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.templates = templates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    AssessmentView submit(TenantPrincipal caller, String patientId, AssessmentSubmission submission) {
        Instant completedAt = submission.completedAt() == null ? clock.instant() : submission.completedAt();
        if (completedAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw ApiProblem.invalid("completedAt", "must not be in the future");
        }
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            PatientDirectory.PatientRef patient = patients.find(patientId)
                    .orElseThrow(() -> ApiProblem.notFound("patient"));
            if (!patient.active()) {
                throw ApiProblem.refused("Patient inactive", "The patient is deactivated; reactivate them first.");
            }
            TemplateCatalog.TemplateDefinition template = templates.find(submission.templateId())
                    .filter(TemplateCatalog.TemplateDefinition::active)
                    .orElseThrow(() -> ApiProblem.invalid("templateId", "names no active assessment template"));
            String enrollment = enrollmentFor(patientId, submission.enrollmentId());
            Map<String, BigDecimal> numeric = checkedAnswers(template, submission.answers());

            BigDecimal total = null;
            String band = null;
            Map<String, Object> details = new LinkedHashMap<>();
            String totalMetricKey = null;
            if (template.scoringJson() != null) {
                Map<String, String> flags = new LinkedHashMap<>();
                template.items().stream().filter(i -> i.flagRuleJson() != null)
                        .forEach(i -> flags.put(i.metricKey(), i.flagRuleJson()));
                Score score;
                ScoringSpec spec;
                try {
                    spec = ScoringSpec.parse(template.scoringJson(), flags);
                    score = Scorer.score(spec, numeric);
                } catch (InvalidAnswersException e) {
                    throw answersProblem(e.items(), e.getMessage());
                } catch (InvalidScoringSpecException e) {
                    throw ApiProblem.refused("Template cannot be scored", "The template's scoring specification is "
                            + "invalid (" + e.path() + "); ask an administrator to fix the template.");
                }
                total = score.total();
                band = score.band() == null ? null : score.band().label();
                details.put("answered", score.answered());
                details.put("bandSeverity", score.band() == null ? null : score.band().severity());
                details.put("flags", score.flags().stream().map(flag -> Map.of("item", flag.item(),
                        "severity", flag.severity(), "label", flag.label() == null ? "" : flag.label())).toList());
                totalMetricKey = spec.totalMetric();
            }

            String id = Ids.newId();
            Map<String, JsonNode> responses = new LinkedHashMap<>();
            template.items().stream().filter(i -> submission.answers().containsKey(i.metricKey()))
                    .forEach(i -> responses.put(i.metricId(), submission.answers().get(i.metricKey())));
            jdbc.update("INSERT INTO assessments (id, organization_id, patient_id, enrollment_id, template_id, "
                    + "submitted_by_id, source, responses, score, score_band, score_details, completed_at, notes) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'MANUAL', ?::jsonb, ?, ?, ?::jsonb, ?, ?)", id, caller.organizationId(),
                    patientId, enrollment, template.id(), caller.userId(), json.writeValueAsString(responses), total,
                    band, json.writeValueAsString(details), Timestamp.from(completedAt), submission.notes());
            recordObservations(caller.organizationId(), caller.userId(), patientId, template, submission.answers(),
                    totalMetricKey, total, completedAt);
            if (template.key() != null) {
                events.publishEvent(new AssessmentCompleted(caller.organizationId(), patientId, template.key(),
                        completedAt));
            }
            if (submission.scheduledAssessmentId() != null) {
                completeScheduled(submission.scheduledAssessmentId(), patientId, template.id(), id, completedAt);
            } else if (enrollment != null) {
                // A questionnaire filled in without naming its scheduled item still fulfils it.
                jdbc.update("UPDATE scheduled_assessments SET status = 'COMPLETED', completed_at = ?, "
                        + "completed_assessment_id = ?, version = version + 1 WHERE enrollment_id = ? AND template_id = ? "
                        + "AND status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')", Timestamp.from(completedAt), id,
                        enrollment, template.id());
            }
            if (enrollment != null) {
                planner.plan(enrollment);
            }
            audit.created(ASSESSMENT, id, patientId);
            return find(id);
        });
    }

    AssessmentView get(TenantPrincipal caller, String patientId, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId).orElseThrow(() -> ApiProblem.notFound("patient"));
            AssessmentView view = find(id);
            if (!view.patientId().equals(patientId)) {
                throw ApiProblem.notFound("assessment");
            }
            audit.read(ASSESSMENT, id, patientId);
            return view;
        });
    }

    List<AssessmentView> list(TenantPrincipal caller, String patientId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId).orElseThrow(() -> ApiProblem.notFound("patient"));
            List<AssessmentView> found = jdbc.query(SELECT + " WHERE patient_id = ? ORDER BY completed_at DESC, id "
                    + "LIMIT 200", this::view, patientId);
            audit.searched(ASSESSMENT, found.stream().map(AssessmentView::id).toList(), List.of(), patientId);
            return found;
        });
    }

    private static final String SELECT = "SELECT id, patient_id, template_id, enrollment_id, responses::text, score, "
            + "score_band, score_details::text, completed_at, submitted_by_id FROM assessments";

    private AssessmentView find(String id) {
        return jdbc.query(SELECT + " WHERE id = ?", this::view, id).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("assessment"));
    }

    private AssessmentView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AssessmentView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                json.readTree(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7),
                rs.getString(8) == null ? null : json.readTree(rs.getString(8)), rs.getTimestamp(9).toInstant(),
                rs.getString(10));
    }

    /**
     * Every answer names an item of the template and has an allowed value; every required item is
     * answered. All problems are reported together, each under {@code answers.<item>}.
     */
    private static Map<String, BigDecimal> checkedAnswers(TemplateCatalog.TemplateDefinition template,
            Map<String, JsonNode> answers) {
        Map<String, TemplateCatalog.ItemDefinition> items = new LinkedHashMap<>();
        template.items().forEach(item -> items.put(item.metricKey(), item));
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> numeric = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
            TemplateCatalog.ItemDefinition item = items.get(answer.getKey());
            String field = "answers." + answer.getKey();
            if (item == null) {
                errors.add(new ApiProblem.FieldError(field, "is not an item of this template"));
                continue;
            }
            String problem = AnswerRules.problem(item, answer.getValue());
            if (problem != null) {
                errors.add(new ApiProblem.FieldError(field, problem));
            } else {
                AnswerRules.numeric(item, answer.getValue()).ifPresent(value -> numeric.put(item.metricKey(), value));
            }
        }
        for (TemplateCatalog.ItemDefinition item : template.items()) {
            JsonNode answer = answers.get(item.metricKey());
            if (item.required() && (answer == null || answer.isNull())) {
                errors.add(new ApiProblem.FieldError("answers." + item.metricKey(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            ApiProblem problem = ApiProblem.invalid("answers", "invalid");
            problem.getBody().setProperty("errors", errors);
            throw problem;
        }
        return numeric;
    }

    private static ApiProblem answersProblem(List<String> items, String message) {
        ApiProblem problem = ApiProblem.invalid("answers", message);
        problem.getBody().setProperty("errors", items.stream()
                .map(item -> new ApiProblem.FieldError("answers." + item, message)).toList());
        return problem;
    }

    private String enrollmentFor(String patientId, String enrollmentId) {
        if (enrollmentId != null) {
            return patients.enrollment(enrollmentId).filter(e -> e.patientId().equals(patientId))
                    .map(PatientDirectory.EnrollmentRef::id)
                    .orElseThrow(() -> ApiProblem.invalid("enrollmentId", "names no enrollment of this patient"));
        }
        List<PatientDirectory.EnrollmentRef> active = patients.activeEnrollments(patientId);
        return active.size() == 1 ? active.get(0).id() : null;
    }

    /**
     * Each answered item and the total become observations of their metrics (source MANUAL, at
     * the completion time) through ingestion, like any reading: validated, de-duplicated, counted
     * in the daily rollup and evaluated by the rules that name those metrics.
     */
    private void recordObservations(String organizationId, String userId, String patientId,
            TemplateCatalog.TemplateDefinition template, Map<String, JsonNode> answers, String totalMetricKey,
            BigDecimal total, Instant completedAt) {
        List<JsonNode> readings = new ArrayList<>();
        for (TemplateCatalog.ItemDefinition item : template.items()) {
            JsonNode answer = answers.get(item.metricKey());
            if (answer == null || answer.isNull() || item.valueType() == ValueType.TEXT) {
                continue;
            }
            readings.add(reading(patientId, item.metricKey(), answer, completedAt));
        }
        if (totalMetricKey != null && total != null) {
            readings.add(reading(patientId, totalMetricKey, json.getNodeFactory().numberNode(total), completedAt));
        }
        if (readings.isEmpty()) {
            return;
        }
        List<Ingestion.Outcome> outcomes = ingestion.ingest(organizationId, userId, readings, null);
        if (outcomes.stream().anyMatch(outcome -> outcome.status() == Ingestion.Status.REJECTED)) {
            throw ApiProblem.refused("Answers not recordable", "An answer could not be recorded as a reading of its "
                    + "metric (the template's items and the metric definitions disagree); nothing was stored.");
        }
    }

    private JsonNode reading(String patientId, String metricKey, JsonNode value, Instant at) {
        tools.jackson.databind.node.ObjectNode reading = json.createObjectNode();
        reading.put("patientId", patientId);
        reading.put("metric", metricKey);
        reading.set("value", value);
        reading.put("recordedAt", at.toString());
        reading.put("source", "MANUAL");
        return reading;
    }

    private void completeScheduled(String scheduledId, String patientId, String templateId, String assessmentId,
            Instant completedAt) {
        int updated = jdbc.update("UPDATE scheduled_assessments SET status = 'COMPLETED', completed_at = ?, "
                + "completed_assessment_id = ?, version = version + 1 WHERE id = ? AND patient_id = ? AND template_id = ? "
                + "AND status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')", Timestamp.from(completedAt), assessmentId,
                scheduledId, patientId, templateId);
        if (updated == 0) {
            throw ApiProblem.invalid("scheduledAssessmentId",
                    "names no open scheduled assessment of this patient for this template");
        }
    }
}

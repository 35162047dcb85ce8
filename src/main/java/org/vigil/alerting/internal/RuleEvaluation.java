package org.vigil.alerting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vigil.library.AlertRuleCatalog;
import org.vigil.library.AlertRuleCatalog.ApplicableRule;
import org.vigil.library.MetricCatalog;
import org.vigil.library.MetricCatalog.MetricInfo;
import org.vigil.library.rules.Condition;
import org.vigil.library.rules.ConditionParser;
import org.vigil.library.rules.Evaluation;
import org.vigil.library.rules.EvaluationContext;
import org.vigil.library.rules.RuleEvaluator;
import org.vigil.library.rules.Window;
import org.vigil.monitoring.ReadingHistory;
import org.vigil.monitoring.ReadingsRecorded;
import org.vigil.patients.EnrollmentDirectory;
import org.vigil.patients.EnrollmentDirectory.ActiveEnrollment;
import org.vigil.tenancy.TenantScope;

/**
 * Evaluates the rules that apply to patients with the pure engine ({@link RuleEvaluator}) and
 * raises alerts through {@link AlertWriter}: after readings are stored (the rules that name a
 * metric just recorded) and on the missing-data check (the rules with a {@code missing_data}
 * leaf). Which rules apply is {@link AlertRuleCatalog}'s rule: the presets of ACTIVE enrollments
 * (the link's priority; when several enrollments bring the same rule, the highest priority and its
 * enrollment win) plus the organization-wide rules (attributed to the earliest active enrollment).
 */
@Service
class RuleEvaluation {

    private static final Logger log = LoggerFactory.getLogger(RuleEvaluation.class);

    /**
     * One patient to evaluate: at which instant, and what changed — metrics recorded (readings),
     * or a questionnaire completed (by template key); neither means the missing-data check.
     */
    record Target(String patientId, Instant now, Set<String> recordedMetrics, String completedTemplate) {

        Target(String patientId, Instant now, Set<String> recordedMetrics) {
            this(patientId, now, recordedMetrics, null);
        }

        boolean concerns(Condition condition) {
            if (completedTemplate != null) {
                return condition.referencedTemplates().contains(completedTemplate);
            }
            return recordedMetrics == null ? hasMissingData(condition)
                    : condition.referencedMetrics().stream().anyMatch(recordedMetrics::contains);
        }
    }

    /** A rule as it applies to one patient. */
    record Applied(ApplicableRule rule, Condition condition, ActiveEnrollment enrollment) {
    }

    private final TenantScope tenantScope;
    private final EnrollmentDirectory enrollments;
    private final AlertRuleCatalog rules;
    private final MetricCatalog metrics;
    private final ReadingHistory history;
    private final AlertWriter writer;
    private final Clock clock;
    private final org.vigil.monitoring.AssessmentResults assessments;
    private final org.vigil.patients.PatientDirectory patientDirectory;
    private final RankKeeper ranks;
    private final PatientEvaluationLocks patientLocks;
    private final Map<String, Condition> parsed = new ConcurrentHashMap<>();

    RuleEvaluation(TenantScope tenantScope, EnrollmentDirectory enrollments, AlertRuleCatalog rules,
            MetricCatalog metrics, ReadingHistory history, AlertWriter writer, Clock clock,
            org.vigil.monitoring.AssessmentResults assessments, org.vigil.patients.PatientDirectory patientDirectory,
            RankKeeper ranks, PatientEvaluationLocks patientLocks) {
        this.ranks = ranks;
        this.patientLocks = patientLocks;
        this.assessments = assessments;
        this.patientDirectory = patientDirectory;
        this.tenantScope = tenantScope;
        this.enrollments = enrollments;
        this.rules = rules;
        this.metrics = metrics;
        this.history = history;
        this.writer = writer;
        this.clock = clock;
    }

    /** After readings were stored: the rules naming a recorded metric, at the later of now and the newest reading. */
    int onReadings(ReadingsRecorded event) {
        List<Target> targets = targets(event);
        return tenantScope.call(event.organizationId(),
                () -> evaluate(event.organizationId(), targets, null, true, false, true));
    }

    /** One target per patient of the event, judged at the later of now and the patient's newest reading. */
    private List<Target> targets(ReadingsRecorded event) {
        Instant now = clock.instant();
        List<Target> targets = new ArrayList<>();
        for (ReadingsRecorded.PatientReadings p : event.patients()) {
            Instant at = p.latestRecordedAt() != null && p.latestRecordedAt().isAfter(now) ? p.latestRecordedAt() : now;
            targets.add(new Target(p.patientId(), at, Set.copyOf(p.metricKeys())));
        }
        return targets;
    }

    /**
     * {@link #onReadings}, inside the running transaction that stored the readings (joined, not
     * committed here, so its commit waits for the WAL flush like the readings'), with the active
     * enrollments of their patients as that transaction read them.
     */
    int onReadingsInTransaction(ReadingsRecorded event, List<ActiveEnrollment> activeEnrollments) {
        List<Target> targets = targets(event);
        return tenantScope.call(event.organizationId(),
                () -> evaluate(event.organizationId(), targets, activeEnrollments, false, true, true));
    }

    /** After a questionnaire was completed: the rules that look at that questionnaire. */
    int onAssessment(org.vigil.monitoring.AssessmentCompleted event) {
        Instant now = clock.instant();
        Instant at = event.completedAt().isAfter(now) ? event.completedAt() : now;
        return tenantScope.call(event.organizationId(), () -> evaluate(event.organizationId(),
                List.of(new Target(event.patientId(), at, Set.of(), event.templateKey())), null, true, false, true));
    }

    /** The missing-data check of one organization: every patient with an active enrollment, rules with missing_data. */
    int missingData(String organizationId) {
        Instant now = clock.instant();
        return tenantScope.call(organizationId, () -> {
            Set<String> patients = new HashSet<>();
            List<ActiveEnrollment> active = enrollments.allActive();
            active.forEach(e -> patients.add(e.patientId()));
            List<Target> targets = patients.stream().sorted().map(p -> new Target(p, now, null)).toList();
            // no patient locks: see PatientEvaluationLocks on the missing-data check
            return evaluate(organizationId, targets, active, false, false, false);
        });
    }

    /**
     * Evaluates the targets (one per patient) in the running tenant transaction.
     *
     * @param published driven by an event publication, whose later completion makes this commit
     *                  durable (see {@link AlertWriter#lockOrganizationCommittingLazily})
     * @param known     the active enrollments of the targets' patients, when already read in this transaction
     * @param inRequest inside a request's own transaction: re-ranking after its commit ({@link RankKeeper})
     * @param newData   prompted by new readings or a questionnaire: the patients' evaluation locks are taken
     */
    private int evaluate(String organizationId, List<Target> targets, List<ActiveEnrollment> known,
            boolean published, boolean inRequest, boolean newData) {
        List<String> patientIds = targets.stream().map(Target::patientId).toList();
        Map<String, List<ActiveEnrollment>> byPatient = new HashMap<>();
        Set<String> presetIds = new HashSet<>();
        for (ActiveEnrollment e : known != null ? known : enrollments.activeOf(patientIds)) {
            byPatient.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
            if (e.conditionPresetId() != null) {
                presetIds.add(e.conditionPresetId());
            }
        }
        Map<String, List<ApplicableRule>> presetRules = new HashMap<>();
        rules.ofPresets(presetIds).forEach(r -> presetRules.computeIfAbsent(r.conditionPresetId(),
                k -> new ArrayList<>()).add(r));
        List<ApplicableRule> organizationRules = rules.organizationWide(organizationId);
        // What each target's rules need, then the readings of every target in one query.
        List<Target> concerned = new ArrayList<>();
        List<List<Applied>> appliedOf = new ArrayList<>();
        List<ReadingHistory.Request> requests = new ArrayList<>();
        for (Target target : targets) {
            List<ActiveEnrollment> patientEnrollments = byPatient.getOrDefault(target.patientId(), List.of());
            List<Applied> applied = applicable(patientEnrollments, presetRules, organizationRules).stream()
                    .filter(a -> target.concerns(a.condition()))
                    .toList();
            if (applied.isEmpty()) {
                continue;
            }
            concerned.add(target);
            appliedOf.add(applied);
            Map<String, ReadingHistory.Need> needs = new HashMap<>();
            applied.forEach(a -> needs(a.condition(), needs));
            requests.add(new ReadingHistory.Request(target.patientId(), needs, target.now()));
        }
        if (newData) {
            // see each other's readings (PatientEvaluationLocks)
            patientLocks.lock(organizationId, concerned.stream().map(Target::patientId).toList());
        }
        Map<String, Map<String, List<org.vigil.library.rules.Reading>>> allReadings = history.ofAll(requests);
        Map<String, MetricInfo> metricInfo = null;
        Map<String, Integer> slaMinutes = null;
        List<AlertWriter.Raise> raises = new ArrayList<>();
        for (int t = 0; t < concerned.size(); t++) {
            Target target = concerned.get(t);
            List<ActiveEnrollment> patientEnrollments = byPatient.getOrDefault(target.patientId(), List.of());
            List<Applied> applied = appliedOf.get(t);
            var readings = allReadings.getOrDefault(target.patientId(), Map.of());
            var overrides = applied.stream().anyMatch(a -> !a.condition().referencedOverrides().isEmpty())
                    ? patientDirectory.thresholdOverrides(target.patientId()) : Map.<String, java.math.BigDecimal>of();
            Set<String> templates = new HashSet<>();
            applied.forEach(a -> templates.addAll(a.condition().referencedTemplates()));
            var questionnaires = templates.isEmpty() ? Map.<String, List<org.vigil.library.rules.AssessmentResult>>of()
                    : assessments.of(target.patientId(), templates);
            Instant earliestStart = patientEnrollments.isEmpty() ? null : patientEnrollments.get(0).startDate();
            for (Applied a : applied) {
                Instant start = a.enrollment() != null ? a.enrollment().startDate() : earliestStart;
                EvaluationContext context = new EvaluationContext(target.now(), start, readings, questionnaires,
                        List.of(), overrides);
                Evaluation evaluation;
                try {
                    evaluation = RuleEvaluator.evaluate(a.condition(), context);
                } catch (RuntimeException e) {
                    // ids only: no values in logs
                    log.warn("Rule {} could not be evaluated for patient {}: {}", a.rule().id(), target.patientId(),
                            e.getClass().getSimpleName());
                    continue;
                }
                if (evaluation.triggered()) {
                    if (metricInfo == null) {
                        if (published) {
                            writer.lockOrganizationCommittingLazily(organizationId);
                        } else {
                            writer.lockOrganization(organizationId);
                        }
                        slaMinutes = writer.slaMinutes(organizationId);
                        metricInfo = new HashMap<>();
                        for (MetricInfo m : metrics.byKeys(referencedKeys(presetRules, organizationRules))) {
                            // the organization's own metric wins over a standardized one with the same key
                            if (m.organizationId() != null || !metricInfo.containsKey(m.key())) {
                                metricInfo.put(m.key(), m);
                            }
                        }
                    }
                    raises.add(writer.prepare(target.patientId(), a, evaluation, target.now(), metricInfo,
                            slaMinutes));
                }
            }
        }
        AlertWriter.Written written = writer.writeAll(organizationId, raises);
        int raised = written.count();
        if (raised > 0 && written.orderMayChange()) {
            if (inRequest) {
                ranks.rerankAfterCommit(organizationId);
            } else {
                writer.rerank(organizationId);
            }
        }
        return raised;
    }

    private Set<String> referencedKeys(Map<String, List<ApplicableRule>> presetRules,
            List<ApplicableRule> organizationRules) {
        Set<String> keys = new HashSet<>();
        List<ApplicableRule> all = new ArrayList<>(organizationRules);
        presetRules.values().forEach(all::addAll);
        for (ApplicableRule r : all) {
            Condition c = condition(r);
            if (c != null) {
                keys.addAll(c.referencedMetrics());
            }
        }
        return keys;
    }

    /** The rules of a patient, by rule: the highest-priority preset link wins, then organization-wide rules. */
    private List<Applied> applicable(List<ActiveEnrollment> patientEnrollments,
            Map<String, List<ApplicableRule>> presetRules, List<ApplicableRule> organizationRules) {
        Map<String, Applied> byRule = new LinkedHashMap<>();
        for (ActiveEnrollment e : patientEnrollments) {
            for (ApplicableRule r : presetRules.getOrDefault(e.conditionPresetId(), List.of())) {
                Applied current = byRule.get(r.id());
                if (current == null || r.priority() > current.rule().priority()) {
                    Condition c = condition(r);
                    if (c != null) {
                        byRule.put(r.id(), new Applied(r, c, e));
                    }
                }
            }
        }
        ActiveEnrollment first = patientEnrollments.isEmpty() ? null : patientEnrollments.get(0);
        for (ApplicableRule r : organizationRules) {
            Condition c = condition(r);
            if (c != null) {
                byRule.putIfAbsent(r.id(), new Applied(r, c, first));
            }
        }
        return new ArrayList<>(byRule.values());
    }

    /** Parsed once per distinct condition text; a rule that no longer parses is skipped (the library validates on save). */
    private Condition condition(ApplicableRule rule) {
        Condition c = parsed.get(rule.conditionsJson());
        if (c == null) {
            try {
                c = ConditionParser.parse(rule.conditionsJson());
            } catch (RuntimeException e) {
                log.warn("Rule {} has conditions the engine cannot read; it is skipped", rule.id());
                return null;
            }
            if (parsed.size() > 10_000) {
                parsed.clear();
            }
            parsed.put(rule.conditionsJson(), c);
        }
        return c;
    }

    static boolean hasMissingData(Condition condition) {
        return condition.leaves().anyMatch(l -> l instanceof Condition.MissingData);
    }

    /** Which readings each leaf needs: the last N and/or a time window. */
    static void needs(Condition condition, Map<String, ReadingHistory.Need> needs) {
        condition.leaves().forEach(leaf -> {
            ReadingHistory.Need need = null;
            String metric = null;
            if (leaf instanceof Condition.Threshold t) {
                metric = t.metric();
                need = new ReadingHistory.Need(1, timed(t.window()));
            } else if (leaf instanceof Condition.Range r) {
                metric = r.metric();
                need = new ReadingHistory.Need(1, timed(r.window()));
            } else if (leaf instanceof Condition.Consecutive k) {
                metric = k.metric();
                need = new ReadingHistory.Need(k.count(), timed(k.window()));
            } else if (leaf instanceof Condition.MissingData m) {
                metric = m.metric();
                need = new ReadingHistory.Need(1, timed(m.window()));
            } else if (leaf instanceof Condition.Aggregate a) {
                metric = a.metric();
                need = window(a.window());
            } else if (leaf instanceof Condition.Trend t) {
                metric = t.metric();
                need = window(t.window());
            }
            if (metric != null) {
                needs.merge(metric, need, ReadingHistory.Need::merge);
            }
        });
    }

    private static ReadingHistory.Need window(Window w) {
        if (w instanceof Window.LastReadings l) {
            return new ReadingHistory.Need(l.count(), Duration.ZERO);
        }
        return new ReadingHistory.Need(1, ((Window.Timed) w).duration());
    }

    private static Duration timed(Window.Timed w) {
        return w == null ? Duration.ZERO : w.duration();
    }
}

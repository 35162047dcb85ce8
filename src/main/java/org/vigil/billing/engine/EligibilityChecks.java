package org.vigil.billing.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.vigil.billing.engine.Catalog.EligibilityRule;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Facts.Performer;
import org.vigil.billing.engine.Readiness.RuleResult;

/** Whether an enrollment may bill its program: the program's eligibility rules (seed eligibilityRules), then the practitioner. */
final class EligibilityChecks {

    private final EngineLookups lookups;
    private final EnrollmentMonth s;
    private final Facts.Patient patient;
    private final Facts.Enrollment e;
    private final Kind kind;

    EligibilityChecks(EngineLookups lookups, EnrollmentMonth s) {
        this.lookups = lookups;
        this.s = s;
        this.patient = s.patient();
        this.e = s.enrollment();
        this.kind = s.kind();
    }

    /** The rules of the program version in effect, in catalog order, then the practitioner; consents as of {@code asOf}. */
    List<RuleResult> check(Program current, LocalDate asOf) {
        List<RuleResult> eligibility = new ArrayList<>();
        for (EligibilityRule rule : current.eligibilityRules()) {
            eligibility.add(eligibilityRule(rule, asOf));
        }
        eligibility.add(practitioner());
        return eligibility;
    }

    private RuleResult eligibilityRule(EligibilityRule rule, LocalDate asOf) {
        String type = rule.ruleType() == null ? "" : rule.ruleType();
        return switch (type) {
            case "INSURANCE" -> insurance(rule);
            case "DIAGNOSIS" -> diagnosis(rule);
            case "CONSENT" -> consent(rule, asOf);
            case "CUSTOM" -> new RuleResult(type, rule.description(), e.eligibilityAttested(), e.eligibilityAttested()
                    ? "Confirmed by staff (enrollment billing eligibility)"
                    : "Not confirmed: record it on the enrollment's billing eligibility (eligible = true) once documented");
            default -> new RuleResult(type, rule.description(), false, "Unknown rule type " + type + ": not evaluated");
        };
    }

    private RuleResult insurance(EligibilityRule rule) {
        String type = patient.insurance() == null ? null : patient.insurance().type();
        if (type == null) {
            return new RuleResult("INSURANCE", rule.description(), false, "No insurance type recorded for the patient");
        }
        String actual = lookups.normalize(type);
        Set<String> accepted = new TreeSet<>();
        for (String payer : rule.payers()) {
            accepted.add(lookups.normalize(payer));
            for (String plan : rule.plans()) {
                accepted.add(lookups.normalize(payer + " " + plan));
            }
        }
        boolean passed = accepted.contains(actual);
        return new RuleResult("INSURANCE", rule.description(), passed, passed ? "Insurance " + actual
                : "Insurance " + actual + " is not one of " + String.join(", ", accepted));
    }

    private RuleResult diagnosis(EligibilityRule rule) {
        Set<String> current = s.currentDiagnoses();
        String operator = rule.operator() == null ? "MIN_COUNT" : rule.operator();
        if ("MIN_COUNT".equals(operator)) {
            int min = rule.minCount() == null ? 1 : rule.minCount();
            boolean passed = current.size() >= min;
            return new RuleResult("DIAGNOSIS", rule.description(), passed,
                    current.size() + " current diagnos" + (current.size() == 1 ? "is" : "es") + "; " + min + " required");
        }
        if ("CATEGORY_MATCH".equals(operator)) {
            List<String> matching = current.stream()
                    .filter(code -> rule.categories().stream().anyMatch(cat -> IcdCategories.matches(code, cat))).toList();
            return new RuleResult("DIAGNOSIS", rule.description(), !matching.isEmpty(), matching.isEmpty()
                    ? "No current diagnosis in " + String.join(", ", rule.categories())
                    : "Matching diagnoses: " + String.join(", ", matching));
        }
        return new RuleResult("DIAGNOSIS", rule.description(), false, "Unknown operator " + operator + ": not evaluated");
    }

    private RuleResult consent(EligibilityRule rule, LocalDate asOf) {
        List<String> missing = new ArrayList<>();
        List<Facts.Consent> found = new ArrayList<>();
        for (String type : rule.consentTypes()) {
            Optional<Facts.Consent> match = patient.consents().stream()
                    .filter(c -> type.equals(c.type()) && c.inEffectOn(asOf)
                            && (!"PROGRAM".equals(type) || rule.consentProgramType() == null
                                    || rule.consentProgramType().equals(c.programType())))
                    .findFirst();
            if (match.isPresent()) {
                found.add(match.get());
            } else {
                missing.add("PROGRAM".equals(type) && rule.consentProgramType() != null
                        ? type + " (" + rule.consentProgramType() + ")" : type);
            }
        }
        if (!missing.isEmpty()) {
            return new RuleResult("CONSENT", rule.description(), false,
                    "No consent in effect on " + asOf + ": " + String.join(", ", missing));
        }
        if (rule.costSharingAcknowledged() && found.stream().noneMatch(Facts.Consent::costSharingAcknowledged)) {
            return new RuleResult("CONSENT", rule.description(), false,
                    "The consent does not record that cost-sharing was explained (domain §1.0)");
        }
        return new RuleResult("CONSENT", rule.description(), true, "Consent in effect on " + asOf);
    }

    /** The enrollment's clinician bills: a physician or QHP (a therapist for RTM; verified row 7, §C rule 15). */
    private RuleResult practitioner() {
        Facts.Clinician c = e.billingClinician();
        Performer p = c == null ? Performer.UNKNOWN : c.performer();
        // The same (immutable) result for every enrollment of a kind whose clinician has this capacity.
        AtomicReferenceArray<RuleResult> ofKind = lookups.practitionerResults(kind);
        RuleResult known = ofKind.get(p.ordinal());
        if (known == null) {
            known = practitioner(p);
            ofKind.set(p.ordinal(), known);
        }
        return known;
    }

    private RuleResult practitioner(Performer p) {
        boolean passed = p.physicianOrQhp() || (kind == Kind.RTM && p == Performer.THERAPIST);
        return new RuleResult("PRACTITIONER", "The billing practitioner may bill " + kind, passed, passed
                ? "Billing practitioner: " + p
                : "The enrollment's clinician (" + p + ") cannot bill " + kind
                        + ": assign a physician or qualified health care professional" + (kind == Kind.RTM ? " or therapist" : ""));
    }
}

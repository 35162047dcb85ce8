package org.vigil.patients.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.vigil.identity.Caller;
import org.vigil.patients.ConsentType;
import org.vigil.patients.EnrollmentStatus;
import org.vigil.patients.InsuranceType;
import org.vigil.shared.web.WebPage;

/**
 * The guided enrollment of a patient from the chart: care program, responsible clinician,
 * condition preset, billing program and start date, then billing eligibility (insurance type,
 * chronic conditions from the patient's current diagnoses, documented consent). The eligibility
 * result is shown as the form changes (htmx) and stored with the enrollment; the enrollment goes
 * through the API's service, so its refusals (a second ACTIVE enrollment in the program, RPM and RTM
 * over the same period, deactivated references) are the API's, shown as messages on the form.
 */
@WebPage
class WebEnrollmentController {

    /** The fields shown next to their own message; anything else a refusal names is listed above the form. */
    static final Set<String> FIELDS = Set.of("careProgramId", "clinicianId", "conditionPresetId", "billingProgramId",
            "startDate", "status", "insuranceType", "chronicConditions", "notes");

    private final Patients patients;
    private final Diagnoses diagnoses;
    private final Consents consents;
    private final Enrollments enrollments;
    private final EnrollmentPages pages;
    private final Validator validator;

    WebEnrollmentController(Patients patients, Diagnoses diagnoses, Consents consents, Enrollments enrollments,
            EnrollmentPages pages, Validator validator) {
        this.patients = patients;
        this.diagnoses = diagnoses;
        this.consents = consents;
        this.enrollments = enrollments;
        this.pages = pages;
        this.validator = validator;
    }

    /** The form as typed. {@code consent} is "on" when ticked. */
    record EnrollForm(String careProgramId, String clinicianId, String conditionPresetId, String billingProgramId,
            String startDate, String status, String insuranceType, List<String> chronicConditions, String consent,
            String notes) {

        public List<String> conditions() {
            return chronicConditions == null ? List.of() : chronicConditions.stream().filter(c -> c != null && !c.isBlank())
                    .map(String::trim).distinct().toList();
        }

        public boolean consented() {
            return consent != null && !consent.isBlank();
        }
    }

    @GetMapping("/patients/{id}/enroll")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('ENROLLMENT_WRITE')")
    String form(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        PatientView patient = patients.get(caller, id).body();
        List<DiagnosisView> current = currentDiagnoses(caller, id);
        boolean consented = consents.list(caller, id).stream().anyMatch(c -> c.active()
                && (c.type() == ConsentType.PROGRAM || c.type() == ConsentType.BILLING) && c.costSharingAcknowledged());
        EnrollForm form = new EnrollForm("", "", "", "", pages.today(caller).toString(), EnrollmentStatus.ACTIVE.name(),
                patient.insuranceInfo() == null ? "" : patient.insuranceInfo().type().name(),
                current.stream().map(DiagnosisView::icd10Code).toList(), consented ? "on" : null, "");
        return page(caller, patient, current, form, Map.of(), null, model);
    }

    @PostMapping("/patients/{id}/enroll/eligibility")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('ENROLLMENT_WRITE')")
    String eligibility(@AuthenticationPrincipal Caller caller, @PathVariable String id, EnrollForm form, Model model) {
        patients.get(caller, id);
        model.addAttribute("check", check(caller, form, new LinkedHashMap<>()));
        return "patients/enroll :: eligibility";
    }

    @PostMapping("/patients/{id}/enroll")
    @PreAuthorize("hasAuthority('PATIENT_READ') and hasAuthority('ENROLLMENT_WRITE')")
    String enroll(@AuthenticationPrincipal Caller caller, @PathVariable String id, EnrollForm form, Model model,
            HttpServletResponse response) {
        PatientView patient = patients.get(caller, id).body();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = WebPatientsController.date(form.startDate(), "startDate", errors);
        EnrollmentStatus status = WebPatientsController.choice(EnrollmentStatus.class, form.status(), "status", errors);
        String billingProgramId = WebForms.blankToNull(form.billingProgramId());
        EligibilityCheck check = check(caller, form, errors);
        BillingEligibility eligibility = billingProgramId == null ? null : new BillingEligibility(check.eligible(),
                insurance(form, errors) == null ? null
                        : new BillingEligibility.Insurance(EligibilityCheck.label(insurance(form, errors))),
                form.conditions(), form.consented());
        EnrollmentCreateRequest request = new EnrollmentCreateRequest(id, WebForms.blankToNull(form.clinicianId()),
                WebForms.blankToNull(form.careProgramId()), billingProgramId,
                WebForms.blankToNull(form.conditionPresetId()), status,
                start == null ? null : pages.startOfDay(caller, start), null, WebForms.blankToNull(form.notes()),
                eligibility);
        WebForms.violations(validator, request).forEach((field, message) -> errors.putIfAbsent(
                field.startsWith("billingEligibility.chronicConditions") ? "chronicConditions" : field, message));
        String problem = null;
        if (errors.isEmpty()) {
            try {
                enrollments.create(caller, request);
                return "redirect:/patients/" + id + "?m=enrolled";
            } catch (ErrorResponseException refusal) {
                errors.putAll(WebForms.fieldErrors(refusal));
                problem = WebForms.detail(refusal);
                response.setStatus(refusal.getStatusCode().value());
            }
        } else {
            response.setStatus(400);
        }
        return page(caller, patient, currentDiagnoses(caller, id), form, errors, problem, model);
    }

    private String page(Caller caller, PatientView patient, List<DiagnosisView> current, EnrollForm form,
            Map<String, String> errors, String problem, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("diagnoses", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<String> other = new ArrayList<>();
        errors.forEach((field, message) -> {
            if (!FIELDS.contains(field)) {
                other.add(field + ": " + message);
            }
        });
        model.addAttribute("otherErrors", other);
        model.addAttribute("problem", problem);
        model.addAttribute("choices", pages.choices(caller));
        model.addAttribute("insuranceTypes", InsuranceType.values());
        model.addAttribute("check", check(caller, form, new LinkedHashMap<>()));
        return "patients/enroll";
    }

    private EligibilityCheck check(Caller caller, EnrollForm form, Map<String, String> errors) {
        String billingProgramId = WebForms.blankToNull(form.billingProgramId());
        if (billingProgramId == null) {
            return null;
        }
        return EligibilityCheck.of(pages.billingType(caller, billingProgramId), insurance(form, errors),
                form.conditions().size(), form.consented());
    }

    private static InsuranceType insurance(EnrollForm form, Map<String, String> errors) {
        return WebPatientsController.choice(InsuranceType.class, form.insuranceType(), "insuranceType", errors);
    }

    private List<DiagnosisView> currentDiagnoses(Caller caller, String patientId) {
        return diagnoses.list(caller, patientId).stream().filter(d -> d.resolvedDate() == null).toList();
    }
}

package org.vigil.patients.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigil.identity.Caller;
import org.vigil.patients.Gender;
import org.vigil.patients.InsuranceType;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Permission;

/**
 * The patient list (search by name, MRN, date of birth; active filter; paging), the new-patient
 * form and the patient chart's shell: demographics, diagnoses, consents and enrollments, with the
 * other modules' sections (vitals, alerts, assessments and medications, care work) loaded by htmx
 * from their own fragment endpoints. Every read goes through the same services as the API, so it
 * is tenant-scoped and audited the same way.
 */
@WebPage
class WebPatientsController {

    static final int PAGE_SIZE = 20;

    private final Patients patients;
    private final Diagnoses diagnoses;
    private final Consents consents;
    private final EnrollmentPages enrollmentPages;
    private final Validator validator;

    WebPatientsController(Patients patients, Diagnoses diagnoses, Consents consents, EnrollmentPages enrollmentPages,
            Validator validator) {
        this.patients = patients;
        this.diagnoses = diagnoses;
        this.consents = consents;
        this.enrollmentPages = enrollmentPages;
        this.validator = validator;
    }

    /** The filters as typed (kept as text so a bad date is a message, not a 400 page). */
    record SearchForm(String name, String mrn, String dob, String active) {
    }

    @GetMapping("/patients")
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
            @RequestParam(required = false) String mrn, @RequestParam(required = false) String dob,
            @RequestParam(required = false) String active, @RequestParam(required = false) String page, Model model,
            HttpServletResponse response) {
        SearchForm form = new SearchForm(name, mrn, dob, active == null ? "true" : active);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate dateOfBirth = date(dob, "dob", errors);
        Boolean activeFilter = switch (form.active()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        PatientSearchParams params = new PatientSearchParams(WebForms.blankToNull(name), WebForms.blankToNull(mrn),
                dateOfBirth, activeFilter, null);
        WebForms.violations(validator, params).forEach((field, message) ->
                errors.putIfAbsent(field.equals("medicalRecordNumber") ? "mrn" : field, message));
        int pageNumber = pageNumber(page);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayCreate", caller.may(Permission.PATIENT_WRITE));
        if (errors.isEmpty()) {
            PageResponse<PatientView> found = patients.search(caller, params, new PageQuery(pageNumber, PAGE_SIZE));
            model.addAttribute("result", found);
        } else {
            response.setStatus(400);
        }
        return "patients/list";
    }

    @GetMapping("/patients/new")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    String newPatient(Model model) {
        model.addAttribute("form", NewPatientForm.EMPTY);
        model.addAttribute("errors", Map.of());
        return newPatientPage(model);
    }

    /** The new-patient form's fields as typed. */
    record NewPatientForm(String firstName, String lastName, String dateOfBirth, String medicalRecordNumber,
            String gender, String email, String phone, String insuranceType) {
        static final NewPatientForm EMPTY = new NewPatientForm("", "", "", "", "", "", "", "");
    }

    @PostMapping("/patients")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    String create(@AuthenticationPrincipal Caller caller, NewPatientForm form, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate dateOfBirth = date(form.dateOfBirth(), "dateOfBirth", errors);
        Gender gender = choice(Gender.class, form.gender(), "gender", errors);
        InsuranceType insurance = choice(InsuranceType.class, form.insuranceType(), "insuranceInfo.type", errors);
        PatientRequest request = new PatientRequest(WebForms.blankToNull(form.medicalRecordNumber()),
                form.firstName() == null ? null : form.firstName().trim(),
                form.lastName() == null ? null : form.lastName().trim(), dateOfBirth, gender,
                WebForms.blankToNull(form.email()), WebForms.blankToNull(form.phone()), null, null,
                insurance == null ? null : new PatientRequest.InsuranceInfo(insurance, null, null, null, null, null));
        WebForms.violations(validator, request).forEach((field, message) -> {
            if (!(field.equals("dateOfBirth") && errors.containsKey("dateOfBirth"))) {
                errors.putIfAbsent(field, message);
            }
        });
        if (errors.isEmpty()) {
            try {
                PatientView created = patients.create(caller, request).body();
                return "redirect:/patients/" + created.id();
            } catch (ErrorResponseException refusal) {
                errors.putAll(WebForms.fieldErrors(refusal));
                if (errors.isEmpty()) {
                    model.addAttribute("problem", WebForms.detail(refusal));
                }
                response.setStatus(refusal.getStatusCode().value());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return newPatientPage(model);
    }

    private static String newPatientPage(Model model) {
        model.addAttribute("genders", Gender.values());
        model.addAttribute("insuranceTypes", InsuranceType.values());
        return "patients/new";
    }

    /** One section of the chart that another module renders, loaded by htmx after the shell. */
    record Section(String id, String title, String path) {
    }

    @GetMapping("/patients/{id}")
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    String chart(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(name = "m", required = false) String message, Model model) {
        PatientView patient = patients.get(caller, id).body();
        model.addAttribute("patient", patient);
        model.addAttribute("age", patient.dateOfBirth() == null ? null
                : java.time.Period.between(patient.dateOfBirth(), LocalDate.now()).getYears());
        model.addAttribute("diagnoses", diagnoses.list(caller, id));
        model.addAttribute("consents", consents.list(caller, id));
        model.addAttribute("enrollments", caller.may(Permission.ENROLLMENT_READ)
                ? enrollmentPages.rows(caller, id) : List.of());
        model.addAttribute("mayEnroll", caller.may(Permission.ENROLLMENT_WRITE) && patient.isActive());
        if ("enrolled".equals(message)) {
            model.addAttribute("notice", "The patient was enrolled.");
        }
        List<Section> sections = new ArrayList<>();
        if (caller.may(Permission.OBSERVATION_READ)) {
            sections.add(new Section("vitals", "Vitals", "/patients/" + id + "/vitals?days=30"));
        }
        if (caller.may(Permission.ALERT_READ)) {
            sections.add(new Section("alerts", "Alert history", "/patients/" + id + "/alerts"));
        }
        if (caller.may(Permission.ASSESSMENT_READ) && caller.may(Permission.MEDICATION_READ)) {
            sections.add(new Section("monitoring", "Assessments and medications", "/patients/" + id + "/monitoring"));
        }
        if (caller.may(Permission.TIME_LOG_READ) && caller.may(Permission.TASK_READ)
                && caller.may(Permission.NOTE_READ)) {
            sections.add(new Section("care", "Time, tasks and notes", "/patients/" + id + "/care"));
        }
        model.addAttribute("sections", sections);
        return "patients/chart";
    }

    static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, "is not one of the choices");
            return null;
        }
    }

    private static int pageNumber(String page) {
        try {
            int n = page == null ? 0 : Integer.parseInt(page);
            return Math.max(0, Math.min(n, 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

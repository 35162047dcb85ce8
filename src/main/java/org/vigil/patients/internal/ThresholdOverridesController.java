package org.vigil.patients.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.audit.AuditedResource;
import org.vigil.audit.RecordAccessAudit;
import org.vigil.shared.Ids;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;

/**
 * A patient's own alert thresholds: the value a rule's override key ({"override": "sbp_high",
 * "default": 180}) takes for this patient. Set by a clinician with a reason; audited.
 */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/threshold-overrides")
@Tag(name = "Patients")
@Validated
class ThresholdOverridesController {

    static final AuditedResource OVERRIDE = AuditedResource.phi("ThresholdOverride");
    private static final String KEY = "^[a-z][a-z0-9_]*$";

    record OverrideRequest(@NotNull @DecimalMin("-100000") @DecimalMax("100000") BigDecimal value,
            @NotBlank @Size(max = 500) String reason) {
    }

    record OverrideView(String key, BigDecimal value, String reason, String setByUserId, Instant updatedAt) {
    }

    private final TenantScope tenantScope;
    private final Patients patients;
    private final JdbcTemplate jdbc;
    private final RecordAccessAudit audit;

    ThresholdOverridesController(TenantScope tenantScope, Patients patients, JdbcTemplate jdbc, RecordAccessAudit audit) {
        this.tenantScope = tenantScope;
        this.patients = patients;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PATIENT_READ')")
    @Operation(summary = "A patient's threshold overrides")
    List<OverrideView> list(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            List<OverrideView> found = jdbc.query("SELECT key, value, reason, set_by_user_id, updated_at FROM "
                    + "patient_threshold_overrides WHERE patient_id = ? ORDER BY key", (rs, n) -> new OverrideView(
                    rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()), patientId);
            audit.searched(OVERRIDE, found.stream().map(OverrideView::key).toList(), List.of(), patientId);
            return found;
        });
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Set a threshold override", description = "Replaces the rule default for this patient; "
            + "the key is the rule's override key (docs/condition-language.md).")
    OverrideView set(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @PathVariable @Pattern(regexp = KEY, message = "must be an override key such as sbp_high") @Size(max = 64)
            String key, @Valid @RequestBody OverrideRequest request) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            jdbc.update("INSERT INTO patient_threshold_overrides (id, organization_id, patient_id, key, value, reason, "
                    + "set_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (patient_id, key) DO UPDATE SET "
                    + "value = EXCLUDED.value, reason = EXCLUDED.reason, set_by_user_id = EXCLUDED.set_by_user_id",
                    Ids.newId(), caller.organizationId(), patientId, key, request.value(), request.reason().trim(),
                    caller.userId());
            audit.updated(OVERRIDE, key, patientId, List.of("value", "reason"));
            return jdbc.queryForObject("SELECT key, value, reason, set_by_user_id, updated_at FROM "
                    + "patient_threshold_overrides WHERE patient_id = ? AND key = ?", (rs, n) -> new OverrideView(
                    rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()), patientId, key);
        });
    }

    @DeleteMapping("/{key}")
    @PreAuthorize("hasAuthority('PATIENT_WRITE')")
    @Operation(summary = "Remove a threshold override", description = "The rule's default applies again.")
    ResponseEntity<Void> remove(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @PathVariable String key) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            patients.find(patientId);
            if (jdbc.update("DELETE FROM patient_threshold_overrides WHERE patient_id = ? AND key = ?", patientId, key) == 0) {
                throw ApiProblem.notFound("threshold override");
            }
            audit.deleted(OVERRIDE, key, patientId);
        });
        return ResponseEntity.noContent().build();
    }
}

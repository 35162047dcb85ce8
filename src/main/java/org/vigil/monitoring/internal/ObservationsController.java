package org.vigil.monitoring.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.tenancy.TenantPrincipal;
import tools.jackson.databind.JsonNode;

/** Readings in (one or a batch) and out (by patient and time, daily aggregates, latest per metric). */
@RestController
@Tag(name = "Observations")
class ObservationsController {

    private final Ingestion ingestion;
    private final ReadingQueries queries;

    ObservationsController(Ingestion ingestion, ReadingQueries queries) {
        this.ingestion = ingestion;
        this.queries = queries;
    }

    /** The answer to a batch: counts and one outcome per reading, in request order. */
    record BatchResult(int stored, int duplicates, int rejected, List<Ingestion.Outcome> results) {
    }

    @PostMapping("/api/v1/observations")
    @PreAuthorize("hasAuthority('OBSERVATION_WRITE')")
    @Operation(summary = "Record one reading or a batch",
            description = "One reading {patientId, metric (key) or loinc, value, unit?, source?, recordedAt, "
                    + "sourceIdentifier?, context?, notes?}, or {\"readings\": [ ... ]} with up to 5,000. Each "
                    + "reading is STORED (id), DUPLICATE (the stored id: same patient, metric, recordedAt, source "
                    + "and sourceIdentifier) or REJECTED (errors naming each field). A batch answers 200 with "
                    + "every outcome and stores the valid readings even when others are rejected; a single "
                    + "reading answers 201 stored, 200 duplicate or 400 rejected.")
    // The status is set on the response and the body returned as is, not as a ResponseEntity: Spring
    // flushes a ResponseEntity's response once written, which sends it chunked, in two writes (the
    // body, then the closing chunk). Returned plainly, the body goes out once, with a Content-Length.
    Object record(@AuthenticationPrincipal TenantPrincipal caller, @RequestBody JsonNode body,
            HttpServletResponse response) {
        if (body != null && body.isObject() && body.has("readings")) {
            JsonNode readings = body.get("readings");
            if (!readings.isArray() || readings.isEmpty()) {
                throw ApiProblem.invalid("readings", "must be a non-empty array");
            }
            if (readings.size() > Ingestion.MAX_BATCH) {
                throw ApiProblem.invalid("readings", "at most " + Ingestion.MAX_BATCH + " readings per batch");
            }
            if (body.size() > 1) {
                throw ApiProblem.invalid("readings", "a batch has only the field 'readings'");
            }
            List<JsonNode> list = new ArrayList<>(readings.size());
            readings.forEach(list::add);
            List<Ingestion.Outcome> outcomes = ingestion.ingest(caller.organizationId(), caller.userId(),
                    caller.unconfirmedSession(), list);
            int stored = 0;
            int duplicates = 0;
            for (Ingestion.Outcome o : outcomes) {
                if (o.status() == Ingestion.Status.STORED) {
                    stored++;
                } else if (o.status() == Ingestion.Status.DUPLICATE) {
                    duplicates++;
                }
            }
            return new BatchResult(stored, duplicates, outcomes.size() - stored - duplicates, outcomes);
        }
        Ingestion.Outcome outcome = ingestion.ingestOne(caller.organizationId(), caller.userId(),
                caller.unconfirmedSession(), body);
        switch (outcome.status()) {
            case STORED -> response.setStatus(HttpStatus.CREATED.value());
            case DUPLICATE -> response.setStatus(HttpStatus.OK.value());
            case REJECTED -> throw rejected(outcome);
        }
        return outcome;
    }

    static ApiProblem rejected(Ingestion.Outcome outcome) {
        ApiProblem problem = ApiProblem.invalid(outcome.errors().get(0).field(), outcome.errors().get(0).message());
        problem.getBody().setProperty("errors", outcome.errors());
        return problem;
    }

    @GetMapping("/api/v1/patients/{patientId}/observations")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    @Operation(summary = "A patient's readings", description = "Newest first; optional metric (key) and time range "
            + "[from, to) as ISO instants; page/size.")
    ReadingQueries.ReadingPage readings(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @RequestParam(required = false) String metric,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Valid PageQuery page) {
        return queries.readings(caller, patientId, metric, from, to, page);
    }

    @GetMapping("/api/v1/patients/{patientId}/observations/daily")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    @Operation(summary = "Daily aggregates of a metric for charts", description = "Per local date of the "
            + "organization's time zone from the daily rollup: count, deviceCount, min, max, avg (numeric "
            + "readings). from/to are local dates, at most 366 days apart.")
    List<ReadingQueries.DayView> daily(@AuthenticationPrincipal TenantPrincipal caller, @PathVariable String patientId,
            @RequestParam String metric,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.daily(caller, patientId, metric, from, to);
    }

    @GetMapping("/api/v1/observations/latest")
    @PreAuthorize("hasAuthority('OBSERVATION_READ')")
    @Operation(summary = "The latest reading of every metric, for a list of patients",
            description = "patientIds: 1 to 100 ids, comma-separated; unknown ids answer an empty list.")
    List<ReadingQueries.LatestView> latest(@AuthenticationPrincipal TenantPrincipal caller,
            @RequestParam List<String> patientIds) {
        return queries.latest(caller, patientIds);
    }
}

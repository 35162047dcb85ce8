package org.vigil.library.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.library.ValueType;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.Versioned;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Metric definitions an organization sees: the standardized library's (read-only) and its own.
 * An organization's copy of a standard metric keeps the key, so it takes the standard's place for
 * that organization (rules and templates naming the key use the copy).
 */
@Service
class Metrics {


    private final TenantScope tenantScope;
    private final MetricDefinitionRepository metrics;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Metrics(TenantScope tenantScope, MetricDefinitionRepository metrics, JdbcTemplate jdbc, JsonMapper json) {
        this.tenantScope = tenantScope;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.json = json;
    }

    List<MetricView> list(TenantPrincipal caller, Boolean standardized, String category) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> metrics
                .findAll(Sort.by(Sort.Order.desc("isStandardized"), Sort.Order.asc("key"), Sort.Order.asc("id")))
                .stream()
                .filter(metric -> standardized == null || metric.isStandardized() == standardized)
                .filter(metric -> category == null || category.equalsIgnoreCase(metric.getCategory()))
                .map(this::view).toList());
    }

    Versioned<MetricView> get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> versioned(find(id)));
    }

    Versioned<MetricView> create(TenantPrincipal caller, MetricRequest request) {
        check(request);
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            MetricDefinition metric = new MetricDefinition(caller.organizationId(), request.key(), request.displayName(),
                    request.valueType());
            apply(metric, request);
            return versioned(metrics.saveAndFlush(metric));
        }));
    }

    Versioned<MetricView> cloneOf(TenantPrincipal caller, String sourceId) {
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            MetricDefinition source = find(sourceId);
            MetricDefinition copy = new MetricDefinition(caller.organizationId(), source.getKey(),
                    source.getDisplayName(), source.getValueType());
            copy.setSourceMetricId(source.getId());
            copy.setDescription(source.getDescription());
            copy.setCategory(source.getCategory());
            copy.setUnit(source.getUnit());
            copy.setAlternativeUnits(source.getAlternativeUnits());
            copy.setNormalMin(source.getNormalMin());
            copy.setNormalMax(source.getNormalMax());
            copy.setPlausibleMin(source.getPlausibleMin());
            copy.setPlausibleMax(source.getPlausibleMax());
            copy.setDecimalPrecision(source.getDecimalPrecision());
            copy.setLoincCode(source.getLoincCode());
            copy.setSnomedCode(source.getSnomedCode());
            copy.setOptions(source.getOptions());
            copy.setPanel(source.getPanelKey(), source.getPanelLoincCode(), source.getPanelComponent());
            copy.setActive(source.isActive());
            return versioned(metrics.saveAndFlush(copy));
        }));
    }

    Versioned<MetricView> replace(TenantPrincipal caller, String id, long expectedVersion, MetricRequest request) {
        check(request);
        return unique(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            MetricDefinition metric = find(id);
            StandardItems.refuseChange(metric.getOrganizationId() == null, "metric");
            ETags.check(expectedVersion, metric.getVersion(), "metric");
            if (!metric.getKey().equals(request.key()) && used(id)) {
                throw ApiProblem.conflict("key", "Key in use",
                        "Readings or templates use this metric; its key cannot change.");
            }
            metric.setKey(request.key());
            metric.setDisplayName(request.displayName());
            metric.setValueType(request.valueType());
            apply(metric, request);
            return versioned(metrics.saveAndFlush(metric));
        }));
    }

    void delete(TenantPrincipal caller, String id) {
        try {
            tenantScope.run(caller.organizationId(), caller.userId(), () -> {
                MetricDefinition metric = find(id);
                StandardItems.refuseChange(metric.getOrganizationId() == null, "metric");
                jdbc.update("DELETE FROM metric_definitions WHERE id = ?", id);
            });
        } catch (DataIntegrityViolationException e) {
            throw ApiProblem.refused("Metric in use", "Readings or templates use this metric; deactivate it instead "
                    + "(isActive: false).");
        }
    }

    /**
     * Whether templates or readings use the organization's metric {@code id}. Readings are looked
     * for patient by patient, by the reading key's leading columns (patient, metric): readings have
     * no index by metric (it would cost an entry per stored reading), and a search by metric alone
     * read the whole table. Every reading of an organization's own metric belongs to one of its
     * patients (the reference guard admits only metrics the reading's organization sees).
     */
    private boolean used(String id) {
        Integer items = jdbc.queryForObject("SELECT count(*) FROM assessment_template_items WHERE metric_definition_id = ?",
                Integer.class, id);
        Integer readings = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT 1 FROM patients p
                  CROSS JOIN LATERAL (SELECT 1 FROM observations o WHERE o.patient_id = p.id AND o.metric_id = ? LIMIT 1) r
                  LIMIT 1) used""", Integer.class, id);
        return (items != null && items > 0) || (readings != null && readings > 0);
    }

    private MetricDefinition find(String id) {
        return metrics.findById(id).orElseThrow(() -> ApiProblem.notFound("metric"));
    }

    /** The checks bean validation cannot express: ranges in order and nested, options where they belong. */
    static void check(MetricRequest request) {
        requireOrder("normalMax", request.normalMin(), request.normalMax());
        requireOrder("plausibleMax", request.plausibleMin(), request.plausibleMax());
        if (request.plausibleMin() != null && request.normalMin() != null
                && request.normalMin().compareTo(request.plausibleMin()) < 0) {
            throw ApiProblem.invalid("normalMin", "must lie within the plausible range");
        }
        if (request.plausibleMax() != null && request.normalMax() != null
                && request.normalMax().compareTo(request.plausibleMax()) > 0) {
            throw ApiProblem.invalid("normalMax", "must lie within the plausible range");
        }
        boolean choices = request.valueType() == ValueType.CATEGORICAL || request.valueType() == ValueType.ORDINAL;
        List<MetricRequest.Option> options = request.options() == null ? List.of() : request.options();
        if (choices && options.isEmpty()) {
            throw ApiProblem.invalid("options", "are required for a " + request.valueType() + " metric");
        }
        if (!choices && !options.isEmpty()) {
            throw ApiProblem.invalid("options", "are only given for CATEGORICAL or ORDINAL metrics");
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            if (!values.add(options.get(i).value())) {
                throw ApiProblem.invalid("options[" + i + "].value", "is listed twice");
            }
        }
        if (request.alternativeUnits() != null) {
            for (int i = 0; i < request.alternativeUnits().size(); i++) {
                if (request.alternativeUnits().get(i).unit().equals(request.unit())) {
                    throw ApiProblem.invalid("alternativeUnits[" + i + "].unit", "is the canonical unit itself");
                }
            }
        }
    }

    private static void requireOrder(String field, BigDecimal min, BigDecimal max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ApiProblem.invalid(field, "must not be below the minimum");
        }
    }

    private void apply(MetricDefinition metric, MetricRequest request) {
        metric.setDescription(request.description());
        metric.setCategory(request.category());
        metric.setUnit(request.unit());
        metric.setAlternativeUnits(json.writeValueAsString(request.alternativeUnits() == null ? List.of()
                : request.alternativeUnits()));
        metric.setNormalMin(request.normalMin());
        metric.setNormalMax(request.normalMax());
        metric.setPlausibleMin(request.plausibleMin());
        metric.setPlausibleMax(request.plausibleMax());
        metric.setDecimalPrecision(request.decimalPrecision());
        metric.setLoincCode(request.loincCode());
        metric.setSnomedCode(request.snomedCode());
        metric.setOptions(request.options() == null || request.options().isEmpty() ? null
                : json.writeValueAsString(request.options()));
        metric.setPanel(request.panel() == null ? null : request.panel().key(),
                request.panel() == null ? null : request.panel().loincCode(),
                request.panel() == null ? null : request.panel().component());
        metric.setActive(request.isActive() == null || request.isActive());
    }

    private Versioned<MetricView> versioned(MetricDefinition metric) {
        return new Versioned<>(view(metric), metric.getVersion());
    }

    private MetricView view(MetricDefinition metric) {
        return new MetricView(metric.getId(), metric.getOrganizationId(), metric.getSourceMetricId(), metric.getKey(),
                metric.getDisplayName(), metric.getDescription(), metric.getCategory(), metric.getValueType(),
                metric.getUnit(), readList(metric.getAlternativeUnits(), new TypeReference<>() { }),
                metric.getNormalMin(), metric.getNormalMax(), metric.getPlausibleMin(), metric.getPlausibleMax(),
                metric.getDecimalPrecision(), metric.getLoincCode(), metric.getSnomedCode(),
                readList(metric.getOptions(), new TypeReference<List<MetricRequest.Option>>() { }),
                metric.getPanelKey() == null ? null : new MetricRequest.Panel(metric.getPanelKey(),
                        metric.getPanelLoincCode(), metric.getPanelComponent()),
                metric.isStandardized(), metric.isActive(), metric.getUpdatedAt());
    }

    /**
     * Stored JSON in the shape this API writes; rows written by others (the standard library
     * loader) may carry more fields, which are ignored here.
     */
    private <T> List<T> readList(String stored, TypeReference<List<T>> type) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readerFor(type).without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(stored);
        } catch (tools.jackson.core.JacksonException e) {
            return List.of();
        }
    }

    private static Versioned<MetricView> unique(java.util.function.Supplier<Versioned<MetricView>> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if ("metric_definitions_organization_id_key_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("key", "Key taken", "Your organization already has a metric with this key.");
            }
            throw e;
        }
    }
}

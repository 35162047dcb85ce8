package org.vigil.library.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.vigil.library.ValueType;

/** A metric definition as the API returns it. */
record MetricView(String id, String organizationId, String sourceMetricId, String key, String displayName,
        String description, String category, ValueType valueType, String unit,
        List<MetricRequest.AlternativeUnit> alternativeUnits, BigDecimal normalMin, BigDecimal normalMax,
        BigDecimal plausibleMin, BigDecimal plausibleMax, Integer decimalPrecision, String loincCode,
        String snomedCode, List<MetricRequest.Option> options, MetricRequest.Panel panel, boolean isStandardized,
        boolean isActive, Instant updatedAt) {
}

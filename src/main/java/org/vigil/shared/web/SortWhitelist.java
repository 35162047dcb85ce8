package org.vigil.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;

/**
 * The sort orders a list endpoint accepts: {@code sort=lastName,-dateOfBirth} (a leading '-' means
 * descending). Only the API names listed here are accepted — anything else is refused with 400
 * naming {@code sort} — and each maps to an entity property, so no client can sort by, or probe, a
 * column it was not offered. The id is always the last tie-breaker, so pages never overlap.
 */
public final class SortWhitelist {

    private final Map<String, String> properties;
    private final Sort defaultSort;

    private SortWhitelist(Map<String, String> properties, Sort defaultSort) {
        this.properties = properties;
        this.defaultSort = defaultSort;
    }

    /** {@code apiNameToProperty} in the order they should be listed in error messages. */
    public static SortWhitelist of(Map<String, String> apiNameToProperty, Sort defaultSort) {
        return new SortWhitelist(new LinkedHashMap<>(apiNameToProperty), defaultSort);
    }

    public Sort resolve(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return defaultSort.and(Sort.by("id"));
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (String part : parameter.split(",")) {
            String name = part.trim();
            boolean descending = name.startsWith("-");
            if (descending) {
                name = name.substring(1);
            }
            String property = properties.get(name);
            if (property == null || orders.size() >= properties.size()) {
                throw ApiProblem.invalid("sort", "can only name " + String.join(", ", properties.keySet())
                        + " (prefix '-' for descending), separated by commas");
            }
            orders.add(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
        }
        return Sort.by(orders).and(Sort.by("id"));
    }
}

package org.vigil.billing.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.DataSource;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.Price;
import org.vigil.billing.engine.Catalog.Program;
import org.vigil.billing.engine.Catalog.RuleKind;
import org.vigil.billing.engine.Facts.Performer;
import org.vigil.billing.engine.Readiness.RuleResult;

/**
 * One engine's catalog, policy and organization, and the look-ups every evaluation of an enrollment
 * asks of them, memoized per engine.
 *
 * <p>An organization's enrollments share a few programs, months and dates of service: the catalog's
 * answers (pure functions of the immutable catalog) are computed once per engine instead of once
 * per enrollment and code (issue 8: 10,000 enrollments). Same answers, so the same results.
 */
final class EngineLookups {

    /** "Oct 2026". */
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Z0-9]+");
    private static final java.util.regex.Pattern EDGE_UNDERSCORE = java.util.regex.Pattern.compile("^_|_$");

    private final Catalog catalog;
    private final BillingPolicy policy;
    private final String organizationId;

    EngineLookups(Catalog catalog, BillingPolicy policy, String organizationId) {
        this.catalog = catalog;
        this.policy = policy;
        this.organizationId = organizationId;
    }

    /** The organization's policy (never null: the defaults when the engine was given none). */
    BillingPolicy policy() {
        return policy;
    }

    /** A program compared by identity (records compare every component, codes and rules included). */
    private record VersionKey(Program enrolled, LocalDate day) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VersionKey k && k.enrolled == enrolled && k.day.equals(day);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(enrolled) + day.hashCode();
        }
    }

    private record PriceKey(String code, LocalDate day) {
    }

    private final Map<String, Optional<Program>> programs = new ConcurrentHashMap<>();
    private final Map<VersionKey, Optional<Program>> versions = new ConcurrentHashMap<>();
    private final Map<PriceKey, Optional<Price>> prices = new ConcurrentHashMap<>();

    Optional<Program> program(String id) {
        return id == null ? catalog.program(id) : programs.computeIfAbsent(id, catalog::program);
    }

    Optional<Program> versionFor(Program enrolled, LocalDate dateOfService) {
        return versions.computeIfAbsent(new VersionKey(enrolled, dateOfService), k -> catalog.versionFor(k.enrolled(), k.day()));
    }

    /** A program's codes of one rule kind, in catalog order (a program compared by identity). */
    private record RulesKey(Program program, RuleKind kind) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RulesKey k && k.program == program && k.kind == kind;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(program) + kind.hashCode();
        }
    }

    private final Map<RulesKey, List<CodeRule>> rulesByKind = new ConcurrentHashMap<>();

    List<CodeRule> rules(Program program, RuleKind kind) {
        return rulesByKind.computeIfAbsent(new RulesKey(program, kind),
                k -> k.program().codes().stream().filter(c -> c.rule() == k.kind()).toList());
    }

    private final Map<Kind, AtomicReferenceArray<RuleResult>> practitionerResults = new ConcurrentHashMap<>();
    private final Map<RulesKey, Set<DataSource>> dataSourcesOf = new ConcurrentHashMap<>();
    private final Map<YearMonth, String> monthNames = new ConcurrentHashMap<>();

    /**
     * The practitioner rule's results for a program kind, by the clinician's capacity (indexed by
     * {@link Performer#ordinal()}, null until {@link EligibilityChecks} first needs one; atomic
     * elements, as engines may be shared between threads).
     */
    AtomicReferenceArray<RuleResult> practitionerResults(Kind kind) {
        return practitionerResults.computeIfAbsent(kind, k -> new AtomicReferenceArray<>(Performer.values().length));
    }

    /** The data sources whose readings count for an enrolled program's device codes, by {@code rule} once per program. */
    Set<DataSource> dataSources(Program enrolled, Function<Program, Set<DataSource>> rule) {
        return dataSourcesOf.computeIfAbsent(new RulesKey(enrolled, RuleKind.DEVICE_SUPPLY), k -> rule.apply(k.program()));
    }

    /** "Oct 2026", formatted once per engine and month. */
    String monthName(YearMonth m) {
        return monthNames.computeIfAbsent(m, x -> x.format(MONTH));
    }

    private final Map<LocalDate, String> dayNames = new ConcurrentHashMap<>();

    /** "14 Dec": the few dates an organization's results name, formatted once per engine. */
    String day(LocalDate date) {
        String name = dayNames.get(date);
        if (name == null) {
            name = DAY.format(date);
            dayNames.put(date, name);
        }
        return name;
    }

    Optional<Price> price(String code, LocalDate dateOfService) {
        return prices.computeIfAbsent(new PriceKey(code, dateOfService), k -> catalog.price(k.code(), k.day(), organizationId));
    }

    private final Map<String, String> normalized = new ConcurrentHashMap<>();

    /** Insurance types and payer names compared as upper-case words joined by underscores (memoized: a handful of values). */
    String normalize(String text) {
        return normalized.computeIfAbsent(text, t -> EDGE_UNDERSCORE.matcher(
                NOT_ALPHANUMERIC.matcher(t.trim().toUpperCase(Locale.ROOT)).replaceAll("_")).replaceAll(""));
    }
}

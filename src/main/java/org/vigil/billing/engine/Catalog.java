package org.vigil.billing.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Program versions keyed by date of service and the rate tables that price them (verified §C rule
 * 1: "Key each rule by date-of-service range"; rule 24/§B: amounts are data, per year, replaceable).
 */
public record Catalog(List<Program> programs, List<RateTable> rateTables) {

    public Catalog {
        programs = List.copyOf(programs);
        rateTables = List.copyOf(rateTables);
    }

    /** The kind of service a program bills; decides how its codes are evaluated and what excludes what. */
    public enum Kind {
        RPM, RTM, CCM, PCM, BHI, APCM, OTHER;

        public static Kind of(String programType) {
            if (programType == null) {
                return OTHER;
            }
            String t = programType.trim().toUpperCase(java.util.Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.name().equals(t)) {
                    return kind;
                }
            }
            return switch (t) {
                case "REMOTE_PATIENT_MONITORING", "REMOTE PATIENT MONITORING", "REMOTE PHYSIOLOGIC MONITORING" -> RPM;
                case "REMOTE_THERAPEUTIC_MONITORING", "REMOTE THERAPEUTIC MONITORING" -> RTM;
                case "CHRONIC_CARE_MANAGEMENT" -> CCM;
                case "PRINCIPAL_CARE_MANAGEMENT" -> PCM;
                case "BEHAVIORAL_HEALTH_INTEGRATION" -> BHI;
                case "ADVANCED_PRIMARY_CARE_MANAGEMENT" -> APCM;
                default -> OTHER;
            };
        }
    }

    /** How a code's requirement is evaluated. */
    public enum RuleKind {
        /** Once per episode after a minimum of data days (99453, 98975). */
        SETUP,
        /** Per consecutive 30-day period, by the number of qualifying data days (99454, 99445, 98976–98978, 98984–98986). */
        DEVICE_SUPPLY,
        /** Per calendar month, by minutes (99457, 99470, 98980, 98979, 99490, 99491, 99487, 99424, 99426, 99484). */
        MANAGEMENT_TIME,
        /** Each further full increment of minutes on top of a base code, capped (99458, 98981, 99439, 99437, 99489, 99425, 99427). */
        ADD_ON,
        /** Per 30-day period, the billing practitioner's own minutes (99091). */
        PERSONAL_TIME,
        /** APCM level by chronic conditions and QMB status (G0556–G0558). */
        APCM_LEVEL
    }

    public enum DataSource {
        DEVICE, SELF_REPORTED
    }

    /** Whose minutes count: a capacity, or only the billing practitioner's own time. */
    public enum TimePerformer {
        CLINICAL_STAFF, PHYSICIAN, NON_PHYSICIAN_PRACTITIONER, THERAPIST, BILLING_PRACTITIONER
    }

    /** A code's machine-readable requirement (cpt_codes.requirements). Unused fields are null. */
    public record CodeRule(String code, String category, String description, RuleKind rule, Integer minDays,
            Integer maxDays, boolean firstPeriodOnly, Set<DataSource> dataSources, Integer minMinutes,
            String supersededBy, Set<TimePerformer> performers, boolean interactiveContact, String family,
            String alternative, String addOnTo, Integer incrementMinutes, Integer maxUnits, boolean maxUnitsResolved,
            Set<String> excludedBy, String bodySystem, Set<String> attestations, Integer minConditions,
            Integer maxConditions, Boolean qmb, String source) {
        public CodeRule {
            dataSources = dataSources == null ? Set.of() : Set.copyOf(dataSources);
            performers = performers == null ? Set.of() : Set.copyOf(performers);
            excludedBy = excludedBy == null ? Set.of() : Set.copyOf(excludedBy);
            attestations = attestations == null ? Set.of() : Set.copyOf(attestations);
        }
    }

    /** An eligibility rule of the seed's {@code eligibilityRules} (INSURANCE, DIAGNOSIS, CONSENT, CUSTOM). */
    public record EligibilityRule(String ruleType, String description, List<String> payers, List<String> plans,
            String operator, Integer minCount, List<String> categories, List<String> consentTypes,
            String consentProgramType, boolean costSharingAcknowledged, String attestation) {
        public EligibilityRule {
            payers = payers == null ? List.of() : List.copyOf(payers);
            plans = plans == null ? List.of() : List.copyOf(plans);
            categories = categories == null ? List.of() : List.copyOf(categories);
            consentTypes = consentTypes == null ? List.of() : List.copyOf(consentTypes);
        }
    }

    /**
     * One version of a program, in effect for dates of service in [effectiveFrom, effectiveTo)
     * (effectiveTo null: open-ended).
     */
    public record Program(String id, String code, String name, String programType, String payer,
            LocalDate effectiveFrom, LocalDate effectiveTo, boolean active, List<EligibilityRule> eligibilityRules,
            List<CodeRule> codes) {
        public Program {
            eligibilityRules = List.copyOf(eligibilityRules);
            codes = List.copyOf(codes);
        }

        public Kind kind() {
            return Kind.of(programType);
        }

        public boolean inEffectOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
        }

        public Optional<CodeRule> code(String code) {
            for (CodeRule c : codes) {
                if (c.code().equals(code)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        /**
         * The family of versions this one belongs to: its code without the trailing year
         * (CMS_RPM_2025 and CMS_RPM_2026 are versions of CMS_RPM), with the same payer and type.
         */
        String family() {
            return YEAR_SUFFIX.matcher(Objects.toString(code, "")).replaceFirst("") + "/" + Objects.toString(payer, "") + "/" + kind();
        }

        private static final java.util.regex.Pattern YEAR_SUFFIX = java.util.regex.Pattern.compile("_(19|20)\\d{2}$");
    }

    /** A code's amount in a rate table: null when there is no amount (contractor-priced, or no source figure). */
    public record Rate(String code, BigDecimal amount, boolean verified, String note) {
    }

    /**
     * Rates for dates of service in [effectiveFrom, effectiveTo). organizationId null: national;
     * otherwise that organization's own rates, which win for the codes they list.
     */
    public record RateTable(String id, String code, String organizationId, LocalDate effectiveFrom,
            LocalDate effectiveTo, String supersedesId, Map<String, Rate> rates) {
        public RateTable {
            rates = Map.copyOf(rates);
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
        }
    }

    /** A priced code: the unit rate (null when unknown) and the table that priced it. */
    public record Price(BigDecimal unitAmount, String rateTable, boolean verified, String note) {
    }

    public Optional<Program> program(String id) {
        return programs.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The version of {@code enrolled}'s program family (same code stem, payer and type) in effect on the date
     * of service; the enrolled program itself when it is the only one of its family.
     */
    public Optional<Program> versionFor(Program enrolled, LocalDate dateOfService) {
        String family = enrolled.family();
        return programs.stream()
                .filter(p -> p.active() && p.family().equals(family) && p.inEffectOn(dateOfService))
                .max(Comparator.comparing(Program::effectiveFrom).thenComparing(Program::code, Comparator.naturalOrder()));
    }

    /**
     * The price of a code on a date of service: the organization's own rate table when one covers
     * the date and lists the code, else the national one. Among covering tables a superseding table
     * wins over the one it supersedes, then the latest effective.
     */
    public Optional<Price> price(String code, LocalDate dateOfService, String organizationId) {
        Optional<Price> own = priceFrom(code, dateOfService, organizationId);
        return own.isPresent() ? own : priceFrom(code, dateOfService, null);
    }

    private Optional<Price> priceFrom(String code, LocalDate day, String organizationId) {
        List<RateTable> covering = rateTables.stream()
                .filter(t -> Objects.equals(t.organizationId(), organizationId) && t.covers(day)
                        && t.rates().containsKey(code))
                .toList();
        Set<String> superseded = covering.stream().map(RateTable::supersedesId).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return covering.stream().filter(t -> !superseded.contains(t.id()))
                .max(Comparator.comparing(RateTable::effectiveFrom).thenComparing(RateTable::code))
                .map(t -> {
                    Rate rate = t.rates().get(code);
                    return new Price(rate.amount(), t.code(), rate.verified(), rate.note());
                });
    }
}

package org.vigil.patients.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.patients.BillingCapacity;

/**
 * A clinician's credentials: a comma-separated list drawn from a fixed vocabulary, stored in
 * canonical spelling ("np, rn" is stored as "NP, RN"), and the billing capacity they give. With
 * several credentials the strongest capacity counts (PHYSICIAN, then NON_PHYSICIAN_PRACTITIONER,
 * then THERAPIST, then CLINICAL_STAFF). See {@link BillingCapacity} for the billing rules (shared/domain/
 * billing-rules-verified.md rows 7–9 and §C rules 12, 15, 18, 19).
 *
 * <p>The vocabulary: physicians MD, DO; qualified health care professionals NP, APRN, PA, PA-C, CNS,
 * CNM; therapists PT, DPT, OT, OTR, SLP; clinical staff RN, LPN, LVN, MA, CMA, PTA, OTA, PharmD, RD,
 * LCSW, CHW. LCSW, PharmD and RD bill their own services elsewhere, but for the remote-monitoring and
 * care-management codes Vigil computes they furnish clinical-staff time.
 */
final class Credentials {

    static final Map<String, BillingCapacity> VOCABULARY = vocabulary();
    static final int MAX_LENGTH = 100;

    private Credentials() {
    }

    private static Map<String, BillingCapacity> vocabulary() {
        Map<String, BillingCapacity> words = new LinkedHashMap<>();
        for (String word : List.of("MD", "DO")) {
            words.put(word, BillingCapacity.PHYSICIAN);
        }
        for (String word : List.of("NP", "APRN", "PA", "PA-C", "CNS", "CNM")) {
            words.put(word, BillingCapacity.NON_PHYSICIAN_PRACTITIONER);
        }
        for (String word : List.of("PT", "DPT", "OT", "OTR", "SLP")) {
            words.put(word, BillingCapacity.THERAPIST);
        }
        for (String word : List.of("RN", "LPN", "LVN", "MA", "CMA", "PTA", "OTA", "PharmD", "RD", "LCSW", "CHW")) {
            words.put(word, BillingCapacity.CLINICAL_STAFF);
        }
        return java.util.Collections.unmodifiableMap(words);
    }

    /** The canonical credentials, or empty when {@code text} names one outside the vocabulary. Blank → "". */
    static Optional<String> canonical(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("");
        }
        Set<String> found = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String word = part.trim();
            Optional<String> known = VOCABULARY.keySet().stream().filter(v -> v.equalsIgnoreCase(word)).findFirst();
            if (known.isEmpty()) {
                return Optional.empty();
            }
            found.add(known.get());
        }
        return Optional.of(String.join(", ", found));
    }

    static List<String> list(String stored) {
        List<String> words = new ArrayList<>();
        if (stored != null) {
            for (String part : stored.split(",")) {
                String word = part.trim();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** The strongest capacity of the stored credentials; none when no credential is known. */
    static Optional<BillingCapacity> capacity(String stored) {
        return list(stored).stream()
                .map(word -> VOCABULARY.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(word))
                        .map(Map.Entry::getValue).findFirst().orElse(null))
                .filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder());
    }

    static String describeVocabulary() {
        return String.join(", ", VOCABULARY.keySet());
    }
}

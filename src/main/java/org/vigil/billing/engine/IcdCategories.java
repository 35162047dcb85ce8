package org.vigil.billing.engine;

import java.util.Locale;

/**
 * ICD-10-CM chapters by code range, for DIAGNOSIS CATEGORY_MATCH rules and the RTM body system.
 * (The predecessor failed every CATEGORY_MATCH rule, so RTM was never eligible; inventory §3.11 ⚠.)
 */
public final class IcdCategories {

    private IcdCategories() {
    }

    /** The chapter of an ICD-10-CM code (I10 → CIRCULATORY), or OTHER. */
    public static String chapter(String icd10) {
        if (icd10 == null || icd10.length() < 3) {
            return "OTHER";
        }
        String code = icd10.toUpperCase(Locale.ROOT);
        char letter = code.charAt(0);
        int number = Character.isDigit(code.charAt(1)) && Character.isDigit(code.charAt(2))
                ? Integer.parseInt(code.substring(1, 3)) : -1;
        return switch (letter) {
            case 'A', 'B' -> "INFECTIOUS";
            case 'C' -> "NEOPLASMS";
            case 'D' -> number >= 0 && number < 50 ? "NEOPLASMS" : "BLOOD";
            case 'E' -> "ENDOCRINE_METABOLIC";
            case 'F' -> "MENTAL_BEHAVIORAL";
            case 'G' -> "NERVOUS";
            case 'H' -> number >= 0 && number < 60 ? "EYE" : "EAR";
            case 'I' -> "CIRCULATORY";
            case 'J' -> "RESPIRATORY";
            case 'K' -> "DIGESTIVE";
            case 'L' -> "SKIN";
            case 'M' -> "MUSCULOSKELETAL";
            case 'N' -> "GENITOURINARY";
            case 'O' -> "PREGNANCY";
            case 'P' -> "PERINATAL";
            case 'Q' -> "CONGENITAL";
            case 'R' -> "SYMPTOMS";
            case 'S', 'T' -> "INJURY";
            case 'V', 'W', 'X', 'Y' -> "EXTERNAL_CAUSES";
            case 'Z' -> "HEALTH_FACTORS";
            default -> "OTHER";
        };
    }

    /** Whether the code is in the named category; CARDIOVASCULAR and BEHAVIORAL are accepted aliases. */
    public static boolean matches(String icd10, String category) {
        String wanted = category == null ? "" : category.trim().toUpperCase(Locale.ROOT);
        wanted = switch (wanted) {
            case "CARDIOVASCULAR", "CARDIAC" -> "CIRCULATORY";
            case "BEHAVIORAL", "MENTAL", "CBT" -> "MENTAL_BEHAVIORAL";
            case "ENDOCRINE", "METABOLIC" -> "ENDOCRINE_METABOLIC";
            default -> wanted;
        };
        return chapter(icd10).equals(wanted);
    }

    /** The RTM body system of a diagnosis (verified row 5a table), or null. */
    public static String rtmBodySystem(String icd10) {
        return switch (chapter(icd10)) {
            case "RESPIRATORY" -> "RESPIRATORY";
            case "MUSCULOSKELETAL" -> "MUSCULOSKELETAL";
            case "MENTAL_BEHAVIORAL" -> "CBT";
            default -> null;
        };
    }
}

package org.vigil.billing.engine;

import java.util.Map;

/**
 * An organization's choices where the sources leave a rule unresolved. Each default is the
 * conservative reading (docs/billing.md "Policies").
 *
 * @param secureMessagingCounts two-way real-time secure messaging counts as the interactive
 *                              communication of 99457/99470/98980/98979. UNRESOLVED (verified row 6,
 *                              §C rule 9); default false: only live phone or video counts.
 * @param addOnCaps             unit caps per add-on code that replace the catalog's cap (verified row 3:
 *                              no MUE found; the catalog caps unresolved add-ons at 2, §C rules 10, 14, 18)
 * @param pcmStaffSupervision   GENERAL or DIRECT supervision for PCM clinical-staff time 99426/99427.
 *                              UNRESOLVED (verified row 9, §C rule 20); default GENERAL. With DIRECT every
 *                              met 99426/99427 carries a warning to confirm direct supervision.
 */
public record BillingPolicy(boolean secureMessagingCounts, Map<String, Integer> addOnCaps, String pcmStaffSupervision) {

    public BillingPolicy {
        addOnCaps = addOnCaps == null ? Map.of() : Map.copyOf(addOnCaps);
        pcmStaffSupervision = pcmStaffSupervision == null ? "GENERAL" : pcmStaffSupervision;
    }

    public static BillingPolicy defaults() {
        return new BillingPolicy(false, Map.of(), "GENERAL");
    }

    public BillingPolicy withSecureMessaging(boolean counts) {
        return new BillingPolicy(counts, addOnCaps, pcmStaffSupervision);
    }

    public BillingPolicy withAddOnCap(String code, int cap) {
        Map<String, Integer> caps = new java.util.HashMap<>(addOnCaps);
        caps.put(code, cap);
        return new BillingPolicy(secureMessagingCounts, caps, pcmStaffSupervision);
    }
}

package org.vigil.demo;

/**
 * How a demo patient is looked after and billed: the care program type, the billing program of the
 * catalog (by code), where the patient's readings come from, and whether staff confirmed the
 * program's attested eligibility (care plan, primary-care responsibility).
 */
enum DemoPlan {

    RPM("Remote patient monitoring", "REMOTE_PATIENT_MONITORING", "CMS_RPM_2026", "DEVICE", false, "RPM",
            "Cellular home devices; readings reviewed daily"),
    RTM("Remote therapeutic monitoring", "REMOTE_THERAPEUTIC_MONITORING", "CMS_RTM_2026", "MANUAL", false, "RTM",
            "Self-reported pain and respiratory therapy data from the patient app"),
    CCM("Chronic care management", "CHRONIC_CARE_MANAGEMENT", "CMS_CCM", "MANUAL", true, "CCM",
            "Monthly care coordination for two or more chronic conditions"),
    PCM("Principal care management", "PRINCIPAL_CARE_MANAGEMENT", "CMS_PCM", "MANUAL", true, "PCM",
            "Disease-specific care plan for one high-risk condition"),
    APCM("Advanced primary care", "ADVANCED_PRIMARY_CARE_MANAGEMENT", "CMS_APCM", "MANUAL", true, "APCM",
            "Advanced primary care management (monthly, not time-based)"),
    BHI("Behavioral health", "BEHAVIORAL_HEALTH_INTEGRATION", "CMS_BHI", "MANUAL", false, "BHI",
            "Depression and anxiety follow-up with validated questionnaires");

    final String programName;
    final String careProgramType;
    final String billingProgramCode;
    final String readingSource;
    final boolean attested;
    final String encounterType;
    final String description;

    DemoPlan(String programName, String careProgramType, String billingProgramCode, String readingSource,
            boolean attested, String encounterType, String description) {
        this.programName = programName;
        this.careProgramType = careProgramType;
        this.billingProgramCode = billingProgramCode;
        this.readingSource = readingSource;
        this.attested = attested;
        this.encounterType = encounterType;
        this.description = description;
    }
}

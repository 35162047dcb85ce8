package org.vigil.library.internal;

/** A formulary entry as the API returns it. */
record DrugView(String id, String organizationId, String name, String genericName, String brandName,
        String dosageForm, String strength, String manufacturer, String ndcNumber, String rxnormCode,
        String drugClass, boolean isStandardized, boolean isActive, long version) {

    static DrugView of(Drug drug) {
        return new DrugView(drug.getId(), drug.getOrganizationId(), drug.getName(), drug.getGenericName(),
                drug.getBrandName(), drug.getDosageForm(), drug.getStrength(), drug.getManufacturer(),
                drug.getNdcNumber(), drug.getRxnormCode(), drug.getDrugClass(), drug.isStandardized(), drug.isActive(),
                drug.getVersion());
    }
}

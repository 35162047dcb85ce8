package org.vigil.patients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ICD-10-CM code form: a three-character category, then optionally a dot and one to four more. */
class Icd10CodeTest {

    @Test
    void validCodesAreStoredUpperCaseWithTheDot() {
        assertThat(Icd10Code.normalize("I10")).contains("I10");
        assertThat(Icd10Code.normalize("e11.9")).contains("E11.9");
        assertThat(Icd10Code.normalize("E119")).contains("E11.9");
        assertThat(Icd10Code.normalize(" I50.22 ")).contains("I50.22");
        assertThat(Icd10Code.normalize("S72001A")).contains("S72.001A");
        assertThat(Icd10Code.normalize("J44.1")).contains("J44.1");
        assertThat(Icd10Code.normalize("F32.A")).contains("F32.A");
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(Icd10Code.normalize(null)).isEmpty();
        assertThat(Icd10Code.normalize("")).isEmpty();
        assertThat(Icd10Code.normalize("I1")).isEmpty();          // category is three characters
        assertThat(Icd10Code.normalize("110")).isEmpty();         // starts with a letter
        assertThat(Icd10Code.normalize("U07.1")).isEmpty();       // U codes are reserved, not ICD-10-CM chapters
        assertThat(Icd10Code.normalize("IA0")).isEmpty();         // second character is a digit
        assertThat(Icd10Code.normalize("E11.12345")).isEmpty();   // at most seven characters in all
        assertThat(Icd10Code.normalize("E11.")).isEmpty();
        assertThat(Icd10Code.normalize("E11.9; DROP")).isEmpty();
    }
}

package org.vigil.demo;

import static org.vigil.demo.DemoCourse.CRISIS;
import static org.vigil.demo.DemoCourse.EPISODE;
import static org.vigil.demo.DemoCourse.SPARSE;
import static org.vigil.demo.DemoCourse.STEADY;
import static org.vigil.demo.DemoCourse.STOPPED;
import static org.vigil.demo.DemoCourse.WORSENING;
import static org.vigil.demo.DemoPlan.APCM;
import static org.vigil.demo.DemoPlan.BHI;
import static org.vigil.demo.DemoPlan.CCM;
import static org.vigil.demo.DemoPlan.PCM;
import static org.vigil.demo.DemoPlan.RPM;
import static org.vigil.demo.DemoPlan.RTM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigil.demo.DemoPatient.Diagnosis;
import org.vigil.demo.DemoPatient.Enrollment;

/**
 * The demo clinic's 50 patients across the eight standard condition presets. Names, birthdays and
 * enrollment days are invented and deterministic (a seeded {@link Random}); diagnoses use the
 * presets' own ICD-10-CM codes and labels (library/standard/condition-presets.json), plus
 * hyperlipidemia E78.5 as a second chronic condition for care management.
 */
final class DemoRoster {

    static final String HYPERTENSION = "Hypertension";
    static final String DIABETES = "Type 2 diabetes";
    static final String HEART_FAILURE = "Heart failure";
    static final String COPD = "COPD";
    static final String LOW_BACK_PAIN = "Chronic low back pain";
    static final String KNEE = "Knee osteoarthritis";
    static final String DEPRESSION = "Depression";
    static final String ANXIETY = "Generalized anxiety disorder";

    private static final Diagnosis I10 = new Diagnosis("I10", "Essential (primary) hypertension");
    private static final Diagnosis E11_9 = new Diagnosis("E11.9", "Type 2 diabetes mellitus without complications");
    private static final Diagnosis E11_65 = new Diagnosis("E11.65", "Type 2 diabetes mellitus with hyperglycemia");
    private static final Diagnosis E78_5 = new Diagnosis("E78.5", "Hyperlipidemia, unspecified");
    private static final Diagnosis I50_9 = new Diagnosis("I50.9", "Heart failure, unspecified");
    private static final Diagnosis I50_22 = new Diagnosis("I50.22", "Chronic systolic (congestive) heart failure");
    private static final Diagnosis I50_32 = new Diagnosis("I50.32", "Chronic diastolic (congestive) heart failure");
    private static final Diagnosis J44_9 = new Diagnosis("J44.9", "Chronic obstructive pulmonary disease, unspecified");
    private static final Diagnosis M54_50 = new Diagnosis("M54.50", "Low back pain, unspecified");
    private static final Diagnosis M54_59 = new Diagnosis("M54.59", "Other low back pain");
    private static final Diagnosis M17_0 = new Diagnosis("M17.0", "Bilateral primary osteoarthritis of knee");
    private static final Diagnosis M17_11 = new Diagnosis("M17.11", "Unilateral primary osteoarthritis, right knee");
    private static final Diagnosis M17_12 = new Diagnosis("M17.12", "Unilateral primary osteoarthritis, left knee");
    private static final Diagnosis F32_9 = new Diagnosis("F32.9", "Major depressive disorder, single episode, unspecified");
    private static final Diagnosis F33_9 = new Diagnosis("F33.9", "Major depressive disorder, recurrent, unspecified");
    private static final Diagnosis F41_1 = new Diagnosis("F41.1", "Generalized anxiety disorder");

    private record Spec(DemoCourse course, List<Diagnosis> diagnoses, List<Enrollment> enrollments, String insurance) {
    }

    private static Spec spec(DemoCourse course, List<Diagnosis> diagnoses, Enrollment... enrollments) {
        return new Spec(course, diagnoses, List.of(enrollments), "MEDICARE_PART_B");
    }

    private static Enrollment in(DemoPlan plan, String preset) {
        return new Enrollment(plan, preset);
    }

    private static final List<Spec> SPECS = List.of(
            // Hypertension (11): home cuffs under RPM; two also have diabetes care management; CCM; APCM.
            spec(STEADY, List.of(I10), in(RPM, HYPERTENSION)),
            spec(WORSENING, List.of(I10), in(RPM, HYPERTENSION)),
            spec(CRISIS, List.of(I10, E78_5), in(RPM, HYPERTENSION)),
            spec(EPISODE, List.of(I10), in(RPM, HYPERTENSION)),
            spec(SPARSE, List.of(I10), in(RPM, HYPERTENSION)),
            spec(STOPPED, List.of(I10), in(RPM, HYPERTENSION)),
            spec(STEADY, List.of(I10, E11_9), in(RPM, HYPERTENSION), in(CCM, DIABETES)),
            spec(STEADY, List.of(I10, E11_65, E78_5), in(RPM, HYPERTENSION), in(CCM, DIABETES)),
            spec(STEADY, List.of(I10, E78_5), in(CCM, HYPERTENSION)),
            spec(STEADY, List.of(I10, E11_9), in(CCM, HYPERTENSION)),
            spec(STEADY, List.of(I10, E78_5), in(APCM, HYPERTENSION)),
            // Type 2 diabetes (8): glucometers under RPM; two under CCM.
            spec(STEADY, List.of(E11_9), in(RPM, DIABETES)),
            spec(WORSENING, List.of(E11_65), in(RPM, DIABETES)),
            spec(CRISIS, List.of(E11_9, I10), in(RPM, DIABETES)),
            spec(EPISODE, List.of(E11_9), in(RPM, DIABETES)),
            spec(SPARSE, List.of(E11_9), in(RPM, DIABETES)),
            spec(STEADY, List.of(E11_65), in(RPM, DIABETES)),
            spec(STEADY, List.of(E11_65, I10), in(CCM, DIABETES)),
            spec(SPARSE, List.of(E11_9, E78_5), in(CCM, DIABETES)),
            // Heart failure (7): scales and cuffs under RPM; two under principal care management.
            spec(STEADY, List.of(I50_22), in(RPM, HEART_FAILURE)),
            spec(WORSENING, List.of(I50_22, I10), in(RPM, HEART_FAILURE)),
            spec(EPISODE, List.of(I50_32), in(RPM, HEART_FAILURE)),
            spec(STEADY, List.of(I50_32, I10), in(RPM, HEART_FAILURE)),
            spec(STOPPED, List.of(I50_9), in(RPM, HEART_FAILURE)),
            spec(STEADY, List.of(I50_22), in(PCM, HEART_FAILURE)),
            spec(STEADY, List.of(I50_32), in(PCM, HEART_FAILURE)),
            // COPD (6): pulse oximeters under RPM; two self-report respiratory therapy under RTM.
            spec(STEADY, List.of(J44_9), in(RPM, COPD)),
            spec(WORSENING, List.of(J44_9), in(RPM, COPD)),
            spec(SPARSE, List.of(J44_9), in(RPM, COPD)),
            spec(EPISODE, List.of(J44_9, I10), in(RPM, COPD)),
            spec(STEADY, List.of(J44_9), in(RTM, COPD)),
            spec(STEADY, List.of(J44_9), in(RTM, COPD)),
            // Chronic low back pain (5) and knee osteoarthritis (4): self-reported pain under RTM.
            spec(STEADY, List.of(M54_50), in(RTM, LOW_BACK_PAIN)),
            spec(WORSENING, List.of(M54_50), in(RTM, LOW_BACK_PAIN)),
            spec(SPARSE, List.of(M54_59), in(RTM, LOW_BACK_PAIN)),
            spec(STEADY, List.of(M54_50), in(RTM, LOW_BACK_PAIN)),
            spec(EPISODE, List.of(M54_59), in(RTM, LOW_BACK_PAIN)),
            spec(STEADY, List.of(M17_11), in(RTM, KNEE)),
            spec(STEADY, List.of(M17_0), in(RTM, KNEE)),
            spec(STOPPED, List.of(M17_12), in(RTM, KNEE)),
            spec(SPARSE, List.of(M17_11), in(RTM, KNEE)),
            // Depression (5) and generalized anxiety (4): questionnaires under behavioral health integration.
            spec(STEADY, List.of(F33_9), in(BHI, DEPRESSION)),
            spec(WORSENING, List.of(F32_9), in(BHI, DEPRESSION)),
            spec(CRISIS, List.of(F33_9), in(BHI, DEPRESSION)),
            new Spec(STEADY, List.of(F32_9), List.of(in(BHI, DEPRESSION)), "COMMERCIAL"),
            spec(STEADY, List.of(F33_9), in(BHI, DEPRESSION)),
            spec(STEADY, List.of(F41_1), in(BHI, ANXIETY)),
            spec(WORSENING, List.of(F41_1), in(BHI, ANXIETY)),
            new Spec(STEADY, List.of(F41_1), List.of(in(BHI, ANXIETY)), "COMMERCIAL"),
            spec(STEADY, List.of(F41_1, F33_9), in(BHI, ANXIETY)));

    private static final List<String> FEMALE = List.of("Margery", "Odette", "Lucinda", "Philippa", "Winifred",
            "Rosalind", "Imogen", "Beatrix", "Harriet", "Marisol", "Adaeze", "Ingrid", "Yolanda", "Perpetua",
            "Esmeralda", "Clementine", "Dolores", "Henrietta", "Violetta", "Maribel", "Thomasina", "Gwendolyn",
            "Ottilie", "Florentina", "Agatha");
    private static final List<String> MALE = List.of("Ambrose", "Cornelius", "Leopold", "Thaddeus", "Barnaby",
            "Ignatius", "Percival", "Rufus", "Ezekiel", "Octavio", "Casimir", "Horatio", "Lysander", "Obadiah",
            "Desmond", "Fitzgerald", "Augustin", "Mortimer", "Benedikt", "Jeremiah", "Silvester", "Torvald",
            "Evander", "Gideon", "Lazarus");
    private static final List<String> SURNAMES = List.of("Quillfeather", "Marrowby", "Thistlewood", "Pemberton-Vale",
            "Oakenshaw", "Brambleton", "Fairweather", "Kettleborough", "Ravensworth", "Dunmore", "Ashcombe",
            "Whitlock", "Larkspur", "Penhallow", "Greyhaven", "Moorcroft", "Tansley", "Hollinghurst", "Merriweather",
            "Castellane", "Blackwood", "Featherstone", "Winterbourne", "Coppersmith", "Heathcote", "Lindqvist",
            "Okonkwo-Hale", "Vasquez-Reyes", "Nakamura-Bell", "Abernathy", "Sallow", "Underhill", "Wrenfield",
            "Bellweather", "Crabtree", "Dewhurst", "Eastwood", "Fenwick", "Gallowglass", "Hawthorne", "Ironside",
            "Juniper", "Kingsley", "Loxley", "Mallory", "Northcott", "Ormsby", "Prescott", "Quenby", "Rookwood");

    static final int SIZE = 50;

    private DemoRoster() {
    }

    /** The same 50 patients every time (only their dates move with {@code today}). */
    static List<DemoPatient> patients(LocalDate today) {
        Random random = new Random(9_050);
        List<DemoPatient> patients = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec spec = SPECS.get(i);
            boolean female = random.nextInt(100) < 55;
            String first = (female ? FEMALE : MALE).get((i * 7 + 3) % 25);
            boolean behavioral = spec.enrollments().get(0).plan() == BHI;
            int age = behavioral ? 38 + random.nextInt(40) : 66 + random.nextInt(22);
            LocalDate birthday = today.minusYears(age).minusDays(random.nextInt(365));
            int enrolledAfter = i % 3 == 0 ? random.nextInt(4) : random.nextInt(15);
            patients.add(new DemoPatient(i + 1, first, SURNAMES.get(i), birthday, female ? "FEMALE" : "MALE",
                    spec.insurance(), spec.course(), spec.diagnoses(), spec.enrollments(), enrolledAfter));
        }
        return patients;
    }
}

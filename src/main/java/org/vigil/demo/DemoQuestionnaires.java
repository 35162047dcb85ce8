package org.vigil.demo;

import static org.vigil.demo.DemoCourse.CRISIS;
import static org.vigil.demo.DemoCourse.WORSENING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invented questionnaire answers, submitted on the presets' schedules: PHQ-9 or GAD-7 every two
 * weeks and the two-item screens monthly for behavioral health, the PEG weekly for chronic pain, and
 * one PHQ-2 or GAD-2 screen at enrollment for half of the others. Totals follow the patient's course:
 * steady patients improve, worsening ones end in the severe band, and the crisis patient's latest
 * PHQ-9 answers item 9 (thoughts of self-harm) with "several days".
 */
final class DemoQuestionnaires {

    record Submission(String template, Instant completedAt, Map<String, Integer> answers) {
    }

    private final DemoPatient patient;
    private final DemoDays days;
    private final Random random;
    private final List<Submission> submissions = new ArrayList<>();

    private DemoQuestionnaires(DemoPatient patient, DemoDays days) {
        this.patient = patient;
        this.days = days;
        this.random = new Random(patient.number() * 104_729L);
    }

    /** The submissions for the patient's first enrollment, oldest first. */
    static List<Submission> of(DemoPatient patient, DemoDays days, LocalDate enrolled) {
        DemoQuestionnaires generator = new DemoQuestionnaires(patient, days);
        switch (patient.preset()) {
            case DemoRoster.DEPRESSION -> {
                generator.series("phq9", enrolled, 14, 13, patient.course() == WORSENING ? 21 : patient.course() == CRISIS ? 17 : 7);
                generator.screens("gad2", enrolled, 30);
            }
            case DemoRoster.ANXIETY -> {
                generator.series("gad7", enrolled, 14, 11, patient.course() == WORSENING ? 16 : 6);
                generator.screens("phq2", enrolled, 30);
            }
            case DemoRoster.LOW_BACK_PAIN, DemoRoster.KNEE -> generator.peg(enrolled);
            case DemoRoster.COPD -> generator.screenOnce("gad2", enrolled);
            default -> generator.screenOnce("phq2", enrolled);
        }
        generator.submissions.sort(java.util.Comparator.comparing(Submission::completedAt));
        return generator.submissions;
    }

    /** A scored questionnaire every {@code every} days whose total moves from {@code first} to {@code last}. */
    private void series(String template, LocalDate from, int every, int first, int last) {
        List<LocalDate> dates = dates(from, every);
        for (int i = 0; i < dates.size(); i++) {
            double progress = dates.size() == 1 ? 1 : (double) i / (dates.size() - 1);
            int total = (int) Math.round(first + (last - first) * progress) + random.nextInt(3) - 1;
            boolean latest = i == dates.size() - 1;
            boolean phq9 = template.equals("phq9");
            // Only a worsening patient's latest total reaches the severe band (PHQ-9 ≥ 20, GAD-7 ≥ 15).
            int severe = phq9 ? 20 : 15;
            total = latest && patient.course() == WORSENING ? Math.max(total, severe) : Math.min(total, severe - 1);
            Map<String, Integer> answers = spread(phq9 ? "phq9_item" : "gad7_item", phq9 ? 8 : 7, total);
            if (phq9) {
                answers.put("phq9_item9", latest && patient.course() == CRISIS ? 1 : 0);
                answers.put("phq9_difficulty", total >= 10 ? 2 : 1);
            }
            submissions.add(new Submission(template, at(dates.get(i)), answers));
        }
    }

    /** A two-item screen every {@code every} days, negative (total 0–2). */
    private void screens(String template, LocalDate from, int every) {
        for (LocalDate date : dates(from, every)) {
            screen(template, date);
        }
    }

    private void screenOnce(String template, LocalDate enrolled) {
        if (patient.number() % 2 == 0) {
            screen(template, enrolled);
        }
    }

    private void screen(String template, LocalDate date) {
        String prefix = template.equals("phq2") ? "phq9_item" : "gad7_item";
        submissions.add(new Submission(template, at(date), spread(prefix, 2, random.nextInt(3))));
    }

    /** The PEG every week: pain, enjoyment and activity near the patient's usual pain, higher when worsening. */
    private void peg(LocalDate from) {
        int usual = 3 + random.nextInt(3);
        List<LocalDate> dates = dates(from, 7);
        for (int i = 0; i < dates.size(); i++) {
            boolean recent = i >= dates.size() - 2;
            int pain = Math.min(10, usual + (recent && patient.course() == WORSENING ? 3 : 0) + random.nextInt(2));
            Map<String, Integer> answers = new LinkedHashMap<>();
            answers.put("peg_pain_average", pain);
            answers.put("peg_enjoyment", Math.max(0, Math.min(10, pain + random.nextInt(3) - 1)));
            answers.put("peg_general_activity", Math.max(0, Math.min(10, pain + random.nextInt(3))));
            submissions.add(new Submission("peg", at(dates.get(i)), answers));
        }
    }

    private List<LocalDate> dates(LocalDate from, int every) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(days.today().minusDays(1)); date = date.plusDays(every)) {
            dates.add(date);
        }
        return dates;
    }

    /** The answers of {@code items} items (prefix1…) adding up to {@code total}, each 0–3. */
    private Map<String, Integer> spread(String prefix, int items, int total) {
        int[] scores = new int[items];
        for (int left = Math.max(0, Math.min(total, items * 3)); left > 0; ) {
            int item = random.nextInt(items);
            if (scores[item] < 3) {
                scores[item]++;
                left--;
            }
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < items; i++) {
            answers.put(prefix + (i + 1), scores[i]);
        }
        return answers;
    }

    private Instant at(LocalDate date) {
        return days.at(date, LocalTime.of(10, 0).plusMinutes(random.nextInt(360)));
    }
}

package org.vigil.library.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores one submission against a {@link ScoringSpec}. Pure and deterministic.
 *
 * <ul>
 * <li>Every counted item must be answered unless the spec's {@code minAnswered} allows fewer
 * (AVERAGE only); otherwise the submission is refused naming the missing items.</li>
 * <li>Counted answers outside {@code itemRange} are refused naming the items.</li>
 * <li>SUM adds the counted answers; AVERAGE divides that sum by the number answered. The total is
 * rounded HALF_UP to {@code decimals} (PEG: 3, 4, 4 → 3.666… → 3.7).</li>
 * <li>A total outside {@code range} is refused (it can only come from answers the spec does not
 * expect).</li>
 * <li>Item flags are evaluated on every answered flagged item, whatever the total.</li>
 * </ul>
 * Answers for items that are not counted (e.g. PHQ-9's difficulty question) are ignored by the total.
 */
public final class Scorer {

    private Scorer() {
    }

    /**
     * @param answers answers keyed by item metric key; a null value counts as unanswered
     * @throws InvalidAnswersException when the answers cannot be scored
     */
    public static Score score(ScoringSpec spec, Map<String, BigDecimal> answers) {
        List<String> missing = new ArrayList<>();
        List<String> outOfRange = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int answered = 0;
        for (String item : spec.items()) {
            BigDecimal answer = answers.get(item);
            if (answer == null) {
                missing.add(item);
                continue;
            }
            if ((spec.itemMin() != null && answer.compareTo(spec.itemMin()) < 0)
                    || (spec.itemMax() != null && answer.compareTo(spec.itemMax()) > 0)) {
                outOfRange.add(item);
                continue;
            }
            sum = sum.add(answer);
            answered++;
        }
        if (!outOfRange.isEmpty()) {
            throw new InvalidAnswersException(outOfRange, "Answers outside " + spec.itemMin().toPlainString()
                    + "–" + spec.itemMax().toPlainString());
        }
        if (answered < spec.minAnswered()) {
            throw new InvalidAnswersException(missing, spec.minAnswered() == spec.items().size()
                    ? "Every scored item must be answered; unanswered"
                    : "At least " + spec.minAnswered() + " scored items must be answered; unanswered");
        }
        BigDecimal total = switch (spec.method()) {
            case SUM -> sum.setScale(spec.decimals(), RoundingMode.HALF_UP);
            case AVERAGE -> sum.divide(BigDecimal.valueOf(answered), spec.decimals(), RoundingMode.HALF_UP);
        };
        if (total.compareTo(spec.rangeMin()) < 0 || total.compareTo(spec.rangeMax()) > 0) {
            throw new InvalidAnswersException(spec.items(), "The total " + total.toPlainString() + " lies outside "
                    + spec.rangeMin().toPlainString() + "–" + spec.rangeMax().toPlainString() + "; check the answers of");
        }
        Band band = spec.bands().stream().filter(b -> b.contains(total)).findFirst().orElse(null);
        List<Flag> flags = new ArrayList<>();
        for (ItemFlag rule : spec.flags().values()) {
            BigDecimal answer = answers.get(rule.item());
            if (rule.firesOn(answer)) {
                flags.add(new Flag(rule.item(), answer, rule.severity(), rule.label()));
            }
        }
        return new Score(total, band, flags, answered);
    }
}

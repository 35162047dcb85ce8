/**
 * Questionnaire scoring, computed on the server (never in the browser): a {@link
 * org.vigil.library.scoring.ScoringSpec} is parsed and validated from an assessment template's
 * {@code scoring} JSON (plus its items' {@code flag_rule} JSON), and {@link
 * org.vigil.library.scoring.Scorer#score} turns item answers into a total, a severity band and item
 * flags. Pure code: no Spring, no database. The format is documented in {@code docs/library.md}.
 */
@org.springframework.modulith.NamedInterface("scoring")
package org.vigil.library.scoring;

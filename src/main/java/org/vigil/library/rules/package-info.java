/**
 * The alert condition language: a typed tree of {@link org.vigil.library.rules.Condition}s read
 * from and written to JSON ({@link org.vigil.library.rules.ConditionParser},
 * {@link org.vigil.library.rules.ConditionWriter}) and evaluated by the pure
 * {@link org.vigil.library.rules.RuleEvaluator} against readings, assessments and doses the caller
 * supplies. No Spring, no database, no clock. The language is documented in
 * {@code docs/condition-language.md}.
 *
 * <p>A named interface of the {@code library} module so that {@code alerting} may evaluate the
 * rules the library stores.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.vigil.library.rules;

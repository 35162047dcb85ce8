package org.vigil.library.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JSON example in docs/condition-language.md is checked, so the documentation cannot drift:
 * {@code json} blocks must parse and round-trip, {@code json flag-rule} blocks must parse as item
 * flags, and {@code json invalid} blocks must be refused with exactly the errors of the
 * {@code text errors} block that follows.
 */
class ConditionLanguageDocTest {

    private static final Path DOC = Path.of("docs", "condition-language.md");
    private static final Pattern BLOCK = Pattern.compile("```([^\\n]*)\\n(.*?)```", Pattern.DOTALL);

    private record Block(String info, String body, int line) {
    }

    private static List<Block> blocks() throws IOException {
        String doc = Files.readString(DOC);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            int line = (int) doc.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            blocks.add(new Block(m.group(1).strip(), m.group(2), line));
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleParses() throws IOException {
        List<Block> blocks = blocks();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String name = b.info() + " example at line " + b.line();
            switch (b.info()) {
                case "json" -> tests.add(DynamicTest.dynamicTest(name, () -> {
                    Condition c = ConditionParser.parse(b.body());
                    assertThat(ConditionParser.parse(ConditionWriter.toJson(c))).isEqualTo(c);
                }));
                case "json flag-rule" -> tests.add(DynamicTest.dynamicTest(name,
                        () -> assertThatCode(() -> ConditionParser.parseFlagRule(b.body())).doesNotThrowAnyException()));
                case "json invalid" -> {
                    Block expected = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        assertThat(expected).as("a ```text errors block follows").isNotNull();
                        assertThat(expected.info()).isEqualTo("text errors");
                        InvalidConditionException e = catchThrowableOfType(InvalidConditionException.class,
                                () -> ConditionParser.parse(b.body()));
                        assertThat(e).as("refused").isNotNull();
                        assertThat(e.errors()).extracting(ConditionError::toString)
                                .containsExactlyElementsOf(expected.body().strip().lines().toList());
                    }));
                }
                case "text errors" -> { }
                default -> tests.add(DynamicTest.dynamicTest(name, () -> {
                    throw new AssertionError("unknown code block kind \"" + b.info() + "\" at line " + b.line());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theDocumentCoversEveryNodeKindAndTheMandatoryExamples() throws IOException {
        List<Condition> parsed = blocks().stream().filter(b -> b.info().equals("json"))
                .map(b -> ConditionParser.parse(b.body())).toList();
        List<Class<?>> kinds = parsed.stream().flatMap(ConditionLanguageDocTest::nodes)
                .<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(kinds).containsExactlyInAnyOrder(Condition.All.class, Condition.Any.class,
                Condition.Threshold.class, Condition.Range.class, Condition.Aggregate.class, Condition.Trend.class,
                Condition.Consecutive.class, Condition.MissingData.class, Condition.AssessmentScore.class,
                Condition.AssessmentItem.class, Condition.Adherence.class);
        assertThat(parsed).contains(ConditionParser.parse(CompositeRuleTest.HYPERTENSIVE_CRISIS));
        assertThat(parsed).contains(new Condition.AssessmentItem("phq9", "phq9_item9", Op.GT, ThresholdValue.of(0), null,
                "thoughts of self-harm"));
    }

    private static Stream<Condition> nodes(Condition c) {
        if (c instanceof Condition.All a) {
            return Stream.concat(Stream.of(c), a.conditions().stream().flatMap(ConditionLanguageDocTest::nodes));
        }
        if (c instanceof Condition.Any a) {
            return Stream.concat(Stream.of(c), a.conditions().stream().flatMap(ConditionLanguageDocTest::nodes));
        }
        return Stream.of(c);
    }
}

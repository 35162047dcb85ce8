package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "jane.doe@example.com";
    private final PasswordPolicy policy = new PasswordPolicy();

    private List<String> codes(String password, String email) {
        return policy.validate(password, email).stream().map(PasswordViolation::code).toList();
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.validate("Tangerine-Velvet-Orbit-42", EMAIL)).isEmpty();
    }

    @Test
    void lengthBoundariesAreTwelveAndOneHundredTwentyEight() {
        assertThat(codes("xk4-Qm9!vRt", EMAIL)).containsExactly("too_short");
        assertThat(codes("xk4-Qm9!vRtz", EMAIL)).isEmpty();
        String base = "Zq8#mW2$pL5^rT7&";
        assertThat(codes(base.repeat(8), EMAIL)).isEmpty();
        assertThat(codes(base.repeat(8) + "x", EMAIL)).containsExactly("too_long");
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        String elevenEmoji = "😀😁😂😃😄😅😆😇😈😉😊";
        assertThat(elevenEmoji.length()).isEqualTo(22);
        assertThat(codes(elevenEmoji, EMAIL)).containsExactly("too_short");
        assertThat(codes(elevenEmoji + "😋", EMAIL)).isEmpty();
        String hundredTwentyEight = (elevenEmoji + "😋").repeat(10) + "😌😍😎😏😐😑😒😓";
        assertThat(hundredTwentyEight.length()).isEqualTo(256);
        assertThat(codes(hundredTwentyEight, EMAIL)).isEmpty();
    }

    @Test
    void nullAndEmptyPasswordsAreTooShortOnly() {
        assertThat(codes(null, EMAIL)).containsExactly("too_short");
        assertThat(codes("", EMAIL)).containsExactly("too_short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123qweasdzxc", "1QAZ2WSX3EDC", "Q1w2E3r4T5y6"})
    void rejectsLongCommonPasswordsCaseInsensitively(String password) {
        assertThat(codes(password, EMAIL)).containsExactly("common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password12345!", "Password2024!!", "TANGERINE1234567", "velvet.........", "love12345678"})
    void rejectsCommonPasswordsFollowedByDigitsOrPunctuation(String password) {
        assertThat(codes(password, EMAIL)).containsExactly("common");
    }

    @Test
    void strippingOnlyCountsWhenAtLeastFourCharactersRemain() {
        PasswordPolicy custom = new PasswordPolicy(Set.of("abc", "abcd"));
        assertThat(custom.validate("abc123456789!", EMAIL)).isEmpty();
        assertThat(custom.validate("abcd123456789!", EMAIL)).extracting(PasswordViolation::code)
                .containsExactly("common");
    }

    @Test
    void onlyTrailingDigitsAndPunctuationAreStripped() {
        assertThat(codes("12345!password", EMAIL)).isEmpty();
        assertThat(codes("password12345x", EMAIL)).isEmpty();
    }

    @Test
    void rejectsPasswordsContainingTheEmailLocalPart() {
        assertThat(codes("My-Jane.Doe-Secret!", EMAIL)).containsExactly("contains_email");
        assertThat(codes("xx-JANE.DOE-xxxxxx", "Jane.Doe@Example.com")).containsExactly("contains_email");
        assertThat(codes("Tangerine-bob-Orbit", "bob@example.com")).containsExactly("contains_email");
    }

    @Test
    void ignoresShortLocalPartsTheDomainAndAMissingEmail() {
        assertThat(codes("Tangerine-al-Orbit", "al@example.com")).isEmpty();
        assertThat(codes("Tangerine-example-Orbit", EMAIL)).isEmpty();
        assertThat(codes("Tangerine-jane.doe-Orbit", null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "############", "😀😀😀😀😀😀😀😀😀😀😀😀😀"})
    void rejectsASingleRepeatedCharacter(String password) {
        assertThat(codes(password, EMAIL)).contains("repeated_character");
    }

    @Test
    void twoDistinctCharactersAreNotARepeatedCharacter() {
        assertThat(codes("aaaaaaaaaaab", EMAIL)).doesNotContain("repeated_character");
    }

    @Test
    void reportsEveryViolationAtOnceWithoutEchoingThePassword() {
        List<PasswordViolation> violations = policy.validate("JANE", "jane@example.com");
        assertThat(violations).extracting(PasswordViolation::code)
                .containsExactly("too_short", "contains_email");
        assertThat(policy.validate("111111", EMAIL)).extracting(PasswordViolation::code)
                .containsExactly("too_short", "common", "repeated_character");
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank().doesNotContainIgnoringCase("jane"));
    }

    @Test
    void loaderSkipsCommentsAndBlankLinesAndLowerCases() throws IOException {
        String text = "# header\n\nPassword\n  dragon  \r\n#not-a-password\nqwerty";
        Set<String> loaded = PasswordPolicy.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(loaded).containsExactlyInAnyOrder("password", "dragon", "qwerty");
    }

    @Test
    void bundledListIsTheZxcvbnListWithAHeader() throws IOException {
        try (var in = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS_RESOURCE)) {
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("# ").contains("zxcvbn").contains("MIT");
            Set<String> loaded = PasswordPolicy.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(loaded).hasSize(30_000).contains("123456", "password", "dragon")
                    .allSatisfy(p -> assertThat(p).doesNotStartWith("#").isEqualTo(p.toLowerCase(Locale.ROOT)));
        }
    }
}

package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackupCodesTest {

    private final BackupCodes backupCodes = new BackupCodes();

    @Test
    void alphabetHas31DistinctCharactersWithoutLookAlikes() {
        String alphabet = BackupCodes.ALPHABET;
        assertThat(alphabet).hasSize(BackupCodes.ALPHABET_SIZE).doesNotContain("0", "1", "o", "i", "l");
        assertThat(alphabet.chars().distinct().count()).isEqualTo(31);
        double bitsPerCode = 2 * BackupCodes.GROUP_LENGTH * Math.log(alphabet.length()) / Math.log(2);
        assertThat(bitsPerCode).isGreaterThanOrEqualTo(40);
    }

    @Test
    void generatesTenDistinctWellFormedCodes() {
        List<String> codes = backupCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[" + BackupCodes.ALPHABET + "]{5}-["
                        + BackupCodes.ALPHABET + "]{5}"));
    }

    @Test
    void usesTheWholeAlphabetAndDiffersBetweenBatches() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.addAll(backupCodes.generate());
        }
        Set<Integer> used = String.join("", all).replace("-", "").chars().boxed().collect(Collectors.toSet());
        assertThat(used).hasSize(31);
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void hashIsSha256HexOfTheNormalisedCode() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("abcdefghjk".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(digest);
        assertThat(BackupCodes.hash("abcde-fghjk")).isEqualTo(expected).hasSize(64);
        assertThat(BackupCodes.hash("ABCDE FGHJK")).isEqualTo(expected);
        assertThat(BackupCodes.hash("abcde-fghjm")).isNotEqualTo(expected);
    }

    @Test
    void matchReturnsTheIndexOfTheCodesHash() {
        List<String> codes = backupCodes.generate();
        List<String> hashes = codes.stream().map(BackupCodes::hash).toList();
        for (int i = 0; i < codes.size(); i++) {
            assertThat(BackupCodes.matches(codes.get(i), hashes)).hasValue(i);
        }
    }

    @Test
    void matchNormalisesCaseSpacesAndDashes() {
        List<String> hashes = List.of(BackupCodes.hash("7hq2k-m9xwa"), BackupCodes.hash("23456-789ab"));
        assertThat(BackupCodes.matches("7HQ2K-M9XWA", hashes)).hasValue(0);
        assertThat(BackupCodes.matches(" 7hq2k m9xwa ", hashes)).hasValue(0);
        assertThat(BackupCodes.matches("7hq2km9xwa", hashes)).hasValue(0);
        assertThat(BackupCodes.matches("2345-6789-ab", hashes)).hasValue(1);
    }

    @Test
    void usedCodesRemovedAsNullAreSkipped() {
        List<String> hashes = Arrays.asList(null, BackupCodes.hash("7hq2k-m9xwa"));
        assertThat(BackupCodes.matches("7hq2k-m9xwa", hashes)).hasValue(1);
        assertThat(BackupCodes.matches("7hq2k-m9xwa", Arrays.asList(BackupCodes.hash("23456-789ab"), null)))
                .isEmpty();
    }

    @Test
    void acceptsUpperCaseStoredHashes() {
        List<String> hashes = List.of(BackupCodes.hash("7hq2k-m9xwa").toUpperCase());
        assertThat(BackupCodes.matches("7hq2k-m9xwa", hashes)).hasValue(0);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "7hq2k-m9xwb", "7hq2k-m9xw", "7hq2k-m9xwaa", "7hq2k_m9xwa", "0hq2k-m9xwa"})
    void unknownOrMalformedInputMatchesNothing(String candidate) {
        List<String> hashes = List.of(BackupCodes.hash("7hq2k-m9xwa"), BackupCodes.hash("0hq2k-m9xwa"));
        assertThat(BackupCodes.matches(candidate, hashes)).isEmpty();
    }

    @Test
    void noHashesMatchNothing() {
        assertThat(BackupCodes.matches("7hq2k-m9xwa", List.of())).isEmpty();
        assertThat(BackupCodes.matches("7hq2k-m9xwa", null)).isEmpty();
    }
}

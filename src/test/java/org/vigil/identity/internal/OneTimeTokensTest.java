package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeTokensTest {

    private final OneTimeTokens tokens = new OneTimeTokens();

    @Test
    void tokenIs32RandomBytesAsUrlSafeBase64WithoutPadding() {
        OneTimeTokens.IssuedToken issued = tokens.newToken();
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(issued.token())).hasSize(32);
    }

    @Test
    void hashIsSha256HexOfTheToken() throws Exception {
        OneTimeTokens.IssuedToken issued = tokens.newToken();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(issued.token().getBytes(StandardCharsets.US_ASCII));
        assertThat(issued.hash()).isEqualTo(HexFormat.of().formatHex(digest)).matches("[0-9a-f]{64}");
        assertThat(OneTimeTokens.hash(issued.token())).isEqualTo(issued.hash());
    }

    @Test
    void hashMatchesTheSha256TestVector() {
        assertThat(OneTimeTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashIsExactNotNormalised() {
        String token = tokens.newToken().token();
        assertThat(OneTimeTokens.hash(token + " ")).isNotEqualTo(OneTimeTokens.hash(token));
        assertThat(OneTimeTokens.hash("Abc")).isNotEqualTo(OneTimeTokens.hash("abc"));
    }

    @Test
    void tokensAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(tokens.newToken().token());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void toStringDoesNotRevealTheToken() {
        OneTimeTokens.IssuedToken issued = tokens.newToken();
        assertThat(issued.toString()).doesNotContain(issued.token()).contains(issued.hash());
    }

    @Test
    void hashRejectsNull() {
        assertThatThrownBy(() -> OneTimeTokens.hash(null)).isInstanceOf(NullPointerException.class);
    }
}

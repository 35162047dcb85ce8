package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {

    private static final byte[] KEY_BYTES = sequence(32, 1);
    private static final String KEY = Base64.getEncoder().encodeToString(KEY_BYTES);
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void roundTrips() {
        assertThat(cipher.decrypt(cipher.encrypt(SECRET))).isEqualTo(SECRET);
        assertThat(cipher.decrypt(cipher.encrypt(SECRET, "user-1"), "user-1")).isEqualTo(SECRET);
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(cipher.decrypt(cipher.encrypt("zoë ✓ 😀"))).isEqualTo("zoë ✓ 😀");
    }

    @Test
    void outputIsV1PrefixAndBase64OfIvCiphertextAndTag() {
        String encrypted = cipher.encrypt(SECRET);
        assertThat(encrypted).startsWith("v1:").doesNotContain(SECRET);
        byte[] payload = Base64.getDecoder().decode(encrypted.substring(3));
        assertThat(payload).hasSize(12 + SECRET.length() + 16);
    }

    @Test
    void decryptsTheDocumentedFormatProducedIndependently() throws Exception {
        byte[] iv = sequence(12, 100);
        Cipher jce = Cipher.getInstance("AES/GCM/NoPadding");
        jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY_BYTES, "AES"), new GCMParameterSpec(128, iv));
        jce.updateAAD("user-7".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = jce.doFinal(SECRET.getBytes(StandardCharsets.UTF_8));
        byte[] payload = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        assertThat(cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(payload), "user-7")).isEqualTo(SECRET);
    }

    @Test
    void usesAFreshIvEachTime() {
        String first = cipher.encrypt(SECRET);
        String second = cipher.encrypt(SECRET);
        assertThat(first).isNotEqualTo(second);
        assertThat(iv(first)).isNotEqualTo(iv(second));
    }

    @Test
    void detectsAChangeToAnyByte() {
        byte[] payload = Base64.getDecoder().decode(cipher.encrypt(SECRET).substring(3));
        for (int i = 0; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String value = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(value)).as("byte %d", i)
                    .isInstanceOf(SecretCipher.DecryptionException.class).hasMessageContaining("authentication");
        }
    }

    @Test
    void rejectsTruncatedOrMalformedValues() {
        String encrypted = cipher.encrypt(SECRET);
        String truncated = "v1:" + Base64.getEncoder().encodeToString(
                Arrays.copyOf(Base64.getDecoder().decode(encrypted.substring(3)), 27));
        for (String bad : new String[] {truncated, encrypted.substring(3), "v2:" + encrypted.substring(3),
                "v1:%%%", "v1:", null}) {
            assertThatThrownBy(() -> cipher.decrypt(bad)).isInstanceOf(SecretCipher.DecryptionException.class);
        }
    }

    @Test
    void refusesAnotherKey() {
        String encrypted = cipher.encrypt(SECRET);
        SecretCipher other = new SecretCipher(Base64.getEncoder().encodeToString(sequence(32, 2)));
        assertThatThrownBy(() -> other.decrypt(encrypted)).isInstanceOf(SecretCipher.DecryptionException.class);
    }

    @Test
    void bindsTheAssociatedData() {
        String encrypted = cipher.encrypt(SECRET, "user-1");
        assertThatThrownBy(() -> cipher.decrypt(encrypted, "user-2"))
                .isInstanceOf(SecretCipher.DecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(encrypted)).isInstanceOf(SecretCipher.DecryptionException.class);
        String withoutAad = cipher.encrypt(SECRET);
        assertThatThrownBy(() -> cipher.decrypt(withoutAad, "user-1"))
                .isInstanceOf(SecretCipher.DecryptionException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 24, 31, 33, 64})
    void rejectsKeysThatAreNot32BytesWithoutRevealingThem(int length) {
        String key = Base64.getEncoder().encodeToString(sequence(length, 7));
        assertThatThrownBy(() -> new SecretCipher(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes").hasMessageContaining("is " + length + " bytes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    }

    @Test
    void rejectsNonBase64KeysWithoutRevealingThem() {
        String key = "Zm9vYmFy-not*base64-s3cr3t";
        assertThatThrownBy(() -> new SecretCipher(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Base64").hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("*", "s3cr3t", "2a"));
        assertThatThrownBy(() -> new SecretCipher(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] iv(String encrypted) {
        return Arrays.copyOf(Base64.getDecoder().decode(encrypted.substring(3)), 12);
    }

    private static byte[] sequence(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i * 7);
        }
        return bytes;
    }
}

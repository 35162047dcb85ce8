package org.vigil.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest (the TOTP secret) with AES-256-GCM under a key from configuration. Output is
 * {@code v1:} + Base64(12-byte random IV || ciphertext || 16-byte tag); the version prefix lets a later format or key
 * rotation coexist. Optional associated data (the owning user's id) is authenticated but not stored, so a value
 * copied into another user's row fails to decrypt. Any change to the stored value, a different key or different
 * associated data makes {@link #decrypt} throw {@link DecryptionException}. Random 96-bit IVs are safe for far fewer
 * than the 2^32 encryptions NIST SP 800-38D allows per key.
 */
final class SecretCipher {

    static final String PREFIX = "v1:";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Key standard Base64 of exactly {@value #KEY_BYTES} bytes
     * @throws IllegalArgumentException if the key is missing, not Base64 or not 32 bytes; the message never contains
     *                                  the key or any part of it
     */
    SecretCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("Secret encryption key is not configured");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character, so it is deliberately not chained.
            throw new IllegalArgumentException("Secret encryption key is not valid Base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("Secret encryption key must be " + KEY_BYTES
                        + " bytes (AES-256) once Base64-decoded, but is " + bytes.length + " bytes");
            }
            this.key = new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    String encrypt(String plaintext) {
        return encrypt(plaintext, null);
    }

    /** @param associatedData bound into the GCM tag, e.g. the user id; {@code null} and "" mean none */
    String encrypt(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    String decrypt(String encrypted) {
        return decrypt(encrypted, null);
    }

    /** @throws DecryptionException if the value is malformed, tampered with, or the key or associated data differ */
    String decrypt(String encrypted, String associatedData) {
        if (encrypted == null || !encrypted.startsWith(PREFIX)) {
            throw new DecryptionException("Encrypted secret does not start with " + PREFIX);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("Encrypted secret is not valid Base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new DecryptionException("Encrypted secret is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), associatedData);
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException(
                    "Encrypted secret failed authentication: tampered, wrong key, or wrong associated data");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        if (associatedData != null && !associatedData.isEmpty()) {
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        return cipher;
    }

    /** A stored secret cannot be decrypted: malformed, modified, or encrypted under another key or associated data. */
    static final class DecryptionException extends RuntimeException {

        DecryptionException(String message) {
            super(message);
        }
    }
}

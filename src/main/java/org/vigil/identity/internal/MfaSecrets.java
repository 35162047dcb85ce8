package org.vigil.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest (AES-256-GCM, bound to the user id) with the key from
 * {@code VIGIL_ENCRYPTION_KEY}. Without it, a key is generated once into
 * {@code $VIGIL_HOME/encryption.key} (owner-only permissions) so a single-machine installation
 * keeps working across restarts; production should configure the key from a secret store.
 */
@Component
class MfaSecrets {

    private static final Logger log = LoggerFactory.getLogger(MfaSecrets.class);

    private final SecretCipher cipher;

    MfaSecrets(@Value("${vigil.security.encryption-key:}") String configuredKey, @Value("${vigil.home}") String home) {
        this.cipher = new SecretCipher(configuredKey.isBlank() ? keyFile(Path.of(home).resolve("encryption.key")) : configuredKey);
    }

    String seal(String userId, String secret) {
        return cipher.encrypt(secret, userId);
    }

    String open(String userId, String sealed) {
        return cipher.decrypt(sealed, userId);
    }

    private static String keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[SecretCipher.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            log.warn("No VIGIL_ENCRYPTION_KEY configured: generated one in {}", file);
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key file " + file, e);
        }
    }
}

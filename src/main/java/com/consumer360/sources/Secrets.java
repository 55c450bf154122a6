package com.consumer360.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Source passwords at rest (docs/security.md, "SQL Server source credentials"): either {@code env:NAME}, a reference
 * to an environment variable of the portal's process (the password never reaches the database), or the password
 * encrypted with AES-256-GCM ({@code v1:} + Base64 of a random 12-byte nonce and the ciphertext with its tag) under a
 * key kept outside the database: {@code CONSUMER360_SOURCE_KEY} (Base64 of 32 bytes) or, when unset, a key file
 * created once with owner-only permissions. Never logs or returns the password in a message.
 */
final class Secrets {

    static final String ENV_PREFIX = "env:";
    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final UnaryOperator<String> environment;

    Secrets(byte[] key, UnaryOperator<String> environment) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the source key must be 32 bytes (Base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.environment = environment;
    }

    /** The key from {@code base64Key} when given, else from {@code keyFile} (created with a random key if absent). */
    static Secrets of(String base64Key, Path keyFile) {
        if (base64Key != null && !base64Key.isBlank()) {
            return new Secrets(Base64.getDecoder().decode(base64Key.strip()), System::getenv);
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "source-key", ".tmp");
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions protect it
                }
                Files.writeString(temp, Base64.getEncoder().encodeToString(fresh));
                Files.move(temp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new Secrets(Base64.getDecoder().decode(Files.readString(keyFile).strip()), System::getenv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the source key file " + keyFile, e);
        }
    }

    /** What to store for a password typed in the form: {@code env:NAME} as given, anything else encrypted. */
    String seal(String password) {
        if (password.startsWith(ENV_PREFIX)) {
            return password;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the source password (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The password a stored secret stands for; null when none is stored. */
    String open(String stored) throws SourceException {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(ENV_PREFIX)) {
            String name = stored.substring(ENV_PREFIX.length());
            String value = environment.apply(name);
            if (value == null) {
                throw new SourceException("the password refers to the environment variable " + name
                        + ", which is not set in the portal's process");
            }
            return value;
        }
        if (!stored.startsWith(VERSION)) {
            throw new SourceException("the stored password is in an unknown format: set it again");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SourceException("the stored password cannot be decrypted with this installation's source key "
                    + "(was CONSUMER360_SOURCE_KEY or the key file changed?): set the password again");
        }
    }
}

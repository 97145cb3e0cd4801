package org.memberdesk.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PINs as salted slow hashes: PBKDF2 with HMAC-SHA256 from the JDK's own security provider (a well-kept,
 * audited implementation; no extra library), a random 16-byte salt per PIN, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the work factor can grow later without locking anyone out.
 * A 4–6 digit PIN has at most a million values, so the slow hash only buys time against a stolen file; the
 * lock-out ({@link StaffService}) is what protects the PIN at the computer.
 */
public final class PinHashing {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; about 0.3 s per PIN here (measured in the note). */
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random;
    private final int iterations;

    public PinHashing() {
        this(new SecureRandom(), ITERATIONS);
    }

    PinHashing(SecureRandom random, int iterations) {
        this.random = random;
        this.iterations = iterations;
    }

    /** Whether {@code pin} is one a person may choose: 4 to 6 digits. */
    public static boolean isValidPin(String pin) {
        return pin != null && pin.matches("\\d{4,6}");
    }

    /** The stored form of a new PIN (a fresh salt each time). */
    public String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(pin, salt, iterations));
    }

    /** Whether {@code pin} is the one {@code stored} was made from (compared in constant time). */
    public boolean matches(String pin, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX) || pin == null) {
            return false;
        }
        // a stored string damaged or edited outside the app is a PIN that matches nothing, not a crash at sign-in
        int rounds;
        byte[] salt;
        byte[] expected;
        try {
            rounds = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (rounds < 1 || salt.length == 0 || expected.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(pin, salt, rounds));
    }

    private static byte[] derive(String pin, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        } finally {
            spec.clearPassword();
        }
    }
}

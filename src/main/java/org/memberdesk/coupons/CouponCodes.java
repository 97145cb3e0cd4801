package org.memberdesk.coupons;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Coupon codes: 7 random characters and a check character, upper case, from an alphabet without
 * the look-alikes 0/O and 1/I (32 symbols: 32^7 ≈ 34 billion codes). The check character is the
 * Luhn mod N algorithm over that alphabet; because the alphabet size is even, Luhn's doubling is a
 * permutation of the symbols, so every single-character substitution changes the check and is
 * caught before the code is looked up (and most swaps of neighbours are too).
 */
public final class CouponCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int BODY_LENGTH = 7;
    public static final int LENGTH = BODY_LENGTH + 1;
    private static final int N = ALPHABET.length();

    private CouponCodes() {
    }

    /** What is wrong with a typed code, before any lookup. */
    public enum Check { OK, MALFORMED, TYPO }

    /**
     * Unguessable randomness for codes: SecureRandom's bytes, fetched 8 KB at a time, because one
     * SecureRandom call per code costs more than everything else in issuing 100,000 of them.
     */
    public static RandomGenerator secureRandom() {
        java.security.SecureRandom secure = new java.security.SecureRandom();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8192).position(8192);
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                if (!buffer.hasRemaining()) {
                    secure.nextBytes(buffer.array());
                    buffer.clear();
                }
                return buffer.getLong();
            }
        };
    }

    /** A new random code with its check character. */
    public static String next(RandomGenerator random) {
        char[] code = new char[LENGTH];
        long bits = random.nextLong();
        for (int i = 0; i < BODY_LENGTH; i++) {
            code[i] = ALPHABET.charAt((int) (bits & (N - 1)));
            bits >>>= 5;
        }
        code[BODY_LENGTH] = checkCharacter(new String(code, 0, BODY_LENGTH));
        return new String(code);
    }

    /** {@code count} distinct new codes (a random draw repeats about once in 34 billion; those are redrawn). */
    public static Set<String> distinct(int count, RandomGenerator random) {
        Set<String> codes = new LinkedHashSet<>(count * 2);
        while (codes.size() < count) {
            codes.add(next(random));
        }
        return codes;
    }

    /** A typed or scanned code as stored: upper case, without the spaces and dashes people add. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder code = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c != ' ' && c != '-' && c != '\u3000') {
                code.append(c);
            }
        }
        return code.toString().toUpperCase(Locale.ROOT);
    }

    public static Check check(String normalized) {
        if (normalized.length() != LENGTH) {
            return Check.MALFORMED;
        }
        for (int i = 0; i < normalized.length(); i++) {
            if (ALPHABET.indexOf(normalized.charAt(i)) < 0) {
                return Check.MALFORMED;
            }
        }
        return checkCharacter(normalized.substring(0, BODY_LENGTH)) == normalized.charAt(BODY_LENGTH)
                ? Check.OK : Check.TYPO;
    }

    /** Luhn mod N: from the right, every other symbol's value is doubled and its two base-N digits summed. */
    static char checkCharacter(String body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}

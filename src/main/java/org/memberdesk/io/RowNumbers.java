package org.memberdesk.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Purchase numbers for a file that has no purchase number column (a transaction log: customer, date, count,
 * amount): every row is one purchase, numbered from its content — {@code R} and 16 hex digits of the SHA-256 of
 * the row's cells — so the same row in a later, overlapping export is a duplicate, not a second purchase. Identical
 * rows within one file are separate purchases: the second is {@code …-2}, the third {@code …-3}, in file order,
 * so a re-run (or a resumed run, which reads the file from its start) numbers them exactly as the first run did.
 *
 * <p>One per import run; it remembers a 64-bit key per distinct row (about 64 bytes each).
 */
final class RowNumbers {
    private final Map<Long, Integer> seen = new HashMap<>();
    private final MessageDigest sha256;

    RowNumbers() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    String numberOf(ImportRow row) {
        byte[] digest = sha256.digest(String.join("\u0001", row.values()).getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = key << 8 | (digest[i] & 0xFF);
        }
        int occurrence = seen.merge(key, 1, Integer::sum);
        String number = "R" + HexFormat.of().formatHex(digest, 0, 8);
        return occurrence == 1 ? number : number + "-" + occurrence;
    }
}

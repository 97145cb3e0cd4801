package org.memberdesk.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The operation log's hash chain: each entry's hash is SHA-256 over its own fields and the hash of the entry
 * before it, so changing, removing or slipping in an entry anywhere before the last breaks every link after it.
 * Fields are hashed as their stored text, each prefixed by its length (null as {@code -1}), so no two different
 * entries hash the same text.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String START = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * One stored entry as text: its id (for ordering) and every hashed column exactly as read from the file.
     */
    public record Link(long id, String idText, String at, String staffId, String staffName, String action,
            String memberId, String subject, String summary, String reason, String money, String previousHash,
            String hash) {
        /** The hash this entry should carry, after {@code previous}. */
        String expectedHash(String previous) {
            return AuditChain.hash(previous, idText, at, staffId, staffName, action, memberId, subject, summary,
                    reason, money);
        }
    }

    /** SHA-256 (hex) over the previous hash and the fields, each length-prefixed. */
    static String hash(String previous, String... fields) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
        update(sha, previous);
        for (String field : fields) {
            update(sha, field);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String field) {
        if (field == null) {
            sha.update("-1:".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
    }

    /** How a walk of the whole chain came out: how many entries, and the first one that does not hold. */
    public record Verification(long entries, Long brokenAt) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    /** Walks links in id order; the first whose previous hash or own hash does not hold is where it broke. */
    static final class Walk {
        private String previous = START;
        private long entries;
        private Long brokenAt;

        void accept(Link link) {
            entries++;
            if (brokenAt != null) {
                return;
            }
            if (!previous.equals(link.previousHash()) || !link.expectedHash(previous).equals(link.hash())) {
                brokenAt = link.id();
            }
            previous = link.hash() == null ? "" : link.hash();
        }

        Verification result() {
            return new Verification(entries, brokenAt);
        }
    }
}

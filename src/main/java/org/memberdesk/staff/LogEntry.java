package org.memberdesk.staff;

import java.time.LocalDateTime;

/**
 * One entry of the operation log as stored: when, who, what, on which member or object, before → after, why, and
 * its place in the hash chain.
 */
public record LogEntry(long id, LocalDateTime at, Long staffId, String staffName, String action, Long memberId,
        String subject, String summary, String reason, boolean money, String previousHash, String hash) {
}

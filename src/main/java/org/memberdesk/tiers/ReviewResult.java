package org.memberdesk.tiers;

import java.util.Map;

/** What a tier review did, and how many members sit in each tier after it (ladder order). */
public record ReviewResult(long upgraded, long downgraded, long blockedByProtection, Map<String, Long> tiers) {
}

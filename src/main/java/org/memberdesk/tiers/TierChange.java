package org.memberdesk.tiers;

import java.time.LocalDateTime;

/**
 * One move on the ladder, with why: {@code reason} is purchase (the purchase qualified), review (the
 * review on that day) or manual; {@code measured} is the spend in cents or the points within the window.
 */
public record TierChange(long id, long memberId, LocalDateTime time, String fromTier, String toTier, boolean up,
                         String reason, long measured, String purchaseNo) {
}

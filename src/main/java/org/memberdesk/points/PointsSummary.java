package org.memberdesk.points;

import java.time.LocalDate;

/**
 * A member's points at a glance: the balance, what of it will expire within 30 days, and what is already past its
 * day but still in the balance until the expiry run takes it off ({@code expired} points, the last of them due on
 * {@code expiredOn}; null when none), so a screen never announces as "expiring" points that already have.
 */
public record PointsSummary(long memberId, long balance, long expiringIn30Days, long expired, LocalDate expiredOn) {
}

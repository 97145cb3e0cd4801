package org.memberdesk.points;

/** A member's points at a glance: the balance and what of it will expire within 30 days. */
public record PointsSummary(long memberId, long balance, long expiringIn30Days) {
}

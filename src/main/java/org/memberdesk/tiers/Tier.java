package org.memberdesk.tiers;

/**
 * One step of the ladder. {@code threshold} is in the program's basis: cents of spend, or points,
 * within the window; rank 0 is the entry tier every member starts in (threshold 0).
 */
public record Tier(int rank, String name, long threshold, int pointsPercent, int discountPercent, String perks) {
}

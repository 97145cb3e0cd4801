package org.memberdesk.tiers;

/**
 * One step of the ladder. {@code threshold} is in the program's basis: cents of spend, or points,
 * within the window; rank 0 is the entry tier every member starts in (threshold 0).
 */
public record Tier(int rank, String name, long threshold, int pointsPercent, int discountPercent, String perks) {

    /**
     * The tier discount on {@code listCents}: {@code floor(list × percent ÷ 100)} — the shop never gives more than
     * the printed percentage. The one place this rule lives (the counter's Pricing and a card sold at the tier
     * discount both use it).
     */
    public static long discountCents(long listCents, int percent) {
        return Math.multiplyExact(listCents, percent) / 100;
    }
}

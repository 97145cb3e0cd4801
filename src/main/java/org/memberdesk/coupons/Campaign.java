package org.memberdesk.coupons;

import java.time.LocalDateTime;

/**
 * A stored campaign: its coupon template, its target as chosen, and the split made when it was
 * created ({@code targeted} includes the {@code control} members, who get no coupon). {@code issuedAt}
 * is null until the coupons are issued.
 */
public record Campaign(long id, String name, long couponId, Target target, Integer skipDays, int controlPercent,
                       long seed, int targeted, int control, LocalDateTime createdAt, LocalDateTime issuedAt) {

    /** The members who get a coupon. */
    public int treatment() {
        return targeted - control;
    }

    public boolean issued() {
        return issuedAt != null;
    }
}

package org.memberdesk.coupons;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One issued coupon: its code, whose it is, when it can be used, and whether (and on which purchase) it was. */
public record IssuedCoupon(long id, String code, long campaignId, long couponId, long memberId, LocalDateTime issuedAt,
                           LocalDate validFrom, LocalDate validTo, LocalDateTime usedAt, Long purchaseId,
                           Long discountCents) {

    public enum State { USABLE, NOT_YET_VALID, EXPIRED, USED }

    public State state(LocalDate today) {
        return state(usedAt != null, validFrom, validTo, today);
    }

    /** A coupon's state on a day: used wins, then before, within or after its days (screens and printouts alike). */
    public static State state(boolean used, LocalDate validFrom, LocalDate validTo, LocalDate today) {
        if (used) {
            return State.USED;
        }
        if (today.isBefore(validFrom)) {
            return State.NOT_YET_VALID;
        }
        return today.isAfter(validTo) ? State.EXPIRED : State.USABLE;
    }
}

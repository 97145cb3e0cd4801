package org.memberdesk.coupons.print;

import java.time.LocalDate;
import org.memberdesk.coupons.IssuedCoupon;

/**
 * One coupon as printed: the phone is already masked (138****1234), so a full number never reaches paper; the day
 * it was used, when it was (a list printed after the campaign shows which coupons were redeemed).
 */
public record PrintRow(String memberNo, String name, String maskedPhone, String tier, String code,
                       LocalDate validFrom, LocalDate validTo, LocalDate usedOn) {

    /** The coupon's state on the day printed, as the Coupons screen decides it. */
    public IssuedCoupon.State state(LocalDate today) {
        return IssuedCoupon.state(usedOn != null, validFrom, validTo, today);
    }
}

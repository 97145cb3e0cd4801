package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.MemberStore;

/**
 * Whether a typed or scanned coupon code may be used by this member today: the check character catches typos
 * before a lookup, then the code must be the member's, unused and within its dates. The counter
 * ({@code sales.CounterSales}) then prices the sale with the coupon's template — after the tier discount — and the
 * purchase pipeline's {@link CouponRedemption} marks it used in the sale's own transaction.
 */
public final class CheckoutService {
    /** The purchase line recorded when the counter gives only an amount (the command line and the screen alike). */
    public static final String COUNTER_ITEM = "消费";

    private final MemberStore members;
    private final CouponStore coupons;
    private final Clock clock;

    public CheckoutService(MemberStore members, CouponStore coupons, Clock clock) {
        this.members = members;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** A coupon the member may use today (its own, not used, within its dates), with its template. */
    public record Usable(IssuedCoupon coupon, Coupon template) {
    }

    /**
     * Checks a typed code for the member on the caller's connection, before any amount is looked at: the
     * counter then prices the sale (tier discount first) and the template says what it takes off.
     */
    public Usable usable(Connection connection, String typedCode, long memberId) throws SQLException {
        String code = checkedCode(typedCode);
        if (members.findById(connection, memberId).isEmpty()) {
            throw new ValidationException(Problem.of("member", "member.unknown", Long.toString(memberId)));
        }
        IssuedCoupon coupon = coupons.byCode(connection, code)
                .orElseThrow(() -> new RedemptionRefused("coupon.refused.unknown", code));
        if (coupon.memberId() != memberId) {
            throw new RedemptionRefused("coupon.refused.otherMember", code);
        }
        LocalDate today = LocalDate.now(clock);
        switch (coupon.state(today)) {
            case USED -> throw new RedemptionRefused("coupon.refused.used", code,
                    coupon.usedAt().toLocalDate().toString());
            case NOT_YET_VALID -> throw new RedemptionRefused("coupon.refused.notYetValid", code,
                    coupon.validFrom().toString());
            case EXPIRED -> throw new RedemptionRefused("coupon.refused.expired", code, coupon.validTo().toString());
            case USABLE -> { }
        }
        return new Usable(coupon, coupons.template(connection, coupon.couponId()).orElseThrow());
    }

    /** The typed code, normalized, after the check character caught what a lookup need not see. */
    private static String checkedCode(String typed) {
        String code = CouponCodes.normalize(typed);
        switch (CouponCodes.check(code)) {
            case MALFORMED -> throw new RedemptionRefused("coupon.refused.malformed", code,
                    CouponCodes.LENGTH);
            case TYPO -> throw new RedemptionRefused("coupon.refused.typo", code);
            case OK -> { }
        }
        return code;
    }
}

package org.memberdesk.coupons;

import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * The counter may not use this coupon on this purchase; the problem's bundle key says exactly why
 * (a typo, unknown, used, expired, someone else's, minimum spend not met, no item it applies to).
 * Nothing was stored.
 */
public final class RedemptionRefused extends ValidationException {
    public RedemptionRefused(String key, Object... args) {
        super(Problem.of("code", key, args));
    }

    public Problem problem() {
        return problems().get(0);
    }
}

package org.memberdesk.coupons;

import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;

/** How a coupon reads on screen and on paper: "¥20 代金券", "满¥100减¥20", "8.5折", "兑换券：咖啡". */
public final class CouponText {
    private CouponText() {
    }

    public static String describe(Coupon coupon, Messages messages) {
        return switch (coupon.kind()) {
            case CASH -> messages.get("coupon.describe.cash", yuan(coupon.valueCents()));
            case THRESHOLD -> messages.get("coupon.describe.threshold", yuan(coupon.minSpendCents()),
                    yuan(coupon.valueCents()));
            case DISCOUNT -> coupon.capCents() == null
                    ? messages.get("coupon.describe.discount", zhe(coupon.percentOff()), coupon.percentOff())
                    : messages.get("coupon.describe.discountCap", zhe(coupon.percentOff()), coupon.percentOff(),
                            yuan(coupon.capCents()));
            case GIFT -> messages.get("coupon.describe.gift", String.join("、", coupon.items()));
        };
    }

    /** The conditions under the headline: minimum spend and the items it applies to, or "" when none. */
    public static String conditions(Coupon coupon, Messages messages) {
        StringBuilder text = new StringBuilder();
        if (coupon.minSpendCents() > 0 && coupon.kind() != CouponKind.THRESHOLD) {
            text.append(messages.get("coupon.describe.minSpend", yuan(coupon.minSpendCents())));
        }
        if (!coupon.items().isEmpty() && coupon.kind() != CouponKind.GIFT) {
            if (text.length() > 0) {
                text.append(" · ");
            }
            text.append(messages.get("coupon.describe.items", String.join("、", coupon.items())));
        }
        return text.toString();
    }

    /** ¥20 rather than ¥20.00 when the amount is whole yuan, as coupons are printed; ¥19.90 otherwise. */
    public static String yuan(long cents) {
        return cents % 100 == 0 ? String.format(java.util.Locale.ROOT, "¥%,d", cents / 100) : Money.display(cents);
    }

    /** 20 % off is 8折, 15 % off is 8.5折, 12 % off is 8.8折: (100 − percent) ÷ 10, one decimal when needed. */
    static String zhe(int percentOff) {
        int paid = 100 - percentOff;
        return paid % 10 == 0 ? Integer.toString(paid / 10) : (paid / 10) + "." + (paid % 10);
    }
}

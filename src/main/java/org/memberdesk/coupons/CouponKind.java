package org.memberdesk.coupons;

import java.util.Locale;

/** What a coupon gives: ¥X off (代金券), ¥Y off from ¥X (满减), N % off (折扣), or an item (兑换券). */
public enum CouponKind {
    CASH("cash"), THRESHOLD("threshold"), DISCOUNT("discount"), GIFT("gift");

    private final String code;

    CouponKind(String code) {
        this.code = code;
    }

    /** The name stored in the database and typed on the command line. */
    public String code() {
        return code;
    }

    public static CouponKind parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CouponKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("coupon type must be cash, threshold, discount or gift, not '" + text + "'");
    }
}

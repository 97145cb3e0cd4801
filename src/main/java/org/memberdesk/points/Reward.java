package org.memberdesk.points;

/** Something points can be redeemed for: a gift, money off (cash value), or later a coupon. */
public record Reward(long id, String name, Kind kind, long costPoints, long valueCents, boolean active) {

    public enum Kind {
        GIFT, CASH, COUPON;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }
}

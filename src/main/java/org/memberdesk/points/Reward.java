package org.memberdesk.points;

/**
 * Something points can be redeemed for: a gift, money off (cash value), or a coupon. A coupon
 * reward names the coupon template the owner picked ({@code couponTemplateId}, null when a campaign
 * was picked) and the campaign its codes are issued under ({@code campaignId}); both are null for
 * the other kinds. An archived reward ({@code active} false) stays in the ledger's history but can
 * no longer be redeemed.
 */
public record Reward(long id, String name, Kind kind, long costPoints, long valueCents, boolean active,
                     Long couponTemplateId, Long campaignId) {

    public Reward(long id, String name, Kind kind, long costPoints, long valueCents, boolean active) {
        this(id, name, kind, costPoints, valueCents, active, null, null);
    }

    public Reward withId(long newId) {
        return new Reward(newId, name, kind, costPoints, valueCents, active, couponTemplateId, campaignId);
    }

    public Reward withCampaign(Long campaign) {
        return new Reward(id, name, kind, costPoints, valueCents, active, couponTemplateId, campaign);
    }

    public Reward withActive(boolean nowActive) {
        return new Reward(id, name, kind, costPoints, valueCents, nowActive, couponTemplateId, campaignId);
    }

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

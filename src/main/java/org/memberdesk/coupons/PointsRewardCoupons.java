package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.random.RandomGenerator;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.MemberStore;
import org.memberdesk.points.CouponRewards;
import org.memberdesk.points.Reward;

/**
 * Coupons given for points. A reward made from a coupon template gets a campaign of its own
 * (target kind {@code reward}, nobody targeted in advance, marked issued so nobody issues it in
 * bulk): its results then show how many reward coupons were given and used. A reward made from an
 * existing campaign issues its codes under that campaign, counted in its figures.
 */
public final class PointsRewardCoupons implements CouponRewards {
    /** The name of a reward's own campaign: what the coupons screen lists. */
    static final String CAMPAIGN_PREFIX = "积分兑换 · ";

    private final CouponStore coupons;
    private final CampaignStore campaigns;
    private final RandomGenerator random;

    public PointsRewardCoupons(CouponStore coupons, CampaignStore campaigns) {
        this(coupons, campaigns, CouponCodes.secureRandom());
    }

    PointsRewardCoupons(CouponStore coupons, CampaignStore campaigns, RandomGenerator random) {
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.random = random;
    }

    @Override
    public long campaignFor(Connection connection, Reward reward, LocalDateTime now) throws SQLException {
        if (reward.couponTemplateId() == null) {
            if (reward.campaignId() == null) {
                throw new ValidationException(Problem.of("coupon", "points.reward.coupon"));
            }
            campaigns.find(connection, reward.campaignId()).orElseThrow(() -> new ValidationException(
                    Problem.of("coupon", "campaign.unknown", reward.campaignId())));
            return reward.campaignId();
        }
        coupons.template(connection, reward.couponTemplateId()).orElseThrow(() -> new ValidationException(
                Problem.of("coupon", "coupon.unknown", reward.couponTemplateId())));
        LocalDateTime at = now.withNano(0);
        long id = campaigns.insert(connection, CAMPAIGN_PREFIX + reward.name(), reward.couponTemplateId(),
                new Target(Target.Kind.REWARD, reward.name()), null, 0, 0, 0, 0, at);
        campaigns.markIssued(connection, id, at);
        return id;
    }

    @Override
    public IssuedCode issue(Connection connection, long campaignId, long memberId, LocalDateTime now)
            throws SQLException {
        Campaign campaign = campaigns.find(connection, campaignId).orElseThrow(() -> new ValidationException(
                Problem.of("coupon", "campaign.unknown", campaignId)));
        Coupon coupon = coupons.template(connection, campaign.couponId()).orElseThrow();
        LocalDate today = now.toLocalDate();
        LocalDate validFrom = coupon.validity().firstDay(today);
        LocalDate validTo = coupon.validity().lastDay(today);
        if (validTo.isBefore(today)) {
            throw new ValidationException(Problem.of("coupon", "coupon.validity.ended", validTo.toString()));
        }
        try (PreparedStatement insert = CouponUseStore.issue(connection)) {
            insert.setLong(2, campaignId);
            insert.setLong(3, memberId);
            insert.setString(4, now.withNano(0).format(MemberStore.TIME));
            insert.setString(5, validFrom.toString());
            insert.setString(6, validTo.toString());
            // a drawn code is already taken about once in 34 billion draws per stored code: draw again
            while (true) {
                String code = CouponCodes.next(random);
                insert.setString(1, code);
                try (ResultSet rs = insert.executeQuery()) {
                    if (rs.next()) {
                        return new IssuedCode(rs.getLong(1), code, validTo);
                    }
                }
            }
        }
    }
}

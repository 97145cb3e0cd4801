package org.memberdesk.points;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * What redeeming a coupon reward needs of the coupons: a campaign for a reward made from a coupon
 * template, and one new code for a member. Both work inside the caller's transaction, so the points
 * and the coupon are written together or not at all. Implemented by the coupons package (which
 * knows codes and validity); points only knows this interface, so neither package needs the other's
 * tables.
 */
public interface CouponRewards {

    /** A coupon just issued for a reward: its id, its code, and the last day it can be used. */
    record IssuedCode(long couponId, String code, java.time.LocalDate validTo) {
    }

    /**
     * Checks the coupon a reward names and returns the campaign its codes go under: the picked campaign,
     * or for a template a new campaign named after the reward. Problems are {@code ValidationException}s.
     */
    long campaignFor(Connection connection, Reward reward, LocalDateTime now) throws SQLException;

    /** Issues one new code of the campaign to the member, valid from today as the coupon says. */
    IssuedCode issue(Connection connection, long campaignId, long memberId, LocalDateTime now) throws SQLException;
}

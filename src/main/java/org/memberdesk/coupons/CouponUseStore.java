package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of a coupon's use beyond {@link CouponStore}'s: freed again when its sale is voided or returned in full
 * ({@link CouponRedemption}), a reward coupon issued with a fresh code ({@link PointsRewardCoupons}), and the
 * archived members a campaign's targets leave out ({@link SegmentTargets}).
 */
final class CouponUseStore {
    private CouponUseStore() {
    }

    /** The coupon the voided sale used is unused again. */
    static void freeForVoidedSale(Connection connection, long memberId, long saleId) throws SQLException {
        try (PreparedStatement free = connection.prepareStatement("""
                UPDATE coupons SET used_at = NULL, purchase_id = NULL, discount_cents = NULL
                WHERE member_id = ? AND purchase_id = ?""")) {
            free.setLong(1, memberId);
            free.setLong(2, saleId);
            free.executeUpdate();
        }
    }

    /**
     * Frees the coupon a sale used once the sale is returned in full, if still valid on the return's day; bind it
     * with {@link #bindFreeFullyReturned}. Run once per return of a batch.
     */
    static PreparedStatement freeFullyReturned(Connection connection) throws SQLException {
        return connection.prepareStatement("""
                UPDATE coupons SET used_at = NULL, purchase_id = NULL, discount_cents = NULL
                WHERE member_id = ? AND purchase_id = ? AND valid_to >= ?
                  AND (SELECT -coalesce(sum(total_cents), 0) FROM purchases WHERE refund_of = ?)
                      >= (SELECT total_cents FROM purchases WHERE id = ?)""");
    }

    /** The sale returned, the return's day and the member, for {@link #freeFullyReturned}. */
    static void bindFreeFullyReturned(PreparedStatement free, long saleId, String returnDay, long memberId)
            throws SQLException {
        free.setLong(1, memberId);
        free.setLong(2, saleId);
        free.setString(3, returnDay);
        free.setLong(4, saleId);
        free.setLong(5, saleId);
    }

    /** A coupon's code and when it was used (null: unused); empty when there is no such coupon. */
    record CodeAndUse(String code, String usedAt) {
    }

    static Optional<CodeAndUse> codeAndUse(Connection connection, long couponId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT code, used_at FROM coupons WHERE id = ?")) {
            read.setLong(1, couponId);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? Optional.of(new CodeAndUse(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /**
     * Issues a coupon unless its code is taken; parameters code, campaign, member, issued at, valid from, valid to;
     * returns the new id as a row, or no row when the code was taken (draw another and run it again).
     */
    static PreparedStatement issue(Connection connection) throws SQLException {
        return connection.prepareStatement("""
                INSERT INTO coupons (code, campaign_id, member_id, issued_at, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""");
    }

    /** The ids of archived members. */
    static Set<Long> archivedMembers(Connection connection) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM members WHERE archived = 1");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}

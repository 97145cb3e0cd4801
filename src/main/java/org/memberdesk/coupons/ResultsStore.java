package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The figures behind a campaign's results, counted in SQL. */
public final class ResultsStore {

    /** Coupons of a campaign: issued, used, what the redeeming purchases came to and what was taken off. */
    public record Redemptions(int issued, int redeemed, long revenueCents, long discountCents) {
    }

    public Redemptions redemptions(Connection connection, long campaignId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*), count(c.used_at), coalesce(sum(p.total_cents), 0), coalesce(sum(c.discount_cents), 0)
                FROM coupons c LEFT JOIN purchases p ON p.id = c.purchase_id
                WHERE c.campaign_id = ?""")) {
            statement.setLong(1, campaignId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Redemptions(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    /**
     * One side of the split: its size, how many made a sale in [from, to) and what those sales
     * came to. Each member's purchases are read through the (member_id, time) index.
     */
    public CampaignResults.Group group(Connection connection, long campaignId, boolean control, String from,
                                       String to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*), count(spent), coalesce(sum(spent), 0)
                FROM (SELECT (SELECT sum(p.total_cents) FROM purchases p
                              WHERE p.member_id = cm.member_id AND p.kind = 'sale' AND p.time >= ? AND p.time < ?)
                             AS spent
                      FROM campaign_members cm WHERE cm.campaign_id = ? AND cm.control = ?) AS side""")) {
            statement.setString(1, from);
            statement.setString(2, to);
            statement.setLong(3, campaignId);
            statement.setInt(4, control ? 1 : 0);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new CampaignResults.Group(rs.getInt(1), rs.getInt(2), rs.getLong(3));
            }
        }
    }
}

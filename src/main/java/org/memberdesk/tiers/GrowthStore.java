package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.Dialect;

/**
 * The SQL of {@link GrowthBatch} (points, then the tier, for every purchase of a batch): statements it runs per
 * member are handed out prepared and kept for the batch; a voided sale's points and tier are undone here; the
 * batch's tiers and tier changes are written with one statement each.
 */
final class GrowthStore {
    private GrowthStore() {
    }

    /** A member as growth reads them; parameter 1 the member; a row (birthday, purchases, tier, net cents, points). */
    static PreparedStatement readMember(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "SELECT birthday, purchase_count, tier, spent_cents - returned_cents, points FROM members WHERE id = ?");
    }

    /** Several members at once; parameter 1 their ids as a JSON array; rows (id, then as {@link #readMember}). */
    static PreparedStatement readMembers(Connection connection) throws SQLException {
        return connection.prepareStatement(Dialect.of(connection).pick("""
                SELECT id, birthday, purchase_count, tier, spent_cents - returned_cents, points FROM members
                WHERE id IN (SELECT value FROM json_each(?))""", """
                SELECT id, birthday, purchase_count, tier, spent_cents - returned_cents, points FROM members
                WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json)))"""));
    }

    /** A member's purchases; parameter 1 the member; rows (time, total cents). */
    static PreparedStatement history(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT time, total_cents FROM purchases WHERE member_id = ?");
    }

    /** Points earned in a window (see {@link TierStore#windowSql}). */
    static PreparedStatement earnedWindow(Connection connection) throws SQLException {
        return connection.prepareStatement(TierStore.windowSql(TierProgram.Basis.POINTS));
    }

    /**
     * Whether anything happened to the member's points after the sale earned them (a redemption, adjustment or
     * expiry, another purchase).
     */
    static boolean pointsMovedSince(Connection connection, long memberId, long saleId) throws SQLException {
        try (PreparedStatement later = connection.prepareStatement("""
                SELECT 1 FROM points_ledger WHERE member_id = ?
                  AND id > (SELECT min(id) FROM points_ledger WHERE member_id = ? AND purchase_id = ?)
                  AND (purchase_id IS NULL OR purchase_id <> ?) LIMIT 1""")) {
            later.setLong(1, memberId);
            later.setLong(2, memberId);
            later.setLong(3, saleId);
            later.setLong(4, saleId);
            try (ResultSet rs = later.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Removes the sale's ledger entries and their points from the balance (through the member: the index). */
    static void removeEarned(Connection connection, long memberId, long saleId) throws SQLException {
        long earned;
        try (PreparedStatement entries = connection.prepareStatement(
                "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = ? AND purchase_id = ?")) {
            entries.setLong(1, memberId);
            entries.setLong(2, saleId);
            try (ResultSet rs = entries.executeQuery()) {
                rs.next();
                earned = rs.getLong(1);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM points_ledger WHERE member_id = ? AND purchase_id = ?");
             PreparedStatement balance = connection.prepareStatement(
                     "UPDATE members SET points = points - ? WHERE id = ?")) {
            delete.setLong(1, memberId);
            delete.setLong(2, saleId);
            delete.executeUpdate();
            balance.setLong(1, earned);
            balance.setLong(2, memberId);
            balance.executeUpdate();
        }
    }

    /** A tier the sale reached goes back to the tier before it (never moved before: the entry tier, as stored). */
    static void undoTierReached(Connection connection, long memberId, long saleId) throws SQLException {
        try (PreparedStatement reached = connection.prepareStatement(
                "DELETE FROM tier_changes WHERE member_id = ? AND purchase_id = ? RETURNING from_tier");
             PreparedStatement back = connection.prepareStatement("""
                     UPDATE members SET tier = CASE WHEN EXISTS (SELECT 1 FROM tier_changes WHERE member_id = ?)
                                                    THEN CAST(? AS TEXT) END, -- never moved before: the entry tier
                                        tier_upgraded_at = (SELECT max(time) FROM tier_changes
                                                                       WHERE member_id = ? AND direction = 'up')
                     WHERE id = ?""")) {
            reached.setLong(1, memberId);
            reached.setLong(2, saleId);
            String before = null;
            boolean moved = false;
            try (ResultSet rs = reached.executeQuery()) {
                while (rs.next()) {
                    moved = true;
                    before = rs.getString(1);
                }
            }
            if (moved) {
                back.setLong(1, memberId);
                back.setString(2, before);
                back.setLong(3, memberId);
                back.setLong(4, memberId);
                back.executeUpdate();
            }
        }
    }

    /**
     * Rows (member id, tier, upgraded at) set on the members; rows (member_id, time, from_tier, to_tier, direction,
     * reason, measured, purchase_id) added to tier_changes.
     */
    static void write(Connection connection, BoundRows tiers, BoundRows changes) throws SQLException {
        tiers.execute(connection, """
                WITH j (id, tier, at) AS (:rows)
                UPDATE members SET tier = j.tier, tier_upgraded_at = j.at FROM j WHERE members.id = j.id""");
        changes.execute(connection, """
                INSERT INTO tier_changes (member_id, time, from_tier, to_tier, direction, reason, measured, purchase_id)
                :rows""");
    }
}

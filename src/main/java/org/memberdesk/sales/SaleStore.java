package org.memberdesk.sales;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.members.MemberStore;

/** What the counter reads about sales to return or void them, and the voided sales it keeps in view. */
final class SaleStore {

    /** Units and cents already given back of each line of a sale (by its line number), over all its returns. */
    record ReturnedSoFar(int quantity, long refundCents) {
    }

    Map<Integer, ReturnedSoFar> returnedSoFar(Connection connection, long saleId) throws SQLException {
        Map<Integer, ReturnedSoFar> returned = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pi.sale_line_no, sum(pi.quantity), -sum(pi.amount_cents)
                FROM purchases p JOIN purchase_items pi ON pi.purchase_id = p.id
                WHERE p.refund_of = ? AND pi.sale_line_no IS NOT NULL GROUP BY pi.sale_line_no""")) {
            statement.setLong(1, saleId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    returned.put(rs.getInt(1), new ReturnedSoFar(rs.getInt(2), rs.getLong(3)));
                }
            }
        }
        return returned;
    }

    /** Whether any return names the sale without saying which lines (from a file): then lines cannot be counted. */
    boolean returnedWithoutLines(Connection connection, long saleId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT 1 FROM purchases p JOIN purchase_items pi ON pi.purchase_id = p.id
                WHERE p.refund_of = ? AND pi.sale_line_no IS NULL LIMIT 1""")) {
            statement.setLong(1, saleId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the member has a purchase or return after this one (then voiding it would rewrite history). */
    boolean anythingAfter(Connection connection, long memberId, long purchaseId, String time) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT 1 FROM purchases WHERE member_id = ? AND id <> ? AND (time > ? OR time = ? AND id > ?)
                LIMIT 1""")) {
            statement.setLong(1, memberId);
            statement.setLong(2, purchaseId);
            statement.setString(3, time);
            statement.setString(4, time);
            statement.setLong(5, purchaseId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Points the purchase's ledger entries of one kind add up to (earn for a sale, reverse for a return). Found
     * through the member: the ledger's one index is by member (see V2), so this reads a few rows, not the table.
     */
    long points(Connection connection, long memberId, long purchaseId, String kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = ? AND purchase_id = ? AND kind = ?""")) {
            statement.setLong(1, memberId);
            statement.setLong(2, purchaseId);
            statement.setString(3, kind);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Saves why a return was made (the pipeline stores what was returned; this is the cashier's word for it). */
    void saveReason(Connection connection, long purchaseId, String reason) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE purchases SET reason = ? WHERE id = ?")) {
            statement.setString(1, reason);
            statement.setLong(2, purchaseId);
            statement.executeUpdate();
        }
    }

    List<VoidedSale> voided(Connection connection, long memberId) throws SQLException {
        List<VoidedSale> sales = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT purchase_no, member_id, time, total_cents, voided_at, voided_by, reason FROM voided_purchases
                WHERE member_id = ? ORDER BY time DESC, id DESC""")) {
            statement.setLong(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sales.add(new VoidedSale(rs.getString(1), rs.getLong(2),
                            LocalDateTime.parse(rs.getString(3), MemberStore.TIME), rs.getLong(4),
                            LocalDateTime.parse(rs.getString(5), MemberStore.TIME), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return sales;
    }
}

package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.Dialect;
import org.memberdesk.db.JsonRows;

/**
 * The SQL of {@link PurchasePipeline} and its {@link ItemIds}: numbers looked up, a stored purchase read back to
 * add lines to, and the batch's rows written with one statement per table. The pipeline keeps the statements it
 * asks for once per batch (an import reuses them for thousands of rows), so the hot path is as it was.
 */
final class PipelineStore {
    private PipelineStore() {
    }

    /** A purchase by its number; parameter 1 the number; rows read by {@link #storedNumber}. */
    static PreparedStatement findByNumber(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "SELECT id, member_id, kind, import_id, total_cents, time FROM purchases WHERE purchase_no = ?");
    }

    /** A row of {@link #findByNumber} or {@link #numbered}. */
    static PurchaseStore.StoredNumber storedNumber(ResultSet rs) throws SQLException {
        long importId = rs.getLong(4);
        Long imported = rs.wasNull() ? null : importId;
        return new PurchaseStore.StoredNumber(rs.getLong(1), rs.getLong(2), "return".equals(rs.getString(3)),
                imported, rs.getLong(5), rs.getString(6));
    }

    /** The id SQLite would give the next purchase (the caller's transaction holds the write lock). */
    static long nextPurchaseId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM purchases")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** PostgreSQL's json_each takes only an object: there the rows are json_array_elements' (its column: value). */
    private static final String NUMBERED = """
            SELECT p.id, p.member_id, p.kind, p.import_id, p.total_cents, p.time, p.purchase_no
            FROM json_each(?) j JOIN purchases p ON p.purchase_no = j.value ->> 0""";
    private static final String NUMBERED_POSTGRESQL =
            NUMBERED.replace("json_each(?)", "json_array_elements(CAST(? AS json))");

    /** The stored purchases among {@code numbers} (rows of one number each), in one statement. */
    static void numbered(Connection connection, JsonRows numbers,
                         BiConsumer<String, PurchaseStore.StoredNumber> found) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                Dialect.of(connection).pick(NUMBERED, NUMBERED_POSTGRESQL))) {
            statement.setString(1, numbers.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.accept(rs.getString(7), storedNumber(rs));
                }
            }
        }
    }

    /** A stored purchase's lines in order, the last line's number, and the sale it returns (null: none). */
    record StoredLines(List<PurchaseLine> lines, int lastLine, Long refundOf) {
    }

    static StoredLines storedLines(Connection connection, long purchaseId) throws SQLException {
        List<PurchaseLine> lines = new java.util.ArrayList<>();
        int lastLine = 0;
        Long refundOf = null;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pi.line_no, i.name, pi.quantity, pi.amount_cents
                FROM purchase_items pi JOIN items i ON i.id = pi.item_id WHERE pi.purchase_id = ? ORDER BY pi.line_no""");
             PreparedStatement refund = connection.prepareStatement("SELECT refund_of FROM purchases WHERE id = ?")) {
            statement.setLong(1, purchaseId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lastLine = rs.getInt(1);
                    lines.add(new PurchaseLine(rs.getString(2), rs.getInt(3), rs.getLong(4)));
                }
            }
            refund.setLong(1, purchaseId);
            try (ResultSet rs = refund.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    refundOf = rs.wasNull() ? null : id;
                }
            }
        }
        return new StoredLines(lines, lastLine, refundOf);
    }

    /**
     * Rows (id, purchase_no, member_id, time, kind, total_cents, refund_of, import_id, tier_discount_cents,
     * coupon_discount_cents, stored_value_bonus_cents, staff_id, store_id).
     */
    static void insertPurchases(Connection connection, BoundRows purchases) throws SQLException {
        purchases.execute(connection, """
                INSERT INTO purchases (id, purchase_no, member_id, time, kind, total_cents, refund_of, import_id,
                                       tier_discount_cents, coupon_discount_cents, stored_value_bonus_cents, staff_id,
                                       store_id)
                :rows""");
    }

    /** Rows (purchase id, cents added): purchases of earlier batches that got lines. */
    static void addToTotals(Connection connection, BoundRows grown) throws SQLException {
        grown.execute(connection, """
                WITH j (id, extra) AS (:rows)
                UPDATE purchases SET total_cents = total_cents + j.extra FROM j WHERE purchases.id = j.id""");
    }

    /** Rows (purchase_id, line_no, item_id, quantity, amount_cents, sale_line_no). */
    static void insertLines(Connection connection, BoundRows lines) throws SQLException {
        lines.execute(connection, """
                INSERT INTO purchase_items (purchase_id, line_no, item_id, quantity, amount_cents, sale_line_no)
                :rows""");
    }

    /** Rows (item_id, member_id, first_bought_at); an earlier first purchase wins. */
    static void upsertMemberItems(Connection connection, BoundRows items) throws SQLException {
        items.execute(connection, """
                INSERT INTO member_items (item_id, member_id, first_bought_at) :rows
                ON CONFLICT (item_id, member_id) DO UPDATE SET first_bought_at = excluded.first_bought_at
                WHERE excluded.first_bought_at < member_items.first_bought_at""");
    }

    /**
     * {@link MemberStatistics}: rows (member id, sales, returns, cents spent, cents returned, first and last sale's
     * time or null) added to the members' kept statistics.
     */
    static void addToStatistics(Connection connection, BoundRows rows) throws SQLException {
        rows.execute(connection, Dialect.of(connection).pick(STATISTICS_SQLITE, STATISTICS_POSTGRESQL));
    }

    /** The smaller and the larger of two values are SQLite's scalar min and max, PostgreSQL's least and greatest. */
    private static final String STATISTICS = """
            WITH j (id, sales, returns, spent, returned, first, last) AS (:rows)
            UPDATE members SET purchase_count = purchase_count + j.sales, return_count = return_count + j.returns,
                   spent_cents = spent_cents + j.spent, returned_cents = returned_cents + j.returned,
                   first_purchase_at = CASE WHEN j.first IS NULL THEN first_purchase_at
                                            ELSE %1$s(coalesce(first_purchase_at, j.first), j.first) END,
                   last_purchase_at = CASE WHEN j.last IS NULL THEN last_purchase_at
                                           ELSE %2$s(coalesce(last_purchase_at, j.last), j.last) END
            FROM j WHERE members.id = j.id""";
    private static final String STATISTICS_SQLITE = STATISTICS.formatted("min", "max");
    private static final String STATISTICS_POSTGRESQL = STATISTICS.formatted("least", "greatest");

    /** {@link MemberStatistics}: the first and last sale of members whose sale was voided, read again. */
    static void recountFirstAndLast(Connection connection, Iterable<Long> memberIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE members SET
                  first_purchase_at = (SELECT min(time) FROM purchases WHERE member_id = ? AND kind = 'sale'),
                  last_purchase_at = (SELECT max(time) FROM purchases WHERE member_id = ? AND kind = 'sale')
                WHERE id = ?""")) {
            for (long id : memberIds) {
                statement.setLong(1, id);
                statement.setLong(2, id);
                statement.setLong(3, id);
                statement.executeUpdate();
            }
        }
    }

    /** An item's id by its name; parameter 1 the name. */
    static PreparedStatement findItem(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT id FROM items WHERE name = ?");
    }

    /**
     * Stores a new item; parameter 1 the name; returns its id as a row. On PostgreSQL the id is SQLite's, one past
     * the highest (an identity would also use up a number each time Settings → Points only changes an item's
     * category); writes there are one at a time.
     */
    static PreparedStatement insertItem(Connection connection) throws SQLException {
        return connection.prepareStatement(Dialect.of(connection).pick(
                "INSERT INTO items (name) VALUES (?) RETURNING id",
                "INSERT INTO items (id, name) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM items), ?) RETURNING id"));
    }

}

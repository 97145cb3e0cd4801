package org.memberdesk.points;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.memberdesk.db.BoundRows;

/**
 * The SQL of the batch writers {@link LedgerBatch} and {@link EarningBatch} (imports, the counter's batch of one).
 * Statements they run once per member are handed out prepared, kept for the whole batch; the batch's rows are
 * written with one statement per table.
 */
final class LedgerBatchStore {
    private LedgerBatchStore() {
    }

    /** A member's points balance; parameter 1 the member. */
    static PreparedStatement readBalance(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT points FROM members WHERE id = ?");
    }

    /** A member's batches with points left; parameter 1 the member; rows (id, time, remaining, expires_on). */
    static PreparedStatement readOpenBatches(Connection connection) throws SQLException {
        return connection.prepareStatement("""
                SELECT id, time, remaining, expires_on FROM points_ledger WHERE member_id = ? AND remaining > 0""");
    }

    /** The id SQLite would give the next ledger entry (the caller's transaction holds the write lock). */
    static long nextEntryId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM points_ledger")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What a stored sale earned (bind member id, sale id): its first earn entry, the points of all of them (an
     * import gives a sale a second entry when more of its lines come later in the file) and its total; or no row.
     */
    static PreparedStatement earnedBy(Connection connection) throws SQLException {
        return connection.prepareStatement("""
                SELECT min(l.id), sum(l.points), p.total_cents FROM points_ledger l JOIN purchases p ON p.id = l.purchase_id
                WHERE l.member_id = ? AND l.purchase_id = ? AND l.kind = 'earn' AND l.reason = 'purchase'
                GROUP BY p.id""");
    }

    /** Cents already refunded of a sale (positive); parameter 1 the sale. */
    static PreparedStatement refundedOf(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT -coalesce(sum(total_cents), 0) FROM purchases WHERE refund_of = ?");
    }

    /**
     * Rows (id, member_id, time, kind, points, purchase_id, ref_id, reason, expires_on, remaining): the entries; then
     * rows (batch id, remaining) for stored batches taken from; then rows (member id, points added) for the balances.
     */
    static void write(Connection connection, BoundRows entries, BoundRows remaining, BoundRows balances)
            throws SQLException {
        entries.execute(connection, """
                INSERT INTO points_ledger (id, member_id, time, kind, points, purchase_id, ref_id, reason, expires_on,
                                           remaining)
                :rows""");
        remaining.execute(connection, """
                WITH j (id, remaining) AS (:rows)
                UPDATE points_ledger SET remaining = j.remaining FROM j WHERE points_ledger.id = j.id""");
        balances.execute(connection, """
                WITH j (id, delta) AS (:rows)
                UPDATE members SET points = points + j.delta FROM j WHERE members.id = j.id""");
    }
}

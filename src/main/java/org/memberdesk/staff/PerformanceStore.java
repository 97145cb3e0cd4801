package org.memberdesk.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of staff performance (员工业绩): per staff id (null: no staff named), each figure of a period, read from
 * what the ledgers keep. Times are shop time as text, so a period of dates is {@code time >= from 00:00:00 AND time
 * < the day after to}. Voided sales have left purchases (moved to voided_purchases), so they count nowhere; a voided
 * card sale removed its card and entries too.
 */
final class PerformanceStore {
    /** A count and a sum of cents for one staff id. */
    record Tally(long count, long cents) {
        static final Tally NONE = new Tally(0, 0);
    }

    /** The staff row's fields the report shows. */
    record Person(long id, String name, Role role, boolean active) {
    }

    /** Every staff member: owner first, then managers, cashiers, each by name (as the staff list). */
    List<Person> staff(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, role, active FROM staff
                ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name""");
             ResultSet rs = statement.executeQuery()) {
            List<Person> people = new ArrayList<>();
            while (rs.next()) {
                people.add(new Person(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getInt(4) == 1));
            }
            return people;
        }
    }

    /**
     * Sales of goods: purchases of kind sale that did not sell a card (a session card or pass sold is a purchase
     * too; it is counted once, with the cards).
     */
    Map<Long, Tally> sales(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        return tallies(connection, """
                SELECT p.staff_id, count(*), coalesce(sum(p.total_cents), 0) FROM purchases p
                WHERE p.kind = 'sale' AND p.time >= ? AND p.time < ?
                  AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.purchase_id = p.id)
                GROUP BY p.staff_id""", from, to);
    }

    /**
     * Returns of goods, as money given back (a return's total is stored negative). A card refunded (退卡) of a sold
     * card is a return against the card's sale: it belongs to the card, not to the goods, and is left out.
     */
    Map<Long, Tally> returns(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        return tallies(connection, """
                SELECT p.staff_id, count(*), coalesce(-sum(p.total_cents), 0) FROM purchases p
                WHERE p.kind = 'return' AND p.time >= ? AND p.time < ?
                  AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.purchase_id IS NOT NULL
                                  AND c.purchase_id = p.refund_of)
                GROUP BY p.staff_id""", from, to);
    }

    /**
     * Cards sold: each card's 'sale' entry (opening balances of imported cards are not sales), at what was paid for
     * it (cash and stored-value principal; a stored-value package's bonus is the shop's gift). Who sold it is the
     * entry's staff, or else the staff of the purchase that sold it (entries written before entries carried one).
     */
    Map<Long, Tally> cardsSold(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        return tallies(connection, """
                SELECT coalesce(e.staff_id, p.staff_id), count(*), coalesce(sum(c.paid_cents), 0)
                FROM card_entries e
                JOIN cards c ON c.id = e.card_id
                LEFT JOIN purchases p ON p.id = c.purchase_id
                WHERE e.kind = 'sale' AND e.time >= ? AND e.time < ?
                GROUP BY 1""", from, to);
    }

    /** Top-ups of stored value: the money paid in (the ladder's bonus is the shop's gift, not takings). */
    Map<Long, Tally> topups(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        return tallies(connection, """
                SELECT staff_id, count(*), coalesce(sum(principal_cents), 0) FROM card_entries
                WHERE kind = 'topup' AND time >= ? AND time < ?
                GROUP BY staff_id""", from, to);
    }

    /** Check-ins served (签到/核销): visits the staff member recorded. */
    Map<Long, Tally> checkins(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        return tallies(connection, """
                SELECT staff_id, count(*), 0 FROM visits
                WHERE time >= ? AND time < ?
                GROUP BY staff_id""", from, to);
    }

    /** Rows of (staff id or null, count, cents) by staff id; null is a key of its own. */
    private static Map<Long, Tally> tallies(Connection connection, String sql, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, from + " 00:00:00");
            statement.setString(2, to.plusDays(1) + " 00:00:00");
            Map<Long, Tally> tallies = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Long staffId = rs.wasNull() ? null : id;
                    tallies.put(staffId, new Tally(rs.getLong(2), rs.getLong(3)));
                }
            }
            return tallies;
        }
    }
}

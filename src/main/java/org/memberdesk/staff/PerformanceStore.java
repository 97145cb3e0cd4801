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
 *
 * <p>Stores (门店): each figure is counted where the work was done — a sale or return at its purchase's store, a card
 * sold or topped up at its entry's, a check-in at its visit's — and keyed by (staff, store). Given a store, only what
 * was done there is read.
 */
final class PerformanceStore {
    /** A count and a sum of cents for one staff id. */
    record Tally(long count, long cents) {
        static final Tally NONE = new Tally(0, 0);
    }

    /** Who did it and where: a staff id (null: no staff named) and the store the work was done at. */
    record Key(Long staffId, long storeId) {
    }

    /** The staff row's fields the report shows, and the store they work in. */
    record Person(long id, String name, Role role, boolean active, long storeId) {
    }

    /** How many stores the shop has: only a chain's report says where each figure was made. */
    long storeCount(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM stores");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every staff member: owner first, then managers, cashiers, each by name (as the staff list). */
    List<Person> staff(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, role, active, store_id FROM staff
                ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name""");
             ResultSet rs = statement.executeQuery()) {
            List<Person> people = new ArrayList<>();
            while (rs.next()) {
                people.add(new Person(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getInt(4) == 1,
                        rs.getLong(5)));
            }
            return people;
        }
    }

    /**
     * Sales of goods: purchases of kind sale that did not sell a card (a session card or pass sold is a purchase
     * too; it is counted once, with the cards).
     */
    Map<Key, Tally> sales(Connection connection, LocalDate from, LocalDate to, Long store) throws SQLException {
        return tallies(connection, """
                SELECT p.staff_id, p.store_id, count(*), coalesce(sum(p.total_cents), 0) FROM purchases p
                WHERE p.kind = 'sale' AND p.time >= ? AND p.time < ?
                  AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.purchase_id = p.id)%s
                GROUP BY p.staff_id, p.store_id""", "p.", from, to, store);
    }

    /**
     * Returns of goods, as money given back (a return's total is stored negative). A card refunded (退卡) of a sold
     * card is a return against the card's sale: it belongs to the card, not to the goods, and is left out.
     */
    Map<Key, Tally> returns(Connection connection, LocalDate from, LocalDate to, Long store) throws SQLException {
        return tallies(connection, """
                SELECT p.staff_id, p.store_id, count(*), coalesce(-sum(p.total_cents), 0) FROM purchases p
                WHERE p.kind = 'return' AND p.time >= ? AND p.time < ?
                  AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.purchase_id IS NOT NULL
                                  AND c.purchase_id = p.refund_of)%s
                GROUP BY p.staff_id, p.store_id""", "p.", from, to, store);
    }

    /**
     * Cards sold: each card's 'sale' entry (opening balances of imported cards are not sales), at what was paid for
     * it (cash and stored-value principal; a stored-value package's bonus is the shop's gift). Who sold it is the
     * entry's staff, or else the staff of the purchase that sold it (entries written before entries carried one).
     */
    Map<Key, Tally> cardsSold(Connection connection, LocalDate from, LocalDate to, Long store) throws SQLException {
        return tallies(connection, """
                SELECT coalesce(e.staff_id, p.staff_id), e.store_id, count(*), coalesce(sum(c.paid_cents), 0)
                FROM card_entries e
                JOIN cards c ON c.id = e.card_id
                LEFT JOIN purchases p ON p.id = c.purchase_id
                WHERE e.kind = 'sale' AND e.time >= ? AND e.time < ?%s
                GROUP BY 1, 2""", "e.", from, to, store);
    }

    /** Top-ups of stored value: the money paid in (the ladder's bonus is the shop's gift, not takings). */
    Map<Key, Tally> topups(Connection connection, LocalDate from, LocalDate to, Long store) throws SQLException {
        return tallies(connection, """
                SELECT staff_id, store_id, count(*), coalesce(sum(principal_cents), 0) FROM card_entries
                WHERE kind = 'topup' AND time >= ? AND time < ?%s
                GROUP BY staff_id, store_id""", "", from, to, store);
    }

    /** Check-ins served (签到/核销): visits the staff member recorded. */
    Map<Key, Tally> checkins(Connection connection, LocalDate from, LocalDate to, Long store) throws SQLException {
        return tallies(connection, """
                SELECT staff_id, store_id, count(*), 0 FROM visits
                WHERE time >= ? AND time < ?%s
                GROUP BY staff_id, store_id""", "", from, to, store);
    }

    /**
     * Rows of (staff id or null, store id, count, cents) by (staff, store); a null staff is a key of its own. The
     * text's {@code %s} becomes "AND {alias}store_id = ?" when a store is given (fixed names, never input).
     */
    private static Map<Key, Tally> tallies(Connection connection, String sql, String alias, LocalDate from,
                                           LocalDate to, Long store) throws SQLException {
        String text = sql.formatted(store == null ? "" : " AND " + alias + "store_id = ?");
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            statement.setString(1, from + " 00:00:00");
            statement.setString(2, to.plusDays(1) + " 00:00:00");
            if (store != null) {
                statement.setLong(3, store);
            }
            Map<Key, Tally> tallies = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Long staffId = rs.wasNull() ? null : id;
                    tallies.put(new Key(staffId, rs.getLong(2)), new Tally(rs.getLong(3), rs.getLong(4)));
                }
            }
            return tallies;
        }
    }
}

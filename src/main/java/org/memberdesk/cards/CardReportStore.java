package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@link CardReports}: cards ending soon, the liability, the renewal rate and the cards' balances. */
final class CardReportStore {
    private CardReportStore() {
    }

    static List<CardReports.Expiring> expiring(Connection connection, LocalDate day, int withinDays)
            throws SQLException {
        List<CardReports.Expiring> cards = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.card_no, m.member_no, m.name, m.phone, p.name, c.kind, c.valid_to, c.sessions_left
                    FROM cards c JOIN members m ON m.id = c.member_id JOIN card_products p ON p.id = c.product_id
                    WHERE c.valid_to >= ? AND c.valid_to <= ? AND c.kind IN ('sessions', 'period')
                      AND c.valid_from <= ? AND c.refunded_at IS NULL AND m.archived = 0
                      AND (c.kind <> 'sessions' OR c.sessions_left > 0)
                      AND NOT EXISTS (SELECT 1 FROM cards n WHERE n.member_id = c.member_id AND n.kind = c.kind
                                      AND n.id <> c.id AND n.refunded_at IS NULL AND n.valid_to > c.valid_to)
                    ORDER BY c.valid_to, c.id""")) {
            statement.setString(1, day.toString());
            statement.setString(2, day.plusDays(withinDays).toString());
            statement.setString(3, day.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    LocalDate to = LocalDate.parse(rs.getString(7));
                    cards.add(new CardReports.Expiring(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), CardKind.of(rs.getString(6)), to,
                            CardStore.getInt(rs, "sessions_left"), CardRefunds.daysLeft(day, to, day)));
                }
            }
        }
        return cards;
    }

    static CardReports.Liability fromBalances(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(sum(CASE WHEN kind = 'stored-value' THEN principal_cents END), 0),
                       coalesce(sum(CASE WHEN kind = 'stored-value' THEN bonus_cents END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' AND valid_from <= ? AND valid_to >= ?
                                         THEN sessions_left END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' AND valid_from <= ? AND valid_to >= ?
                                         THEN paid_cents * sessions_left / nullif(sessions_sold, 0) END), 0),
                       count(CASE WHEN kind = 'period' AND valid_from <= ? AND valid_to >= ? THEN 1 END)
                FROM cards WHERE refunded_at IS NULL AND sold_at < ?""")) {
            // the day six times (one per comparison: numbered parameters are SQLite's own), then the day after
            for (int i = 1; i <= 6; i++) {
                statement.setString(i, day.toString());
            }
            statement.setString(7, day.plusDays(1) + " 00:00:00");
            return liability(day, statement);
        }
    }

    static CardReports.Liability fromEntries(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH valid AS (
                  SELECT c.id, c.kind, c.paid_cents, c.sessions_sold,
                         (SELECT coalesce(sum(e.principal_cents), 0) FROM card_entries e
                          WHERE e.card_id = c.id AND e.time < ?) AS principal,
                         (SELECT coalesce(sum(e.bonus_cents), 0) FROM card_entries e
                          WHERE e.card_id = c.id AND e.time < ?) AS bonus,
                         (SELECT coalesce(sum(e.sessions), 0) FROM card_entries e
                          WHERE e.card_id = c.id AND e.time < ?) AS sessions
                  FROM cards c
                  WHERE c.sold_at < ? AND (c.refunded_at IS NULL OR c.refunded_at >= ?)
                    AND (c.kind = 'stored-value' OR (c.valid_from <= ? AND c.valid_to >= ?)))
                SELECT coalesce(sum(CASE WHEN kind = 'stored-value' THEN principal END), 0),
                       coalesce(sum(CASE WHEN kind = 'stored-value' THEN bonus END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' THEN sessions END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' THEN paid_cents * sessions / nullif(sessions_sold, 0)
                                    END), 0),
                       count(CASE WHEN kind = 'period' THEN 1 END)
                FROM valid""")) {
            // the day after five times, then the day twice (numbered parameters are SQLite's own)
            for (int i = 1; i <= 5; i++) {
                statement.setString(i, day.plusDays(1) + " 00:00:00");
            }
            statement.setString(6, day.toString());
            statement.setString(7, day.toString());
            return liability(day, statement);
        }
    }

    static CardReports.Renewal renewal(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH ended AS (
                  SELECT c.id, c.member_id, c.kind, c.sold_at,
                         CASE WHEN c.used_up_on IS NOT NULL AND c.used_up_on < c.valid_to THEN c.used_up_on
                              ELSE c.valid_to END AS end_day
                  FROM cards c
                  WHERE c.kind IN ('sessions', 'period') AND c.refunded_at IS NULL AND c.valid_from <= ?
                    AND (c.valid_to BETWEEN ? AND ? OR c.used_up_on BETWEEN ? AND ?))
                SELECT count(*),
                       coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM cards n
                                    WHERE n.member_id = e.member_id AND n.kind = e.kind
                                    AND (n.sold_at > e.sold_at OR (n.sold_at = e.sold_at AND n.id > e.id))
                                    AND n.sold_at >= date(e.end_day, '-30 days')
                                    AND n.sold_at < date(e.end_day, '+31 days')) THEN 1 ELSE 0 END), 0)
                FROM ended e WHERE e.end_day BETWEEN ? AND ?""")) {
            // to; from, to twice; from, to (numbered parameters are SQLite's own)
            String[] days = {to.toString(), from.toString(), to.toString(), from.toString(), to.toString(),
                    from.toString(), to.toString()};
            for (int i = 0; i < days.length; i++) {
                statement.setString(i + 1, days[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new CardReports.Renewal(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** A card's kept balances beside what its entries and visits say. */
    record Balances(String cardNo, long principal, long bonus, Integer sessionsLeft, long sessionsSold,
                    long entriesPrincipal, long entriesBonus, long entriesSessions, long refundedSessions, long used) {
    }

    /** Every card's balances and its entries' sums, in card order. */
    static List<Balances> balances(Connection connection) throws SQLException {
        List<Balances> cards = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.card_no, c.principal_cents, c.bonus_cents, c.sessions_left, c.sessions_sold,
                           coalesce(e.principal, 0), coalesce(e.bonus, 0), coalesce(e.sessions, 0),
                           coalesce(e.refunded_sessions, 0),
                           (SELECT count(*) FROM visits v WHERE v.card_id = c.id) AS used
                    FROM cards c LEFT JOIN (
                      SELECT card_id, sum(principal_cents) AS principal, sum(bonus_cents) AS bonus,
                             sum(sessions) AS sessions,
                             -sum(CASE WHEN kind = 'refund' THEN sessions ELSE 0 END) AS refunded_sessions
                      FROM card_entries GROUP BY card_id) e ON e.card_id = c.id
                    ORDER BY c.id""")) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cards.add(new Balances(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            CardStore.getInt(rs, "sessions_left"), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                }
            }
        }
        return cards;
    }

    private static CardReports.Liability liability(LocalDate day, PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new CardReports.Liability(day, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5));
        }
    }
}

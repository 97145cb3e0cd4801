package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.db.Database;

/**
 * What the cards add up to: the cards ending soon (续费提醒), what the shop still owes its members (liability),
 * the renewal rate (续费率) of a period, and the check that every card's balances equal its entries. Each is one
 * read snapshot.
 */
public final class CardReports {
    private final Database database;
    private final Clock clock;

    public CardReports(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- ending soon

    /** A card ending soon, with whose it is (the full phone: a printed list masks it). */
    public record Expiring(String cardNo, String memberNo, String name, String phone, String product, CardKind kind,
                           LocalDate validTo, Integer sessionsLeft, long daysLeft) {
    }

    /**
     * Session cards and passes valid on {@code asOf} whose last day is within {@code withinDays} days of it
     * (asOf … asOf + within), soonest first; a card whose member already holds a later card of the same kind is
     * left out (already renewed).
     */
    public List<Expiring> expiring(int withinDays, LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return database.read(connection -> {
            List<Expiring> cards = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.card_no, m.member_no, m.name, m.phone, p.name, c.kind, c.valid_to, c.sessions_left
                    FROM cards c JOIN members m ON m.id = c.member_id JOIN card_products p ON p.id = c.product_id
                    WHERE c.valid_to >= ?1 AND c.valid_to <= ?2 AND c.kind IN ('sessions', 'period')
                      AND c.valid_from <= ?1 AND c.refunded_at IS NULL AND m.archived = 0
                      AND (c.kind <> 'sessions' OR c.sessions_left > 0)
                      AND NOT EXISTS (SELECT 1 FROM cards n WHERE n.member_id = c.member_id AND n.kind = c.kind
                                      AND n.id <> c.id AND n.refunded_at IS NULL AND n.valid_to > c.valid_to)
                    ORDER BY c.valid_to, c.id""")) {
                statement.setString(1, day.toString());
                statement.setString(2, day.plusDays(withinDays).toString());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LocalDate to = LocalDate.parse(rs.getString(7));
                        cards.add(new Expiring(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), CardKind.of(rs.getString(6)), to, CardStore.getInt(rs,
                                "sessions_left"), CardRefunds.daysLeft(day, to, day)));
                    }
                }
            }
            return cards;
        });
    }

    // ---------------------------------------------------------------- liability

    /** What the shop owes its members on a day: stored value (principal, bonus), sessions and their value, passes. */
    public record Liability(LocalDate asOf, long storedValuePrincipalCents, long storedValueBonusCents,
                            long sessionsLeft, long sessionsValueCents, long validPasses) {
    }

    /**
     * The liability on {@code asOf} (today when null): cards valid that day (started, not ended, not refunded; a
     * frozen card is still valid). Today or later it reads the cards' kept balances; an earlier day adds up the
     * entries made up to its end.
     */
    public Liability liability(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        return database.read(connection -> day.isBefore(today) ? fromEntries(connection, day)
                : fromBalances(connection, day));
    }

    private Liability fromBalances(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(sum(CASE WHEN kind = 'stored-value' THEN principal_cents END), 0),
                       coalesce(sum(CASE WHEN kind = 'stored-value' THEN bonus_cents END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' AND valid_from <= ?1 AND valid_to >= ?1
                                         THEN sessions_left END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' AND valid_from <= ?1 AND valid_to >= ?1
                                         THEN paid_cents * sessions_left / sessions_sold END), 0),
                       count(CASE WHEN kind = 'period' AND valid_from <= ?1 AND valid_to >= ?1 THEN 1 END)
                FROM cards WHERE refunded_at IS NULL AND sold_at < ?2""")) {
            statement.setString(1, day.toString());
            statement.setString(2, day.plusDays(1) + " 00:00:00");
            return liability(day, statement);
        }
    }

    /** The same on an earlier day: balances as the entries made up to that day's end say. */
    Liability fromEntries(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH valid AS (
                  SELECT c.id, c.kind, c.paid_cents, c.sessions_sold,
                         (SELECT coalesce(sum(e.principal_cents), 0) FROM card_entries e
                          WHERE e.card_id = c.id AND e.time < ?2) AS principal,
                         (SELECT coalesce(sum(e.bonus_cents), 0) FROM card_entries e
                          WHERE e.card_id = c.id AND e.time < ?2) AS bonus,
                         (SELECT coalesce(sum(e.sessions), 0) FROM card_entries e
                          WHERE e.card_id = c.id AND e.time < ?2) AS sessions
                  FROM cards c
                  WHERE c.sold_at < ?2 AND (c.refunded_at IS NULL OR c.refunded_at >= ?2)
                    AND (c.kind = 'stored-value' OR (c.valid_from <= ?1 AND c.valid_to >= ?1)))
                SELECT coalesce(sum(CASE WHEN kind = 'stored-value' THEN principal END), 0),
                       coalesce(sum(CASE WHEN kind = 'stored-value' THEN bonus END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' THEN sessions END), 0),
                       coalesce(sum(CASE WHEN kind = 'sessions' THEN paid_cents * sessions / sessions_sold END), 0),
                       count(CASE WHEN kind = 'period' THEN 1 END)
                FROM valid""")) {
            statement.setString(1, day.toString());
            statement.setString(2, day.plusDays(1) + " 00:00:00");
            return liability(day, statement);
        }
    }

    private static Liability liability(LocalDate day, PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Liability(day, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }

    // ---------------------------------------------------------------- renewal rate

    /** Of {@code ended} cards that ended in a period, {@code renewed} were followed by another of the same kind. */
    public record Renewal(long ended, long renewed) {
        /** The share renewed, or null when no card ended (no rate, rather than 0 %). */
        public Double rate() {
            return ended == 0 ? null : (double) renewed / ended;
        }
    }

    /**
     * The renewal rate (续费率) of {@code from … to} (both included): of the cards that ended in it — a pass at its
     * last valid day, a session card at its last valid day or the day of its last session, whichever came first;
     * refunded and stored-value cards are not in the base — the share whose member bought another card of the same
     * kind from 30 days before to 30 days after that end. "Another" is one bought after it: the card it renewed
     * itself (a 7-day pass's predecessor, bought 7 days earlier) is not a renewal of it.
     */
    public Renewal renewal(LocalDate from, LocalDate to) {
        return database.read(connection -> renewal(connection, from, to));
    }

    public Renewal renewal(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH ended AS (
                  SELECT c.id, c.member_id, c.kind, c.sold_at,
                         CASE WHEN c.used_up_on IS NOT NULL AND c.used_up_on < c.valid_to THEN c.used_up_on
                              ELSE c.valid_to END AS end_day
                  FROM cards c
                  WHERE c.kind IN ('sessions', 'period') AND c.refunded_at IS NULL AND c.valid_from <= ?2
                    AND (c.valid_to BETWEEN ?1 AND ?2 OR c.used_up_on BETWEEN ?1 AND ?2))
                SELECT count(*),
                       coalesce(sum(EXISTS (SELECT 1 FROM cards n WHERE n.member_id = e.member_id AND n.kind = e.kind
                                    AND (n.sold_at > e.sold_at OR (n.sold_at = e.sold_at AND n.id > e.id))
                                    AND n.sold_at >= date(e.end_day, '-30 days')
                                    AND n.sold_at < date(e.end_day, '+31 days'))), 0)
                FROM ended e WHERE e.end_day BETWEEN ?1 AND ?2""")) {
            statement.setString(1, from.toString());
            statement.setString(2, to.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Renewal(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    // ---------------------------------------------------------------- the check

    /** A card whose kept balances differ from its entries, or went below zero. */
    public record CardProblem(String cardNo, String what) {
    }

    public record CardCheck(long cards, List<CardProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Proves every card's balance = Σ its entries ≥ 0, and for a session card sessions left = Σ its entries =
     * sold − visits (− the sessions given back by a refund) ≥ 0.
     */
    public CardCheck check() {
        return database.read(CardReports::check);
    }

    /** The same proof on any connection (a restore's trial copy too: {@link CardsBeforeRestore}). */
    static CardCheck check(Connection connection) throws SQLException {
        {
            List<CardProblem> problems = new ArrayList<>();
            long count;
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
                count = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        String card = rs.getString(1);
                        long principal = rs.getLong(2);
                        long bonus = rs.getLong(3);
                        if (principal != rs.getLong(6) || bonus != rs.getLong(7)) {
                            problems.add(new CardProblem(card, "balance " + principal + "+" + bonus
                                    + " cents, entries say " + rs.getLong(6) + "+" + rs.getLong(7)));
                        }
                        if (principal < 0 || bonus < 0) {
                            problems.add(new CardProblem(card, "negative balance"));
                        }
                        Integer left = CardStore.getInt(rs, "sessions_left");
                        if (left != null) {
                            long sold = rs.getLong(5);
                            long expected = sold - rs.getLong(10) - rs.getLong(9);
                            if (left != rs.getLong(8) || left != expected || left < 0) {
                                problems.add(new CardProblem(card, "sessions left " + left + ", entries say "
                                        + rs.getLong(8) + ", sold − used = " + expected));
                            }
                        }
                    }
                }
            }
            return new CardCheck(count, problems);
        }
    }
}

package org.memberdesk.cards;

import java.sql.Connection;
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
        return database.read(connection -> CardReportStore.expiring(connection, day, withinDays));
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
        return database.read(connection -> day.isBefore(today) ? CardReportStore.fromEntries(connection, day)
                : CardReportStore.fromBalances(connection, day));
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
        return CardReportStore.renewal(connection, from, to);
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
        List<CardProblem> problems = new ArrayList<>();
        List<CardReportStore.Balances> cards = CardReportStore.balances(connection);
        for (CardReportStore.Balances c : cards) {
            if (c.principal() != c.entriesPrincipal() || c.bonus() != c.entriesBonus()) {
                problems.add(new CardProblem(c.cardNo(), "balance " + c.principal() + "+" + c.bonus()
                        + " cents, entries say " + c.entriesPrincipal() + "+" + c.entriesBonus()));
            }
            if (c.principal() < 0 || c.bonus() < 0) {
                problems.add(new CardProblem(c.cardNo(), "negative balance"));
            }
            Integer left = c.sessionsLeft();
            if (left != null) {
                long expected = c.sessionsSold() - c.used() - c.refundedSessions();
                if (left != c.entriesSessions() || left != expected || left < 0) {
                    problems.add(new CardProblem(c.cardNo(), "sessions left " + left + ", entries say "
                            + c.entriesSessions() + ", sold − used = " + expected));
                }
            }
        }
        return new CardCheck(cards.size(), problems);
    }
}

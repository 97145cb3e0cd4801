package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.memberdesk.db.BoundRows;
import org.memberdesk.members.MemberStore;

/**
 * The SQL of opening balances: cards brought over from another system (import-cards), written set-based — a batch
 * of thousands in a few multi-row statements, each card with its one 'opening' entry. The card's kept balances are
 * written equal to that entry in the same statement pair, so balance = Σ entries holds as for any card. Takes a
 * connection; never commits.
 */
public final class OpeningCards {
    private final CardStore cards;

    public OpeningCards(CardStore cards) {
        this.cards = cards;
    }

    /**
     * A card as the other system left it. {@code sessionsLeft} is what it brings over: the card is sold that many
     * sessions here (sold − used = left holds from its first day in this system). {@code paidCents} is what the
     * balance brought over is worth (refunds are computed from it): the principal for stored value.
     */
    public record Opening(long memberId, CardProduct product, long paidCents, long principalCents, long bonusCents,
                          Integer sessionsLeft, LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * Stores the cards, numbered from the next free id in the given order, with their opening entries at
     * {@code at}; returns the first card's id (the others follow it).
     */
    public long insert(Connection connection, List<Opening> openings, LocalDateTime at, long importId)
            throws SQLException {
        long first = cards.nextCardId(connection);
        if (openings.isEmpty()) {
            return first;
        }
        String time = MemberStore.timeText(at);
        BoundRows rows = new BoundRows();
        long id = first;
        for (Opening card : openings) {
            String from = card.validFrom() == null ? null : card.validFrom().toString();
            String to = card.validTo() == null ? null : card.validTo().toString();
            Long sessions = card.sessionsLeft() == null ? null : (long) card.sessionsLeft();
            rows.row().add(id).add(card.memberId()).add(card.product().id()).add(card.paidCents()).add(time)
                    .add(from).add(to).add(sessions).add(card.principalCents()).add(card.bonusCents()).add(importId);
            id++;
        }
        // the number, kind and day limit are made here rather than bound: fewer values per row for a big file
        rows.execute(connection, """
                INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at, valid_from,
                                   base_valid_to, valid_to, per_day, sessions_sold, sessions_left, principal_cents,
                                   bonus_cents, import_id)
                SELECT v.column1, printf('C%06d', v.column1), v.column2, p.id, p.kind, v.column4, v.column5,
                       v.column6, v.column7, v.column7, p.per_day, v.column8, v.column8, v.column9, v.column10,
                       v.column11
                FROM (:rows) v JOIN card_products p ON p.id = v.column3""");
        // each card's opening entry carries exactly its balances: written from the cards just stored
        try (PreparedStatement entries = connection.prepareStatement("""
                INSERT INTO card_entries (card_id, time, kind, principal_cents, bonus_cents, sessions)
                SELECT id, sold_at, 'opening', principal_cents, bonus_cents, coalesce(sessions_left, 0) FROM cards
                WHERE id BETWEEN ? AND ? ORDER BY id""")) {
            entries.setLong(1, first);
            entries.setLong(2, id - 1);
            entries.executeUpdate();
        }
        return first;
    }
}

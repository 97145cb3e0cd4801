package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.memberdesk.db.BoundRows;
import org.memberdesk.members.MemberStore;

/**
 * Opening balances: cards brought over from another system (import-cards), written set-based — a batch
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
     * balance brought over is worth (refunds are computed from it): the principal for stored value. {@code storeId}
     * is the store it was sold in, where its opening entry belongs.
     */
    public record Opening(long memberId, CardProduct product, long paidCents, long principalCents, long bonusCents,
                          Integer sessionsLeft, LocalDate validFrom, LocalDate validTo, long storeId) {
    }

    /**
     * Stores the cards, numbered from the next free id in the given order, with their opening entries at
     * {@code at}, each in its card's store; returns the first card's id (the others follow it).
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
        cards.insertOpenings(connection, rows);
        // each card's opening entry carries exactly its balances: written from the cards just stored. A batch of one
        // store (every single shop's, most of a chain's) in one range statement, as before stores; a chain's mixed
        // batch with each card's store bound beside its id
        long store = openings.get(0).storeId();
        if (openings.stream().allMatch(card -> card.storeId() == store)) {
            cards.insertOpeningEntries(connection, first, id - 1, store);
        } else {
            BoundRows stores = new BoundRows();
            long card = first;
            for (Opening opening : openings) {
                stores.row().add(card++).add(opening.storeId());
            }
            cards.insertOpeningEntries(connection, stores);
        }
        return first;
    }
}

package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.purchases.Payment;

/**
 * How an amount due will be paid, before anything is stored — the counter shows it ("储值 ¥80.00，其中赠送 ¥13.33")
 * and the sale then records exactly this. Stored value pays first from the member's stored-value card with the
 * most on it; its bonus part is in proportion to the card's balances ({@link StoredValue#bonusPart}).
 */
public final class PaymentPlanner {
    private final CardStore cards;
    private final StoreLimit storeLimit;

    public PaymentPlanner(CardStore cards, StoreLimit storeLimit) {
        this.cards = cards;
        this.storeLimit = storeLimit;
    }

    /**
     * The card stored value is paid from: the member's stored-value card with the largest balance among those that
     * work in this computer's store (a card of a product limited to another store does not pay here).
     */
    public Optional<Card> storedValueCard(Connection connection, long memberId) throws SQLException {
        return storedValueCard(connection, memberId, null);
    }

    /**
     * The same among the cards sold by {@code at} (null: now): a sale recorded later from a paper log cannot be paid
     * from a card the member did not have yet.
     */
    public Optional<Card> storedValueCard(Connection connection, long memberId, java.time.LocalDateTime at)
            throws SQLException {
        return storedValueCards(connection, memberId, at).stream()
                .filter(card -> storeLimit.worksHere(card.onlyStoreId()))
                .max(BY_BALANCE);
    }

    /** The largest balance first; of equal ones the older card. */
    private static final Comparator<Card> BY_BALANCE = Comparator.comparingLong(Card::balanceCents)
            .thenComparing(Card::id, Comparator.reverseOrder());

    private List<Card> storedValueCards(Connection connection, long memberId, java.time.LocalDateTime at)
            throws SQLException {
        return cards.forMember(connection, memberId).stream()
                .filter(card -> card.kind() == CardKind.STORED_VALUE && !card.refunded())
                .filter(card -> at == null || !card.soldAt().isAfter(at))
                .toList();
    }

    /**
     * The payment of {@code dueCents}; refused when stored value alone is asked and the balance is short (nothing is
     * stored — the cashier asks for another way).
     */
    public Payment plan(Connection connection, long memberId, long dueCents, Pay pay) throws SQLException {
        return plan(connection, memberId, dueCents, pay, null);
    }

    /** The payment of a sale made at {@code at} (null: now). */
    public Payment plan(Connection connection, long memberId, long dueCents, Pay pay, java.time.LocalDateTime at)
            throws SQLException {
        if (!pay.fromStoredValue()) {
            return Payment.by(pay.first(), dueCents);
        }
        Optional<Card> card = storedValueCard(connection, memberId, at);
        if (card.isEmpty()) {
            // stored value was asked for and the member has it, but only on a card limited to another store: say so
            Optional<Card> elsewhere = storedValueCards(connection, memberId, at).stream().max(BY_BALANCE);
            if (elsewhere.isPresent()) {
                storeLimit.require(connection, elsewhere.get());
            }
        }
        long balance = card.map(Card::balanceCents).orElse(0L);
        if (pay.rest() == null && balance < dueCents) {
            throw new ValidationException(card.isEmpty()
                    ? Problem.of("payment", "card.pay.noStoredValue")
                    : Problem.of("payment", "card.pay.balanceShort", Money.formatYuan(balance),
                    Money.formatYuan(dueCents)));
        }
        if (card.isEmpty() || balance == 0) {
            return Payment.by(pay.rest(), dueCents);
        }
        long fromCard = Math.min(dueCents, balance);
        long bonus = StoredValue.bonusPart(fromCard, card.get().principalCents(), card.get().bonusCents());
        long other = dueCents - fromCard;
        return new Payment(other > 0 ? pay.rest() : null, other, card.get().id(), fromCard - bonus, bonus);
    }
}

package org.memberdesk.cards;

import org.memberdesk.common.Counted;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;

/**
 * The operation log entries of card changes, in short English: what was done to which card, and what it held
 * before → after. Amounts as the screens show them ({@code ¥1,280.00}).
 */
final class CardLog {
    private CardLog() {
    }

    /** A card sold: the product, what was paid and how, the sale it made (none for stored value), what it holds. */
    static OperationLog.Entry sale(Card card, CardProduct product, Purchase sale, Pay pay) {
        String holds = switch (card.kind()) {
            case STORED_VALUE -> "balance ¥0.00 → " + Money.display(card.balanceCents()) + " (bonus "
                    + Money.display(card.bonusCents()) + ")";
            case SESSIONS -> Counted.of(card.sessionsLeft(), "session") + ", valid " + card.validFrom() + " to "
                    + card.validTo();
            case PERIOD -> "valid " + card.validFrom() + " to " + card.validTo();
        };
        return OperationLog.Entry.of(Operation.CARD_SALE, card.memberId(), card.cardNo(), product.name()
                + " sold for " + Money.display(card.paidCents()) + " (" + pay.first().code() + ")"
                + (sale == null ? "" : ", sale " + sale.purchaseNo()) + ": " + holds);
    }

    /** A top-up: the amount and how it was paid, the ladder's bonus, the balance before → after. */
    static OperationLog.Entry topUp(Card before, Card after, long amountCents, long bonusCents, PayMethod method) {
        return OperationLog.Entry.of(Operation.TOP_UP, before.memberId(), before.cardNo(),
                Money.display(amountCents) + " (" + method.code() + ") + bonus " + Money.display(bonusCents)
                        + ": balance " + Money.display(before.balanceCents()) + " → "
                        + Money.display(after.balanceCents()));
    }

    /** A refund: paid back (and how, or as which return), the bonus given up, what the card held before → after. */
    static OperationLog.Entry refund(Card card, long refundCents, long forfeitedBonusCents, PayMethod method,
                                     Purchase returned, String why) {
        String held = switch (card.kind()) {
            case STORED_VALUE -> "balance " + Money.display(card.balanceCents()) + " → ¥0.00";
            case SESSIONS -> "sessions left " + card.sessionsLeft() + " → 0";
            case PERIOD -> "valid to " + card.validTo() + ", ended";
        };
        return OperationLog.Entry.of(Operation.CARD_REFUND, card.memberId(), card.cardNo(),
                "refund " + Money.display(refundCents) + (returned == null ? " (" + method.code() + ")"
                        : " as return " + returned.purchaseNo()) + ", bonus forfeited "
                        + Money.display(forfeitedBonusCents) + "; " + held).because(why);
    }

    /** A check-in: the card used and what it has left before → after (a pass: the day it is valid to). */
    static OperationLog.Entry checkIn(Card before, Card after) {
        String left = before.kind() == CardKind.SESSIONS
                ? "sessions left " + before.sessionsLeft() + " → " + after.sessionsLeft()
                : "pass valid to " + after.validTo();
        return OperationLog.Entry.of(Operation.CHECK_IN, before.memberId(), before.cardNo(),
                before.productName() + ": " + left);
    }
}

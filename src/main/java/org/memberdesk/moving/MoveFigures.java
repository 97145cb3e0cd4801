package org.memberdesk.moving;

/**
 * The figures a move must carry over unchanged: the money in purchases and payments, the stored value on cards and
 * the points (balances and the ledger behind them). Equal in the source and the copy, or the copy is not kept.
 */
public record MoveFigures(long purchaseCents, long paymentCents, long storedValueCents, long pointsBalance,
        long ledgerPoints) {
}

package org.memberdesk.points;

import java.util.List;

/**
 * The result of proving the ledger: for every member, the sum of its entries equals the cached
 * balance, what is left of its batches is max(balance, 0), and a balance below zero is explained by
 * the points its returns recorded as owed ({@link PointsOwed}). {@code firstBad} names a few members
 * that fail, for the message; {@code owing} counts the members (that add up) whose balance is below
 * zero and {@code pointsOwed} what they owe together.
 */
public record LedgerCheck(long members, long bad, List<String> firstBad, long owing, long pointsOwed) {

    public LedgerCheck {
        firstBad = List.copyOf(firstBad);
    }

    /** A check where nobody owes points. */
    public LedgerCheck(long members, long bad, List<String> firstBad) {
        this(members, bad, firstBad, 0, 0);
    }
}

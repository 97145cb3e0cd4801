package org.memberdesk.points;

import java.util.List;

/**
 * The result of proving the ledger: for every member, the sum of its entries equals the cached
 * balance, equals what is left of its batches, and is not negative. {@code firstBad} names a few
 * members that fail, for the message.
 */
public record LedgerCheck(long members, long bad, List<String> firstBad) {

    public LedgerCheck {
        firstBad = List.copyOf(firstBad);
    }
}

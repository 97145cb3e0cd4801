package org.memberdesk.points;

/**
 * Points owed, the one rule both ledgers ({@link PointsStore.Ledger} row by row, {@link LedgerBatch} for an import)
 * follow. A return takes back what its part of the sale earned even when those points are spent or gone: what the
 * batches still hold is taken, the rest is owed, the balance goes below zero and the return's entry says how much
 * (reason {@code owed:N}). Anything earned later repays the debt before it can be spent: a new batch keeps only
 * what is left of its points after the debt. So the entries always sum to the balance, the batches hold
 * max(balance, 0), and only a return can make a balance negative; {@code check-ledger} proves all three.
 *
 * <p>Entries written before this rule ({@code short:N}: the part of a return that was not taken) stay as history;
 * they never made a balance negative, so the check has nothing to explain for them.
 */
public final class PointsOwed {
    private static final String OWED = "owed:";

    private PointsOwed() {
    }

    /** What a member owes at a balance: the part below zero, or 0. */
    public static long owed(long balance) {
        return balance < 0 ? -balance : 0;
    }

    /**
     * How taking back {@code points} (>= 0) splits at {@code balance}: what the batches give (they hold
     * max(balance, 0)) and what is owed beyond them.
     */
    public record TakeBack(long fromBatches, long owed) {
        /** The reason the return's entry records: {@code owed:N} when anything was owed, otherwise none. */
        public String reason() {
            return owed > 0 ? OWED + owed : null;
        }
    }

    public static TakeBack takeBack(long balance, long points) {
        if (points < 0) {
            throw new IllegalArgumentException("cannot take back " + points + " points");
        }
        long fromBatches = Math.min(points, Math.max(balance, 0));
        return new TakeBack(fromBatches, points - fromBatches);
    }

    /** What is left to spend of a new batch of {@code points} (> 0) earned at {@code balance}: the debt goes first. */
    public static long remainingOfNewBatch(long balance, long points) {
        return Math.max(0, points - owed(balance));
    }

    /** The points a return's entry recorded as owed ({@code owed:N}); 0 for any other reason, old {@code short:} too. */
    public static long owedIn(String reason) {
        if (reason == null || !reason.startsWith(OWED)) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(reason.substring(OWED.length())));
        } catch (NumberFormatException e) {
            return 0; // not written by a return: explains nothing
        }
    }

    /**
     * Whether one member's points add up: the cached balance is the sum of the entries, the batches hold
     * max(balance, 0), and a balance below zero is no more than the returns recorded as owed.
     */
    public static boolean addsUp(long cached, long entries, long batchesLeft, long owedByReturns) {
        return cached == entries && batchesLeft == Math.max(entries, 0) && owed(entries) <= owedByReturns;
    }
}

package org.memberdesk.io;

import java.util.List;
import java.util.Set;
import org.memberdesk.purchases.PurchaseService;

/** Counts what the purchases of one batch came to, and the rows that took effect, as they are recorded. */
final class BatchTally {
    /**
     * What one batch did: purchases stored (or completed), already stored, rejected; the rows that took effect
     * (all but the rejected ones) as ranges; and the purchases and rows skipped because an earlier run of the same
     * file had stored them (counted by the row-by-row path, which reads inside the batch).
     */
    record Counts(long imported, long appended, long duplicates, long rejected, List<long[]> ranges,
                  long skipped, long skippedRows) {
        static final Counts NONE = new Counts(0, 0, 0, 0, List.of(), 0, 0);
    }

    private long imported;
    private long appended;
    private long duplicates;
    private long rejected;
    private final ImportedRows.Ranges ranges = new ImportedRows.Ranges();
    /** The run's purchase numbers already counted as already stored ({@link #countOnce}). */
    private final Set<String> alreadyCounted;
    private final FieldColumns columns;

    BatchTally(Set<String> alreadyCounted, FieldColumns columns) {
        this.alreadyCounted = alreadyCounted;
        this.columns = columns;
    }

    /** Counts one purchase's outcome (null: rejected); its rows took effect unless it was rejected. */
    void count(PurchaseService.Outcome outcome, PurchaseRows group) {
        tally(outcome, group, group.purchaseNo);
        if (outcome != null) {
            group.tookEffect(ranges);
        }
    }

    /** Counts the return split off a purchase counted just before (null: refused, its sale kept). */
    void countSplitReturn(PurchaseService.Outcome outcome, PurchaseRows group, String number) {
        tally(outcome, group, number);
    }

    private void tally(PurchaseService.Outcome outcome, PurchaseRows group, String number) {
        imported += outcome == PurchaseService.Outcome.STORED ? 1 : 0;
        appended += outcome == PurchaseService.Outcome.APPENDED ? 1 : 0;
        duplicates += outcome == PurchaseService.Outcome.DUPLICATE
                && countOnce(alreadyCounted, group.countKey(number, columns)) ? 1 : 0;
        rejected += outcome == null ? 1 : 0;
    }

    /**
     * Whether a purchase already stored is counted now: once per purchase (number and member, {@link
     * PurchaseRows#countKey}) and run, so a purchase whose rows are apart in the file (read as two groups) is one
     * duplicate, not two. Shared with the reading thread,
     * which counts the purchases an earlier run of the file stored.
     */
    static boolean countOnce(Set<String> alreadyCounted, String key) {
        return alreadyCounted.add(key);
    }

    Counts counts(long skipped, long skippedRows) {
        return new Counts(imported, appended, duplicates, rejected, ranges.list(), skipped, skippedRows);
    }
}

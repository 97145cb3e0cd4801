package org.memberdesk.io;

import java.util.List;
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

    /** Counts one purchase's outcome (null: rejected); its rows took effect unless it was rejected. */
    void count(PurchaseService.Outcome outcome, PurchaseRows group) {
        imported += outcome == PurchaseService.Outcome.STORED ? 1 : 0;
        appended += outcome == PurchaseService.Outcome.APPENDED ? 1 : 0;
        duplicates += outcome == PurchaseService.Outcome.DUPLICATE ? 1 : 0;
        rejected += outcome == null ? 1 : 0;
        if (outcome != null) {
            group.tookEffect(ranges);
        }
    }

    Counts counts(long skipped, long skippedRows) {
        return new Counts(imported, appended, duplicates, rejected, ranges.list(), skipped, skippedRows);
    }
}

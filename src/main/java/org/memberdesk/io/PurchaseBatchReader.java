package org.memberdesk.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the file's purchases in batches: rows are parsed and checked; members are looked up by the batch when it
 * is written ({@link BatchMembers}). Runs on the reading thread ({@link ReadAhead}), without the database.
 */
final class PurchaseBatchReader implements ReadAhead.Reader<PurchaseBatchReader.ReadBatch> {
    /**
     * A batch of purchases read and checked, the purchases (and their rows) before them that an earlier run of the
     * file stored, and how far into the file it ends.
     */
    record ReadBatch(List<CheckedPurchase> purchases, long skipped, long skippedRows, long bytesRead) {
    }

    private final ImportSource source;
    /**
     * {@code pending[0]} is the first row not yet read into a purchase; it is carried across batches so a
     * purchase's rows are never split.
     */
    private final ImportRow[] pending;
    private final FieldColumns columns;
    private final ImportOptions options;
    private final ImportedRows done;
    private final PurchaseRowChecks.Rules rules;
    /** Purchase numbers counted as already stored in this run, shared with the writing thread. */
    private final Set<String> alreadyCounted;

    PurchaseBatchReader(ImportSource source, ImportRow[] pending, FieldColumns columns, ImportOptions options,
                        ImportedRows done, PurchaseRowChecks.Rules rules, Set<String> alreadyCounted) {
        this.source = source;
        this.pending = pending;
        this.columns = columns;
        this.options = options;
        this.done = done;
        this.rules = rules;
        this.alreadyCounted = alreadyCounted;
    }

    @Override
    public ReadBatch read() {
        if (pending[0] == null) {
            return null;
        }
        List<CheckedPurchase> batch = new ArrayList<>();
        long skipped = 0;
        long skippedRows = 0;
        while (pending[0] != null && batch.size() + skipped < options.batchSize()) {
            PurchaseRows group = PurchaseRows.next(source, pending, columns, rules.rowNumbers());
            if (group.storedBefore(done)) {
                skipped += BatchTally.countOnce(alreadyCounted, group.countKey(group.purchaseNo, columns)) ? 1 : 0;
                skippedRows += group.rows.size();
            } else {
                batch.add(PurchaseRowChecks.check(group, columns, rules));
            }
        }
        return new ReadBatch(batch, skipped, skippedRows, source.bytesRead());
    }
}

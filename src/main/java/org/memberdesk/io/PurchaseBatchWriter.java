package org.memberdesk.io;

import org.memberdesk.common.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PurchasePipeline;
import org.memberdesk.purchases.PurchaseService;

/**
 * Records a batch read ahead: its purchase numbers and members are looked up at once, and it is written
 * set-based when it ends ({@link org.memberdesk.purchases.PurchasePipeline}). A cancel throws {@link
 * BatchCancelled} before anything is committed.
 */
final class PurchaseBatchWriter {
    private final PurchaseService purchases;
    private final MemberStore memberStore;
    private final PurchaseImporter.Batching batching;
    private final ImportOptions options;
    private final Progress progress;
    /** Purchase numbers counted as already stored in this run, shared with the reading thread. */
    private final Set<String> alreadyCounted;

    PurchaseBatchWriter(PurchaseService purchases, MemberStore memberStore, PurchaseImporter.Batching batching,
                        ImportOptions options, Progress progress, Set<String> alreadyCounted) {
        this.alreadyCounted = alreadyCounted;
        this.purchases = purchases;
        this.memberStore = memberStore;
        this.batching = batching;
        this.options = options;
        this.progress = progress;
    }

    BatchTally.Counts record(Connection connection, List<CheckedPurchase> batch, FieldColumns columns,
                             List<Rejection> rejections)
            throws SQLException {
        BatchTally tally = new BatchTally(alreadyCounted, columns);
        batch = BatchMembers.withMembers(memberStore, connection, batch);
        try (PurchasePipeline recorder = purchases.pipeline(connection, batching.importId(),
                batching.earlierRuns(), options.allowReturns())) {
            List<String> numbers = new ArrayList<>();
            Set<Long> memberIds = new LinkedHashSet<>();
            for (CheckedPurchase purchase : batch) {
                if (purchase.draft != null) {
                    numbers.add(purchase.draft.purchaseNo());
                    if (purchase.draft.refundOfNo() != null) {
                        numbers.add(purchase.draft.refundOfNo().strip());
                    }
                    if (purchase.splitReturn != null) {
                        numbers.add(purchase.splitReturn.purchaseNo());
                    }
                    memberIds.add(purchase.draft.memberId());
                }
            }
            recorder.prefetch(numbers, memberIds);
            int handled = 0;
            for (CheckedPurchase purchase : batch) {
                if (++handled % 1000 == 0 && progress.cancelled()) {
                    throw new BatchCancelled();
                }
                purchase.record(recorder, rejections, tally);
            }
            if (progress.cancelled()) {
                throw new BatchCancelled();
            }
        }
        return tally.counts(0, 0);
    }
}

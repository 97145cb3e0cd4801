package org.memberdesk.io;

import org.memberdesk.common.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.common.Problem;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.members.Phones;
import org.memberdesk.purchases.PurchasePipeline;
import org.memberdesk.purchases.PurchaseService;

/**
 * With members created on the fly ({@code --create-members}): reads and stores purchase by purchase, as at the
 * counter, so a member created for one row is found by the rows after it. Runs on the writing thread.
 */
final class RowByRowPurchases {
    private final PurchaseService purchases;
    private final MemberService members;
    private final MemberStore memberStore;
    private final ImportSource source;
    /** The first row not yet read into a purchase, carried across batches so a purchase's rows are never split. */
    private final ImportRow[] pending;
    private final FieldColumns columns;
    private final ImportOptions options;
    private final PurchaseImporter.Batching batching;
    private final Progress progress;
    private final PurchaseRowChecks.Rules rules;
    /** Purchase numbers counted as already stored in this run. */
    private final Set<String> alreadyCounted;
    /** When each member the file names first appears in it: the join date of a member created for it. */
    private final JoinDates joinDates;

    RowByRowPurchases(PurchaseService purchases, MemberService members, MemberStore memberStore, ImportSource source,
                      ImportRow[] pending, FieldColumns columns, ImportOptions options,
                      PurchaseImporter.Batching batching, Progress progress, PurchaseRowChecks.Rules rules,
                      Set<String> alreadyCounted, JoinDates joinDates) {
        this.rules = rules;
        this.alreadyCounted = alreadyCounted;
        this.joinDates = joinDates;
        this.purchases = purchases;
        this.members = members;
        this.memberStore = memberStore;
        this.source = source;
        this.pending = pending;
        this.columns = columns;
        this.options = options;
        this.batching = batching;
        this.progress = progress;
    }

    /** Whether rows are left to read. */
    boolean hasMore() {
        return pending[0] != null;
    }

    /** Stores purchase by purchase until the batch is full. A cancel mid-batch throws {@link BatchCancelled}. */
    BatchTally.Counts storeBatch(Connection connection, List<Rejection> rejections) throws SQLException {
        BatchTally tally = new BatchTally(alreadyCounted, columns);
        long handled = 0;
        long skipped = 0;
        long skippedRows = 0;
        try (PreparedStatement byNumber = memberStore.prepareIdByNumber(connection);
             PreparedStatement byPhone = memberStore.prepareIdByPhone(connection)) {
            MemberLookup lookup = new MemberLookup(memberStore, byNumber, byPhone);
            while (pending[0] != null && handled < options.batchSize()) {
                PurchaseRows group = PurchaseRows.next(source, pending, columns, rules.rowNumbers());
                handled++;
                if (handled % 500 == 0 && progress.cancelled()) {
                    throw new BatchCancelled();
                }
                if (group.storedBefore(batching.done())) {
                    skipped += BatchTally.countOnce(alreadyCounted, group.countKey(group.purchaseNo, columns)) ? 1 : 0;
                    skippedRows += group.rows.size();
                    continue;
                }
                // a member created for this purchase lives only if the purchase is stored: a refused or duplicate
                // purchase takes its member (and the member's signup points) back with it
                Savepoint[] beforeMember = {null};
                CheckedPurchase purchase = withMember(connection, lookup, PurchaseRowChecks.check(group, columns,
                        rules), beforeMember);
                // a pipeline of one purchase, as at the counter: a member created for this row (and its signup
                // points) is written before the pipeline opens, and found by the rows after it
                PurchaseService.Outcome outcome;
                try (PurchasePipeline recorder = purchases.pipeline(connection, batching.importId(),
                        batching.earlierRuns(), options.allowReturns())) {
                    outcome = purchase.record(recorder, rejections, tally);
                }
                if (beforeMember[0] != null) {
                    if (outcome != PurchaseService.Outcome.STORED) {
                        connection.rollback(beforeMember[0]);
                    }
                    connection.releaseSavepoint(beforeMember[0]);
                }
            }
        }
        return tally.counts(skipped, skippedRows);
    }

    /**
     * The purchase with its member found now, or created when the file names one the shop does not have yet;
     * {@code beforeMember[0]} is then the savepoint before the member was written.
     */
    private CheckedPurchase withMember(Connection connection, MemberLookup lookup, CheckedPurchase purchase,
                                       Savepoint[] beforeMember) throws SQLException {
        if (!purchase.needsMember()) {
            return purchase;
        }
        long memberId = lookup.find(purchase.memberNo, purchase.phone);
        if (memberId < 0 && options.createMembers()) {
            List<Rejection> bad = new ArrayList<>();
            beforeMember[0] = connection.setSavepoint();
            memberId = createMember(connection, purchase, bad);
            if (!bad.isEmpty()) {
                return purchase.rejected(bad);
            }
        }
        return purchase.resolved(memberId);
    }

    private long createMember(Connection connection, CheckedPurchase purchase, List<Rejection> bad)
            throws SQLException {
        String memberNo = purchase.memberNo;
        String phone = purchase.phone;
        ImportRow first = purchase.group.rows.get(0);
        String name = PurchaseRowChecks.emptyToNull(first.get(columns.index("name")));
        MemberDetails member = members.normalized(new MemberDetails(memberNo,
                name != null ? name : memberNo != null ? memberNo : Phones.mask(phone),
                phone, null, null, joinDates.of(memberNo, phone), null, null, null, Map.of(),
                purchase.draft.storeId()));
        // a member created for a purchase joins where it was made: the row's store, else this computer's
        member = members.joiningHere(member);
        List<Problem> problems = members.check(member);
        if (!problems.isEmpty()) {
            for (Problem problem : problems) {
                bad.add(new Rejection(first.line(), problem.field(), problem, first.values()));
            }
            return -1;
        }
        if (member.memberNo() == null) {
            member = member.withMemberNo(memberStore.nextMemberNumber(connection));
        }
        long id = memberStore.insert(connection, member);
        members.added(connection, id, member);
        return id;
    }
}

package org.memberdesk.io;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchasePipeline;
import org.memberdesk.purchases.PurchaseService;

/** One purchase of the file, read and checked: a draft to record, or the rows' problems. */
final class CheckedPurchase {
    final PurchaseRows group;
    final PurchaseDraft draft;
    /**
     * The return lines of a purchase that also has sale lines, as a return of that sale (recorded after it);
     * null for a plain sale or return.
     */
    final PurchaseDraft splitReturn;
    final List<Rejection> bad;
    /** How the file names the member; the draft's member id is -1 until looked up ({@link #resolved}). */
    final String memberNo;
    final String phone;
    /** Each row's line in the file's order (a return line with its amount negative), for the wizard's preview. */
    final List<PurchaseLine> linesInFileOrder;

    CheckedPurchase(PurchaseRows group, PurchaseDraft draft, PurchaseDraft splitReturn, List<Rejection> bad,
                    String memberNo, String phone, List<PurchaseLine> linesInFileOrder) {
        this.group = group;
        this.draft = draft;
        this.splitReturn = splitReturn;
        this.bad = bad;
        this.memberNo = memberNo;
        this.phone = phone;
        this.linesInFileOrder = List.copyOf(linesInFileOrder);
    }

    boolean needsMember() {
        return draft != null && draft.memberId() < 0;
    }

    /** The same rows rejected for these problems instead. */
    CheckedPurchase rejected(List<Rejection> problems) {
        return new CheckedPurchase(group, null, null, problems, memberNo, phone, List.of());
    }

    /** With the member found (id) or not (-1: the purchase is rejected naming the member). */
    CheckedPurchase resolved(long memberId) {
        if (memberId >= 0) {
            return new CheckedPurchase(group, forMember(draft, memberId),
                    splitReturn == null ? null : forMember(splitReturn, memberId), bad, memberNo, phone,
                    linesInFileOrder);
        }
        List<Rejection> unknown = new ArrayList<>(bad);
        unknown.add(unknownMember());
        return rejected(unknown);
    }

    private static PurchaseDraft forMember(PurchaseDraft draft, long memberId) {
        return new PurchaseDraft(draft.purchaseNo(), memberId, draft.time(), draft.lines(), draft.refundOfNo())
                .atStore(draft.storeId());
    }

    private Rejection unknownMember() {
        ImportRow first = group.rows.get(0);
        return new Rejection(first.line(), memberNo != null ? "member_no" : "phone",
                Problem.of(memberNo != null ? "member_no" : "phone", "import.member.unknown",
                        memberNo != null ? memberNo : phone), first.values());
    }

    /**
     * Records the purchase (and the return split off it) and counts them; returns the purchase's outcome, null
     * when it was rejected (its rows then go to the report).
     */
    PurchaseService.Outcome record(PurchasePipeline recorder, List<Rejection> rejections, BatchTally tally)
            throws SQLException {
        List<Rejection> problems = new ArrayList<>(bad);
        if (draft != null) {
            try {
                PurchaseService.Outcome outcome = recorder.record(draft).outcome();
                tally.count(outcome, group);
                if (splitReturn != null) {
                    tally.countSplitReturn(recordSplitReturn(recorder, rejections), group, splitReturn.purchaseNo());
                }
                return outcome;
            } catch (ValidationException e) {
                ImportRow first = group.rows.get(0);
                for (Problem problem : e.problems()) {
                    problems.add(new Rejection(first.line(), problem.field(), problem, first.values()));
                }
            }
        }
        rejections.addAll(problems);
        for (ImportRow row : group.rows) {
            if (problems.stream().noneMatch(r -> r.line() == row.line())) {
                rejections.add(new Rejection(row.line(), "purchase_no",
                        Problem.of("purchase_no", "import.purchase.partOfRejected", group.purchaseNo),
                        row.values()));
            }
        }
        tally.count(null, group);
        return null;
    }

    /**
     * The return split off a purchase, once its sale is recorded; refused (its sale is kept), it is reported on
     * the purchase's first row. Null when refused.
     */
    private PurchaseService.Outcome recordSplitReturn(PurchasePipeline recorder, List<Rejection> rejections)
            throws SQLException {
        try {
            return recorder.record(splitReturn).outcome();
        } catch (ValidationException e) {
            ImportRow first = group.rows.get(0);
            for (Problem problem : e.problems()) {
                rejections.add(new Rejection(first.line(), problem.field(), problem, first.values()));
            }
            return null;
        }
    }
}

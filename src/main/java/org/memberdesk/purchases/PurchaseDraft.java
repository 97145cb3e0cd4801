package org.memberdesk.purchases;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A purchase as entered at the counter or read from a file, before it is stored. A blank number
 * means "generate one". A negative total makes it a return; {@code refundOfNo} may name the sale
 * it gives money back for.
 */
public record PurchaseDraft(String purchaseNo, long memberId, LocalDateTime time, List<PurchaseLine> lines,
                            String refundOfNo, PurchaseDiscounts discounts, Payment payment, Long storeId) {

    public PurchaseDraft {
        lines = List.copyOf(lines);
        discounts = discounts == null ? PurchaseDiscounts.NONE : discounts;
    }

    /** Made at this computer's store (an import's row that names its store says {@link #atStore}). */
    public PurchaseDraft(String purchaseNo, long memberId, LocalDateTime time, List<PurchaseLine> lines,
                         String refundOfNo, PurchaseDiscounts discounts, Payment payment) {
        this(purchaseNo, memberId, time, lines, refundOfNo, discounts, payment, null);
    }

    /** A sale priced at the counter, without saying how it was paid. */
    public PurchaseDraft(String purchaseNo, long memberId, LocalDateTime time, List<PurchaseLine> lines,
                         String refundOfNo, PurchaseDiscounts discounts) {
        this(purchaseNo, memberId, time, lines, refundOfNo, discounts, null);
    }

    /** A purchase as a file or a plain sale has it: no discounts recorded apart from the lines. */
    public PurchaseDraft(String purchaseNo, long memberId, LocalDateTime time, List<PurchaseLine> lines,
                         String refundOfNo) {
        this(purchaseNo, memberId, time, lines, refundOfNo, PurchaseDiscounts.NONE);
    }

    /**
     * The sum of the lines. Checked against the shop's limits ({@link PurchaseLimits}) before anything is
     * stored, so it always fits; {@link Math#addExact} makes a draft that skipped the check fail, not wrap.
     */
    public long totalCents() {
        long total = 0;
        for (PurchaseLine line : lines) {
            total = Math.addExact(total, line.amountCents());
        }
        return total;
    }

    public boolean isReturn() {
        return totalCents() < 0;
    }

    public PurchaseDraft withNumber(String number) {
        return new PurchaseDraft(number, memberId, time, lines, refundOfNo, discounts, payment, storeId);
    }

    /** The same purchase made at another store (a file's store column); null: this computer's store. */
    public PurchaseDraft atStore(Long store) {
        return new PurchaseDraft(purchaseNo, memberId, time, lines, refundOfNo, discounts, payment, store);
    }
}

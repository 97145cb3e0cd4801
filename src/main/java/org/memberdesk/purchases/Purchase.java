package org.memberdesk.purchases;

import java.time.LocalDateTime;
import java.util.List;

/** A stored purchase (a visit that paid) or return. A return's total is negative and it is not a purchase. */
public record Purchase(long id, String purchaseNo, long memberId, LocalDateTime time, Kind kind, long totalCents,
                       List<PurchaseLine> lines, Long refundOf, PurchaseDiscounts discounts, Payment payment) {

    public enum Kind { SALE, RETURN }

    public Purchase {
        lines = List.copyOf(lines);
        discounts = discounts == null ? PurchaseDiscounts.NONE : discounts;
    }

    /** A purchase as read back, or from a file: how it was paid is in the payments, not here. */
    public Purchase(long id, String purchaseNo, long memberId, LocalDateTime time, Kind kind, long totalCents,
                    List<PurchaseLine> lines, Long refundOf, PurchaseDiscounts discounts) {
        this(id, purchaseNo, memberId, time, kind, totalCents, lines, refundOf, discounts, null);
    }

    public Purchase(long id, String purchaseNo, long memberId, LocalDateTime time, Kind kind, long totalCents,
                    List<PurchaseLine> lines, Long refundOf) {
        this(id, purchaseNo, memberId, time, kind, totalCents, lines, refundOf, PurchaseDiscounts.NONE, null);
    }

    public boolean isReturn() {
        return kind == Kind.RETURN;
    }
}

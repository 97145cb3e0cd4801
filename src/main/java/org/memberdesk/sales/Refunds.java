package org.memberdesk.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a return gives back: what the customer paid for the returned units. The paid amount of a
 * line already carries its share of the tier and coupon discounts, so sharing it by quantity shares
 * the discounts in proportion too. Pure arithmetic in cents, no database.
 *
 * <p>Partial returns are cumulative: after q0 of Q units came back for r0 cents, returning q more gives
 * {@code floor(P × (q0 + q) ÷ Q) − r0}, and the last unit gives {@code P − r0}. So any sequence of partial
 * returns adds up to exactly P — never a cent more than was paid, never a cent kept back.
 */
public final class Refunds {
    private Refunds() {
    }

    /** Returns {@code quantity} more units of one line, or refuses (nothing left, more than is left, below 1). */
    public static ReturnedLine line(SoldLine sold, int quantity) {
        if (quantity < 1) {
            throw new ReturnRefused("sale.return.quantity", sold.lineNo(), sold.item());
        }
        if (sold.quantityLeft() == 0) {
            throw new ReturnRefused("sale.return.alreadyReturned", sold.lineNo(), sold.item(), sold.quantity());
        }
        if (quantity > sold.quantityLeft()) {
            throw new ReturnRefused("sale.return.moreThanBought", sold.lineNo(), sold.item(), sold.quantity(),
                    sold.returnedQuantity(), sold.quantityLeft(), quantity);
        }
        long left = sold.paidCents() - sold.refundedCents();
        long refund = quantity == sold.quantityLeft()
                ? left
                : Math.multiplyExact(sold.paidCents(), (long) sold.returnedQuantity() + quantity) / sold.quantity()
                        - sold.refundedCents();
        // an earlier return that came in through an import may not have followed this rule; a refund
        // then stays within what is left to give back, and never turns into a charge
        refund = Math.max(0, Math.min(left, refund));
        return new ReturnedLine(sold.lineNo(), sold.item(), quantity, refund);
    }

    /**
     * Returns some lines of a purchase: line number (as on the receipt) → quantity. The result is in
     * receipt order. One refused line refuses the whole return.
     */
    public static List<ReturnedLine> lines(List<SoldLine> purchase, Map<Integer, Integer> quantities) {
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException("a return names at least one line");
        }
        for (int lineNo : quantities.keySet()) {
            if (purchase.stream().noneMatch(sold -> sold.lineNo() == lineNo)) {
                throw new ReturnRefused("sale.return.noSuchLine", lineNo, purchase.size());
            }
        }
        List<ReturnedLine> returned = new ArrayList<>();
        for (SoldLine sold : purchase) {
            Integer quantity = quantities.get(sold.lineNo());
            if (quantity != null) {
                returned.add(line(sold, quantity));
            }
        }
        return returned;
    }

    /** Returns the whole purchase: every line, all that is left of it; refused when everything came back already. */
    public static List<ReturnedLine> whole(List<SoldLine> purchase) {
        List<ReturnedLine> returned = new ArrayList<>();
        for (SoldLine sold : purchase) {
            if (sold.quantityLeft() > 0) {
                returned.add(line(sold, sold.quantityLeft()));
            }
        }
        if (returned.isEmpty()) {
            throw new ReturnRefused("sale.return.allReturned");
        }
        return returned;
    }
}

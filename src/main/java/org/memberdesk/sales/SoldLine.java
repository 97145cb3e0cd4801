package org.memberdesk.sales;

/**
 * One line of a past sale as a return sees it: numbered as on the receipt (from 1), what the customer
 * paid for it after every discount, and how much of it was already returned and refunded.
 */
public record SoldLine(int lineNo, String item, int quantity, long paidCents, int returnedQuantity,
                       long refundedCents) {

    public SoldLine {
        if (lineNo < 1 || quantity < 1 || returnedQuantity < 0 || returnedQuantity > quantity
                || paidCents < 0 || refundedCents < 0) {
            throw new IllegalArgumentException("not a sold line: " + lineNo + " " + item + " " + quantity
                    + " paid " + paidCents + ", returned " + returnedQuantity + " for " + refundedCents);
        }
    }

    public int quantityLeft() {
        return quantity - returnedQuantity;
    }
}

package org.memberdesk.sales;

import org.memberdesk.common.Money;
import org.memberdesk.purchases.Payment;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;

/**
 * The operation log entries of the counter, in short English. A coupon used at a sale is named in the sale's own
 * entry rather than in an entry of its own: the cashier took one action (one sale), and the log keeps one entry
 * per action a person takes; {@code audit --action sale} with the coupon's code in the summary finds it.
 */
final class CounterLog {
    private CounterLog() {
    }

    /** A sale: its total as paid, each discount, the coupon used (its code), how it was paid, the points earned. */
    static OperationLog.Entry sale(Purchase sale, Priced priced, String couponCode, Payment payment, long earned) {
        StringBuilder summary = new StringBuilder("total ").append(Money.display(priced.paidCents()));
        if (priced.tierDiscountCents() > 0) {
            summary.append(", tier discount −").append(Money.display(priced.tierDiscountCents()));
        }
        if (couponCode != null) {
            summary.append(", coupon ").append(couponCode).append(" redeemed −")
                    .append(Money.display(priced.couponDiscountCents()));
        }
        summary.append(", paid ").append(paid(payment)).append(", points +").append(earned);
        return OperationLog.Entry.of(Operation.SALE, sale.memberId(), sale.purchaseNo(), summary.toString());
    }

    /** A return: what was paid back, of which sale, how many lines, the points taken back. */
    static OperationLog.Entry giveBack(Purchase back, Purchase sale, long pointsTaken) {
        return OperationLog.Entry.of(Operation.RETURN, back.memberId(), back.purchaseNo(),
                "refund " + Money.display(-back.totalCents()) + " of sale " + sale.purchaseNo() + " ("
                        + sale.time().toLocalDate() + "), " + back.lines().size()
                        + (back.lines().size() == 1 ? " line" : " lines") + ", points −" + pointsTaken);
    }

    /** A void: the sale and its total, which now count for nothing. */
    static OperationLog.Entry voided(Purchase sale) {
        return OperationLog.Entry.of(Operation.VOID, sale.memberId(), sale.purchaseNo(),
                "sale of " + Money.display(sale.totalCents()) + " → voided");
    }

    private static String paid(Payment payment) {
        if (payment == null) {
            return "cash";
        }
        if (!payment.fromStoredValue()) {
            return payment.method() == null ? "nothing" : payment.method().code();
        }
        String stored = "stored value " + Money.display(payment.storedPrincipalCents()) + " (+bonus "
                + Money.display(payment.storedBonusCents()) + ")";
        return payment.otherCents() > 0 ? stored + " + " + payment.method().code() + " "
                + Money.display(payment.otherCents()) : stored;
    }
}

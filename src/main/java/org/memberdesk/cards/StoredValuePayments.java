package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.Payment;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseEffect;
import org.memberdesk.purchases.PurchaseLine;

/**
 * The money of a purchase (a {@link PurchaseEffect}): how a sale was paid, by method, and the part taken from a
 * stored-value card — its principal and bonus taken off the card's balance, which can never go below zero (the
 * guarded update refuses, and the whole sale is undone). A return of such a sale pays back the way it was paid:
 * to the card its share of principal and bonus, the rest by the sale's other method. A void gives it all back.
 * A purchase from a file has no payment: a file does not say how it was paid.
 */
public final class StoredValuePayments implements PurchaseEffect {
    private final CardStore cards;
    private final PaymentStore payments;
    /** Who serves: the card's entries carry their staff id, like the purchase itself. */
    private final org.memberdesk.staff.StaffSession session;
    /**
     * Where it happens and whether the card works here: a payment's rows take the purchase's store, which in one
     * process is this computer's (the pipeline makes its purchases there; a file's purchases carry no payment).
     */
    private final StoreLimit storeLimit;

    public StoredValuePayments(CardStore cards, PaymentStore payments, org.memberdesk.staff.StaffSession session,
                               StoreLimit storeLimit) {
        this.storeLimit = storeLimit;
        this.cards = cards;
        this.payments = payments;
        this.session = session;
    }

    @Override
    public Step open(Connection connection) {
        return new Step() {
            private final List<Purchase> paid = new ArrayList<>();
            private final List<Purchase> returns = new ArrayList<>();

            @Override
            public void stored(Purchase purchase) {
                if (!purchase.isReturn() && purchase.payment() != null) {
                    paid.add(purchase);
                } else if (purchase.isReturn() && purchase.refundOf() != null) {
                    returns.add(purchase);
                }
            }

            @Override
            public void appended(Purchase purchase, List<PurchaseLine> added) {
                // only imports append lines, and a file records no payment
            }

            @Override
            public void voided(Purchase sale) throws SQLException {
                PaymentStore.SalePayment payment = payments.salePayment(connection, sale.id());
                if (payment != null && payment.cardId() != null) {
                    give(connection, payment.cardId(), sale, payment.principalCents(),
                            sale.discounts().storedValueBonusCents(), "payment-back");
                }
                cards.forgetPurchase(connection, sale.id(), sale.purchaseNo());
            }

            @Override
            public void flush() throws SQLException {
                for (Purchase sale : paid) {
                    pay(connection, sale);
                }
                Map<Long, Long> returnedInBatch = new HashMap<>();
                for (Purchase back : returns) {
                    payBack(connection, back, returnedInBatch);
                }
            }
        };
    }

    private void pay(Connection connection, Purchase sale) throws SQLException {
        Payment payment = sale.payment();
        long storeId = storeLimit.storeHere();
        if (payment.fromStoredValue()) {
            // a card limited to another store does not pay here: the whole sale is undone with the reason
            Card card = cards.byId(connection, payment.cardId()).orElseThrow();
            storeLimit.require(connection, card);
        }
        if (payment.otherCents() > 0) {
            payments.insertPayment(connection, sale.time(), sale.memberId(), "sale", payment.method(),
                    payment.otherCents(), sale.id(), null, storeId);
        }
        if (payment.fromStoredValue()) {
            payments.insertPayment(connection, sale.time(), sale.memberId(), "sale", PayMethod.STORED_VALUE,
                    payment.storedPrincipalCents(), sale.id(), payment.cardId(), storeId);
            boolean taken = cards.addEntry(connection, new CardStore.Entry(payment.cardId(), sale.time(), "payment",
                    -payment.storedPrincipalCents(), -payment.storedBonusCents(), 0, sale.id(), null, null,
                    session.staffId(), storeId));
            if (!taken) {
                throw new ValidationException(Problem.of("payment", "card.pay.short",
                        org.memberdesk.common.Money.formatYuan(
                                Math.addExact(payment.storedPrincipalCents(), payment.storedBonusCents()))));
            }
        }
    }

    /** A return of a sale paid at the counter pays back as it was paid; cumulative, so parts add up exactly. */
    private void payBack(Connection connection, Purchase back, Map<Long, Long> returnedInBatch) throws SQLException {
        PaymentStore.SalePayment payment = payments.salePayment(connection, back.refundOf());
        if (payment == null) {
            return;
        }
        long refund = -back.totalCents();
        long paid = Math.addExact(payment.otherCents(), payment.principalCents());
        long before = Math.addExact(payments.returnedOf(connection, back.refundOf()),
                returnedInBatch.getOrDefault(back.refundOf(), 0L));
        returnedInBatch.merge(back.refundOf(), refund, Math::addExact);
        long principalBack = 0;
        // a return pays back to the card wherever it is made: giving money back is never refused for the store
        long storeId = storeLimit.storeHere();
        if (payment.cardId() != null) {
            long bonus = saleBonus(connection, back.refundOf());
            long[] toCard = StoredValue.backToCard(paid, payment.principalCents(), bonus, before, refund);
            principalBack = toCard[0];
            payments.insertPayment(connection, back.time(), back.memberId(), "refund", PayMethod.STORED_VALUE,
                    -toCard[0], back.id(), payment.cardId(), storeId);
            cards.addEntry(connection, new CardStore.Entry(payment.cardId(), back.time(), "payment-back", toCard[0],
                    toCard[1], 0, back.id(), null, null, session.staffId(), storeId));
        }
        long otherBack = refund - principalBack;
        if (otherBack > 0) {
            payments.insertPayment(connection, back.time(), back.memberId(), "refund",
                    payment.method() == null ? PayMethod.CASH : payment.method(), -otherBack, back.id(), null,
                    storeId);
        }
    }

    private long saleBonus(Connection connection, long saleId) throws SQLException {
        return payments.saleBonus(connection, saleId);
    }

    private void give(Connection connection, long cardId, Purchase sale, long principal, long bonus, String kind)
            throws SQLException {
        cards.addEntry(connection, new CardStore.Entry(cardId, sale.time(), kind, principal, bonus, 0, null, null,
                "void " + sale.purchaseNo(), session.staffId(), storeLimit.storeHere()));
    }
}

package org.memberdesk.purchases;

/**
 * How a sale was paid: from a stored-value card first ({@code cardId}; the principal and bonus parts it takes),
 * the rest by {@code method}. The purchase's lines carry what was really paid (other + principal); the bonus part
 * is recorded beside the discounts. A purchase from a file has no payment (a file does not say how it was paid).
 *
 * @param method     how the part not from stored value was paid (null when stored value paid it all)
 * @param otherCents that part
 * @param cardId     the stored-value card paid from, or null
 */
public record Payment(PayMethod method, long otherCents, Long cardId, long storedPrincipalCents,
                      long storedBonusCents) {

    public Payment {
        if (otherCents < 0 || storedPrincipalCents < 0 || storedBonusCents < 0) {
            throw new IllegalArgumentException("a payment's parts are never negative");
        }
        if (method == PayMethod.STORED_VALUE) {
            throw new IllegalArgumentException("the other method cannot be stored value");
        }
        if ((cardId == null) != (storedPrincipalCents == 0 && storedBonusCents == 0) && cardId == null) {
            throw new IllegalArgumentException("stored value paid without a card");
        }
        if (otherCents > 0 && method == null) {
            throw new IllegalArgumentException("money paid without a method");
        }
    }

    /** Paid in full by one method that is not stored value. */
    public static Payment by(PayMethod method, long cents) {
        return new Payment(method, cents, null, 0, 0);
    }

    /** What the member really paid (cash or the like, plus stored-value principal): the purchase's total. */
    public long paidCents() {
        return Math.addExact(otherCents, storedPrincipalCents);
    }

    public boolean fromStoredValue() {
        return cardId != null;
    }
}

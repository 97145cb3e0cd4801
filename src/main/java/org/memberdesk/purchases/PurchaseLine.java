package org.memberdesk.purchases;

/**
 * One line of a purchase: what was bought, how many, and what the line came to (what was paid for it, after
 * discounts; negative on a return). On a return made at the counter {@code saleLineNo} is the line of the
 * sale it gives back (as numbered on the receipt, from 1); null otherwise.
 */
public record PurchaseLine(String item, int quantity, long amountCents, Integer saleLineNo) {

    public PurchaseLine(String item, int quantity, long amountCents) {
        this(item, quantity, amountCents, null);
    }
}

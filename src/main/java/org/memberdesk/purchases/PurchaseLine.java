package org.memberdesk.purchases;

/** One line of a purchase: what was bought, how many, and what the line came to (negative on a return). */
public record PurchaseLine(String item, int quantity, long amountCents) {
}

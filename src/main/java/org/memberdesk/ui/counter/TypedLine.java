package org.memberdesk.ui.counter;

import org.memberdesk.common.Money;
import org.memberdesk.purchases.PurchaseLine;

/**
 * The line being typed at the counter, read from its three fields: the line, or what is wrong with it (a bundle
 * key) and which field the keyboard should go back to.
 */
record TypedLine(PurchaseLine line, String problemKey, CounterViewModel.Focus focus) {

    static TypedLine read(String item, String quantity, String amount) {
        String name = item == null ? "" : item.strip();
        if (name.isEmpty()) {
            return refused("counter.item.missing", CounterViewModel.Focus.ITEM);
        }
        int count;
        try {
            count = Integer.parseInt(quantity == null || quantity.isBlank() ? "1" : quantity.strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            return refused("counter.quantity.invalid", CounterViewModel.Focus.ITEM);
        }
        long cents;
        try {
            cents = Money.parseYuan(amount);
        } catch (IllegalArgumentException e) {
            return refused("counter.amount.invalid", CounterViewModel.Focus.AMOUNT);
        }
        if (cents <= 0) {
            return refused("counter.amount.invalid", CounterViewModel.Focus.AMOUNT);
        }
        return new TypedLine(new PurchaseLine(name, count, cents), null, null);
    }

    /** The amount typed so far in cents, for the running total; 0 while it is not an amount. */
    static long cents(String amount) {
        try {
            return amount == null || amount.isBlank() ? 0 : Money.parseYuan(amount);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static TypedLine refused(String key, CounterViewModel.Focus focus) {
        return new TypedLine(null, key, focus);
    }
}

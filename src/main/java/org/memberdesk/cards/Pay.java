package org.memberdesk.cards;

import org.memberdesk.purchases.PayMethod;

/**
 * How the customer says they will pay: one method, or stored value first and the rest by {@code rest}
 * ({@code stored-value+cash} on the command line).
 */
public record Pay(PayMethod first, PayMethod rest) {
    public static final Pay CASH = new Pay(PayMethod.CASH, null);

    public Pay {
        if (first == null) {
            throw new IllegalArgumentException("a way to pay is needed");
        }
        if (rest != null && (first != PayMethod.STORED_VALUE || rest == PayMethod.STORED_VALUE)) {
            throw new IllegalArgumentException("only stored value can be split, and the rest is another method");
        }
    }

    /** {@code cash}, {@code stored-value}, {@code stored-value+wechat} …; null when the text names no way to pay. */
    public static Pay of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split("\\+", -1);
        PayMethod first = PayMethod.of(parts[0]);
        if (first == null || parts.length > 2) {
            return null;
        }
        if (parts.length == 1) {
            return new Pay(first, null);
        }
        PayMethod rest = PayMethod.of(parts[1]);
        if (first != PayMethod.STORED_VALUE || rest == null || rest == PayMethod.STORED_VALUE) {
            return null;
        }
        return new Pay(first, rest);
    }

    public boolean fromStoredValue() {
        return first == PayMethod.STORED_VALUE;
    }
}

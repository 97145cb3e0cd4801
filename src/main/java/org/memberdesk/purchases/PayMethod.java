package org.memberdesk.purchases;

import java.util.Locale;

/**
 * How money was paid or paid back. Stored value is money moved from a member's card, not money received, so it is
 * never part of the cash a shop took in.
 */
public enum PayMethod {
    CASH("cash"), WECHAT("wechat"), ALIPAY("alipay"), BANK_CARD("bank-card"), STORED_VALUE("stored-value");

    private final String code;

    PayMethod(String code) {
        this.code = code;
    }

    /** The word on the command line and in the database ({@code cash}, {@code stored-value}, …). */
    public String code() {
        return code;
    }

    /** The bundle key of its name as a cashier says it. */
    public String messageKey() {
        return "pay." + code;
    }

    /** The method a word names, or null when it names none. */
    public static PayMethod of(String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PayMethod method : values()) {
            if (method.code.equals(wanted)) {
                return method;
            }
        }
        return null;
    }
}

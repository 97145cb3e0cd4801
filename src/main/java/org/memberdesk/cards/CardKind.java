package org.memberdesk.cards;

import java.util.Locale;

/** What a card is: stored value (储值), a number of sessions (次卡), or a period pass (期限卡). */
public enum CardKind {
    STORED_VALUE("stored-value"), SESSIONS("sessions"), PERIOD("period");

    private final String code;

    CardKind(String code) {
        this.code = code;
    }

    /** The word on the command line and in the database. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return "card.kind." + code;
    }

    /** The kind a word names, or null. */
    public static CardKind of(String code) {
        if (code == null) {
            return null;
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CardKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return kind;
            }
        }
        return null;
    }
}

package org.memberdesk.tiers;

import java.util.Locale;

/** What tiers are measured on: spend or points earned within a rolling window, and the protection after an upgrade. */
public record TierProgram(Basis basis, int windowMonths, int protectionMonths) {

    public enum Basis {
        /** net spend (sales minus returns) in cents */
        SPEND,
        /** points earned (purchases and bonuses, minus points taken back by returns) */
        POINTS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Basis fromCode(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }
}

package org.memberdesk.ui.cards;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A time as the shop writes it on the cards screens: {@code 2026-11-26 18:00}. */
final class IsoTimes {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private IsoTimes() {
    }

    static String text(LocalDateTime time) {
        return time == null ? "" : MINUTES.format(time);
    }
}

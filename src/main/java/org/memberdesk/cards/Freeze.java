package org.memberdesk.cards;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A freeze (请假): the card paused from {@code from} for {@code days} days; ended early when {@code endedAt} is set. */
public record Freeze(long id, LocalDate from, int days, String reason, LocalDateTime createdAt,
                     LocalDateTime endedAt) {

    public LocalDate lastDay() {
        return from.plusDays(days - 1L);
    }
}

package org.memberdesk.staff;

import java.time.LocalDate;

/** What the log screen and {@code audit} ask for; null fields do not filter. */
public record LogFilter(LocalDate from, LocalDate to, String staffName, String action, Long memberId) {
    public static final LogFilter ALL = new LogFilter(null, null, null, null, null);
}

package org.memberdesk.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A span of whole days, both ends included, in the shop's local time. Purchase times are text
 * {@code YYYY-MM-DD HH:MM:SS}, so "on a day of the period" is {@code time >= from AND time < to+1}
 * compared as text, which the index on purchases(time) answers directly.
 */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period of(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    /** Number of days, both ends counted. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length that ends the day before this one starts. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** Lower bound for purchase times (inclusive), as stored text. */
    String firstTime() {
        return from.toString();
    }

    /** Upper bound for purchase times (exclusive): the day after {@code to}; "2026-02-01" sorts after every time on 01-31. */
    String endTime() {
        return to.plusDays(1).toString();
    }

    @Override
    public String toString() {
        return from + " … " + to;
    }
}

package org.memberdesk.coupons;

import java.time.LocalDate;

/**
 * When a coupon can be used: fixed dates ({@code from}..{@code to}, both inclusive; a missing
 * {@code from} means "from the day of issue") or {@code days} days from the day of issue, the day of
 * issue being the first.
 */
public record Validity(LocalDate from, LocalDate to, Integer days) {

    public Validity {
        if ((to == null) == (days == null)) {
            throw new IllegalArgumentException("a validity is either fixed dates or a number of days");
        }
        if (days != null && days < 1) {
            throw new IllegalArgumentException("valid days must be at least 1");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("valid-to " + to + " is before valid-from " + from);
        }
    }

    public static Validity days(int days) {
        return new Validity(null, null, days);
    }

    public static Validity fixed(LocalDate from, LocalDate to) {
        return new Validity(from, to, null);
    }

    /** The first day a coupon issued on {@code issued} is good for. */
    public LocalDate firstDay(LocalDate issued) {
        return from != null && from.isAfter(issued) ? from : issued;
    }

    /** The last day (inclusive) a coupon issued on {@code issued} is good for: 30 days → issued + 29. */
    public LocalDate lastDay(LocalDate issued) {
        return days != null ? issued.plusDays(days - 1L) : to;
    }
}

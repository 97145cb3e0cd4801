package org.memberdesk.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How a trend is bucketed: by day, by week (Monday to Sunday) or by calendar month. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    /** The first day of the bucket a day falls in. */
    public LocalDate bucketStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public LocalDate next(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }

    /** The natural bucket for a period: days up to two months, weeks up to a year, months beyond. */
    public static Granularity suiting(Period period) {
        if (period.days() <= 62) {
            return DAY;
        }
        return period.days() <= 366 ? WEEK : MONTH;
    }

    public static Granularity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("granularity must be day, week or month, not \"" + text + "\"");
        }
    }
}

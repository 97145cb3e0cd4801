package org.memberdesk.predictions;

import java.util.Locale;

/**
 * The unit the models count time in. The literature fits BG/NBD in weeks (CDNOW: "T = 31.0 weeks"); a day is
 * offered for shops whose members come back within days. Only the scale of α changes with it.
 */
public enum TimeUnit {
    WEEK(7), DAY(1);

    private final int days;

    TimeUnit(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** Days as this unit's (fractional) count: 216 days = 30.857 weeks. */
    public double of(double days) {
        return days / this.days;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "week" or "day"; anything else is refused. */
    public static TimeUnit parse(String text) {
        for (TimeUnit unit : values()) {
            if (unit.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unit: week or day, not " + text);
    }
}

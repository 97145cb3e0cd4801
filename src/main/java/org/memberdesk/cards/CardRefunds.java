package org.memberdesk.cards;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a refunded card gives back (退卡), from what was really paid for it, rounded down to the cent. Pure.
 */
public final class CardRefunds {
    private CardRefunds() {
    }

    /** A session card: paid × sessions left ÷ sessions sold. */
    public static long sessions(long paid, int left, int sold) {
        if (sold <= 0 || left < 0 || left > sold) {
            throw new IllegalArgumentException("sessions left " + left + " of " + sold);
        }
        return proportion(paid, left, sold);
    }

    /**
     * A pass refunded on {@code day}: paid × days left ÷ days, where the refund day itself counts as used, so days
     * left are the days after it up to and including {@code validTo} (all of them when it has not started yet), and
     * days are validFrom … validTo (a freeze's days included, since they were bought back by waiting).
     */
    public static long period(long paid, LocalDate validFrom, LocalDate validTo, LocalDate day) {
        long days = ChronoUnit.DAYS.between(validFrom, validTo) + 1;
        long left;
        if (day.isBefore(validFrom)) {
            left = days;
        } else {
            left = Math.max(0, ChronoUnit.DAYS.between(day, validTo));
        }
        return proportion(paid, left, days);
    }

    /** Days left of a pass on {@code day}, that day included (0 when ended). */
    public static long daysLeft(LocalDate validFrom, LocalDate validTo, LocalDate day) {
        LocalDate from = day.isBefore(validFrom) ? validFrom : day;
        return Math.max(0, ChronoUnit.DAYS.between(from, validTo) + 1);
    }

    /** ⌊a × b ÷ c⌋ in cents, exact: the product can pass 2^63 at the ceiling limits (10^10 × 10^10). */
    static long proportion(long paid, long part, long whole) {
        return BigInteger.valueOf(paid).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole))
                .longValueExact();
    }
}

package org.memberdesk.cards;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The arithmetic of stored value, in cents, no database. Principal (what the member paid in) and bonus (what the
 * shop added) are kept apart, because spend, revenue and points count only what was really paid, and a refund
 * returns principal only.
 */
public final class StoredValue {
    private StoredValue() {
    }

    /**
     * The bonus part of paying {@code payment} from a card holding {@code principal} + {@code bonus}: in proportion to
     * the balances, rounded down — {@code floor(payment × bonus ÷ (principal + bonus))}; the rest is principal. Both
     * parts fit the balances: bonus part ≤ bonus because payment ≤ principal + bonus, and payment − bonus part ≤
     * principal because ceil(payment × principal ÷ total) ≤ principal. Exact past 2^63 ({@link CardRefunds#proportion}).
     */
    public static long bonusPart(long payment, long principal, long bonus) {
        long total = Math.addExact(principal, bonus);
        if (payment < 0 || payment > total) {
            throw new IllegalArgumentException("payment " + payment + " is not within the balance " + total);
        }
        if (total == 0) {
            return 0;
        }
        return CardRefunds.proportion(payment, bonus, total);
    }

    /**
     * The bonus a free-amount top-up of {@code amount} gets from the ladder (step amount → bonus): the bonus of the
     * highest step the amount reaches, not a sum of steps; 0 below the first step.
     */
    public static long topupBonus(long amount, Map<Long, Long> steps) {
        NavigableMap<Long, Long> ladder = new TreeMap<>(steps);
        Map.Entry<Long, Long> step = ladder.floorEntry(amount);
        return step == null ? 0 : step.getValue();
    }

    /**
     * What goes back to the card when {@code refund} of a sale is returned, the sale having taken
     * {@code principal} and {@code bonus} from it out of {@code paid} (cash + principal): principal back in the same
     * proportion as it paid, and the bonus with it. Cumulative, so that returns in parts add up to exactly what the
     * sale took: the share of everything returned so far minus the share of what was returned before.
     *
     * @return {principal back, bonus back}
     */
    public static long[] backToCard(long paid, long principal, long bonus, long returnedBefore, long refund) {
        if (paid <= 0) {
            return new long[] {0, 0};
        }
        long after = Math.min(paid, Math.addExact(returnedBefore, refund));
        long before = Math.min(paid, returnedBefore);
        long principalBack = CardRefunds.proportion(principal, after, paid)
                - CardRefunds.proportion(principal, before, paid);
        long bonusBack = CardRefunds.proportion(bonus, after, paid) - CardRefunds.proportion(bonus, before, paid);
        return new long[] {principalBack, bonusBack};
    }
}

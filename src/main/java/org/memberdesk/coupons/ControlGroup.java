package org.memberdesk.coupons;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random hold-out of a campaign: {@code percent} % of the targeted members get no coupon, so
 * the campaign's effect can be told from what those members would have done anyway. The split is
 * a Fisher–Yates shuffle of the sorted member ids driven by the seed, so the same members, percent
 * and seed always give the same control group (and the seed is stored with the campaign).
 */
public final class ControlGroup {
    private ControlGroup() {
    }

    public record Split(long[] treatment, long[] control) {
    }

    /** The control group's size: {@code n × percent ÷ 100} rounded half up, in integer math. */
    public static int size(int targeted, int percent) {
        return (int) (((long) targeted * percent + 50) / 100);
    }

    public static Split split(long[] memberIds, int percent, long seed) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("control percent must be 0..100, not " + percent);
        }
        long[] shuffled = memberIds.clone();
        Arrays.sort(shuffled);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        int controlSize = size(shuffled.length, percent);
        long[] control = Arrays.copyOfRange(shuffled, 0, controlSize);
        long[] treatment = Arrays.copyOfRange(shuffled, controlSize, shuffled.length);
        Arrays.sort(control);
        Arrays.sort(treatment);
        return new Split(treatment, control);
    }
}

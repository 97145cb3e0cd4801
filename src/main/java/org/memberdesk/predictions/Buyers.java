package org.memberdesk.predictions;

import java.util.Arrays;

/**
 * The buyers the models see at an as-of date, as the literature summarises them (the BTYD / {@code lifetimes}
 * conventions): a member's purchases on one calendar day are one transaction; frequency x = transaction days − 1;
 * recency t_x = last − first transaction day; age T = as-of − first transaction day; monetary value = the mean of the
 * repeat days' totals (the first day excluded), in yuan. Days are kept whole; {@link TimeUnit} scales them.
 * Held as parallel arrays: a million buyers are a few arrays, and the likelihood passes over them hundreds of times.
 */
public final class Buyers {
    private final long[] memberIds;
    private final int[] frequency;
    private final int[] recencyDays;
    private final int[] ageDays;
    private final double[] monetary;
    private final int size;

    private Buyers(long[] memberIds, int[] frequency, int[] recencyDays, int[] ageDays, double[] monetary, int size) {
        this.memberIds = memberIds;
        this.frequency = frequency;
        this.recencyDays = recencyDays;
        this.ageDays = ageDays;
        this.monetary = monetary;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public long memberId(int i) {
        return memberIds[i];
    }

    public int frequency(int i) {
        return frequency[i];
    }

    public int recencyDays(int i) {
        return recencyDays[i];
    }

    public int ageDays(int i) {
        return ageDays[i];
    }

    /** Mean repeat-day total in yuan; 0 for a one-time buyer. */
    public double monetary(int i) {
        return monetary[i];
    }

    /** Members with at least one repeat transaction day (x &gt; 0). */
    public int repeatBuyers() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (frequency[i] > 0) {
                n++;
            }
        }
        return n;
    }

    /** How many buyers have x = 0, 1, …, top − 1 and x ≥ top (BTYD's calibration frequency histogram). */
    public long[] frequencyCounts(int top) {
        long[] counts = new long[top + 1];
        for (int i = 0; i < size; i++) {
            counts[Math.min(frequency[i], top)]++;
        }
        return counts;
    }

    /** Collects buyers one at a time, each from their transaction days in order. */
    public static final class Builder {
        private long[] memberIds = new long[1024];
        private int[] frequency = new int[1024];
        private int[] recencyDays = new int[1024];
        private int[] ageDays = new int[1024];
        private double[] monetary = new double[1024];
        private int size;

        /**
         * One buyer: {@code days} their distinct transaction days (epoch days, ascending, {@code count} of them),
         * {@code dayCents} each day's total; {@code asOfDay} the as-of date as an epoch day.
         */
        public void add(long memberId, long[] days, long[] dayCents, int count, long asOfDay) {
            if (count == 0) {
                return;
            }
            if (size == memberIds.length) {
                int grown = size * 2;
                memberIds = Arrays.copyOf(memberIds, grown);
                frequency = Arrays.copyOf(frequency, grown);
                recencyDays = Arrays.copyOf(recencyDays, grown);
                ageDays = Arrays.copyOf(ageDays, grown);
                monetary = Arrays.copyOf(monetary, grown);
            }
            long repeatCents = 0;
            for (int i = 1; i < count; i++) {
                repeatCents = Math.addExact(repeatCents, dayCents[i]);
            }
            memberIds[size] = memberId;
            frequency[size] = count - 1;
            recencyDays[size] = Math.toIntExact(days[count - 1] - days[0]);
            ageDays[size] = Math.toIntExact(asOfDay - days[0]);
            monetary[size] = count > 1 ? repeatCents / 100.0 / (count - 1) : 0;
            size++;
        }

        public Buyers build() {
            return new Buyers(memberIds, frequency, recencyDays, ageDays, monetary, size);
        }
    }
}

package org.memberdesk.predictions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * What a model expects of each buyer: P(alive), the purchases expected over the rule fields' 90 days and over the
 * CLV horizon, the spend per purchase and the CLV. Pure arithmetic. What depends only on a buyer's history (x, t_x,
 * T) is worked out once per distinct history — the one-time buyers, often half of a shop, have only as many as there
 * are first-purchase days — and each buyer then adds their own spend. Buyers are scored in parallel, each into its own
 * slot, and every value is a function of its inputs alone, so the result does not depend on how threads ran.
 */
final class Scoring {
    /** The rule field {@code expected_purchases_90d} looks this many days ahead. */
    static final int RULE_DAYS = 90;
    /** Buyers scored per part while the part before is stored. */
    static final int CHUNK = 50_000;
    /** A month of the CLV's discounting: a twelfth of a year. */
    static final double MONTH_DAYS = 365.25 / 12;

    private Scoring() {
    }

    /** What one history (x, t_x, T) gives: P(alive), purchases expected over the horizon (discounted) and 90 days. */
    private record History(double pAlive, double purchases, double discountedPurchases, double ruleDays) {
    }

    static List<MemberPrediction> score(Buyers buyers, BgNbd bgnbd, GammaGamma spend, TimeUnit unit,
                                        int horizonDays, double monthlyDiscount) {
        return score(buyers, 0, buyers.size(), new ConcurrentHashMap<>(), bgnbd, spend, unit, horizonDays,
                monthlyDiscount);
    }

    /** Buyers from … to (exclusive), sharing the histories worked out so far. */
    private static List<MemberPrediction> score(Buyers buyers, int from, int to, Map<Long, History> histories,
                                                BgNbd bgnbd, GammaGamma spend, TimeUnit unit, int horizonDays,
                                                double monthlyDiscount) {
        MemberPrediction[] out = new MemberPrediction[to - from];
        IntStream.range(from, to).parallel().forEach(i -> {
            long key = ((long) buyers.frequency(i) << 42) | ((long) buyers.recencyDays(i) << 21) | buyers.ageDays(i);
            History history = histories.computeIfAbsent(key, k -> history(buyers, i, bgnbd, unit, horizonDays,
                    monthlyDiscount, true));
            out[i - from] = prediction(buyers, i, spend, history, history.ruleDays());
        });
        return new ArrayList<>(List.of(out));
    }

    /**
     * The same scores, in order, as they are read: each part of {@link #CHUNK} buyers is worked out on the other
     * cores while the caller stores the part before (storing is SQLite's work on one core), so scoring costs
     * little more than the storing. Iterate once.
     */
    static Iterable<MemberPrediction> scoreWhileStoring(Buyers buyers, BgNbd bgnbd, GammaGamma spend, TimeUnit unit,
                                                        int horizonDays, double monthlyDiscount) {
        Map<Long, History> histories = new ConcurrentHashMap<>();
        return () -> new Iterator<>() {
            private int next = 0;
            private CompletableFuture<List<MemberPrediction>> ahead = part();
            private Iterator<MemberPrediction> current = Collections.emptyIterator();

            private CompletableFuture<List<MemberPrediction>> part() {
                if (next >= buyers.size()) {
                    return null;
                }
                int from = next;
                int to = Math.min(buyers.size(), from + CHUNK);
                next = to;
                return CompletableFuture.supplyAsync(() -> score(buyers, from, to, histories, bgnbd, spend, unit,
                        horizonDays, monthlyDiscount));
            }

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && ahead != null) {
                    List<MemberPrediction> done = ahead.join();
                    ahead = part();
                    current = done.iterator();
                }
                return current.hasNext();
            }

            @Override
            public MemberPrediction next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** One buyer over {@code horizonDays}: expected purchases over that horizon, spend and CLV. */
    static MemberPrediction one(Buyers buyers, int i, BgNbd bgnbd, GammaGamma spend, TimeUnit unit,
                                int horizonDays, double monthlyDiscount) {
        History history = history(buyers, i, bgnbd, unit, horizonDays, monthlyDiscount, false);
        return prediction(buyers, i, spend, history, history.purchases());
    }

    private static History history(Buyers buyers, int i, BgNbd bgnbd, TimeUnit unit, int horizonDays,
                                   double monthlyDiscount, boolean ruleDays) {
        int x = buyers.frequency(i);
        double tx = unit.of(buyers.recencyDays(i));
        double age = unit.of(buyers.ageDays(i));
        double expected = bgnbd.expectedTransactions(unit.of(horizonDays), x, tx, age);
        double discounted = expected;
        if (monthlyDiscount > 0) {
            // each month's expected purchases, discounted to today: Σ ΔE[X] / (1 + d)^k
            discounted = 0;
            double before = 0;
            int months = (int) Math.ceil(horizonDays / MONTH_DAYS);
            for (int k = 1; k <= months; k++) {
                double upTo = bgnbd.expectedTransactions(unit.of(Math.min(k * MONTH_DAYS, horizonDays)), x, tx, age);
                discounted += (upTo - before) / Math.pow(1 + monthlyDiscount, k);
                before = upTo;
            }
        }
        double ahead = ruleDays ? bgnbd.expectedTransactions(unit.of(RULE_DAYS), x, tx, age) : Double.NaN;
        return new History(bgnbd.pAlive(x, tx, age), expected, discounted, ahead);
    }

    private static MemberPrediction prediction(Buyers buyers, int i, GammaGamma spend, History history,
                                               double expectedPurchases) {
        Long spendCents = null;
        Long clvCents = null;
        if (spend != null) {
            double perPurchase = spend.expectedSpend(buyers.frequency(i), buyers.monetary(i));
            spendCents = cents(perPurchase);
            clvCents = cents(perPurchase * history.discountedPurchases());
        }
        return new MemberPrediction(buyers.memberId(i), buyers.frequency(i), buyers.recencyDays(i),
                buyers.ageDays(i), history.pAlive(), expectedPurchases, spendCents, clvCents);
    }

    /** Yuan to cents, half up; never below zero (rounding noise of a tiny expectation). */
    static long cents(double yuan) {
        if (!Double.isFinite(yuan) || yuan > Long.MAX_VALUE / 1000.0) {
            throw new ArithmeticException("a predicted amount out of range: " + yuan);
        }
        return Math.max(0, Math.round(yuan * 100));
    }
}

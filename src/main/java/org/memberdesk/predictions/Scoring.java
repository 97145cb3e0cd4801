package org.memberdesk.predictions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a model expects of each buyer: P(alive), the purchases expected over the rule fields' 90 days and over the
 * CLV horizon, the spend per purchase and the CLV. Pure arithmetic; the buyers are scored in parallel, each into
 * its own slot, so the result does not depend on the order threads run in.
 */
final class Scoring {
    /** The rule field {@code expected_purchases_90d} looks this many days ahead. */
    static final int RULE_DAYS = 90;
    /** A month of the CLV's discounting: a twelfth of a year. */
    static final double MONTH_DAYS = 365.25 / 12;

    private Scoring() {
    }

    static List<MemberPrediction> score(Buyers buyers, BgNbd bgnbd, GammaGamma spend, TimeUnit unit,
                                        int horizonDays, double monthlyDiscount) {
        MemberPrediction[] out = new MemberPrediction[buyers.size()];
        IntStream.range(0, buyers.size()).parallel().forEach(i -> {
            MemberPrediction clv = one(buyers, i, bgnbd, spend, unit, horizonDays, monthlyDiscount);
            double ahead = bgnbd.expectedTransactions(unit.of(RULE_DAYS), clv.frequency(),
                    unit.of(clv.recencyDays()), unit.of(clv.ageDays()));
            out[i] = new MemberPrediction(clv.memberId(), clv.frequency(), clv.recencyDays(), clv.ageDays(),
                    clv.pAlive(), ahead, clv.expectedSpendCents(), clv.clvCents());
        });
        return new ArrayList<>(List.of(out));
    }

    /** One buyer over {@code horizonDays}: expected purchases over that horizon, spend and CLV. */
    static MemberPrediction one(Buyers buyers, int i, BgNbd bgnbd, GammaGamma spend, TimeUnit unit,
                                int horizonDays, double monthlyDiscount) {
        int x = buyers.frequency(i);
        double tx = unit.of(buyers.recencyDays(i));
        double age = unit.of(buyers.ageDays(i));
        double expected = bgnbd.expectedTransactions(unit.of(horizonDays), x, tx, age);
        Long spendCents = null;
        Long clvCents = null;
        if (spend != null) {
            double perPurchase = spend.expectedSpend(x, buyers.monetary(i));
            spendCents = cents(perPurchase);
            double purchases = expected;
            if (monthlyDiscount > 0) {
                // each month's expected purchases, discounted to today: Σ ΔE[X] / (1 + d)^k
                purchases = 0;
                double before = 0;
                int months = (int) Math.ceil(horizonDays / MONTH_DAYS);
                for (int k = 1; k <= months; k++) {
                    double upTo = bgnbd.expectedTransactions(unit.of(Math.min(k * MONTH_DAYS, horizonDays)), x, tx,
                            age);
                    purchases += (upTo - before) / Math.pow(1 + monthlyDiscount, k);
                    before = upTo;
                }
            }
            clvCents = cents(perPurchase * purchases);
        }
        return new MemberPrediction(buyers.memberId(i), x, buyers.recencyDays(i), buyers.ageDays(i),
                bgnbd.pAlive(x, tx, age), expected, spendCents, clvCents);
    }

    /** Yuan to cents, half up; never below zero (rounding noise of a tiny expectation). */
    static long cents(double yuan) {
        if (!Double.isFinite(yuan) || yuan > Long.MAX_VALUE / 1000.0) {
            throw new ArithmeticException("a predicted amount out of range: " + yuan);
        }
        return Math.max(0, Math.round(yuan * 100));
    }
}

package org.memberdesk.predictions;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.Map;

/**
 * The model-fit check BTYD draws: for x = 0, 1, …, 6 and 7+, the number of buyers with x repeat transaction days
 * at the model's date against the number the model predicts, Σ over buyers of P(X(T) = x) at each one's age T.
 * Bars side by side that agree mean the model describes the shop's buyers.
 */
public record FitCheck(long[] actual, double[] predicted) {
    /** x = 0 … TOP − 1, and TOP for "TOP or more". */
    public static final int TOP = 7;

    static FitCheck of(Buyers buyers, BgNbd model, TimeUnit unit) {
        long[] actual = buyers.frequencyCounts(TOP);
        // buyers of the same age share their probabilities: one evaluation per distinct age (in order: the sums do
        // not depend on a hash order)
        Map<Integer, Long> byAge = new TreeMap<>();
        for (int i = 0; i < buyers.size(); i++) {
            byAge.merge(buyers.ageDays(i), 1L, Long::sum);
        }
        double[] predicted = new double[TOP + 1];
        byAge.forEach((age, count) -> {
            double below = 0;
            for (int x = 0; x < TOP; x++) {
                double p = model.probabilityOfPurchases(x, unit.of(age));
                predicted[x] += count * p;
                below += p;
            }
            predicted[TOP] += count * Math.max(0, 1 - below);
        });
        return new FitCheck(actual, predicted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitCheck other && Arrays.equals(actual, other.actual)
                && Arrays.equals(predicted, other.predicted);
    }

    @Override
    public String toString() {
        return "FitCheck[actual=" + Arrays.toString(actual) + ", predicted=" + Arrays.toString(predicted) + "]";
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(actual) + Arrays.hashCode(predicted);
    }
}

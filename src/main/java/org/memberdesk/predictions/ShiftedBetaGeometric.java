package org.memberdesk.predictions;

import java.util.List;

/**
 * The shifted-beta-geometric model of renewals (Fader &amp; Hardie 2007, "How to project customer retention"): at
 * the end of each period a holder leaves with probability θ ~ Beta(α, β). From cohorts' survivors period by period
 * it fits α and β and projects the survival curve:
 * P(T = 1) = α / (α + β), P(T = t) = (β + t − 2) / (α + β + t − 1) · P(T = t − 1), S(t) = S(t − 1) − P(T = t).
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    /** Fitted parameters, the log-likelihood and how many evaluations it took. */
    public record Fit(ShiftedBetaGeometric model, double logLikelihood, int evaluations) {
    }

    /**
     * Maximum likelihood over cohorts, each the number of holders at the start of periods 0, 1, …, n (a
     * non-increasing series; cohorts may be observed for different numbers of periods), from (1, 1).
     * @throws PredictionRefused when there is nothing to fit (no cohort observed a period) or it does not converge
     * @throws IllegalArgumentException when a series grows or is negative
     */
    public static Fit fit(List<long[]> cohorts) {
        int periods = 0;
        for (long[] survivors : cohorts) {
            for (int t = 0; t < survivors.length; t++) {
                if (survivors[t] < 0 || (t > 0 && survivors[t] > survivors[t - 1])) {
                    throw new IllegalArgumentException("survivors never grow: " + java.util.Arrays.toString(survivors));
                }
            }
            if (survivors.length > 1 && survivors[0] > 0) {
                periods = Math.max(periods, survivors.length - 1);
            }
        }
        if (periods == 0) {
            throw new PredictionRefused("renewal.noHistory");
        }
        int longest = periods;
        MaximumLikelihood.Result result = MaximumLikelihood.fit(par -> {
            ShiftedBetaGeometric model = new ShiftedBetaGeometric(par[0], par[1]);
            double[] churn = model.churnProbabilities(longest);
            double[] survival = model.survival(longest);
            double sum = 0;
            for (long[] survivors : cohorts) {
                int n = survivors.length - 1;
                for (int t = 1; t <= n; t++) {
                    long left = survivors[t - 1] - survivors[t];
                    if (left > 0) {
                        sum += left * Math.log(churn[t]);
                    }
                }
                if (n > 0 && survivors[n] > 0) {
                    sum += survivors[n] * Math.log(survival[n]);
                }
            }
            return sum;
        }, new double[] {1, 1});
        double[] p = result.parameters();
        return new Fit(new ShiftedBetaGeometric(p[0], p[1]), result.logLikelihood(), result.evaluations());
    }

    /** One cohort. */
    public static Fit fit(long[] survivors) {
        return fit(List.of(survivors));
    }

    /** P(T = t) for t = 1 … periods (index 0 unused). */
    double[] churnProbabilities(int periods) {
        double[] p = new double[periods + 1];
        for (int t = 1; t <= periods; t++) {
            p[t] = t == 1 ? alpha / (alpha + beta) : p[t - 1] * (beta + t - 2) / (alpha + beta + t - 1);
        }
        return p;
    }

    /** S(t), the share of a cohort still holding at the start of period t, for t = 0 … periods. */
    public double[] survival(int periods) {
        double[] churn = churnProbabilities(periods);
        double[] s = new double[periods + 1];
        s[0] = 1;
        for (int t = 1; t <= periods; t++) {
            s[t] = s[t - 1] - churn[t];
        }
        return s;
    }

    /**
     * Expected holders of a cohort of {@code start} at the start of the {@code next} periods after the
     * {@code observed} ones: start · S(observed + 1), …, start · S(observed + next).
     */
    public double[] projected(double start, int observed, int next) {
        double[] s = survival(observed + next);
        double[] out = new double[next];
        for (int k = 0; k < next; k++) {
            out[k] = start * s[observed + 1 + k];
        }
        return out;
    }
}

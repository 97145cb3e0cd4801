package org.memberdesk.predictions;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.stream.IntStream;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005b, "RFM and CLV"; Fader &amp; Hardie's
 * note "The Gamma-Gamma model of monetary value"): a member's transaction values are Gamma(p, ν) around their own
 * mean, with ν ~ Gamma(q, v) across members. Fitted, as {@code lifetimes} does, on the repeat buyers whose mean
 * repeat value is above zero; values are in yuan.
 */
public record GammaGamma(double p, double q, double v) {
    /** Above this many spenders a sample of about {@link #SAMPLE_SIZE} finds the start of the fit. */
    private static final int SAMPLE_ABOVE = 100_000;
    private static final int SAMPLE_SIZE = 20_000;

    /** Fitted parameters, the log-likelihood at them, how many buyers it saw and how many evaluations it took. */
    public record Fit(GammaGamma model, double logLikelihood, int buyers, int evaluations) {
    }

    /**
     * Maximum likelihood from (1, 1, 1).
     * @throws PredictionRefused when it does not converge, or when q ≤ 1 (then the mean spend it implies is infinite)
     */
    public static Fit fit(Buyers buyers) {
        Spenders all = Spenders.of(buyers);
        double[] start = {1, 1, 1};
        boolean sampled = false;
        if (all.size > SAMPLE_ABOVE) {
            // many spenders: most of the search is done on every k-th one, so the full passes only polish
            Spenders sample = all.everyKth(all.size / SAMPLE_SIZE);
            start = MaximumLikelihood.fit(sample::logLikelihood, start).parameters();
            sampled = true;
        }
        MaximumLikelihood.Result result = sampled ? MaximumLikelihood.polish(all::logLikelihood, start, 0.05)
                : MaximumLikelihood.fit(all::logLikelihood, start);
        double[] p = result.parameters();
        if (p[1] <= 1) {
            throw new PredictionRefused("predict.spendUnbounded");
        }
        return new Fit(new GammaGamma(p[0], p[1], p[2]), result.logLikelihood(), all.size, result.evaluations());
    }

    /** E[M | x, m̄]: the spend per transaction expected of a member with x repeat days averaging m̄ yuan. */
    public double expectedSpend(int x, double mean) {
        return p * (v + x * mean) / (p * x + q - 1);
    }

    /**
     * The repeat buyers with a mean above zero: x and m̄ each. What does not depend on the parameters is summed once:
     * per distinct x the number of buyers and Σ ln m̄; the ln Γ terms are then taken once per distinct x, and only
     * ln(x m̄ + v) once per buyer.
     */
    private static final class Spenders {
        /** The per-buyer pass is split into this many parts, run on the machine's cores and added in a fixed order. */
        private static final int CHUNKS = 16;
        private final int[] x;
        private final double[] m;
        private final int size;
        private final long[] buyersWithX;
        private final double[] sumLogM;

        private Spenders(int[] x, double[] m, int size) {
            this.x = x;
            this.m = m;
            this.size = size;
            int mostX = 0;
            for (int i = 0; i < size; i++) {
                mostX = Math.max(mostX, x[i]);
            }
            this.buyersWithX = new long[mostX + 1];
            this.sumLogM = new double[mostX + 1];
            for (int i = 0; i < size; i++) {
                buyersWithX[x[i]]++;
                sumLogM[x[i]] += Math.log(m[i]);
            }
        }

        static Spenders of(Buyers buyers) {
            int n = 0;
            int[] x = new int[buyers.size()];
            double[] m = new double[buyers.size()];
            for (int i = 0; i < buyers.size(); i++) {
                if (buyers.frequency(i) > 0 && buyers.monetary(i) > 0) {
                    x[n] = buyers.frequency(i);
                    m[n] = buyers.monetary(i);
                    n++;
                }
            }
            return new Spenders(x, m, n);
        }

        /** Every k-th spender: a deterministic sample for a warm start. */
        Spenders everyKth(int k) {
            int n = (size + k - 1) / k;
            int[] sx = new int[n];
            double[] sm = new double[n];
            for (int i = 0, j = 0; i < size; i += k, j++) {
                sx[j] = x[i];
                sm[j] = m[i];
            }
            return new Spenders(sx, sm, n);
        }

        double logLikelihood(double[] parameters) {
            double p = parameters[0];
            double q = parameters[1];
            double v = parameters[2];
            double sum = 0;
            for (int k = 1; k < buyersWithX.length; k++) {
                if (buyersWithX[k] == 0) {
                    continue;
                }
                double px = p * k;
                // ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + px ln x, and (px − 1) Σ ln m̄, for the buyers with x = k
                sum += buyersWithX[k] * (logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(v)
                        + px * Math.log(k)) + (px - 1) * sumLogM[k];
            }
            double[] partial = new double[CHUNKS];
            IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
                int from = (int) ((long) size * chunk / CHUNKS);
                int to = (int) ((long) size * (chunk + 1) / CHUNKS);
                double part = 0;
                for (int i = from; i < to; i++) {
                    part -= (p * x[i] + q) * Math.log(x[i] * m[i] + v);
                }
                partial[chunk] = part;
            });
            for (double part : partial) {
                sum += part;
            }
            return sum;
        }
    }
}

package org.memberdesk.predictions;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Beta;

/**
 * The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while active a member
 * buys at a Poisson rate λ ~ Gamma(r, α); after each transaction they drop out with probability p ~ Beta(a, b).
 * Times are in the fit's unit (weeks by default). The formulas are the paper's equations (6), (10) and (11) and
 * the {@code lifetimes} package's forms of them.
 */
public record BgNbd(double r, double alpha, double a, double b) {
    /** Above this many distinct histories a sample of about {@link #SAMPLE_SIZE} finds the start of the fit. */
    private static final int SAMPLE_ABOVE = 100_000;
    private static final int SAMPLE_SIZE = 20_000;

    /** Fitted parameters, the log-likelihood at them and how many likelihood evaluations the fit took. */
    public record Fit(BgNbd model, double logLikelihood, int evaluations) {
    }

    /**
     * Maximum likelihood over the buyers, from (1, 1, 1, 1) as BTYD starts.
     * @throws PredictionRefused when it does not converge
     */
    public static Fit fit(Buyers buyers, TimeUnit unit) {
        Groups groups = Groups.of(buyers);
        double[] start = {1, 1, 1, 1};
        boolean sampled = false;
        if (groups.size > SAMPLE_ABOVE) {
            // many buyers: most of the search is done on every k-th history, so the full passes only polish
            Groups sample = groups.everyKth(groups.size / SAMPLE_SIZE);
            start = MaximumLikelihood.fit(p -> sample.logLikelihood(new BgNbd(p[0], p[1], p[2], p[3]), unit), start)
                    .parameters();
            sampled = true;
        }
        java.util.function.ToDoubleFunction<double[]> likelihood =
                p -> groups.logLikelihood(new BgNbd(p[0], p[1], p[2], p[3]), unit);
        MaximumLikelihood.Result result = sampled ? MaximumLikelihood.polish(likelihood, start, 0.05)
                : MaximumLikelihood.fit(likelihood, start);
        double[] p = result.parameters();
        return new Fit(new BgNbd(p[0], p[1], p[2], p[3]), result.logLikelihood(), result.evaluations());
    }

    /** The log-likelihood of these parameters over the buyers (the paper's equation 6, summed). */
    public double logLikelihood(Buyers buyers, TimeUnit unit) {
        return Groups.of(buyers).logLikelihood(this, unit);
    }

    /** P(alive | x, t_x, T): 1 for a member without a repeat transaction, by the model's construction. */
    public double pAlive(int x, double tx, double T) {
        if (x == 0) {
            return 1;
        }
        double d = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
        return 1 / (1 + Math.exp(d));
    }

    /** E[X(t) | x, t_x, T]: transactions expected in the next t units of a member with this history (eq. 10). */
    public double expectedTransactions(double t, int x, double tx, double T) {
        if (t <= 0) {
            return 0;
        }
        double first = (a + b + x - 1) / (a - 1);
        double logF = Hypergeometric.logF21(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
        double second = 1 - Math.exp(logF + (r + x) * (Math.log(alpha + T) - Math.log(alpha + T + t)));
        double denominator = 1;
        if (x > 0) {
            denominator += a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
        }
        return first * second / denominator;
    }

    /** E[X(t)]: transactions a new member is expected to make in their first t units (eq. 9). */
    public double expectedTransactions(double t) {
        if (t <= 0) {
            return 0;
        }
        double logF = Hypergeometric.logF21(r, b, a + b - 1, t / (alpha + t));
        return (a + b - 1) / (a - 1) * (1 - Math.exp(logF + r * (Math.log(alpha) - Math.log(alpha + t))));
    }

    /**
     * P(X(t) = x): the probability that a new member makes exactly x transactions in their first t units (eq. 8).
     * Summed over the buyers' ages T for x = 0 … 6 and 7+ it is the model's side of BTYD's calibration check.
     */
    public double probabilityOfPurchases(int x, double t) {
        double logBeta = Beta.logBeta(a, b);
        double logRatio = Math.log(alpha) - Math.log(alpha + t);
        double logShare = Math.log(t) - Math.log(alpha + t);
        double first = Math.exp(Beta.logBeta(a, b + x) - logBeta + logGamma(r + x) - logGamma(r) - logGamma(x + 1.0)
                + r * logRatio + (x == 0 ? 0 : x * logShare));
        if (x == 0) {
            return first;
        }
        double partial = 0;
        for (int j = 0; j < x; j++) {
            partial += Math.exp(logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + (j == 0 ? 0 : j * logShare));
        }
        return first + Math.exp(Beta.logBeta(a + 1, b + x - 1) - logBeta) * (1 - Math.exp(r * logRatio) * partial);
    }

    /**
     * Buyers with the same (x, t_x, T) in days have the same likelihood: counted once with their number. A
     * likelihood evaluation then costs one pass over the distinct histories, with the logarithms that depend only
     * on x or on a day count taken from small tables.
     */
    static final class Groups {
        /** The pass is split into this many parts, run on the machine's cores and added in a fixed order. */
        private static final int CHUNKS = 16;
        private final int[] x;
        private final int[] recency;
        private final int[] age;
        private final long[] count;
        private final int size;
        private final int mostX;
        private final int mostDay;

        private Groups(int[] x, int[] recency, int[] age, long[] count, int size) {
            this.x = x;
            this.recency = recency;
            this.age = age;
            this.count = count;
            this.size = size;
            this.mostX = Arrays.stream(x, 0, size).max().orElse(0);
            this.mostDay = Arrays.stream(age, 0, size).max().orElse(0);
        }

        /** How many distinct histories. */
        int size() {
            return size;
        }

        /** Every k-th history, with its count: a deterministic sample for a warm start. */
        Groups everyKth(int k) {
            int n = (size + k - 1) / k;
            int[] sx = new int[n];
            int[] sr = new int[n];
            int[] sa = new int[n];
            long[] sc = new long[n];
            for (int i = 0, j = 0; i < size; i += k, j++) {
                sx[j] = x[i];
                sr[j] = recency[i];
                sa[j] = age[i];
                sc[j] = count[i];
            }
            return new Groups(sx, sr, sa, sc, n);
        }

        static Groups of(Buyers buyers) {
            int n = buyers.size();
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                // x, t_x and T in 21 bits each: 2 million transaction days or days of age, beyond any shop
                keys[i] = ((long) buyers.frequency(i) << 42) | ((long) buyers.recencyDays(i) << 21) | buyers.ageDays(i);
            }
            Arrays.sort(keys);
            int[] x = new int[n];
            int[] recency = new int[n];
            int[] age = new int[n];
            long[] count = new long[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (size > 0 && i > 0 && keys[i] == keys[i - 1]) {
                    count[size - 1]++;
                    continue;
                }
                x[size] = (int) (keys[i] >>> 42);
                recency[size] = (int) ((keys[i] >>> 21) & 0x1FFFFF);
                age[size] = (int) (keys[i] & 0x1FFFFF);
                count[size] = 1;
                size++;
            }
            return new Groups(x, recency, age, count, size);
        }

        double logLikelihood(BgNbd m, TimeUnit unit) {
            double r = m.r;
            double alpha = m.alpha;
            double a = m.a;
            double b = m.b;
            // per x: ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x), and ln a − ln(b+x−1)
            double constant = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
            double[] byX = new double[mostX + 1];
            double[] dropX = new double[mostX + 1];
            for (int k = 0; k <= mostX; k++) {
                byX[k] = constant + logGamma(r + k) + logGamma(b + k) - logGamma(a + b + k);
                dropX[k] = k > 0 ? Math.log(a) - Math.log(b + k - 1) : 0;
            }
            double[] logAlphaPlus = new double[mostDay + 1];
            for (int d = 0; d <= mostDay; d++) {
                logAlphaPlus[d] = Math.log(alpha + unit.of(d));
            }
            // in fixed chunks summed in order, so the result does not depend on how the threads ran
            double[] partial = new double[CHUNKS];
            IntStream.range(0, CHUNKS).parallel().forEach(chunk -> {
                int from = (int) ((long) size * chunk / CHUNKS);
                int to = (int) ((long) size * (chunk + 1) / CHUNKS);
                double sum = 0;
                for (int i = from; i < to; i++) {
                    int k = x[i];
                    double lnT = logAlphaPlus[age[i]];
                    // ln(A3 + A4), A3 = −(r+x) ln(α+T), A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x) when x > 0
                    double value = byX[k] - (r + k) * lnT;
                    if (k > 0) {
                        double d = dropX[k] + (r + k) * (lnT - logAlphaPlus[recency[i]]);
                        value += d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
                    }
                    sum += count[i] * value;
                }
                partial[chunk] = sum;
            });
            double sum = 0;
            for (double part : partial) {
                sum += part;
            }
            return sum;
        }
    }
}

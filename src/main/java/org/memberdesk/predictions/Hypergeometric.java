package org.memberdesk.predictions;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for the BG/NBD expectations. Apache Commons Math (our numerics
 * library) has no ₂F₁, and no well-kept Java library does; the BG/NBD only needs it for positive a, b, c and
 * 0 ≤ z &lt; 1, where its defining series has positive terms (no cancellation) and converges geometrically, so the
 * plain series summed to full double precision is exact enough (the CDNOW checks pass to 7 digits).
 * It is returned as a logarithm: for a frequent buyer it is about (1 − z)^−x, far beyond a double, while the
 * BG/NBD multiplies it by a power as small.
 */
final class Hypergeometric {
    /** Enough for z up to 0.9999 (the term ratio tends to z); beyond that the caller's horizon is absurd. */
    private static final int MOST_TERMS = 1_000_000;
    private static final double RESCALE = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE);

    private Hypergeometric() {
    }

    /** ln ₂F₁(a, b; c; z). */
    static double logF21(double a, double b, double c, double z) {
        if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 needs a, b, c > 0 and 0 <= z < 1: " + a + ", " + b + ", " + c
                    + ", " + z);
        }
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int n = 0; n < MOST_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            // the terms grow before they shrink: stop only once they shrink and no longer change the sum
            if (next == sum && (a + n) * (b + n) * z < (c + n) * (n + 1)) {
                return logScale + Math.log(sum);
            }
            sum = next;
            if (sum > RESCALE) {
                sum /= RESCALE;
                term /= RESCALE;
                logScale += LOG_RESCALE;
            }
        }
        throw new ArithmeticException("2F1 did not converge for z = " + z);
    }
}

package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Buyers drawn from the models themselves with known parameters, many enough (150,000) that the fits take their
 * large-shop path (a warm start on a sample, then polishing on everyone): the fits must find the parameters again,
 * and the maximum they report must be at least the likelihood of the true parameters.
 */
class SimulatedBuyersTest {
    private static final BgNbd TRUE_BGNBD = new BgNbd(0.6, 40, 0.8, 2.5);
    private static final GammaGamma TRUE_SPEND = new GammaGamma(4, 5, 300);
    private static final int BUYERS = 150_000;
    private static Buyers buyers;

    @BeforeAll
    static void simulate() {
        RandomGenerator random = new MersenneTwister(20);
        GammaDistribution rates = new GammaDistribution(random, TRUE_BGNBD.r(), 1 / TRUE_BGNBD.alpha());
        BetaDistribution dropouts = new BetaDistribution(random, TRUE_BGNBD.a(), TRUE_BGNBD.b());
        GammaDistribution scales = new GammaDistribution(random, TRUE_SPEND.q(), 1 / TRUE_SPEND.v());
        Buyers.Builder builder = new Buyers.Builder();
        long[] days = new long[4096];
        long[] cents = new long[4096];
        for (int member = 0; member < BUYERS; member++) {
            double rate = rates.sample();
            double dropout = dropouts.sample();
            double nu = scales.sample();
            GammaDistribution spend = new GammaDistribution(random, TRUE_SPEND.p(), 1 / nu);
            int age = 70 + random.nextInt(631);
            // the first purchase on day 0; after each repeat purchase gone with probability p (the first one is where
            // the customer's count starts: BG/NBD has no drop-out there); the next one after Exp(λ)
            int count = 0;
            double time = 0;
            boolean first = true;
            while (true) {
                long day = (long) time;
                long value = Math.max(1, Math.round(spend.sample() * 100));
                if (count > 0 && days[count - 1] == day) {
                    cents[count - 1] += value;
                } else if (count < days.length) {
                    days[count] = day;
                    cents[count] = value;
                    count++;
                }
                if (!first && random.nextDouble() < dropout) {
                    break;
                }
                first = false;
                time += -Math.log(1 - random.nextDouble()) / rate;
                if (time >= age) {
                    break;
                }
            }
            builder.add(member, days, cents, count, age);
        }
        buyers = builder.build();
    }

    @Test
    void bgnbdFindsTheParametersAgain() {
        BgNbd.Fit fit = BgNbd.fit(buyers, TimeUnit.DAY);
        BgNbd found = fit.model();
        // within 10%: several purchases on one day count once, which the model does not know
        assertEquals(TRUE_BGNBD.r(), found.r(), 0.1 * TRUE_BGNBD.r(), found.toString());
        assertEquals(TRUE_BGNBD.alpha(), found.alpha(), 0.1 * TRUE_BGNBD.alpha(), found.toString());
        assertEquals(TRUE_BGNBD.a(), found.a(), 0.1 * TRUE_BGNBD.a(), found.toString());
        assertEquals(TRUE_BGNBD.b(), found.b(), 0.1 * TRUE_BGNBD.b(), found.toString());
        assertTrue(fit.logLikelihood() >= TRUE_BGNBD.logLikelihood(buyers, TimeUnit.DAY));
    }

    @Test
    void gammaGammaFindsTheParametersAgain() {
        GammaGamma.Fit fit = GammaGamma.fit(buyers);
        GammaGamma found = fit.model();
        assertTrue(fit.buyers() > 20_000, "enough spenders for the large-shop path: " + fit.buyers());
        // p and q/v trade off against each other; their means p·v/(q − 1) must agree closely
        double trueMean = TRUE_SPEND.p() * TRUE_SPEND.v() / (TRUE_SPEND.q() - 1);
        double foundMean = found.p() * found.v() / (found.q() - 1);
        assertEquals(trueMean, foundMean, 0.05 * trueMean, found.toString());
        assertEquals(TRUE_SPEND.p(), found.p(), 0.1 * TRUE_SPEND.p(), found.toString());
        assertEquals(TRUE_SPEND.q(), found.q(), 0.15 * TRUE_SPEND.q(), found.toString());
    }

    @Test
    void sameBuyersSameFit() {
        // fixed chunks added in a fixed order: the result does not depend on how threads ran
        assertEquals(BgNbd.fit(buyers, TimeUnit.DAY), BgNbd.fit(buyers, TimeUnit.DAY));
        assertTrue(Arrays.stream(buyers.frequencyCounts(7)).sum() == BUYERS);
    }
}

package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gamma-Gamma on CDNOW's 946 calibration repeat buyers: p = 6.25, q = 3.74, v = 15.45 (lifetimes' documentation). */
class GammaGammaTest {

    @Test
    void fitGivesThePublishedParameters() {
        GammaGamma.Fit fit = GammaGamma.fit(Cdnow.buyers(Cdnow.CALIBRATION_END));
        assertEquals(946, fit.buyers());
        assertEquals(6.25, fit.model().p(), 0.01);
        assertEquals(3.74, fit.model().q(), 0.01);
        assertEquals(15.45, fit.model().v(), 0.01);
    }

    @Test
    void expectedSpendWeighsTheMembersOwnMeanAgainstThePopulations() {
        GammaGamma model = new GammaGamma(6, 4, 15);
        // x = 2, m̄ = 30: p(v + x m̄) / (p x + q − 1) = 6 × (15 + 60) / (12 + 3) = 450 / 15 = 30
        assertEquals(30.0, model.expectedSpend(2, 30), 1e-12);
        // a one-time buyer gets the population mean p v / (q − 1) = 90 / 3 = 30
        assertEquals(30.0, model.expectedSpend(0, 0), 1e-12);
        // x = 1, m̄ = 100: 6 × (15 + 100) / (6 + 3) = 690 / 9 = 76.667
        assertEquals(76.6667, model.expectedSpend(1, 100), 1e-4);
    }
}

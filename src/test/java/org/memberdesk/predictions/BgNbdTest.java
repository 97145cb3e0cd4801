package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * BG/NBD against the published CDNOW results (Fader, Hardie &amp; Lee 2005; BTYD's walkthrough; the figures are
 * listed in ../shared/data/README.md): calibration to 1997-09-30, unit week.
 */
class BgNbdTest {
    private static final Buyers CALIBRATION = Cdnow.buyers(Cdnow.CALIBRATION_END);
    /** BTYD's bgnbd.EstimateParameters on the same data. */
    private static final BgNbd BTYD = new BgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);

    @Test
    void summariesCountCalendarDaysAsTheLiteratureDoes() {
        assertEquals(2357, CALIBRATION.size());
        assertArrayEquals(new long[] {1411, 439, 214, 100, 62, 38, 29, 64}, CALIBRATION.frequencyCounts(7));
        assertEquals(946, CALIBRATION.repeatBuyers());
        int c1516 = indexOf(1516);
        assertEquals(26, CALIBRATION.frequency(c1516));
        // t_x = 216 days = 30.857 weeks, T = 217 days = 31.0 weeks
        assertEquals(216, CALIBRATION.recencyDays(c1516));
        assertEquals(217, CALIBRATION.ageDays(c1516));
    }

    @Test
    void fitGivesThePublishedParametersAndLikelihood() {
        BgNbd.Fit fit = BgNbd.fit(CALIBRATION, TimeUnit.WEEK);
        assertEquals(0.243, fit.model().r(), 0.001);
        assertEquals(4.414, fit.model().alpha(), 0.001);
        assertEquals(0.793, fit.model().a(), 0.001);
        assertEquals(2.426, fit.model().b(), 0.001);
        assertEquals(-9582.43, fit.logLikelihood(), 0.01);
    }

    @Test
    void likelihoodAtBtydsEstimatesIsBtydsOwn() {
        // bgnbd.cbs.LL at BTYD's estimates: −9582.429
        assertEquals(-9582.429, BTYD.logLikelihood(CALIBRATION, TimeUnit.WEEK), 0.001);
    }

    @Test
    void customer1516AtBtydsEstimates() {
        // x = 26, t_x = 30.857, T = 31.0 weeks: P(alive) 0.9688523, E[X(52) | history] 25.75659 (BTYD rounds t_x
        // to 30.85714 weeks, hence agreement to 1e-6 rather than to the printed 7 digits)
        double tx = 216 / 7.0;
        double age = 217 / 7.0;
        assertEquals(0.9688523, BTYD.pAlive(26, tx, age), 1e-6);
        // BTYD's own ₂F₁ series is truncated: mpmath's exact ₂F₁ at 30 digits gives 25.7565377465, which we match
        // to 1e-9; BTYD's printed 25.75659 (the 25.757) agrees to 1e-4
        assertEquals(25.7565377465, BTYD.expectedTransactions(52, 26, tx, age), 1e-9);
        assertEquals(25.757, BTYD.expectedTransactions(52, 26, tx, age), 1e-3);
    }

    @Test
    void aNewCustomerIn52Weeks() {
        // BTYD 1.444004; mpmath 1.444004801
        assertEquals(1.444004801, BTYD.expectedTransactions(52), 1e-9);
    }

    @Test
    void aOneTimeBuyerIsAliveByConstruction() {
        assertEquals(1.0, BTYD.pAlive(0, 0, 30), 0);
    }

    private static int indexOf(long memberId) {
        for (int i = 0; i < CALIBRATION.size(); i++) {
            if (CALIBRATION.memberId(i) == memberId) {
                return i;
            }
        }
        throw new AssertionError("no customer " + memberId);
    }
}

package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sBG on Fader &amp; Hardie (2007)'s example: survivors of 1,000 over 7 years. */
class ShiftedBetaGeometricTest {

    @Test
    void regularCustomers() {
        ShiftedBetaGeometric.Fit fit = ShiftedBetaGeometric.fit(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
        assertEquals(0.704, fit.model().alpha(), 0.001);
        assertEquals(1.182, fit.model().beta(), 0.001);
    }

    @Test
    void highEndCustomers() {
        ShiftedBetaGeometric.Fit fit = ShiftedBetaGeometric.fit(new long[] {1000, 869, 743, 653, 593, 551, 517, 491});
        assertEquals(0.668, fit.model().alpha(), 0.001);
        assertEquals(3.806, fit.model().beta(), 0.001);
    }

    @Test
    void survivalByHand() {
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(1, 1);
        // α = β = 1: P(T=1) = 1/2, P(T=2) = 1/2 · 1/3 = 1/6, P(T=3) = 1/6 · 2/4 = 1/12
        // S = 1, 1/2, 1/3, 1/4
        assertArrayEquals(new double[] {1, 0.5, 1.0 / 3, 0.25}, model.survival(3), 1e-12);
        // a cohort of 600 observed for 2 periods: next 2 → 600 · 1/4 = 150, 600 · 1/5 = 120
        assertArrayEquals(new double[] {150, 120}, model.projected(600, 2, 2), 1e-9);
    }

    @Test
    void cohortsOfDifferentLengthsFitTogether() {
        // the regular series cut into its own prefix twice more: the same α, β maximise each, so also the sum
        long[] full = {1000, 631, 468, 382, 326, 289, 262, 241};
        ShiftedBetaGeometric.Fit alone = ShiftedBetaGeometric.fit(full);
        ShiftedBetaGeometric.Fit together = ShiftedBetaGeometric.fit(List.of(full, new long[] {1000, 631, 468},
                new long[] {1000}));
        assertEquals(alone.model().alpha(), together.model().alpha(), 0.05);
        assertEquals(alone.model().beta(), together.model().beta(), 0.1);
    }

    @Test
    void aGrowingSeriesOrNoPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometric.fit(new long[] {100, 120}));
        assertThrows(PredictionRefused.class, () -> ShiftedBetaGeometric.fit(new long[] {100}));
    }
}

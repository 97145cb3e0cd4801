package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.Pay;
import org.memberdesk.BothEngines;

/**
 * The renewal forecast (sBG) of a 30-day pass from passes sold by hand, and of a series given by hand (Fader &amp;
 * Hardie 2007). Today is 2026-11-22. A 月卡 sold on day D with no valid pass runs D … D + 29; one sold while a pass
 * is valid starts the day after it ends.
 */
@BothEngines
class RenewalForecastTest {
    @TempDir
    Path folder;
    AppContext app;
    CardService cards;
    long month;
    long week;
    long sessions;
    int members;

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        cards = app.cards();
        month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null, 0, 0,
                true, false));
        week = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "周卡", 10_000, 0, null, 7, null, 0, 0,
                true, false));
        sessions = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "十次卡", 50_000, 0, 10, 90, null,
                0, 0, true, false));
    }

    /** A new member who buys {@code product} at each of the times. */
    long buyer(long product, LocalDateTime... times) {
        members++;
        long id = app.members().add(TestDatabase.member("R" + members, "会员" + members,
                "1390000" + String.format("%04d", members))).id();
        for (LocalDateTime time : times) {
            cards.sell(id, product, Pay.CASH, null, time);
        }
        return id;
    }

    /**
     * Cohort 1 (first bought 1 Aug … 30 Aug, the product's first window), 10 members, first pass 1–30 Aug:
     *   4 bought no more (their grace ended 29 Sep)                                           → 1 pass
     *     (one of them came back on 10 Nov, 72 days after the end: a comeback, not a renewal)
     *   2 renewed on 28 Aug (31 Aug – 29 Sep) and stopped (grace ended 29 Oct)                → 2 passes
     *   4 renewed on 28 Aug and 27 Sep (30 Sep – 29 Oct); the third's grace runs to 28 Nov    → 3 passes, open
     *   survivors known through period 2: [10, 6, 4]
     * Cohort 2 (31 Aug … 29 Sep), 5 members, first pass 10 Sep – 9 Oct:
     *   2 bought no more (grace ended 8 Nov); 3 renewed on 5 Oct (10 Oct – 8 Nov, grace to 8 Dec, open)
     *   survivors known through period 1: [5, 3]
     * Cohort 4 (29 Oct … 27 Nov): one member, pass 1–30 Nov, nothing known yet → left out.
     * A pass refunded is not held: its member is in no cohort. Passes of the 周卡 are another product's history.
     */
    void history() {
        for (int i = 0; i < 3; i++) {
            buyer(month, at(8, 1));
        }
        buyer(month, at(8, 1), at(11, 10));
        for (int i = 0; i < 2; i++) {
            buyer(month, at(8, 1), at(8, 28));
        }
        for (int i = 0; i < 4; i++) {
            buyer(month, at(8, 1), at(8, 28), at(9, 27));
        }
        for (int i = 0; i < 2; i++) {
            buyer(month, at(9, 10));
        }
        for (int i = 0; i < 3; i++) {
            buyer(month, at(9, 10), at(10, 5));
        }
        buyer(month, at(11, 1));
        long refunded = buyer(week);
        String card = cards.sell(refunded, month, Pay.CASH, null, at(8, 2)).card().cardNo();
        cards.refund(card, "搬家", null, "店长", at(8, 5));
        buyer(week, at(9, 1), at(9, 6), at(9, 12));
    }

    @Test
    void item3_aPassesCohortsAndSurvivorsAreCountedFromItsRenewalsAndFitted() {
        history();
        RenewalForecast forecast = app.predictions().renewalForecast(month);

        assertEquals(month, forecast.productId());
        assertEquals("月卡", forecast.product());
        assertEquals(2, forecast.cohorts().size());
        assertArrayEquals(new long[] {10, 6, 4}, forecast.cohorts().get(0));
        assertArrayEquals(new long[] {5, 3}, forecast.cohorts().get(1));
        // the projection's scale: the cohort observed for the most periods
        assertArrayEquals(new long[] {10, 6, 4}, forecast.survivors());
        assertEquals(2, forecast.periods());
        // Two hazards, two parameters: the fit is exact. Left after period 1: 6 of 15 → P(T=1) = α/(α+β) = 0.4;
        // left after period 2: 2 of the 6 of cohort 1 who renewed → P(T=2)/S(1) = 1/3.
        // P(T=2) = S(1) · 1/3 = 0.2 = P(T=1) · β/(α+β+1) = 0.4 · β/(α+β+1), so β/(α+β+1) = 1/2; with β = 1.5 α:
        // 1.5 α = (2.5 α + 1)/2 → α = 2, β = 3 (check: 2/5 = 0.4; 0.4 · 3/6 = 0.2 ✓)
        assertEquals(2.0, forecast.model().alpha(), 1e-3);
        assertEquals(3.0, forecast.model().beta(), 1e-3);
        // LL = 4 ln P1 + 2 ln P2 + 4 ln S2 (cohort 1) + 2 ln P1 + 3 ln S1 (cohort 2), P1 = .4, P2 = .2, S1 = .6, S2 = .4
        assertEquals(10 * Math.log(0.4) + 2 * Math.log(0.2) + 3 * Math.log(0.6), forecast.logLikelihood(), 1e-6);
        // S(t) = S(t−1) · (β + t − 1)/(α + β + t − 1): 1, 3/5, 2/5, 2/7, 3/14, 1/6, 2/15, 6/55
        assertArrayEquals(new double[] {1, 0.6, 0.4, 2.0 / 7, 3.0 / 14, 1.0 / 6, 2.0 / 15, 6.0 / 55},
                forecast.survival(), 1e-4);
        // 10 · S(3 … 7)
        assertArrayEquals(new double[] {20.0 / 7, 30.0 / 14, 10.0 / 6, 20.0 / 15, 60.0 / 55}, forecast.projected(),
                1e-3);
    }

    @Test
    void item3_everyPassWithHistoryIsForecastAndAFitThatDoesNotConvergeIsLeftOut() {
        history();
        // 周卡: one member, 1–7 Sep, renewed 6 Sep (8–14 Sep) and 12 Sep (15–21 Sep), then gone → [1, 1, 1, 0]:
        // nobody left until the last period, a rising hazard the sBG (whose hazard only falls) cannot fit
        assertEquals("renewal.notConverged", assertThrows(PredictionRefused.class,
                () -> app.predictions().renewalForecast(week)).problems().get(0).key());
        List<RenewalForecast> forecasts = app.predictions().renewalForecasts();
        assertEquals(List.of(month), forecasts.stream().map(RenewalForecast::productId).toList());
        assertArrayEquals(new long[] {10, 6, 4}, forecasts.get(0).survivors());
    }

    @Test
    void item3_noHistoryOrNotAPassIsRefusedWithItsReason() {
        // only a pass still running: nothing known for a whole period
        buyer(month, at(11, 1));
        assertEquals("renewal.noHistory", assertThrows(PredictionRefused.class,
                () -> app.predictions().renewalForecast(month)).problems().get(0).key());
        assertEquals("renewal.noHistory", assertThrows(PredictionRefused.class,
                () -> app.predictions().renewalForecast(week)).problems().get(0).key());
        assertEquals(List.of(), app.predictions().renewalForecasts());
        assertEquals("renewal.notAPass", assertThrows(PredictionRefused.class,
                () -> app.predictions().renewalForecast(sessions)).problems().get(0).key());
        assertEquals("renewal.notAPass", assertThrows(PredictionRefused.class,
                () -> app.predictions().renewalForecast(9_999)).problems().get(0).key());
    }

    @Test
    void item3_aSeriesGivenByHandIsFittedAsFaderAndHardiesRegularCustomers() {
        long[] regular = {1000, 631, 468, 382, 326, 289, 262, 241};
        RenewalForecast forecast = Predictions.renewalForecast(regular);
        assertNull(forecast.productId());
        assertEquals(0.704, forecast.model().alpha(), 0.001);
        assertEquals(1.182, forecast.model().beta(), 0.001);
        assertArrayEquals(regular, forecast.survivors());
        assertEquals(7, forecast.periods());
        assertEquals(13, forecast.survival().length);
        // S(8) by the recursion S(t) = S(t−1) · (β + t − 1)/(α + β + t − 1) at the fitted α, β; at the published
        // α = 0.704, β = 1.182 it is 0.2201 (1000 · S(8) = 220.1)
        double a = forecast.model().alpha();
        double b = forecast.model().beta();
        double s = 1;
        for (int t = 1; t <= 8; t++) {
            s *= (b + t - 1) / (a + b + t - 1);
        }
        assertEquals(1000 * s, forecast.projected()[0], 1e-9);
        assertEquals(220.1, forecast.projected()[0], 0.5);
        assertEquals(5, forecast.projected().length);
    }

    @Test
    void item3_aSeriesWithoutAWholePeriodIsRefusedAndAGrowingOneIsAnError() {
        // everyone left after the first period: P(T=1) = 1 needs β = 0, which no fit reaches
        assertEquals("renewal.notConverged", assertThrows(PredictionRefused.class,
                () -> Predictions.renewalForecast(new long[] {100, 0})).problems().get(0).key());
        assertThrows(PredictionRefused.class, () -> Predictions.renewalForecast(new long[] {100}));
        assertThrows(PredictionRefused.class, () -> Predictions.renewalForecast(new long[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Predictions.renewalForecast(new long[] {100, 120}));
        assertThrows(IllegalArgumentException.class, () -> Predictions.renewalForecast(new long[] {}));
    }
}

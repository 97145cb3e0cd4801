package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Period;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.Target;
import org.memberdesk.tags.Rule;
import org.memberdesk.BothEngines;

/**
 * Campaign targets and custom funnels take rules as text: a rule on the prediction fields means there what it
 * means in the segments screen (the CDNOW sample fitted at 1997-09-30, the latest model as of any later date).
 */
@BothEngines
class RulesOnPredictionsTest {
    @TempDir
    static Path folder;
    private static AppContext app;

    @BeforeAll
    static void fit() throws Exception {
        app = TestDatabase.open(folder);
        CdnowShop.fitted(app, folder);
    }

    @Test
    void finding4_aCampaignTargetedByPAliveTakesTheMembersTheRuleCounts() {
        long slipping = app.rules().count(Rule.parse("p_alive < 0.5 and purchases >= 2"), app.rules().today());
        assertTrue(slipping > 0);
        CampaignService.Preview preview = app.campaigns().preview(Target.parse("p_alive < 0.5 and purchases >= 2"),
                null, 10);
        assertEquals(slipping, preview.matched());
        // 10% held back as the control group: ⌊…⌋ or ⌈…⌉ of the matched, the rest get coupons
        assertEquals(slipping, preview.targeted());
        assertEquals(slipping, preview.treatment() + preview.control());
    }

    @Test
    void finding4_aFunnelStepOnPAliveKeepsTheMembersOfTheStepBeforeWhoMatch() {
        // everyone joined in 1997 and bought by the model's date; step 2 keeps the repeat buyers, step 3 those
        // of them still likely customers at the period's end (the model's date)
        Period period = new Period(LocalDate.of(1997, 1, 1), CdnowShop.CALIBRATION_END);
        Funnel funnel = app.analytics().custom(period, List.of("purchases >= 2", "p_alive >= 0.5"));
        assertEquals(2357, funnel.steps().get(0).count());
        long repeat = app.rules().count(Rule.parse("purchases >= 2"), CdnowShop.CALIBRATION_END);
        assertEquals(repeat, funnel.steps().get(1).count());
        long both = app.rules().count(Rule.parse("purchases >= 2 and p_alive >= 0.5"), CdnowShop.CALIBRATION_END);
        assertTrue(both > 0 && both < repeat, both + " of " + repeat);
        assertEquals(both, funnel.steps().get(2).count());
    }

    @Test
    void finding4_withNoModelYetACampaignOnPAliveFitsOneFirstInsteadOfTargetingNobody(@TempDir Path other)
            throws Exception {
        AppContext fresh = TestDatabase.open(other);
        CdnowShop.importInto(fresh, other);
        CampaignService.Preview preview = fresh.campaigns().preview(Target.parse("p_alive < 0.5"), null, 0);
        // the model fitted for it is today's (2026-11-22, the test clock): every CDNOW buyer, 1997-98
        PredictionModel fitted = fresh.predictions().forRules(fresh.rules().today()).orElseThrow();
        assertEquals(fresh.rules().today(), fitted.asOf());
        long slipping = fresh.rules().count(Rule.parse("p_alive < 0.5"), fresh.rules().today());
        assertTrue(slipping > 0);
        assertEquals(slipping, preview.matched());
    }

    @Test
    void finding4_withNoModelYetAFunnelStepOnPAliveCountsWithTheModelFittedForIt(@TempDir Path other)
            throws Exception {
        AppContext fresh = TestDatabase.open(other);
        CdnowShop.importInto(fresh, other);
        Period period = new Period(LocalDate.of(1997, 1, 1), CdnowShop.CALIBRATION_END);
        Funnel funnel = fresh.analytics().custom(period, List.of("p_alive < 0.5"));
        // fitted at the period's last day: the published CDNOW model
        assertEquals(0.243, fresh.predictions().model(CdnowShop.CALIBRATION_END, TimeUnit.WEEK).orElseThrow()
                .bgnbd().r(), 0.001);
        long slipping = fresh.rules().count(Rule.parse("p_alive < 0.5"), CdnowShop.CALIBRATION_END);
        assertTrue(slipping > 0);
        assertEquals(slipping, funnel.steps().get(1).count());
    }

    @Test
    void finding4_aCampaignOnPAliveInASmallShopIsRefusedWithTheReason(@TempDir Path other) {
        AppContext small = TestDatabase.open(other);
        PredictionRefused refused = org.junit.jupiter.api.Assertions.assertThrows(PredictionRefused.class,
                () -> small.campaigns().preview(Target.parse("p_alive < 0.5"), null, 0));
        assertEquals("predict.tooFewRepeatBuyers", refused.problems().get(0).key());
    }
}

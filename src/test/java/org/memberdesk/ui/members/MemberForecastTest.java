package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.predictions.CdnowShop;
import org.memberdesk.predictions.MemberPrediction;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/**
 * The member pane's prediction line, through its view model on the CDNOW sample fitted at 1997-09-30 (the latest
 * model as of the test's today, 2026-03-15).
 */
class MemberForecastTest {
    @TempDir
    static Path folder;
    private static UiContext context;
    private static PredictionModel model;

    @BeforeAll
    static void fit() throws Exception {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        model = CdnowShop.fitted(context.app(), folder);
    }

    private static String line(String memberNo) {
        long id = context.app().members().byNumber(memberNo).orElseThrow().id();
        MemberDetailViewModel detail = MembersScreen.detailModel(context);
        detail.show(id);
        return detail.forecastText();
    }

    @Test
    void finding4_aRepeatBuyerShowsTheChanceTheyAreStillACustomerAndTheirValue() {
        long id = context.app().members().byNumber("C1516").orElseThrow().id();
        MemberPrediction stored = context.app().predictions().storedScore(model, id).orElseThrow();
        // P(alive) 0.9688 → 97%; the stored CLV over 365 days in whole yuan, half up
        assertEquals(0.9688, stored.pAlive(), 1e-4);
        String worth = MemberForecast.yuan(stored.clvCents());
        assertEquals(String.format(java.util.Locale.ROOT, "¥%,d", Math.round(stored.clvCents() / 100.0)), worth);
        assertEquals("Still a customer: 97% · worth " + worth + " over the next year (model of 1997-09-30)",
                line("C1516"));
        // ≈ 25.8 purchases in the next year (BTYD's 25.757 over 52 weeks) × ≈ ¥40 expected per purchase
        assertEquals("¥1,030", worth);
        assertEquals(40.0, stored.expectedSpendCents() / 100.0, 1.0);
    }

    @Test
    void finding4_aOneTimeBuyerIsTooEarlyToTellNotAHundredPercent() {
        long id = context.app().members().byNumber("C0003").orElseThrow().id();
        MemberPrediction stored = context.app().predictions().storedScore(model, id).orElseThrow();
        // the model's P(alive) of a one-time buyer is 1 by construction
        assertEquals(1.0, stored.pAlive());
        assertEquals("Bought once: too early to tell · worth " + MemberForecast.yuan(stored.clvCents())
                + " over the next year (model of 1997-09-30)", line("C0003"));
    }

    @Test
    void finding4_aMemberWhoHadNotBoughtByTheModelsDateHasNoPrediction() {
        // joined and bought in 2026, long after the model's date
        long id = context.app().members().add(new MemberDetails(null, "王芳", null, null, null,
                LocalDate.of(2026, 1, 1), null, null, null, Map.of())).id();
        context.app().purchases().record(new PurchaseDraft(null, id, LocalDateTime.of(2026, 3, 1, 10, 0),
                List.of(new PurchaseLine("门票", 1, 8_800)), null), false);
        MemberDetailViewModel detail = MembersScreen.detailModel(context);
        detail.show(id);
        assertEquals("No prediction: had not bought by 1997-09-30, the date of the latest model.",
                detail.forecastText());
    }

    @Test
    void finding4_beforeAnyModelThePaneSaysHowToGetOne(@TempDir Path other) {
        UiContext empty = TestContext.create(other, new RecordingDialogs(Messages.english()));
        long id = empty.app().members().add(new MemberDetails(null, "李娜", null, null, null,
                LocalDate.of(2026, 1, 1), null, null, null, Map.of())).id();
        MemberDetailViewModel detail = MembersScreen.detailModel(empty);
        detail.show(id);
        assertEquals("Not predicted yet: open Analytics → Predictions and fit the model once; it then refits "
                + "itself daily.", detail.forecastText());
        assertEquals("预测尚未计算：在 分析 → 预测 中计算一次，之后每天自动更新。",
                detail.forecastProperty().get().text(Messages.chinese()));
    }

    @Test
    void finding4_withoutASpendModelOnlyTheChanceIsShown() {
        PredictionModel noSpend = new PredictionModel(1, model.asOf(), model.unit(), model.fittedAt(), 60, 55,
                model.bgnbd(), 0, 0, null, null, null, "predict.tooFewSpenders", 365, 0, true);
        MemberForecast forecast = new MemberForecast(noSpend, new MemberPrediction(7, 3, 40, 90, 0.8249, 0.7,
                null, null));
        assertEquals("Still a customer: 82% (model of 1997-09-30)", forecast.text(Messages.english()));
        assertEquals("存活概率 82% — 按 1997-09-30 的模型", forecast.text(Messages.chinese()));
        MemberForecast once = new MemberForecast(noSpend, new MemberPrediction(7, 0, 0, 90, 1, 0.7, null, null));
        assertEquals("Bought once: too early to tell (model of 1997-09-30)", once.text(Messages.english()));
    }

    @Test
    void finding4_percentsAndYuanAsAShopReadsThem() {
        assertEquals("82%", MemberForecast.percent(0.8249));
        assertEquals("83%", MemberForecast.percent(0.825));
        // a repeat buyer is never certain: not 100%, not 0%
        assertEquals(">99%", MemberForecast.percent(0.996));
        assertEquals("<1%", MemberForecast.percent(0.004));
        // 123,950 cents = ¥1,239.50 → ¥1,240; 123,949 → ¥1,239
        assertEquals("¥1,240", MemberForecast.yuan(123_950));
        assertEquals("¥1,239", MemberForecast.yuan(123_949));
        assertEquals("¥0", MemberForecast.yuan(0));
    }
}

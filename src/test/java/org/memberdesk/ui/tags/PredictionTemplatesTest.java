package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.predictions.CdnowShop;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.tags.Rule;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/**
 * The prediction templates and fields of the segments screen, through its view model (tasks run at once) on the
 * CDNOW sample fitted at 1997-09-30: the latest model as of the screen's date (2026-03-15).
 */
class PredictionTemplatesTest {
    @TempDir
    static Path folder;
    private static UiContext context;
    private static RecordingDialogs dialogs;
    private static PredictionModel model;
    private SegmentsViewModel segments;

    @BeforeAll
    static void fit() throws Exception {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        model = CdnowShop.fitted(context.app(), folder);
    }

    @BeforeEach
    void screen() {
        dialogs.errors.clear();
        segments = SegmentsModels.segments(context);
    }

    private static String members(String rule) {
        long n = context.app().rules().count(Rule.parse(rule), context.app().rules().today());
        return org.memberdesk.common.Messages.english().get("segments.count", n);
    }

    @Test
    void finding4_valuableButSlippingIsTheTopFifthByValueWithPAliveBelowHalf() {
        segments.useTemplate(SegmentsViewModel.Template.VALUABLE_SLIPPING);
        long top = context.app().predictions().topClvCents(model, 20).orElseThrow();
        String rule = "predicted_clv >= " + org.memberdesk.common.Money.formatYuan(top) + " and p_alive < 0.5";
        assertEquals(rule, segments.ruleTextProperty().get());
        assertEquals(members(rule), segments.countProperty().get());
        assertEquals("", segments.errorProperty().get());
        // some of the 189 most valuable repeat buyers are slipping, not all of them
        long n = context.app().rules().count(Rule.parse(rule), context.app().rules().today());
        assertTrue(n > 0 && n < 189, n + " of the top 189");
        // every one of them is a repeat buyer: one-time buyers have P(alive) = 1
        assertEquals(n, context.app().rules().count(Rule.parse(rule + " and purchases >= 2"),
                context.app().rules().today()));
    }

    @Test
    void finding4_aboutToLapseIsRepeatBuyersTheModelIsUnsureOfWithLessThanOnePurchaseExpected() {
        segments.useTemplate(SegmentsViewModel.Template.ABOUT_TO_LAPSE);
        assertEquals("p_alive between 0.3 and 0.7 and expected_purchases_90d < 1 and purchases >= 2",
                segments.ruleTextProperty().get());
        assertEquals(members(segments.ruleTextProperty().get()), segments.countProperty().get());
        assertTrue(!"0 members".equals(segments.countProperty().get()), segments.countProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void finding4_theBuilderTakesADecimalForPAliveAndSaysWhatIsWrongWithABadOne() {
        ConditionRow row = segments.addRow();
        row.fieldProperty().set(Field.P_ALIVE);
        row.operatorProperty().set(Operator.LT);
        row.valueProperty().set("0.35");
        assertEquals("p_alive < 0.35", segments.ruleTextProperty().get());
        assertEquals(members("p_alive < 0.35"), segments.countProperty().get());
        row.valueProperty().set("0.12345");
        assertEquals("at position 11: p_alive takes a number with at most four decimals (e.g. 0.3), found '0.12345'",
                segments.errorProperty().get());
        row.fieldProperty().set(Field.EXPECTED_PURCHASES_90D);
        row.operatorProperty().set(Operator.BETWEEN);
        row.valueProperty().set("0.5");
        row.value2Property().set("1.25");
        assertEquals("expected_purchases_90d between 0.5 and 1.25", segments.ruleTextProperty().get());
        assertEquals("", segments.errorProperty().get());
        assertEquals(members("expected_purchases_90d between 0.5 and 1.25"), segments.countProperty().get());
        row.fieldProperty().set(Field.PREDICTED_CLV);
        row.operatorProperty().set(Operator.GE);
        row.valueProperty().set("100.5");
        assertEquals("predicted_clv >= 100.5", segments.ruleTextProperty().get());
        assertEquals(members("predicted_clv >= 100.5"), segments.countProperty().get());
    }

    @Test
    void finding4_tooFewRepeatBuyersIsSaidUnderTheRuleNotInADialog(@TempDir Path other) {
        RecordingDialogs smallDialogs = new RecordingDialogs(Messages.english());
        UiContext small = TestContext.create(other, smallDialogs);
        // one repeat buyer (two days) and one who bought once
        long a = small.app().members().add(new MemberDetails(null, "王芳", null, null, null, LocalDate.of(2026, 1, 1),
                null, null, null, null)).id();
        long b = small.app().members().add(new MemberDetails(null, "李娜", null, null, null, LocalDate.of(2026, 1, 1),
                null, null, null, null)).id();
        buy(small, a, "2026-02-01");
        buy(small, a, "2026-03-01");
        buy(small, b, "2026-03-10");
        SegmentsViewModel view = SegmentsModels.segments(small);
        String refused = "Only 1 member has bought on more than one day; the models need at least 50 such repeat"
                + " buyers to say anything reliable, so no prediction was made.";
        view.ruleTextProperty().set("p_alive < 0.5");
        assertEquals(refused, view.errorProperty().get());
        assertEquals("", view.countProperty().get());
        view.useTemplate(SegmentsViewModel.Template.VALUABLE_SLIPPING);
        assertEquals(refused, view.errorProperty().get());
        assertEquals(List.of(), smallDialogs.errors);
        // a rule without the prediction fields still counts
        view.ruleTextProperty().set("purchases >= 1");
        assertEquals("", view.errorProperty().get());
        assertEquals("2 members", view.countProperty().get());
    }

    private static void buy(UiContext in, long id, String day) {
        in.app().purchases().record(new PurchaseDraft(null, id, LocalDateTime.parse(day + "T10:00"),
                List.of(new PurchaseLine("门票", 1, 5_000)), null), false);
    }
}

package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.predictions.CdnowShop;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Rule;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The prediction templates and fields in the segments screen, clicked as a person would, on the CDNOW sample fitted
 * at 1997-09-30 (the latest model as of today): each count is the rule engine's for the same rule.
 */
class PredictionSegmentsScreenTest extends FxRobot {
    private UiFixture ui;
    private PredictionModel model;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        model = CdnowShop.fitted(ui.app(), ui.folder());
        ui.open("tags", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String ruleText() {
        return lookup("#rule-text").queryAs(TextArea.class).getText();
    }

    private String label(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private String members(String rule) {
        long n = ui.app().rules().count(Rule.parse(rule), ui.app().rules().today());
        return String.format(Locale.ROOT, "%,d members", n);
    }

    @Test
    void finding4_bothPredictionTemplatesCountWhatTheRuleEngineCounts() {
        clickOn("#segments-templates");
        clickOn("Valuable but slipping");
        long top = ui.app().predictions().topClvCents(model, 20).orElseThrow();
        String valuable = "predicted_clv >= " + org.memberdesk.common.Money.formatYuan(top) + " and p_alive < 0.5";
        UiFixture.waitUntil(() -> valuable.equals(ruleText()));
        UiFixture.waitUntil(() -> members(valuable).equals(label("#rule-count")));
        assertTrue(!"0 members".equals(label("#rule-count")));

        clickOn("#segments-templates");
        clickOn("About to lapse");
        String lapse = "p_alive between 0.3 and 0.7 and expected_purchases_90d < 1 and purchases >= 2";
        UiFixture.waitUntil(() -> lapse.equals(ruleText()));
        UiFixture.waitUntil(() -> members(lapse).equals(label("#rule-count")));
        assertEquals("", label("#rule-error"));
        assertEquals(3, lookup("#builder-rows").queryAs(javafx.scene.layout.VBox.class).getChildren().size());
    }

    @Test
    void finding4_theBuilderOffersPAliveAndTakesADecimal() {
        clickOn("#builder-add");
        UiFixture.waitUntil(() -> "purchases >= 1".equals(ruleText()));
        clickOn("#row-field-0");
        // the field list is longer than its drop-down: scroll to the prediction fields at its end
        @SuppressWarnings("unchecked")
        ListView<Field> list = lookup(".combo-box-popup .list-view").queryAs(ListView.class);
        interact(() -> list.scrollTo(Field.P_ALIVE));
        clickOn(lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("Chance still a customer")).queryLabeled());
        UiFixture.waitUntil(() -> "p_alive >= 1".equals(ruleText()));
        clickOn("#row-value-0").type(KeyCode.END).eraseText(3).write("0.35");
        UiFixture.waitUntil(() -> "p_alive >= 0.35".equals(ruleText()));
        UiFixture.waitUntil(() -> members("p_alive >= 0.35").equals(label("#rule-count")));
        // five decimals are one too many
        clickOn("#row-value-0").type(KeyCode.END).eraseText(6).write("0.12345");
        UiFixture.waitUntil(() -> ("at position 12: p_alive takes a number with at most four decimals (e.g. 0.3),"
                + " found '0.12345'").equals(label("#rule-error")));
    }
}

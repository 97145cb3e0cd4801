package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Three members: 王芳 (抖音) bought 3 times for 600 yuan, the last 40 days ago; 李娜 (门店) once, 50 yuan,
 * yesterday; 张伟 (抖音) never.
 */
class SegmentsScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,抖音,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,",
                "M00000003,张伟,13700001111,M,,2025-01-01,抖音,"));
        LocalDate today = LocalDate.now();
        buy("M00000001", today.minusDays(100), 10000);
        buy("M00000001", today.minusDays(70), 20000);
        buy("M00000001", today.minusDays(40), 30000);
        buy("M00000002", today.minusDays(1), 5000);
        ui.open("tags", Language.ENGLISH);
    }

    private void buy(String memberNo, LocalDate day, long cents) {
        long id = ui.app().members().byNumber(memberNo).orElseThrow().id();
        ui.app().purchases().record(new PurchaseDraft(null, id, LocalDateTime.of(day, java.time.LocalTime.NOON),
                List.of(new PurchaseLine("门票", 1, cents)), null), false);
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

    @Test
    void buildARuleInTheBuilderAndSeeTheText() {
        clickOn("#builder-add");
        UiFixture.waitUntil(() -> "purchases >= 1".equals(ruleText()));
        // purchases >= 1: 王芳 and 李娜
        UiFixture.waitUntil(() -> "2 members".equals(label("#rule-count")));
        doubleClickOn("#row-value-0").write("3");
        UiFixture.waitUntil(() -> "purchases >= 3".equals(ruleText()));
        clickOn("#builder-add");
        clickOn("#row-field-1");
        // the menu's item (the preview table has a column of the same name)
        clickOn(lookup(".combo-box-popup .list-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText("Total spent")).queryLabeled());
        doubleClickOn("#row-value-1").write("500");
        UiFixture.waitUntil(() -> "purchases >= 3 and total_spent >= 500".equals(ruleText()));
        // only 王芳: 3 purchases, 600 yuan
        UiFixture.waitUntil(() -> "1 member".equals(label("#rule-count")));
        clickOn("#row-op-0");
        clickOn("≤");
        UiFixture.waitUntil(() -> "purchases <= 3 and total_spent >= 500".equals(ruleText()));
    }

    @Test
    void typeTextAndSeeTheBuilder() {
        clickOn("#rule-text").write("days_since_last_purchase between 30 and 60 or channel = 抖音");
        UiFixture.waitUntil(() -> lookup("#builder-rows").queryAs(VBox.class).getChildren().size() == 2);
        assertEquals(Boolean.TRUE, lookup("#builder-join").queryAs(ChoiceBox.class).getValue());
        assertEquals(Field.DAYS_SINCE_LAST_PURCHASE, lookup("#row-field-0").queryAs(ComboBox.class).getValue());
        assertEquals(Operator.BETWEEN, lookup("#row-op-0").queryAs(ComboBox.class).getValue());
        assertEquals("30", lookup("#row-value-0").queryAs(TextField.class).getText());
        assertEquals("60", lookup("#row-value2-0").queryAs(TextField.class).getText());
        assertEquals(Field.CHANNEL, lookup("#row-field-1").queryAs(ComboBox.class).getValue());
        assertEquals("抖音", lookup("#row-value-1").queryAs(TextField.class).getText());
        // 王芳 (40 days, 抖音) and 张伟 (抖音)
        UiFixture.waitUntil(() -> "2 members".equals(label("#rule-count")));

        // a mistake shows where it is, and the builder keeps its rows
        type(KeyCode.END).write(" and");
        UiFixture.waitUntil(() -> label("#rule-error").startsWith("at position 63: expected a field name"));
        assertEquals(2, lookup("#builder-rows").queryAs(VBox.class).getChildren().size());
    }

    @Test
    void finding4_tooFewRepeatBuyersForThePredictionFieldsIsSaidUnderTheRule() {
        // 王芳 bought on three days: the only repeat buyer; the models need 50
        clickOn("#rule-text").write("p_alive < 0.5");
        String refused = "Only 1 member has bought on more than one day; the models need at least 50 such repeat"
                + " buyers to say anything reliable, so no prediction was made.";
        UiFixture.waitUntil(() -> refused.equals(label("#rule-error")));
        assertEquals("", label("#rule-count"));
        clickOn("#segments-templates");
        clickOn("Valuable but slipping");
        UiFixture.waitUntil(() -> refused.equals(label("#rule-error")));
        // no dialog: the window is the only one
        assertEquals(1, listWindows().size());
    }

    @Test
    void saveTheSegmentAsATag() {
        clickOn("#rule-text").write("channel = 抖音");
        UiFixture.waitUntil(() -> "2 members".equals(label("#rule-count")));
        clickOn("#tag-name").write("爱抖音");
        clickOn("#save-tag");
        UiFixture.waitUntil(() -> label("#segments-status").startsWith("Saved rule tag 爱抖音 with 2 members"));
        var tag = ui.app().tags().list().get(0);
        assertEquals("爱抖音", tag.name());
        assertEquals("channel = \"抖音\"", tag.rule());
        assertEquals(2, tag.members());
        long wang = ui.app().members().byNumber("M00000001").orElseThrow().id();
        assertEquals(List.of("爱抖音"), ui.app().tags().tagsOf(wang));
        UiFixture.waitUntil(() -> lookup("#tags-list").queryListView().getItems().size() == 1);
    }

    @Test
    void aHeatmapCellOpensItsMembersAsASegment() {
        clickOn("#tab-rfm .tab-label");
        UiFixture.waitUntil(() -> lookup("#rfm-cell-1-1").tryQuery().isPresent());
        // two buyers: 王芳 40 days, 3 purchases; 李娜 1 day, 1 purchase. 王芳: nobody has more days → R 1;
        // one member has fewer purchases → F 1 + ⌊5·1/2⌋ = 3. 李娜: R 1 + ⌊5·1/2⌋ = 3, F 1.
        clickOn("#rfm-cell-1-3");
        UiFixture.waitUntil(() -> ruleText().startsWith("days_since_last_purchase between 40 and 40"));
        UiFixture.waitUntil(() -> "1 member".equals(label("#rule-count")));
        assertTrue(ruleText().endsWith("purchases between 3 and 3"), ruleText());
    }

    @Test
    void lifecycleStagesOpenTheirMembers() {
        clickOn("#tab-lifecycle .tab-label");
        // 张伟 never bought → prospect; 李娜 first bought yesterday → new; 王芳 first 100, last 40 days ago → active
        UiFixture.waitUntil(() -> lookup("#stage-active").tryQuery().isPresent());
        assertEquals("Prospect\n1", lookup("#stage-prospect").queryButton().getText());
        assertEquals("New\n1", lookup("#stage-new").queryButton().getText());
        assertEquals("Active\n1", lookup("#stage-active").queryButton().getText());
        clickOn("#stage-active");
        UiFixture.waitUntil(() -> "days_since_first_purchase > 30 and days_since_last_purchase <= 90".equals(ruleText()));
        UiFixture.waitUntil(() -> "1 member".equals(label("#rule-count")));
    }

    @Test
    void visitsCountAsActivityIsSavedWithTheLimitsAndTheStageRuleReadsVisits() {
        clickOn("#tab-lifecycle .tab-label");
        UiFixture.waitUntil(() -> lookup("#stage-active").tryQuery().isPresent());
        // a shop (the default): visits are not activity until the owner says so
        javafx.scene.control.CheckBox visits = lookup("#limit-visits-count").queryAs(javafx.scene.control.CheckBox.class);
        assertFalse(visits.isSelected());
        clickOn("#limit-visits-count");
        clickOn("#limits-save");
        UiFixture.waitUntil(() -> ui.app().lifecycle().settings().visitsCount());
        assertEquals(90, ui.app().lifecycle().settings().activeDays());
        // 王芳 has not come in (no visits), so she stays active by her purchase 40 days ago
        UiFixture.waitUntil(() -> "Active\n1".equals(lookup("#stage-active").queryButton().getText()));
        clickOn("#stage-active");
        UiFixture.waitUntil(() -> ("not days_since_first_purchase <= 30 and (days_since_last_purchase <= 90"
                + " or days_since_last_visit <= 90)").equals(ruleText()));
        UiFixture.waitUntil(() -> "1 member".equals(label("#rule-count")));
    }
}

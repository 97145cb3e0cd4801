package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.predictions.CdnowShop;
import org.memberdesk.predictions.MemberPrediction;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The member pane's prediction line, found as a person finds a member: the CDNOW sample fitted at 1997-09-30 (the
 * latest model as of today), a search, a click on the member's row.
 */
class MemberForecastScreenTest extends FxRobot {
    private UiFixture ui;

    @AfterEach
    void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    /** Searches, clicks the member's row and waits for the pane to show them. */
    private String forecastOf(String search, String memberNo) {
        String name = ui.app().members().byNumber(memberNo).orElseThrow().name();
        clickOn("#member-search").write(search);
        UiFixture.waitUntil(() -> lookup("#members-table .table-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText(memberNo)).tryQuery().isPresent());
        clickOn(lookup("#members-table .table-cell").match(
                org.testfx.matcher.control.LabeledMatchers.hasText(memberNo)).queryLabeled());
        UiFixture.waitUntil(() -> lookup("#detail-forecast").tryQuery().isPresent()
                && name.equals(lookup("#detail-name").queryAs(Label.class).getText()));
        return lookup("#detail-forecast").queryAs(Label.class).getText();
    }

    @Test
    void finding4_theMemberPaneSaysWhetherTheyAreStillACustomerAndWhatTheyAreWorth() throws Exception {
        ui = UiFixture.prepare();
        PredictionModel model = CdnowShop.fitted(ui.app(), ui.folder());
        ui.open("members", Language.ENGLISH);
        // C1516: P(alive) 0.9688 → 97%; ¥1,030 over the next year (see MemberForecastTest)
        long id = ui.app().members().byNumber("C1516").orElseThrow().id();
        MemberPrediction stored = ui.app().predictions().storedScore(model, id).orElseThrow();
        assertEquals("¥1,030", MemberForecast.yuan(stored.clvCents()));
        assertEquals("Still a customer: 97% · worth ¥1,030 over the next year (model of 1997-09-30)",
                forecastOf("C1516", "C1516"));
        // C0003 bought once: the model's P(alive) is 1, the pane says it is too early to tell
        // (the pane follows the selected row's index: C0003 is the third of C0001 … C0009)
        clickOn("#member-search").type(KeyCode.ESCAPE);
        String once = forecastOf("C000", "C0003");
        assertTrue(once.startsWith("Bought once: too early to tell · worth ¥"), once);
    }

    @Test
    void finding4_beforeAnyModelThePaneSaysWhereToGetOne() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(java.util.List.of("M00000001,李娜,13912345678,F,,2025-02-01,小程序,"));
        ui.open("members", Language.CHINESE);
        assertEquals("预测尚未计算：在 分析 → 预测 中计算一次，之后每天自动更新。", forecastOf("M00000001", "M00000001"));
    }
}

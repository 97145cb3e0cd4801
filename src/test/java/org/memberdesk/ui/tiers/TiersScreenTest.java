package org.memberdesk.ui.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Editing the tier ladder by typing, with the chart of members per tier. */
class TiersScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        // ¥1,200 today: 银卡 on the default ladder (¥1,000)
        ui.app().purchases().record(new PurchaseDraft(null, wang.id(), LocalDateTime.now().withNano(0),
                List.of(new PurchaseLine("年卡", 1, 120_000)), null), false);
        ui.open("tiers", Language.ENGLISH);
        UiFixture.waitUntil(() -> lookup("#tier-name-3").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private void retype(String id, String text) {
        TextField field = lookup(id).queryAs(TextField.class);
        clickOn(field);
        interact(field::selectAll);
        write(text);
    }

    private long bar(String tier) {
        BarChart<String, Number> chart = lookup("#tiers-chart").query();
        return chart.getData().get(0).getData().stream().filter(d -> d.getXValue().equals(tier))
                .mapToLong(d -> d.getYValue().longValue()).findFirst().orElse(-1);
    }

    @Test
    void renameATierAndRaiseAThresholdThenReview() {
        UiFixture.waitUntil(() -> bar("银卡") == 1);
        assertEquals(1, bar("普通"));
        retype("#tier-name-1", "银海");
        retype("#tier-threshold-1", "1500.00");
        clickOn("#tiers-save");
        UiFixture.waitUntil(() -> lookup("#tiers-status").queryAs(Label.class).getText().equals("Ladder saved"));
        Ladder saved = ui.app().tiers().ladder();
        assertEquals("银海", saved.at(1).name());
        assertEquals(150_000, saved.at(1).threshold());
        // the member keeps their rank under the new name until a review; the protection period
        // (6 months since today's upgrade) keeps them there even though ¥1,200 < ¥1,500
        assertEquals("银海", ui.app().members().byNumber("M00000001").orElseThrow().tier());
        UiFixture.waitUntil(() -> bar("银海") == 1);
        clickOn("#tiers-review");
        UiFixture.waitUntil(() -> lookup("#tiers-status").queryAs(Label.class).getText()
                .equals("Review done: 0 up, 0 down"));
        assertEquals(1, bar("银海"));
    }

    @Test
    void aThresholdBelowTheTierUnderItIsRefused() {
        retype("#tier-threshold-2", "500");
        clickOn("#tiers-save");
        UiFixture.waitUntil(() -> !lookup("#tiers-problem").queryAs(Label.class).getText().isEmpty());
        assertEquals("Tier 金卡 must need more than the tier below it",
                lookup("#tiers-problem").queryAs(Label.class).getText());
        assertEquals(300_000, ui.app().tiers().ladder().at(2).threshold());
    }

    @Test
    void addATierOnTop() {
        clickOn("#tiers-add");
        UiFixture.waitUntil(() -> lookup("#tier-name-4").tryQuery().isPresent());
        retype("#tier-name-4", "至尊");
        retype("#tier-threshold-4", "50000");
        retype("#tier-points-4", "200");
        clickOn("#tiers-save");
        UiFixture.waitUntil(() -> ui.app().tiers().ladder().tiers().size() == 5);
        assertEquals(5_000_000, ui.app().tiers().ladder().at(4).threshold());
        assertEquals(200, ui.app().tiers().ladder().at(4).pointsPercent());
    }
}

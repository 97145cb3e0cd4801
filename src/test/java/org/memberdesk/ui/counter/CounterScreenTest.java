package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

class CounterScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        ui.open("counter", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void recordAPurchaseWithTheKeyboardOnly() {
        // the lookup field has the focus when the counter opens: no click needed
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write("1234").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isPresent());
        assertEquals("王芳", text("#counter-member-name"));
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
        write("门票").type(KeyCode.ENTER);
        write("88").type(KeyCode.ENTER);

        UiFixture.waitUntil(() -> !text("#counter-status").isEmpty());
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        List<Purchase> stored = ui.app().purchases().history(wang.id(), 5);
        assertEquals(1, stored.size());
        assertEquals(8_800, stored.get(0).totalCents());
        assertEquals("门票", stored.get(0).lines().get(0).item());
        // the card updates at once, and the keyboard is back on the lookup for the next customer
        UiFixture.waitUntil(() -> text("#counter-member-spent").equals("¥88.00"));
        assertEquals("1 purchase, 0 returns", text("#counter-member-visits"));
        assertTrue(lookup("#counter-lookup").query().isFocused());
    }

    @Test
    void twoItemsWithCtrlEnterThenSave() {
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write("M00000002").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
        write("瑜伽课").type(KeyCode.ENTER);
        write("120");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
        write("毛巾").type(KeyCode.ENTER);
        write("15.5");
        // 120.00 + 15.50 = 135.50
        UiFixture.waitUntil(() -> text("#counter-total").equals("¥135.50"));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#counter-member-spent").equals("¥135.50"));
        Member li = ui.app().members().byNumber("M00000002").orElseThrow();
        assertEquals(2, ui.app().purchases().history(li.id(), 5).get(0).lines().size());
    }

    /** Issue 15 item 2: the member card shows points owed after a return, in red. */
    @Test
    void finding2_aMemberWhoOwesPointsIsShownInRedOnTheCard() {
        Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
        ui.app().points().saveRules(new org.memberdesk.points.PointsRules(1, 1, 100, 0, 0, null,
                java.util.Map.of(), java.util.Map.of()));                                     // 1 point a yuan
        java.time.LocalDateTime sold = java.time.LocalDateTime.now().minusMinutes(10);
        ui.app().purchases().record(new org.memberdesk.purchases.PurchaseDraft("S1", wang.id(), sold,
                List.of(new org.memberdesk.purchases.PurchaseLine("门票", 1, 3_000)), null), false);   // 30
        ui.app().points().redeemPoints(wang.id(), 30, "雨伞", "小王");                            // 0
        ui.app().purchases().record(new org.memberdesk.purchases.PurchaseDraft("R1", wang.id(), sold.plusMinutes(1),
                List.of(new org.memberdesk.purchases.PurchaseLine("门票", 1, -3_000)), "S1"), true);  // 0 − 30
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write("1234").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-member-points").tryQuery().isPresent());
        assertEquals("30 points owed", text("#counter-member-points"));
        assertTrue(lookup("#counter-member-points").queryAs(Label.class).getStyleClass().contains("danger"));
    }
}

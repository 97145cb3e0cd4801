package org.memberdesk.ui.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.points.PointsEntry;
import org.memberdesk.points.PointsRules;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.PointsBalance;
import org.testfx.api.FxRobot;

/** The Points screen driven as a person would: find a member, adjust with a reason, try to redeem too much. */
class PointsScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        ui.open("points", Language.ENGLISH);
        clickOn("#points-lookup").write("M00000001").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#points-member").contains("王芳"));
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void adjustPointsNeedsAReasonThenShowsInTheLedger() {
        assertEquals("0", text("#points-balance"));
        clickOn("#points-adjust-amount").write("120");
        clickOn("#points-operator").write("店长");
        clickOn("#points-adjust");
        // no reason: refused with the service's sentence, nothing stored
        UiFixture.waitUntil(() -> text("#points-problem").contains("needs a reason"));
        assertEquals(0, ui.app().points().summary(wang.id()).balance());

        clickOn("#points-adjust-reason").write("补录纸质卡积分");
        clickOn("#points-adjust");
        UiFixture.waitUntil(() -> text("#points-balance").equals("120"));
        assertEquals("", text("#points-problem"));
        assertEquals(120, ui.app().points().summary(wang.id()).balance());
        TableView<PointsEntry> ledger = lookup("#points-ledger").queryTableView();
        UiFixture.waitUntil(() -> ledger.getItems().size() == 1);
        PointsEntry entry = ledger.getItems().get(0);
        assertEquals(PointsEntry.Kind.ADJUST, entry.kind());
        assertEquals("补录纸质卡积分", entry.reason());
        assertEquals("店长", entry.operator());
    }

    @Test
    void redeemingMoreThanTheBalanceIsRefusedAndChangesNothing() {
        ui.app().points().adjust(wang.id(), 30, "开业赠送", "店长");
        clickOn("#points-find");
        UiFixture.waitUntil(() -> text("#points-balance").equals("30"));
        clickOn("#points-redeem-amount").write("50");
        clickOn("#points-redeem-reason").write("保温杯");
        clickOn("#points-redeem");
        UiFixture.waitUntil(() -> !text("#points-problem").isEmpty());
        assertEquals("Not enough points: this needs 50 but the member has 30", text("#points-problem"));
        assertEquals("30", text("#points-balance"));
        assertEquals(30, ui.app().points().summary(wang.id()).balance());
        assertEquals(1, ui.app().points().entries(wang.id(), 10).size());

        // what is there can be redeemed
        doubleClickOn("#points-redeem-amount").write("30");
        clickOn("#points-redeem");
        type(KeyCode.ENTER); // the confirmation (issue 19): Enter redeems
        UiFixture.waitUntil(() -> text("#points-balance").equals("0"));
        assertTrue(text("#points-status").contains("保温杯"));
    }

    /** Issue 15 item 2: a balance below zero reads as points owed, in red, and redeeming says why it is refused. */
    @Test
    void finding2_aMemberWhoOwesPointsSeesItInRed() {
        ui.app().points().saveRules(new PointsRules(1, 1, 100, 0, 0, null, Map.of(), Map.of()));  // 1 point a yuan
        LocalDateTime sold = LocalDateTime.now().minusMinutes(10);
        ui.app().purchases().record(new PurchaseDraft("S1", wang.id(), sold,
                List.of(new PurchaseLine("成人门票", 1, 12_000)), null), false);                       // 120
        ui.app().points().redeemPoints(wang.id(), 100, "雨伞", "小王");                                 // 20
        ui.app().purchases().record(new PurchaseDraft("R1", wang.id(), sold.plusMinutes(5),
                List.of(new PurchaseLine("成人门票", 1, -12_000)), "S1"), true);                      // 20 − 120
        clickOn("#points-find");
        UiFixture.waitUntil(() -> text("#points-balance").equals("100 points owed"));
        assertTrue(lookup("#points-balance").queryAs(Label.class).getStyleClass().contains("danger"));

        clickOn("#points-redeem-amount").write("1");
        clickOn("#points-redeem-reason").write("贴纸");
        clickOn("#points-redeem");
        UiFixture.waitUntil(() -> !text("#points-problem").isEmpty());
        assertTrue(text("#points-problem").startsWith("The member owes 100 points"), text("#points-problem"));
        assertEquals(-100, ui.app().points().summary(wang.id()).balance());

        // a purchase repays it: ¥150 → 150 − 100 = 50, black again
        ui.app().purchases().record(new PurchaseDraft("S2", wang.id(), sold.plusMinutes(6),
                List.of(new PurchaseLine("成人门票", 1, 15_000)), null), false);
        clickOn("#points-find");
        UiFixture.waitUntil(() -> text("#points-balance").equals("50"));
        assertFalse(lookup("#points-balance").queryAs(Label.class).getStyleClass().contains("danger"));
        assertEquals("欠 1,234 积分", PointsBalance.text(-1_234, Messages.chinese()));
    }

    @Test
    void defect7_redeemingARewardAsksFirstNamingMemberRewardAndPoints() {
        ui.app().points().saveReward(new org.memberdesk.points.Reward(0, "保温杯", org.memberdesk.points.Reward.Kind.GIFT,
                100, 0, true));
        ui.app().points().adjust(wang.id(), 150, "开业赠送", "店长");
        clickOn("#points-find");
        UiFixture.waitUntil(() -> text("#points-balance").equals("150"));
        clickOn("#points-reward");
        clickOn("保温杯 · 100");
        clickOn("#points-redeem");
        // 150 − 100 = 50 left
        UiFixture.waitUntil(() -> lookup("王芳 (M00000001) redeems \"保温杯\" for 100 points. 50 points will be left.")
                .tryQuery().isPresent());
        type(KeyCode.ESCAPE); // Esc: nothing happens
        UiFixture.waitUntil(() -> lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(150, ui.app().points().summary(wang.id()).balance());
        assertEquals("150", text("#points-balance"));

        clickOn("#points-redeem");
        UiFixture.waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        type(KeyCode.ENTER); // Enter: redeemed
        UiFixture.waitUntil(() -> text("#points-balance").equals("50"));
        assertEquals(50, ui.app().points().summary(wang.id()).balance());
        assertTrue(text("#points-status").contains("保温杯"), text("#points-status"));
    }

    @Test
    void defect7_theLast4DigitsOfAPhoneFindTheMemberAsAtTheCounter() throws Exception {
        ui.importMembers(List.of("M00000002,李娜,13900005678,F,,2025-01-01,门店,",
                "M00000003,赵敏,13700005678,F,,2025-01-01,门店,"));
        doubleClickOn("#points-lookup").eraseText(9).write("1234").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#points-member").contains("王芳"));
        assertEquals("", text("#points-problem"));
        // two members end in 5678: both listed, a click shows one
        doubleClickOn("#points-lookup").eraseText(4).write("5678").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#points-problem").startsWith("2 members match \"5678\""));
        UiFixture.waitUntil(() -> lookup("#points-matches .list-cell").match(node ->
                ((javafx.scene.control.ListCell<?>) node).getText() != null
                        && ((javafx.scene.control.ListCell<?>) node).getText().startsWith("赵敏")).tryQuery().isPresent());
        clickOn((javafx.scene.Node) lookup("#points-matches .list-cell").match(node ->
                ((javafx.scene.control.ListCell<?>) node).getText() != null
                        && ((javafx.scene.control.ListCell<?>) node).getText().startsWith("赵敏")).query());
        UiFixture.waitUntil(() -> text("#points-member").contains("赵敏"));
        assertFalse(lookup("#points-matches").query().isVisible());
    }

    @Test
    void defect7_aBatchPastItsDayIsSaidToHaveExpiredAndWhen() {
        // points last 12 months; ¥120 bought 13 months ago earned 120 points that are past their day, not yet taken off
        ui.app().points().saveRules(new PointsRules(1, 1, 100, 0, 0, 12, Map.of(), Map.of()));
        ui.app().purchases().record(new PurchaseDraft("S1", wang.id(), LocalDateTime.now().minusMonths(13),
                List.of(new PurchaseLine("成人门票", 1, 12_000)), null), false);
        java.time.LocalDate gone = ui.app().points().entries(wang.id(), 1).get(0).expiresOn();
        clickOn("#points-find");
        UiFixture.waitUntil(() -> text("#points-balance").equals("120"));
        assertEquals("120 points expired on " + gone, text("#points-expiring"));
        assertFalse(text("#points-expiring").contains("within 30 days"));
    }
}

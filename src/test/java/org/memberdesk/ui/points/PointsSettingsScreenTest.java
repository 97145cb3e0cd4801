package org.memberdesk.ui.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.Validity;
import org.memberdesk.members.Member;
import org.memberdesk.points.Reward;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Settings → Points driven as a shop owner would: rules with a mistake, save, a template, a coupon reward. */
class PointsSettingsScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private Member li;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        li = ui.app().members().byNumber("M00000002").orElseThrow();
        ui.app().points().adjust(wang.id(), 800, "开业赠送", "店长");
        ui.app().points().adjust(li.id(), 50, "开业赠送", "店长");
        ui.app().campaigns().createCoupon(new Coupon(0, "十元代金券", CouponKind.CASH, 1_000, null, null, 0,
                List.of(), Validity.days(30)));
        ui.open("settings", Language.ENGLISH);
        clickOn("#settings-tab-points");
        UiFixture.waitUntil(() -> text("#points-example").endsWith("earns 320 points"));
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private boolean showing(String id) {
        return lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Scrolls the settings page so the node is in view (the robot clicks where it is on screen). */
    private org.testfx.api.FxRobotInterface reveal(String id) {
        Node node = lookup(id).query();
        interact(() -> {
            ScrollPane scroll = lookup("#points-settings-scroll").queryAs(ScrollPane.class);
            Node content = scroll.getContent();
            Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (range > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (bounds.getMinY() - 40) / range)));
            }
        });
        return clickOn(id);
    }

    private void replace(String id, String typed) {
        reveal(id);
        push(KeyCode.CONTROL, KeyCode.A).write(typed);
    }

    @Test
    void changeTheRulesWithAMistakeFirstThenSaveAndSeeTheExample() {
        // defaults: 12800 × 100 × 1 × 125 (金卡) × 200 (birthday) / 10^8 = 320 (checked in boot)
        replace("#points-earn-per-yuan", "2x");
        UiFixture.waitUntil(() -> showing("#error-earn-per-yuan"));
        assertEquals("Type a whole number, not \"2x\"", text("#error-earn-per-yuan"));
        assertEquals("Fix the marked fields to see what a purchase earns", text("#points-example"));
        replace("#points-earn-per-yuan", "2");
        UiFixture.waitUntil(() -> !showing("#error-earn-per-yuan"));
        // one point per 2 yuan: 320 / 2 = 160
        assertTrue(text("#points-example").endsWith("earns 160 points"), text("#points-example"));

        reveal("#multiplier-add");
        reveal("#multiplier-name-0").write("年卡");
        replace("#multiplier-percent-0", "-5");
        UiFixture.waitUntil(() -> showing("#error-multiplier-percent-0"));
        assertEquals("A multiplier must be between 0% and 1,000%, not -5%", text("#error-multiplier-percent-0"));
        reveal("#points-rules-save");
        UiFixture.waitUntil(() -> text("#points-rules-problem").startsWith("Nothing was saved"));
        replace("#multiplier-percent-0", "150");
        reveal("#multiplier-items-0").write("年卡");
        UiFixture.waitUntil(() -> !showing("#error-multiplier-percent-0"));
        // 年卡 in a 150 % category: 12800 × 150 × 1 × 125 × 200 / (2 × 10^8) = 240
        UiFixture.waitUntil(() -> text("#points-example").endsWith("earns 240 points"));

        reveal("#points-rules-save");
        UiFixture.waitUntil(() -> text("#points-rules-status").startsWith("Points rules saved"));
        assertEquals(2, ui.app().points().rules().earnPerYuan());
        assertEquals(Map.of("年卡", 150), ui.app().points().rules().categoryPercents());
        assertEquals("年卡", ui.app().points().itemCategories().get("年卡"));
        assertEquals("", text("#points-rules-problem"));
        assertTrue(text("#points-example").endsWith("earns 240 points"));
    }

    @Test
    void applyTheGymTemplateAfterConfirming() {
        reveal("#points-template");
        clickOn("#template-gym");
        clickOn("OK");
        try {
            UiFixture.waitUntil(() -> text("#points-rules-status").startsWith("The Gym template is applied"));
        } catch (AssertionError e) {
            throw new AssertionError("status '" + text("#points-rules-status") + "' problem '"
                    + text("#points-rules-problem") + "' rules " + ui.app().points().rules(), e);
        }
        assertEquals(Map.of("课程包", 150, "会籍卡", 100, "签到", 300, "零售", 100),
                ui.app().points().rules().categoryPercents());
        assertEquals("会籍卡", ui.app().points().itemCategories().get("年卡"));
        UiFixture.waitUntil(() -> lookup("#multiplier-name-3").tryQuery().isPresent());
        // 年卡 is a 会籍卡 (100 %) in the gym template: 12800 × 100 × 125 × 200 / 10^8 = 320
        UiFixture.waitUntil(() -> text("#points-example").endsWith("earns 320 points"));
    }

    @Test
    void addACouponRewardAndRedeemItWithEnoughAndTooFewPoints() {
        reveal("#reward-new");
        reveal("#reward-name").write("十元券");
        reveal("#reward-kind").type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.ENTER);   // Gift → Cash → Coupon
        reveal("#reward-cost").write("500");
        reveal("#reward-save");
        UiFixture.waitUntil(() -> showing("#reward-error-coupon"));
        assertTrue(ui.app().points().rewards().isEmpty());
        reveal("#reward-coupon").type(KeyCode.DOWN).type(KeyCode.ENTER);
        reveal("#reward-save");
        TableView<Reward> table = lookup("#rewards-table").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().size() == 1);
        Reward reward = ui.app().points().rewards().get(0);
        assertEquals(Reward.Kind.COUPON, reward.kind());
        assertEquals(500, reward.costPoints());

        interact(() -> ui.window().window().show("points"));
        // 李娜 has 50 points: refused, nothing changes, no coupon
        clickOn("#points-lookup").write("M00000002").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#points-member").queryAs(Label.class).getText().contains("李娜"));
        clickOn("#points-reward").type(KeyCode.DOWN).type(KeyCode.ENTER);
        clickOn("#points-redeem");
        UiFixture.waitUntil(() -> !text("#points-problem").isEmpty());
        assertEquals("Not enough points: this needs 500 but the member has 50", text("#points-problem"));
        assertEquals(50, ui.app().points().summary(li.id()).balance());
        assertTrue(ui.app().campaigns().memberCoupons(li.id()).isEmpty());

        // 王芳 has 800: 800 − 500 = 300 and a code shown with the redemption
        doubleClickOn("#points-lookup").write("M00000001").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#points-member").queryAs(Label.class).getText().contains("王芳"));
        clickOn("#points-reward").type(KeyCode.DOWN).type(KeyCode.ENTER);
        clickOn("#points-redeem");
        type(KeyCode.ENTER); // the confirmation (issue 19): Enter redeems
        UiFixture.waitUntil(() -> text("#points-balance").equals("300"));
        List<IssuedCoupon> coupons = ui.app().campaigns().memberCoupons(wang.id());
        assertEquals(1, coupons.size());
        String code = coupons.get(0).code();
        assertTrue(text("#points-status").contains("Coupon code " + code), text("#points-status"));
        assertFalse(text("#points-status").isEmpty());

        // and in the member pane's coupons section
        interact(() -> ui.window().window().show("members"));
        TableView<Member> members = lookup("#members-table").queryTableView();
        clickOn("#member-search").write("1234");
        UiFixture.waitUntil(() -> members.getItems().size() == 1 && members.getItems().get(0) != null);
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#member-coupon-state-" + code).tryQuery().isPresent());
        assertEquals("Usable", text("#member-coupon-state-" + code));
    }

    @Test
    void defect7_tierMultipliersHaveOneEditorOnTheTiersScreen() {
        // Settings → Points shows each tier's percent, with where to change it, and no field to type it in
        UiFixture.waitUntil(() -> lookup("#tier-percent-2").tryQuery().isPresent());
        assertEquals("金卡 125%", text("#tier-percent-2"));
        assertTrue(lookup(node -> node instanceof javafx.scene.control.TextInputControl && node.getId() != null
                && node.getId().startsWith("tier-")).queryAll().isEmpty(), "no tier editor in Settings → Points");
        assertTrue(text("#points-tiers-where").startsWith("Set on the Tiers screen"));

        // the Tiers screen is where it is typed: 125 → 130 for 金卡, saved, and Settings shows it
        interact(() -> ui.window().show("tiers"));
        UiFixture.waitUntil(() -> lookup("#tier-points-2").tryQuery().isPresent()
                && "125".equals(lookup("#tier-points-2").queryTextInputControl().getText()));
        doubleClickOn("#tier-points-2").write("130");
        clickOn("#tiers-save");
        UiFixture.waitUntil(() -> ui.app().points().tierPercents().get("金卡") == 130);
        interact(() -> ui.window().show("settings"));
        clickOn("#settings-tab-points");
        UiFixture.waitUntil(() -> lookup("#tier-percent-2").tryQuery().isPresent()
                && "金卡 130%".equals(text("#tier-percent-2")));
        // saving the points rules keeps the tier's percent as the Tiers screen set it
        reveal("#points-rules-save");
        UiFixture.waitUntil(() -> !text("#points-rules-status").isEmpty());
        assertEquals(130, ui.app().points().tierPercents().get("金卡"));
    }
}

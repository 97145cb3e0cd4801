package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.VoidedSale;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The counter with the tier discount, returns and voids, driven by the keyboard as a cashier would. The shop's
 * default growth rules: 1 point per yuan; 金卡 from ¥3,000 net spend (5 % off, points 125 %); 黑金 from ¥10,000.
 * The members have no birthday, so no birthday multiplier.
 */
class CounterReturnsScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private Member li;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        li = ui.app().members().byNumber("M00000002").orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private Member now(Member member) {
        return ui.app().members().byId(member.id()).orElseThrow();
    }

    private void ctrl(KeyCode key) {
        press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    /** Typed text goes to the window TestFX targets: the dialog while it is open, then the counter again. */
    private void inDialog(String id) {
        UiFixture.waitUntil(() -> lookup(id).tryQuery().isPresent());
        targetWindow(lookup(id).query().getScene().getWindow());
    }

    private void backToTheCounter(String dialogId) {
        UiFixture.waitUntil(() -> lookup(dialogId).tryQuery().isEmpty());
        targetWindow(ui.stage());
    }

    private void serve(String typed) {
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write(typed).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
    }

    @Test
    void finding4_aCashierSellsToAGoldMemberSeesTheTierDiscountLineThenThePointsAndTierProgress() throws Exception {
        // ¥3,000 at the entry tier: 3,000 points, and ¥3,000 ≥ ¥3,000 → 金卡
        ui.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("年卡", 1, 300_000)), null);
        assertEquals("金卡", now(wang).tier());
        assertEquals(3_000, now(wang).points());
        ui.open("counter", Language.ENGLISH);
        serve("1234");
        write("毛巾").type(KeyCode.ENTER);
        write("128");
        // before saving: 5 % of ¥128.00 = ¥6.40 off on its own line; ¥128.00 − ¥6.40 = ¥121.60 to pay
        UiFixture.waitUntil(() -> text("#counter-tier-line").equals("金卡 5 % off  −¥6.40"));
        assertEquals("Total  ¥128.00", text("#counter-list-total"));
        assertEquals("¥121.60", text("#counter-total"));
        assertTrue(ui.app().purchases().history(wang.id(), 5).size() == 1, "nothing stored before Enter");

        type(KeyCode.ENTER);
        // points on what was paid: ¥121.60 × 1 point per yuan × 125 % = 152 points; ¥3,121.60 spent, so
        // ¥10,000 − ¥3,121.60 = ¥6,878.40 more to 黑金
        UiFixture.waitUntil(() -> !text("#counter-after-points").isEmpty());
        assertEquals(3_152, now(wang).points());
        assertEquals("+152 points · points balance: 3,152", text("#counter-after-points"));
        assertEquals("Spend ¥6,878.40 more to reach 黑金", text("#counter-after-next"));
        Purchase sold = ui.app().purchases().history(wang.id(), 1).get(0);
        assertEquals(12_160, sold.totalCents());
        assertEquals(640, sold.discounts().tierCents());
    }

    @Test
    void finding2_aCashierReturnsOneLineOfASaleByKeyboardAndTheMembersSpendAndPointsChange() throws Exception {
        // 瑜伽课 ¥120 + 2 毛巾 ¥60 = ¥180 at the entry tier: 180 points
        CounterSales.Sale sale = ui.app().counterSales().sell(li.id(),
                List.of(new PurchaseLine("瑜伽课", 1, 12_000), new PurchaseLine("毛巾", 2, 6_000)), null);
        String saleNo = sale.purchase().purchaseNo();
        assertEquals(180, now(li).points());
        ui.open("counter", Language.ENGLISH);
        serve("5678");
        ctrl(KeyCode.R);
        inDialog("#return-dialog");
        UiFixture.waitUntil(() -> lookup("#return-sale-no").tryQuery().map(n -> n.isFocused()).orElse(false));
        // the member's sales are listed; the number typed from the receipt finds the sale
        UiFixture.waitUntil(() -> !lookup("#return-sales").queryListView().getItems().isEmpty());
        write(saleNo).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#return-quantity-1").tryQuery().map(n -> n.isFocused()).orElse(false));
        // line 1 (瑜伽课) comes back; Tab past line 2 to the reason
        write("1").type(KeyCode.TAB).type(KeyCode.TAB);
        UiFixture.waitUntil(() -> lookup("#return-reason").query().isFocused());
        write("wrong class").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#return-refund").startsWith("Refund ¥120.00 for 1 item of sale " + saleNo));
        assertEquals(1, ui.app().purchases().history(li.id(), 5).size(), "nothing given back before it is confirmed");

        type(KeyCode.ENTER);
        // ¥120 paid back; the 120 points it earned taken back: 180 − 120 = 60
        UiFixture.waitUntil(() -> text("#return-receipt").contains("of sale " + saleNo));
        assertTrue(text("#return-receipt").endsWith(": refund ¥120.00 · points taken back 120 · points balance: 60"),
                text("#return-receipt"));
        type(KeyCode.ENTER);
        backToTheCounter("#return-dialog");

        // the card shows the member as stored now: ¥180 − ¥120 = ¥60 net, one return
        UiFixture.waitUntil(() -> text("#counter-member-spent").equals("¥60.00"));
        assertEquals("1 purchase, 1 return", text("#counter-member-visits"));
        assertEquals(60, now(li).points());
        assertEquals(6_000, now(li).stats().netSpentCents());
        assertTrue(text("#counter-status").contains("of sale " + saleNo + " saved: ¥120.00 given back"));
        Purchase back = ui.app().purchases().history(li.id(), 5).get(0);
        assertTrue(back.isReturn());
        assertEquals(sale.purchase().id(), back.refundOf());
        assertEquals(-12_000, back.totalCents());
    }

    /** A sale at the counter by keyboard: 门票 ¥88 for 李娜. */
    private String sellAtTheCounter() {
        serve("5678");
        write("门票").type(KeyCode.ENTER);
        write("88").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#counter-member-spent").equals("¥88.00"));
        return ui.app().purchases().history(li.id(), 1).get(0).purchaseNo();
    }

    @Test
    void finding3_aCashierVoidsTodaysSaleByKeyboardWithAReasonAndItShowsAsVoided() throws Exception {
        ui.open("counter", Language.ENGLISH);
        String saleNo = sellAtTheCounter();
        ctrl(KeyCode.D);
        inDialog("#void-dialog");
        UiFixture.waitUntil(() -> lookup("#void-reason").tryQuery().map(n -> n.isFocused()).orElse(false));
        assertEquals(saleNo, lookup("#void-sale-no").queryTextInputControl().getText());
        write("keyed twice").type(KeyCode.ENTER);
        backToTheCounter("#void-dialog");

        // as if it never happened: no purchase, nothing spent, no points; kept as voided with why
        UiFixture.waitUntil(() -> text("#counter-member-spent").equals("¥0.00"));
        assertTrue(text("#counter-status").startsWith("Sale " + saleNo + " voided"));
        assertTrue(ui.app().purchases().history(li.id(), 5).isEmpty());
        assertEquals(0, now(li).points());
        List<VoidedSale> voided = ui.app().counterSales().voided(li.id());
        assertEquals(1, voided.size());
        assertEquals(saleNo, voided.get(0).purchaseNo());
        assertEquals("keyed twice", voided.get(0).reason());

        // the purchases screen, for this member, lists it marked as voided
        interact(() -> ui.window().window().show("purchases"));
        clickOn("#purchases-member").write("M00000002");
        TableView<VoidedSale> shown = lookup("#purchases-voided").queryTableView();
        UiFixture.waitUntil(() -> shown.getItems().size() == 1);
        assertEquals(saleNo, shown.getItems().get(0).purchaseNo());
        assertTrue(lookup("#purchases-voided-box").query().isVisible());
        assertEquals("Voided", shown.getColumns().get(0).getCellData(0));
        assertEquals("keyed twice", shown.getColumns().get(6).getCellData(0));
    }

    @Test
    void finding3_aVoidWithoutAReasonIsRefusedWithTheMessageAndTheSaleIsKept() throws Exception {
        ui.open("counter", Language.ENGLISH);
        String saleNo = sellAtTheCounter();
        ctrl(KeyCode.D);
        inDialog("#void-dialog");
        UiFixture.waitUntil(() -> lookup("#void-reason").tryQuery().map(n -> n.isFocused()).orElse(false));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#void-problem").equals("Say why the sale is voided (e.g. \"keyed twice\")"));
        assertTrue(lookup("#void-dialog").tryQuery().isPresent());
        type(KeyCode.ESCAPE);
        backToTheCounter("#void-dialog");
        assertEquals(saleNo, ui.app().purchases().history(li.id(), 5).get(0).purchaseNo());
        assertEquals(8_800, now(li).stats().netSpentCents());
        assertTrue(ui.app().counterSales().voided(li.id()).isEmpty());
    }
}

package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Issue 19, "a keyboard-true counter": each flow done with keys only, from the counter as it opens (the keyboard in
 * the member lookup), and its keys counted. The counts are the table in docs/desktop.md: a character typed is one
 * key, a chord (Ctrl+R) is one key; no mouse anywhere.
 */
class CounterKeyboardFlowsTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private Member li;
    private int keys;

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

    private void typed(String text) {
        write(text);
        keys += text.codePointCount(0, text.length());
    }

    private void key(KeyCode code) {
        type(code);
        keys++;
    }

    private void ctrl(KeyCode code) {
        press(KeyCode.CONTROL).type(code).release(KeyCode.CONTROL);
        keys++;
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private boolean focused(String id) {
        return lookup(id).tryQuery().map(n -> n.isFocused()).orElse(false);
    }

    private void openCounter() throws Exception {
        ui.open("counter", Language.ENGLISH);
        UiFixture.waitUntil(() -> focused("#counter-lookup"));
    }

    private void inDialog(String id) {
        UiFixture.waitUntil(() -> lookup(id).tryQuery().isPresent());
        javafx.stage.Window dialog = lookup(id).query().getScene().getWindow();
        targetWindow(dialog);
        UiFixture.waitUntil(dialog::isFocused);
    }

    private void backToTheCounter(String dialogId) {
        UiFixture.waitUntil(() -> lookup(dialogId).tryQuery().isEmpty());
        targetWindow(ui.stage());
    }

    @Test
    void aSaleIsTenKeys() throws Exception {
        ui.app().counterSales().sell(li.id(), List.of(new PurchaseLine("门票", 1, 8_800)), null);
        openCounter();
        typed("1234");
        key(KeyCode.ENTER);                                                     // the member, found by 4 digits
        UiFixture.waitUntil(() -> focused("#counter-item"));
        typed("门");
        UiFixture.waitUntil(() -> lookup(".auto-complete-popup").tryQuery().isPresent());
        key(KeyCode.ENTER);                                                     // 门票, suggested; on to the amount
        UiFixture.waitUntil(() -> focused("#counter-amount"));
        typed("88");
        key(KeyCode.ENTER);                                                     // saved

        UiFixture.waitUntil(() -> !ui.app().purchases().history(wang.id(), 5).isEmpty());
        Purchase sale = ui.app().purchases().history(wang.id(), 5).get(0);
        assertEquals("门票", sale.lines().get(0).item());
        assertEquals(8_800, sale.totalCents());
        UiFixture.waitUntil(() -> focused("#counter-lookup"));                 // ready for the next customer
        // 1234 ⏎ (5) + 门 ⏎ (2) + 88 ⏎ (3) = 10
        assertEquals(10, keys);
    }

    @Test
    void aReturnOfTheMembersLastSaleIsFifteenKeys() throws Exception {
        String saleNo = ui.app().counterSales().sell(li.id(), List.of(new PurchaseLine("门票", 1, 8_800)), null)
                .purchase().purchaseNo();
        openCounter();
        typed("5678");
        key(KeyCode.ENTER);
        UiFixture.waitUntil(() -> focused("#counter-item"));
        ctrl(KeyCode.R);                                                        // Return…
        inDialog("#return-dialog");
        UiFixture.waitUntil(() -> focused("#return-sale-no")
                && !lookup("#return-sales").queryListView().getItems().isEmpty());
        key(KeyCode.DOWN);                                                      // the member's sales, newest first
        key(KeyCode.ENTER);                                                     // this one
        UiFixture.waitUntil(() -> focused("#return-quantity-1"));
        typed("1");
        key(KeyCode.TAB);                                                       // to the reason
        UiFixture.waitUntil(() -> focused("#return-reason"));
        typed("尺码");
        key(KeyCode.ENTER);                                                     // the refund, shown
        UiFixture.waitUntil(() -> text("#return-refund").startsWith("Refund ¥88.00 for 1 item of sale " + saleNo));
        key(KeyCode.ENTER);                                                     // given back
        UiFixture.waitUntil(() -> !text("#return-receipt").isEmpty());
        key(KeyCode.ENTER);                                                     // closed
        backToTheCounter("#return-dialog");

        Purchase back = ui.app().purchases().history(li.id(), 5).get(0);
        assertTrue(back.isReturn());
        assertEquals(-8_800, back.totalCents());
        // 5678 ⏎ (5) + Ctrl+R (1) + ↓ ⏎ (2) + 1 Tab (2) + 尺码 ⏎ (3) + ⏎ ⏎ (2) = 15
        assertEquals(15, keys);
    }

    @Test
    void aCheckInIsSixKeys() throws Exception {
        long pass = ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, 1,
                0, 0, true, false));
        ui.app().cards().sell(wang.id(), pass, Pay.CASH, null, null);
        openCounter();
        key(KeyCode.F3);
        UiFixture.waitUntil(() -> focused("#checkin-who"));
        typed("1234");
        key(KeyCode.ENTER);
        UiFixture.waitUntil(() -> "王芳 — welcome".equals(text("#checkin-headline")));
        assertEquals(1, ui.app().cards().visits(wang.id(), 10).size());
        assertEquals("", lookup("#checkin-who").queryAs(TextField.class).getText());
        // F3 (1) + 1234 ⏎ (5) = 6
        assertEquals(6, keys);
    }

    @Test
    void aTopUpIsTenKeys() throws Exception {
        long storedValue = ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "储值卡", 100_000,
                0, null, null, null, 0, 0, true, false));
        ui.app().cards().sell(wang.id(), storedValue, Pay.CASH, null, null);    // ¥1,000 on the card
        openCounter();
        typed("1234");
        key(KeyCode.ENTER);
        UiFixture.waitUntil(() -> focused("#counter-item") && lookup("#counter-member-cards").tryQuery().isPresent());
        key(KeyCode.F5);                                                        // Top up…
        inDialog("#topup-dialog");
        UiFixture.waitUntil(() -> focused("#topup-amount"));
        typed("500");
        UiFixture.waitUntil(() -> !text("#topup-preview").isEmpty());
        key(KeyCode.ENTER);                                                     // topped up, in cash
        backToTheCounter("#topup-dialog");

        Card card = ui.app().cards().storedValueCard(wang.id()).orElseThrow();
        // ¥1,000 + ¥500 = ¥1,500
        assertEquals(150_000, card.principalCents());
        UiFixture.waitUntil(() -> text("#counter-status").startsWith("Topped up ¥500.00"));
        // 1234 ⏎ (5) + F5 (1) + 500 ⏎ (4) = 10
        assertEquals(10, keys);
    }

    @Test
    void startingOverForTheNextCustomerIsTwoKeys() throws Exception {
        openCounter();
        typed("1234");
        key(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isPresent());
        keys = 0;
        key(KeyCode.ESCAPE);                                                    // asks first
        UiFixture.waitUntil(() -> lookup("#counter-confirm-clear").query().isVisible());
        assertEquals("王芳", text("#counter-member-name"), "nothing put away before Enter");
        key(KeyCode.ENTER);                                                     // yes
        UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isEmpty());
        UiFixture.waitUntil(() -> focused("#counter-lookup"));
        assertEquals(2, keys);
    }
}

package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** Issue 16 at the counter, by keyboard only: sell a pass, check in, top up, pay from stored value. */
class CounterCardsScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private void inDialog(String id) {
        UiFixture.waitUntil(() -> lookup(id).tryQuery().isPresent());
        javafx.stage.Window dialog = lookup(id).query().getScene().getWindow();
        targetWindow(dialog);
        // keys go to the focused window: wait until the dialog has it
        UiFixture.waitUntil(dialog::isFocused);
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

    private long storedValueProduct(long price, long bonus) {
        return ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "储值卡", price, bonus, null,
                null, null, 0, 0, true, false));
    }

    @Test
    void issue16_sellAPassThenCheckInGreenThenRedOverTheDailyLimit() throws Exception {
        // a stored-value package and a one-a-day 30-day pass at ¥300
        storedValueProduct(100_000, 20_000);
        ui.app().cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, 1, 0, 0, true,
                false));
        ui.open("counter", Language.ENGLISH);
        serve("1234");

        type(KeyCode.F4);
        inDialog("#cardsale-dialog");
        UiFixture.waitUntil(() -> lookup("#cardsale-product").query().isFocused());
        // passes are listed before stored value: ↓ shows the package, ↑ goes back to the pass
        UiFixture.waitUntil(() -> text("#cardsale-quote").startsWith("30 days"));
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> text("#cardsale-quote").startsWith("Pays ¥1,000.00, gets ¥1,200.00"));
        type(KeyCode.UP);
        LocalDate today = LocalDate.now(ui.app().clock());
        // 30 days from today, both ends included: today + 29
        String to = today.plusDays(29).toString();
        UiFixture.waitUntil(() -> text("#cardsale-quote").equals("30 days, valid " + today + " to " + to
                + "\nTo pay: ¥300.00"));
        assertTrue(ui.app().cards().cards(wang.id()).isEmpty(), "nothing sold before Enter");
        javafx.scene.Scene dialogScene = lookup("#cardsale-dialog").query().getScene();
        type(KeyCode.ENTER);
        try {
            UiFixture.waitUntil(() -> lookup("#cardsale-dialog").tryQuery().isEmpty());
        } catch (AssertionError stuck) {
            throw new AssertionError("still open: problem '" + ((Label) dialogScene.lookup("#cardsale-problem"))
                    .getText() + "', focus " + dialogScene.getFocusOwner() + ", cards "
                    + ui.app().cards().cards(wang.id()).size() + ", sell disabled "
                    + dialogScene.lookup("#cardsale-go").isDisabled() + ", window focused "
                    + dialogScene.getWindow().isFocused(), stuck);
        }
        backToTheCounter("#cardsale-dialog");

        List<Card> held = ui.app().cards().cards(wang.id());
        assertEquals(1, held.size());
        Card pass = held.get(0);
        assertEquals(to, pass.validTo().toString());
        // a pass is a purchase: ¥300 spent, 300 points at the entry tier (1 point a yuan)
        UiFixture.waitUntil(() -> text("#counter-status").equals("Sold 月卡 " + pass.cardNo() + ", valid " + today
                + " to " + to + "."));
        assertEquals("+300 points · points balance: 300", text("#counter-after-points"));
        assertEquals(30_000, ui.app().purchases().history(wang.id(), 5).get(0).totalCents());
        UiFixture.waitUntil(() -> lookup("#counter-member-cards").tryQuery().isPresent());

        type(KeyCode.F3);
        UiFixture.waitUntil(() -> lookup("#checkin-who").query().isFocused());
        write("1234").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> "王芳 — welcome".equals(text("#checkin-headline")));
        assertEquals("月卡: valid to " + to, text("#checkin-detail"));
        assertTrue(lookup("#checkin-result").query().getStyleClass().contains("checkin-admitted"));
        // ready for the next person: empty, still focused
        assertEquals("", lookup("#checkin-who").queryAs(TextField.class).getText());
        assertTrue(lookup("#checkin-who").query().isFocused());

        write("M00000001").type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#checkin-result").query().getStyleClass().contains("checkin-refused"));
        assertEquals("Already checked in 1 time today (limit 1 a day).", text("#checkin-headline"));
        assertEquals("Not let in: M00000001", text("#checkin-detail"));
        assertEquals(1, ui.app().cards().visits(wang.id(), 10).size(), "the refusal recorded nothing");
    }

    @Test
    void issue16_topUpShowsTheLaddersBonusBeforeSaving() throws Exception {
        // ≥ ¥500 +¥50, ≥ ¥1,000 +¥150: a ¥1,000 top-up gets ¥150 (the highest step reached, not a sum)
        ui.app().cardProducts().setTopupSteps(Map.of(50_000L, 5_000L, 100_000L, 15_000L));
        long product = storedValueProduct(100_000, 20_000);
        ui.app().cards().sell(wang.id(), product, Pay.CASH, null, null);       // ¥1,000 + ¥200 bonus
        ui.open("counter", Language.ENGLISH);
        serve("1234");
        UiFixture.waitUntil(() -> lookup("#counter-member-cards").tryQuery().isPresent());

        type(KeyCode.F5);
        inDialog("#topup-dialog");
        UiFixture.waitUntil(() -> lookup("#topup-amount").query().isFocused());
        write("1000");
        // ¥1,000 + ¥150 = ¥1,150 onto the card; ¥1,200 + ¥1,150 = ¥2,350 after
        UiFixture.waitUntil(() -> text("#topup-preview").equals(
                "Pays in ¥1,000.00, bonus ¥150.00: ¥1,150.00 onto the card; balance after ¥2,350.00"));
        type(KeyCode.TAB).type(KeyCode.DOWN);                                 // cash → WeChat
        type(KeyCode.ENTER);
        backToTheCounter("#topup-dialog");

        Card card = ui.app().cards().storedValueCard(wang.id()).orElseThrow();
        assertEquals(200_000, card.principalCents());
        assertEquals(35_000, card.bonusCents());
        UiFixture.waitUntil(() -> text("#counter-status").startsWith("Topped up ¥1,000.00 on " + card.cardNo()
                + ", bonus ¥150.00. Balance now ¥2,350.00"));
        // a top-up is money received, not a purchase: no sale, no points
        assertTrue(ui.app().purchases().history(wang.id(), 5).isEmpty());
        assertEquals(0, ui.app().members().byId(wang.id()).orElseThrow().points());
    }

    @Test
    void issue16_paySaleWithStoredValuePlusCashShowsThePartsThenRecordsThem() throws Exception {
        long product = storedValueProduct(10_000, 2_000);                       // pay ¥100, get ¥120
        ui.app().cards().sell(wang.id(), product, Pay.CASH, null, null);
        ui.open("counter", Language.ENGLISH);
        serve("1234");
        write("门票").type(KeyCode.ENTER);
        write("60");
        type(KeyCode.F6);
        UiFixture.waitUntil(() -> lookup("#counter-pay").query().isFocused());
        type(KeyCode.DOWN, 4);                                                // cash, WeChat, Alipay, bank card → stored value
        // ¥60 of ¥120: bonus part floor(6,000 × 2,000 ÷ 12,000) = 1,000, principal 5,000
        UiFixture.waitUntil(() -> text("#counter-pay-plan").equals(
                "Stored value ¥120.00 · this sale takes ¥60.00: principal ¥50.00 + bonus ¥10.00"));

        // ¥150 is more than the card holds: stored value alone is refused before saving, and on Enter
        press(KeyCode.SHIFT).type(KeyCode.TAB, 2).release(KeyCode.SHIFT);     // back past the coupon to the amount
        UiFixture.waitUntil(() -> lookup("#counter-amount").query().isFocused());
        type(KeyCode.END);
        eraseText(2);
        write("150");
        UiFixture.waitUntil(() -> lookup("#counter-pay-plan").query().getStyleClass().contains("field-error"));
        assertEquals("Stored value holds 120.00, the sale is 150.00. Nothing was recorded; pay the rest another way"
                + " (stored value + cash).", text("#counter-pay-plan"));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#counter-problem").startsWith("Stored value holds 120.00"));
        assertTrue(ui.app().purchases().history(wang.id(), 5).isEmpty(), "a short balance records nothing");

        type(KeyCode.F6).type(KeyCode.DOWN);                                  // stored value → stored value + cash
        // all ¥120 from the card: bonus floor(12,000 × 2,000 ÷ 12,000) = 2,000, principal 10,000; ¥30 cash
        UiFixture.waitUntil(() -> text("#counter-pay-plan").equals(
                "Stored value ¥120.00 · this sale takes ¥120.00: principal ¥100.00 + bonus ¥20.00; the rest ¥30.00 by Cash"));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> text("#counter-status").endsWith(
                "Stored value paid ¥120.00 (principal ¥100.00, bonus ¥20.00)."));
        // spend counts what was really paid: ¥30 cash + ¥100 principal = ¥130; the bonus is like a discount
        Purchase sale = ui.app().purchases().history(wang.id(), 5).get(0);
        assertEquals(13_000, sale.totalCents());
        Card card = ui.app().cards().storedValueCard(wang.id()).orElseThrow();
        assertEquals(0, card.balanceCents());
        // the next customer pays cash again
        assertEquals(Pay.CASH, lookup("#counter-pay").queryComboBox().getValue());
    }
}

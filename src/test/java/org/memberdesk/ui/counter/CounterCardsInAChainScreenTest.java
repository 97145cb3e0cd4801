package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.members.Member;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The counter of the main store in a chain of two (issue 21), by keyboard and mouse: F4 offers the products this
 * computer sells (every store's and its own), never 二店's; F5 for a member whose only stored-value card is 二店's
 * offers this store's stored-value packages instead of a top-up that would be refused.
 */
class CounterCardsInAChainScreenTest extends FxRobot {
    private UiFixture ui;
    private Member wang;
    private Store second;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
        wang = ui.app().members().byNumber("M00000001").orElseThrow();
        second = ui.app().stores().add("二店");
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private long product(CardKind kind, String name, long price, Integer days, Long onlyAt) {
        return ui.app().cardProducts().addProduct(CardProduct.draft(kind, name, price, 0, null, days, null, 0, 0,
                true, false).onlyAt(onlyAt));
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private void inDialog(String id) {
        UiFixture.waitUntil(() -> lookup(id).tryQuery().isPresent());
        javafx.stage.Window dialog = lookup(id).query().getScene().getWindow();
        targetWindow(dialog);
        UiFixture.waitUntil(dialog::isFocused);
    }

    private void serve(String typed) {
        UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
        write(typed).type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
    }

    /** The product names the sale's list shows once clicked open (a cell reads "月卡  ¥300.00  · Pass"). */
    private List<String> productsOffered() {
        Node choice = lookup("#cardsale-product").query();
        UiFixture.waitUntil(() -> !lookup("#cardsale-product").queryComboBox().getItems().isEmpty());
        clickOn(choice);
        // the list's own popup: a scene of its own, neither the dialog's nor the counter's window
        List<String> shown = lookup(".list-cell").match((Node cell) -> cell.isVisible()
                        && cell.getScene() != choice.getScene() && cell.getScene() != ui.stage().getScene())
                .<ListCell<?>>queryAll().stream()
                .map(ListCell::getText).filter(t -> t != null && !t.isEmpty())
                .map(t -> t.substring(0, t.indexOf("  "))).toList();
        type(KeyCode.ESCAPE);
        return shown;
    }

    @Test
    void sellingACardOffersEveryStoresProductsAndThisStoresNotTheOtherStores() throws Exception {
        product(CardKind.PERIOD, "月卡", 30_000, 30, null);
        product(CardKind.PERIOD, "二店月卡", 25_000, 30, second.id());
        product(CardKind.PERIOD, "本店月卡", 28_000, 30, 1L);
        ui.open("counter", Language.ENGLISH);
        serve("1234");

        type(KeyCode.F4);
        inDialog("#cardsale-dialog");
        assertEquals(List.of("月卡", "本店月卡"), productsOffered());
        // the first is chosen and quoted as always: ¥300 for 30 days
        UiFixture.waitUntil(() -> text("#cardsale-quote").endsWith("To pay: ¥300.00"));
        type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> lookup("#cardsale-dialog").tryQuery().isEmpty());
    }

    @Test
    void topUpForAMemberWhoseOnlyStoredValueCardIsTheOtherStoresSellsAPackageSoldHere() throws Exception {
        long secondsWallet = product(CardKind.STORED_VALUE, "二店储值", 100_000, null, second.id());
        product(CardKind.STORED_VALUE, "储值卡", 50_000, null, null);
        Store main = ui.app().storeHere().current();
        ui.app().storeHere().become(second);
        Card secondsCard = ui.app().cards().sell(wang.id(), secondsWallet, Pay.CASH, null, null).card();
        ui.app().storeHere().become(main);
        ui.open("counter", Language.ENGLISH);
        serve("1234");
        // her card is shown among her cards, yet it works in 二店 only
        UiFixture.waitUntil(() -> lookup("#counter-member-cards").tryQuery().isPresent());

        type(KeyCode.F5);
        inDialog("#cardsale-dialog");
        assertEquals(Optional.empty(), lookup("#topup-dialog").tryQuery());
        assertEquals(List.of("储值卡"), productsOffered());
        UiFixture.waitUntil(() -> text("#cardsale-quote").startsWith("Pays ¥500.00, gets ¥500.00"));
        type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> lookup("#cardsale-dialog").tryQuery().isEmpty());
        targetWindow(ui.stage());
        // a second card: 二店's untouched (¥1,000), the new one ¥500 and the one topped up here from now on
        List<Card> held = ui.app().cards().cards(wang.id());
        assertEquals(2, held.size());
        assertEquals(100_000, ui.app().cards().card(secondsCard.cardNo()).balanceCents());
        assertEquals(50_000, ui.app().cards().storedValueCard(wang.id()).orElseThrow().balanceCents());
    }
}

package org.memberdesk.ui.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/**
 * The counter in a chain (issue 21) offers only what this computer may sell or top up: the card-sale dialog lists
 * every store's products and this store's, never another store's; the top-up goes to a stored-value card that works
 * here. Tasks run at once.
 */
class CardsSoldHereTest {
    @TempDir
    Path folder;
    private UiContext context;
    private Member wang;
    private Store main;
    private Store second;

    @BeforeEach
    void aChainOfTwo() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        main = context.app().storeHere().current();
        second = context.app().stores().add("二店");
    }

    private long product(CardKind kind, String name, long price, Integer days, Long onlyAt) {
        return context.app().cardProducts().addProduct(CardProduct.draft(kind, name, price, 0, null, days, null,
                0, 0, true, false).onlyAt(onlyAt));
    }

    private List<String> offered(boolean storedValueOnly) {
        CardSaleViewModel sale = CardSaleDialog.model(context, wang, List.of(), storedValueOnly);
        sale.start();
        return sale.products().stream().map(CardProduct::name).toList();
    }

    @Test
    void theCardSaleOffersEveryStoresProductsAndThisStoresOnly() {
        product(CardKind.PERIOD, "月卡", 30_000, 30, null);
        product(CardKind.PERIOD, "二店月卡", 25_000, 30, second.id());
        product(CardKind.STORED_VALUE, "储值卡", 100_000, null, null);
        product(CardKind.STORED_VALUE, "二店储值", 50_000, null, second.id());
        // at 本店: passes before stored value (the shop's order), 二店's two left out
        assertEquals(List.of("月卡", "储值卡"), offered(false));
        assertEquals(List.of("储值卡"), offered(true));

        context.app().storeHere().become(second);
        assertEquals(List.of("月卡", "二店月卡", "储值卡", "二店储值"), offered(false));
        assertEquals(List.of("储值卡", "二店储值"), offered(true));
    }

    @Test
    void aStoreWithNothingToSellSaysSo() {
        product(CardKind.PERIOD, "二店月卡", 25_000, 30, second.id());
        CardSaleViewModel sale = CardSaleDialog.model(context, wang, List.of(), false);
        sale.start();
        assertEquals(List.of(), sale.products());
        assertEquals(context.messages().get("cardsale.none"), sale.problemProperty().get());
    }

    @Test
    void theTopUpGoesToAStoredValueCardThatWorksHere() {
        long secondsWallet = product(CardKind.STORED_VALUE, "二店储值", 100_000, null, second.id());
        long wallet = product(CardKind.STORED_VALUE, "储值卡", 50_000, null, null);
        context.app().storeHere().become(second);
        Card secondsCard = context.app().cards().sell(wang.id(), secondsWallet, Pay.CASH, null, null).card();
        context.app().storeHere().become(main);
        CounterCards cards = new CounterCards(context.app().cards(), context.app().clock(), context.tasks(),
                context.messages(), new ReadOnlyObjectWrapper<Member>().getReadOnlyProperty(),
                Bindings.createLongBinding(() -> 0L));

        // 王芳 holds only 二店's card (¥1,000): it counts among her cards, but nothing here tops it up
        cards.load(wang.id());
        assertEquals(List.of(secondsCard.cardNo()), cards.held().stream().map(Card::cardNo).toList());
        assertEquals(java.util.Optional.empty(), cards.storedValue());

        // with an every-store card of ¥500 too, that one is topped up here, though 二店's holds more
        Card everywhere = context.app().cards().sell(wang.id(), wallet, Pay.CASH, null, null).card();
        cards.load(wang.id());
        assertEquals(everywhere.cardNo(), cards.storedValue().orElseThrow().cardNo());

        // at 二店 the one with the most on it: 二店's ¥1,000 over ¥500
        context.app().storeHere().become(second);
        cards.load(wang.id());
        assertEquals(secondsCard.cardNo(), cards.storedValue().orElseThrow().cardNo());
    }
}

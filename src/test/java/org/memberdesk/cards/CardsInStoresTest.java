package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.stores.Store;

/**
 * Cards in a shop of two stores (issue 21): what a computer in 二店 writes belongs to 二店 (read back from the rows),
 * a card of an unlimited product works in every store, and a card of a product limited to one store is refused in
 * the other with nothing changed. The clock is fixed at 2026-11-22 12:00 (TestDatabase).
 */
@BothEngines
class CardsInStoresTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    Store main;
    Store second;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        main = app.stores().here();
        second = app.stores().add("二店");
    }

    long product(CardKind kind, String name, long price, long bonus, Integer sessions, Integer days, Long onlyAt) {
        return app.cardProducts().addProduct(CardProduct.draft(kind, name, price, bonus, sessions, days, null, 0, 0,
                true, false).onlyAt(onlyAt));
    }

    /** The store ids of a table's rows, oldest first ({@code visits}, {@code card_entries}, {@code payments}). */
    List<Long> stores(String table) {
        return app.database().read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT store_id FROM " + table + " ORDER BY id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    long count(String table) {
        return stores(table).size();
    }

    @Test
    void whatTheSecondStoreDoesIsRecordedAsItsOwn() {
        long storedValue = product(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null, null, null);
        long swim = product(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 180, null);
        app.stores().workHere(second.id());

        Card wallet = app.cards().sell(wang.id(), storedValue, Pay.CASH, null, null).card();
        app.cards().topup(wallet.cardNo(), 50_000, PayMethod.WECHAT, null);
        CardService.Sold sold = app.cards().sell(wang.id(), swim, Pay.CASH, null, null);
        app.checkIns().checkIn("A1", sold.card().cardNo(), null);
        // ¥120 from stored value: principal 100,000 + 50,000 = 150,000, bonus 20,000 (the ¥500 top-up has no step)
        app.counterSales().sell(wang.id(), List.of(new PurchaseLine("毛巾", 1, 12_000)), null,
                new Pay(PayMethod.STORED_VALUE, null));

        // entries: the wallet's sale, its top-up, the swim card's sale, its visit, the wallet's payment
        assertEquals(List.of(2L, 2L, 2L, 2L, 2L), stores("card_entries"));
        // payments: the wallet (cash), the top-up (wechat), the swim card's sale (cash), the towel from stored value
        assertEquals(List.of(2L, 2L, 2L, 2L), stores("payments"));
        assertEquals(List.of(2L), stores("visits"));
        // the swim card's sale and the towel's sale are purchases of 二店 too
        assertEquals(List.of(2L, 2L), stores("purchases"));

        app.cards().refund(wallet.cardNo(), "moving away", PayMethod.CASH, null);
        // the refund's entry and the principal paid out belong where it was done
        assertEquals(2L, stores("card_entries").get(5));
        assertEquals(2L, stores("payments").get(4));
    }

    @Test
    void aCardOfAnUnlimitedProductSoldInOneStoreIsUsedInTheOther() {
        long storedValue = product(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null, null, null);
        long swim = product(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 180, null);
        Card wallet = app.cards().sell(wang.id(), storedValue, Pay.CASH, null, null).card();
        Card card = app.cards().sell(wang.id(), swim, Pay.CASH, null, null).card();

        app.storeHere().become(second);
        CheckIns.CheckedIn in = app.checkIns().checkIn("A1", card.cardNo(), null);
        app.cards().topup(wallet.cardNo(), 10_000, PayMethod.CASH, null);
        app.counterSales().sell(wang.id(), List.of(new PurchaseLine("毛巾", 1, 6_000)), null,
                new Pay(PayMethod.STORED_VALUE, null));

        assertEquals(9, in.card().sessionsLeft()); // 10 sold, 1 used in 二店
        // sold in 本店 (the wallet's and the swim card's sales), then used, topped up and paid from in 二店
        assertEquals(List.of(1L, 1L, 2L, 2L, 2L), stores("card_entries"));
        assertEquals(List.of(2L), stores("visits"));
        // 100,000 + 20,000 + 10,000 − 6,000 = 124,000 cents left on the wallet
        assertEquals(124_000, app.cards().card(wallet.cardNo()).balanceCents());
    }

    @Test
    void aCardLimitedToTheSecondStoreIsRefusedInTheMainStoreAndNothingChanges() {
        long wallet = product(CardKind.STORED_VALUE, "二店储值", 100_000, 0, null, null, second.id());
        long swim = product(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 180, second.id());
        // refused in 本店 from the sale on: the product is 二店's
        ValidationException notSold = assertThrows(ValidationException.class,
                () -> app.cards().sell(wang.id(), swim, Pay.CASH, null, null));
        assertEquals("This card (Swim 10) is for 二店 only; this computer is in Main store. Nothing was recorded.",
                notSold.problems().get(0).describe(Messages.english()));
        assertEquals("此卡（Swim 10）仅限二店使用；这台电脑在本店。未做任何记录。",
                notSold.problems().get(0).describe(Messages.chinese()));

        app.storeHere().become(second);
        Card stored = app.cards().sell(wang.id(), wallet, Pay.CASH, null, null).card();
        Card sessions = app.cards().sell(wang.id(), swim, Pay.CASH, null, null).card();
        app.checkIns().checkIn("A1", sessions.cardNo(), null);

        app.storeHere().become(main);
        long entries = count("card_entries");
        long payments = count("payments");
        long visits = count("visits");
        long purchases = count("purchases");
        refused(() -> app.checkIns().checkIn("A1", sessions.cardNo(), null), "Swim 10");
        // without naming the card: the only card that lets in is 二店's, so the same reason
        refused(() -> app.checkIns().checkIn("13812345678", null, null), "Swim 10");
        refused(() -> app.cards().topup(stored.cardNo(), 10_000, PayMethod.CASH, null), "二店储值");
        refused(() -> app.counterSales().sell(wang.id(), List.of(new PurchaseLine("毛巾", 1, 6_000)), null,
                new Pay(PayMethod.STORED_VALUE, PayMethod.CASH)), "二店储值");
        refused(() -> app.cards().sell(wang.id(), swim, Pay.CASH, null, null), "Swim 10");
        // the stored-value card does not pay here, so the counter shows none
        assertEquals(java.util.Optional.empty(), app.cards().storedValueCard(wang.id()));

        assertEquals(9, app.cards().card(sessions.cardNo()).sessionsLeft()); // 10 sold, 1 used in 二店
        assertEquals(100_000, app.cards().card(stored.cardNo()).balanceCents());
        assertEquals(entries, count("card_entries"));
        assertEquals(payments, count("payments"));
        assertEquals(visits, count("visits"));
        assertEquals(purchases, count("purchases"));
        assertEquals(1, app.cards().visits(wang.id(), 10).size());

        // back in 二店 it works again
        app.storeHere().become(second);
        assertEquals(8, app.checkIns().checkIn("A1", sessions.cardNo(), null).card().sessionsLeft());
    }

    @Test
    void eachComputerIsOfferedTheProductsItMaySellAndNoOther() {
        long month = product(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null);
        long secondsMonth = product(CardKind.PERIOD, "二店月卡", 25_000, 0, null, 30, second.id());
        long mainsMonth = product(CardKind.PERIOD, "本店月卡", 28_000, 0, null, 30, main.id());
        long old = product(CardKind.PERIOD, "旧卡", 10_000, 0, null, 30, null);
        app.cardProducts().archiveProduct(old, true);
        // 本店: the every-store product and its own, in the order added; not 二店's, not the archived one
        assertEquals(List.of("月卡", "本店月卡"), soldHere());
        app.storeHere().become(second);
        assertEquals(List.of("月卡", "二店月卡"), soldHere());
        // the same rule as the sale's: each offered is quoted here, the other store's is refused
        for (long offered : List.of(month, secondsMonth)) {
            assertEquals(offered, app.cards().quote(wang.id(), offered, Pay.CASH).product().id());
        }
        ValidationException notHere = assertThrows(ValidationException.class,
                () -> app.cards().quote(wang.id(), mainsMonth, Pay.CASH));
        assertEquals("This card (本店月卡) is for Main store only; this computer is in 二店. Nothing was recorded.",
                notHere.problems().get(0).describe(Messages.english()));
    }

    private List<String> soldHere() {
        return app.cards().productsSoldHere().stream().map(CardProduct::name).toList();
    }

    @Test
    void cardsBroughtInByAnImportAtTheSecondStoreAreItsOwn() throws Exception {
        product(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null, null, null);
        product(CardKind.SESSIONS, "Swim 10", 80_000, 0, 10, 180, null);
        app.storeHere().become(second);
        Path file = folder.resolve("cards.csv");
        java.nio.file.Files.writeString(file, """
                member_no,product,principal,bonus,sessions_left,valid_from,valid_to
                A1,充1000送200,500,100,,,
                A1,Swim 10,,,4,2026-10-01,2026-12-31
                """, java.nio.charset.StandardCharsets.UTF_8);
        org.memberdesk.io.ImportResult result = app.cardImporter().importFile(file,
                org.memberdesk.io.ImportOptions.defaults(), org.memberdesk.common.Progress.NONE, Messages.english());

        assertEquals(2, result.imported());
        // each card's one opening entry belongs to the store it was brought in at
        assertEquals(List.of(2L, 2L), stores("card_entries"));
        assertEquals(List.of(), stores("payments")); // the money was received by the old system
    }

    @Test
    void aCardOfTheMainStoreNamesItInThePersonsLanguage() {
        long wallet = product(CardKind.STORED_VALUE, "本店储值", 100_000, 0, null, null, main.id());
        Card card = app.cards().sell(wang.id(), wallet, Pay.CASH, null, null).card();
        app.storeHere().become(second);
        ValidationException refusal = assertThrows(ValidationException.class,
                () -> app.cards().topup(card.cardNo(), 10_000, PayMethod.CASH, null));
        assertEquals("This card (本店储值) is for Main store only; this computer is in 二店. Nothing was recorded.",
                refusal.problems().get(0).describe(Messages.english()));
        assertEquals("此卡（本店储值）仅限本店使用；这台电脑在二店。未做任何记录。",
                refusal.problems().get(0).describe(Messages.chinese()));
        assertEquals(100_000, app.cards().card(card.cardNo()).balanceCents());
    }

    @Test
    void aProductIsLimitedToAStoreThatExistsOnly() {
        long limited = product(CardKind.PERIOD, "二店月卡", 30_000, 0, null, 30, second.id());
        long everywhere = product(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null);
        assertEquals(second.id(), app.cardProducts().products().stream().filter(p -> p.id() == limited)
                .findFirst().orElseThrow().storeId());
        assertNull(app.cardProducts().products().stream().filter(p -> p.id() == everywhere)
                .findFirst().orElseThrow().storeId());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> product(CardKind.PERIOD, "三店月卡", 30_000, 0, null, 30, 99L));
        assertEquals("store.unknown", unknown.problems().get(0).key());
    }

    private static void refused(Executable action, String productName) {
        ValidationException refusal = assertThrows(ValidationException.class, action);
        assertEquals("This card (" + productName + ") is for 二店 only; this computer is in Main store. Nothing was"
                + " recorded.", refusal.problems().get(0).describe(Messages.english()));
    }
}

package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.stores.Store;

/**
 * Opening balances (cards brought over from another system) written set-based, as import-cards does: numbered C and
 * six digits at least, their balances and opening entries alike on both engines — a batch of stored value alone has
 * no sessions and no dates in any row, and numbers go past six digits.
 */
@BothEngines
class OpeningCardsTest {
    @TempDir
    Path folder;

    @Test
    void item1_openingBalancesAreNumberedAndKeptAlikeOnEitherEngine() {
        AppContext app = TestDatabase.open(folder);
        long member = app.members().add(TestDatabase.member("A1", "王芳", "13812345678")).id();
        long valueId = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "储值卡", 50_000, 5_000,
                null, null, null, 0, 0, true, false));
        long sessionsId = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "十次卡", 30_000, 0, 10,
                180, null, 2, 30, true, false));
        CardProduct value = product(app, valueId);
        CardProduct sessions = product(app, sessionsId);
        LocalDateTime at = LocalDateTime.of(2026, 11, 20, 9, 0);

        // stored value only: every row's sessions and dates are NULL
        long first = openings(app, List.of(new OpeningCards.Opening(member, value, 15_000, 15_000, 2_000, null, null,
                null, Store.MAIN), new OpeningCards.Opening(member, value, 800, 800, 0, null, null, null, Store.MAIN)),
                at);
        assertEquals(1, first);

        // a card numbered 999,999 already there (brought over by hand): the next two are numbered past six digits
        app.database().write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at)
                    VALUES (999999, 'C999999', ?, ?, 'stored-value', 0, '2026-11-01 00:00:00')""")) {
                insert.setLong(1, member);
                insert.setLong(2, valueId);
                return insert.executeUpdate();
            }
        });
        long next = openings(app, List.of(new OpeningCards.Opening(member, sessions, 12_000, 0, 0, 4,
                LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31), Store.MAIN), new OpeningCards.Opening(member,
                value, 0, 0, 0, null, null, null, Store.MAIN), new OpeningCards.Opening(member, sessions, 3_000, 0, 0,
                1, null, null, Store.MAIN)), at);
        assertEquals(1_000_000, next);

        Card c1 = app.cards().card("C000001");
        assertEquals(15_000, c1.principalCents());
        assertEquals(2_000, c1.bonusCents());
        assertEquals(15_000, c1.paidCents());
        assertNull(c1.sessionsLeft());
        assertNull(c1.validTo());
        assertEquals(800, app.cards().card("C000002").principalCents());
        Card big = app.cards().card("C1000000");
        assertEquals(CardKind.SESSIONS, big.kind());
        assertEquals(4, big.sessionsSold());
        assertEquals(4, big.sessionsLeft());
        assertEquals(LocalDate.of(2027, 3, 31), big.validTo());
        assertEquals(12_000, big.paidCents());
        assertEquals(0, app.cards().card("C1000001").balanceCents());
        // each opening entry carries exactly its card's balances: 15,000 + 2,000 on C000001, 4 sessions on C1000000
        assertEquals(List.of("opening 15000 2000 0"), entries(app, "C000001"));
        assertEquals(List.of("opening 0 0 4"), entries(app, "C1000000"));
        // the member's cards: stored value first, then by last day, a card without one first (as SQLite sorts NULL)
        assertEquals(List.of("C000001", "C000002", "C999999", "C1000001", "C1000002", "C1000000"),
                app.cards().cards(member).stream().map(Card::cardNo).toList());
        CardReports.CardCheck check = app.cardReports().check();
        assertEquals(6, check.cards());
        assertTrue(check.ok(), check.problems().toString());
    }

    private static CardProduct product(AppContext app, long id) {
        return app.cardProducts().products().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private static long openings(AppContext app, List<OpeningCards.Opening> openings, LocalDateTime at) {
        return app.database().write(connection -> new OpeningCards(new CardStore()).insert(connection, openings, at,
                7));
    }

    private static List<String> entries(AppContext app, String cardNo) {
        return app.cards().history(cardNo).entries().stream()
                .map(e -> e.kind() + " " + e.principalCents() + " " + e.bonusCents() + " " + e.sessions()).toList();
    }
}

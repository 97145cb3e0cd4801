package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;

/**
 * 200 random counter operations on stored value — packages, top-ups, sales paid from stored value alone or split,
 * returns in parts, voids, refunds — and after every tenth: every card's balance equals its entries (check-cards), and
 * equals what the payments table says independently (money put in − principal paid out + principal given back),
 * and each sale's payments add up to its total. Two tables written by different code must agree.
 */
@BothEngines
class StoredValueLedgerRandomTest {
    @TempDir
    Path folder;

    @Test
    void balancesEqualTheirEntriesAndThePaymentsAfterEveryOperation() {
        AppContext app = TestDatabase.open(folder);
        CardService cards = app.cards();
        Random random = new Random(16);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(app.members().add(TestDatabase.member("S" + i, "会员" + i, "1380000000" + i)));
        }
        long package1 = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充300送60", 30_000, 6_000, null,
                null, null, 0, 0, true, false));
        app.cardProducts().setTopupSteps(Map.of(10_000L, 700L, 50_000L, 6_000L));
        List<String> sales = new ArrayList<>();
        int refused = 0;
        for (int step = 0; step < 200; step++) {
            Member member = members.get(random.nextInt(members.size()));
            try {
                switch (random.nextInt(6)) {
                    case 0 -> cards.sell(member.id(), package1, Pay.CASH, null, null);
                    case 1 -> cards.storedValueCard(member.id()).ifPresent(card ->
                            cards.topup(card.cardNo(), 1 + random.nextInt(60_000), PayMethod.ALIPAY, null));
                    case 2, 3 -> {
                        List<PurchaseLine> lines = List.of(new PurchaseLine("咖啡", 1 + random.nextInt(3),
                                1 + random.nextInt(9_000)), new PurchaseLine("蛋糕", 1, 1 + random.nextInt(5_000)));
                        Pay pay = random.nextBoolean() ? new Pay(PayMethod.STORED_VALUE, null)
                                : new Pay(PayMethod.STORED_VALUE, PayMethod.WECHAT);
                        sales.add(app.counterSales().sell(member.id(), lines, null, pay).purchase().purchaseNo());
                    }
                    case 4 -> {
                        if (!sales.isEmpty()) {
                            String sale = sales.get(random.nextInt(sales.size()));
                            if (random.nextInt(4) == 0) {
                                app.counterSales().voidSale(sale, "按错了", null);
                                sales.remove(sale);
                            } else {
                                app.counterSales().giveBack(sale, List.of(new CounterSales.LineReturn(
                                        1 + random.nextInt(2), 1)), "退");
                            }
                        }
                    }
                    default -> {
                        if (random.nextInt(8) == 0) {
                            cards.storedValueCard(member.id()).ifPresent(card ->
                                    cards.refund(card.cardNo(), "不用了", PayMethod.CASH, "店长", null));
                        }
                    }
                }
            } catch (ValidationException e) {
                refused++; // short balances, lines already returned, voids of sales not the latest …
            }
            if (step % 10 == 9) {
                CardReports.CardCheck check = app.cardReports().check();
                assertTrue(check.ok(), "step " + step + ": " + check.problems());
                assertPaymentsAgree(app, step);
            }
        }
        assertTrue(refused < 130, "most operations went through: " + refused + " refused");
        assertTrue(sales.size() > 25, "sales made: " + sales.size());
    }

    private static void assertPaymentsAgree(AppContext app, int step) {
        app.database().read(connection -> {
            // principal on every card = put in (package, top-ups) − paid from it + paid back to it − refunded
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT c.card_no, c.principal_cents,
                           (SELECT coalesce(sum(CASE WHEN p.kind IN ('card', 'topup') THEN p.amount_cents
                                                     WHEN p.method = 'stored-value' THEN -p.amount_cents
                                                     WHEN p.kind = 'card-refund' THEN p.amount_cents END), 0)
                            FROM payments p WHERE p.card_id = c.id)
                    FROM cards c WHERE c.kind = 'stored-value'""");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    assertEquals(rs.getLong(3), rs.getLong(2), "step " + step + ", card " + rs.getString(1));
                }
            }
            // every purchase made at the counter: its payments add up to its total (a return's are negative)
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT pu.purchase_no, pu.total_cents, coalesce(sum(pa.amount_cents), 0)
                    FROM purchases pu LEFT JOIN payments pa ON pa.purchase_id = pu.id
                    GROUP BY pu.id""");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    assertEquals(rs.getLong(2), rs.getLong(3), "step " + step + ", purchase " + rs.getString(1));
                }
            }
            return null;
        });
    }
}

package org.memberdesk.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.ValidationException;
import org.memberdesk.io.BulkImportLikeCounterTest;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.members.Member;
import org.memberdesk.points.Growth;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.purchases.PurchaseLine;

/**
 * Thousands of sales (at the tier discount), returns (whole, some lines, part of a line) and voids through the
 * counter's API, over two and a half years, end exactly as importing their history does: the purchases that
 * stand (a voided sale is not one) with what was paid and given back, in the same order, into a shop with the
 * same members and rules. Tables compared by natural keys ({@link BulkImportLikeCounterTest#assertSame}): purchases,
 * lines, member statistics, member_items, the points ledger entry by entry, balances, tiers and tier changes,
 * kept totals; the ledger proves itself and the kept totals equal a recount on both sides.
 */
@BothEngines
class CounterHistoryImportsAlikeTest {
    private static final String[] ITEMS = {"成人门票", "餐饮", "年卡", "文创纪念品", "停车", "索道"};

    @TempDir
    Path folder;

    @Test
    void finding1_salesReturnsAndVoidsAtTheCounterEndAsTheirHistoryImported() throws Exception {
        Path membersCsv = folder.resolve("members.csv");
        StringBuilder members = new StringBuilder("member_no,name,phone,birthday,join_date\n");
        for (int i = 1; i <= 20; i++) {
            members.append(String.format("M%02d,会员%d,138%08d,1990-%02d-15,2024-01-01%n", i, i, i, 1 + i % 12));
        }
        Files.writeString(membersCsv, members);

        Growth counter = shop(folder.resolve("counter"), membersCsv);
        Random random = new Random(20261206);
        Map<String, List<String>> salesOf = new HashMap<>();
        LocalDateTime time = LocalDateTime.of(2024, 1, 3, 10, 0);
        int sold = 0;
        int returned = 0;
        int voided = 0;
        int refused = 0;
        int voidedUpgrades = 0;
        int owing = 0;
        // points spent at the counter between purchases: replayed on the import side at the same place in history
        List<Spent> spent = new ArrayList<>();
        for (int step = 0; step < 2_000; step++) {
            time = time.plusHours(1 + random.nextInt(16));
            counter.clock.set(time);
            String memberNo = String.format("M%02d", 1 + random.nextInt(20));
            Member member = counter.app.members().byNumber(memberNo).orElseThrow();
            List<String> own = salesOf.computeIfAbsent(memberNo, k -> new ArrayList<>());
            int roll = random.nextInt(100);
            long balance = counter.app.members().byId(member.id()).orElseThrow().points();
            if (roll >= 91 && balance > 0) {
                long points = balance - random.nextLong(1 + balance / 5); // most of it: a later return may owe
                counter.app.points().redeemPoints(member.id(), points, "兑换礼品", "收银员");
                spent.add(new Spent(counter.sql("SELECT count(*) FROM purchases"), memberNo, time, points));
                continue;
            }
            if (roll < 70 || own.isEmpty()) {
                List<PurchaseLine> lines = new ArrayList<>();
                for (int l = random.nextInt(10) < 3 ? 2 + random.nextInt(2) : 1; l > 0; l--) {
                    int quantity = 1 + random.nextInt(4);
                    lines.add(new PurchaseLine(ITEMS[random.nextInt(ITEMS.length)], quantity,
                            quantity * (999 + random.nextInt(40_000))));
                }
                CounterSales.Sale sale = counter.app.counterSales().sell(member.id(), lines, null);
                sold++;
                if (random.nextInt(100) < 8) {
                    // keyed by mistake: voided a few minutes later, before anything else of the member
                    counter.clock.set(time.plusMinutes(3));
                    counter.app.counterSales().voidSale(sale.purchase().purchaseNo(), "重复录入", "收银员");
                    voided++;
                    voidedUpgrades += java.util.Objects.equals(sale.tier(), member.tier()) ? 0 : 1;
                } else {
                    own.add(sale.purchase().purchaseNo());
                }
            } else {
                String saleNo = own.get(random.nextInt(own.size()));
                CounterSales.Returnable returnable = counter.app.counterSales().returnable(saleNo);
                List<CounterSales.LineReturn> asked = new ArrayList<>();
                if (random.nextInt(3) > 0) {
                    SoldLine line = returnable.lines().get(random.nextInt(returnable.lines().size()));
                    if (line.quantityLeft() > 0) {
                        asked.add(new CounterSales.LineReturn(line.lineNo(), 1 + random.nextInt(line.quantityLeft())));
                    }
                }
                try {
                    CounterSales.Returned back = counter.app.counterSales().giveBack(saleNo, asked,
                            random.nextBoolean() ? "不满意" : null);
                    returned++;
                    owing += back.pointsBalance() < 0 ? 1 : 0;
                } catch (ValidationException e) {
                    refused++; // everything of it was returned already (or that line was)
                }
            }
        }

        // the history that stands, as files: every purchase and return in the order it was made, cut where points
        // were spent, so the import side spends them at the same place
        List<List<Object>> history = BulkImportLikeCounterTest.rows(counter, """
                SELECT p.purchase_no, m.member_no, p.time, i.name, pi.quantity, pi.amount_cents, r.purchase_no
                FROM purchases p JOIN members m ON m.id = p.member_id
                JOIN purchase_items pi ON pi.purchase_id = p.id JOIN items i ON i.id = pi.item_id
                LEFT JOIN purchases r ON r.id = p.refund_of
                ORDER BY p.id, pi.line_no""");
        Growth imported = shop(folder.resolve("imported"), membersCsv);
        long importedPurchases = 0;
        int next = 0;
        String lastNumber = null;
        int purchasesSoFar = 0;
        for (int part = 0; part <= spent.size(); part++) {
            // the purchases stored before this spending (ids follow the order they were made; voided ones are gone)
            long upTo = part < spent.size() ? spent.get(part).purchasesBefore() : Long.MAX_VALUE;
            StringBuilder file = new StringBuilder("purchase_no,member_no,time,item,quantity,amount,refund_of\n");
            while (next < history.size()) {
                List<Object> row = history.get(next);
                if (!row.get(0).equals(lastNumber)) {
                    if (purchasesSoFar == upTo) {
                        break;
                    }
                    purchasesSoFar++;
                    lastNumber = (String) row.get(0);
                }
                file.append(String.join(",", (String) row.get(0), (String) row.get(1), (String) row.get(2),
                        (String) row.get(3), row.get(4).toString(),
                        Money.formatYuan(((Number) row.get(5)).longValue()),
                        row.get(6) == null ? "" : (String) row.get(6))).append('\n');
                next++;
            }
            Path historyCsv = folder.resolve("history-" + part + ".csv");
            Files.writeString(historyCsv, file);
            imported.clock.set(part < spent.size() ? spent.get(part).time() : time.plusDays(1));
            ImportResult result = imported.app.purchaseImporter().importFile(historyCsv,
                    ImportOptions.defaults().withReturns(true).withBatchSize(13), Progress.NONE,
                    Messages.english());
            assertEquals(0, result.rejected() + result.duplicates());
            importedPurchases += result.imported();
            if (part < spent.size()) {
                Spent s = spent.get(part);
                imported.app.points().redeemPoints(imported.app.members().byNumber(s.memberNo()).orElseThrow().id(),
                        s.points(), "兑换礼品", "收银员");
            }
        }

        assertEquals(sold - voided + returned, importedPurchases);
        BulkImportLikeCounterTest.assertSame(imported, counter);

        // the scenario reached what it is meant to test
        assertTrue(voided >= 50, "voids: " + voided);
        assertTrue(returned >= 300 && refused > 0, "returns: " + returned + ", refused: " + refused);
        assertTrue(counter.sql("SELECT count(*) FROM purchases WHERE tier_discount_cents > 0") >= 100,
                "sales at a tier discount");
        assertTrue(counter.sql("SELECT count(*) FROM purchase_items WHERE sale_line_no IS NOT NULL"
                + " AND quantity < (SELECT s.quantity FROM purchase_items s JOIN purchases p ON p.refund_of = s.purchase_id"
                + " WHERE p.id = purchase_items.purchase_id AND s.line_no = purchase_items.sale_line_no)") >= 30,
                "parts of a line returned");
        assertTrue(counter.sql("SELECT count(*) FROM tier_changes") >= 10, "upgrades");
        assertTrue(counter.sql("SELECT count(*) FROM points_ledger WHERE kind = 'expire'") >= 3, "points expired");
        assertTrue(counter.sql("SELECT count(*) FROM voided_purchases") == voided);
        assertTrue(voidedUpgrades >= 1, "a voided sale had moved its member up");
        assertTrue(owing >= 5, "returns after the points were spent left points owed: " + owing);
        assertTrue(spent.size() >= 20, "points spent: " + spent.size());
    }

    /** Points spent at the counter after {@code purchasesBefore} purchases and returns were stored. */
    private record Spent(long purchasesBefore, String memberNo, LocalDateTime time, long points) {
    }

    private static Growth shop(Path folder, Path membersCsv) throws Exception {
        Files.createDirectories(folder);
        Growth g = new Growth(folder, LocalDateTime.of(2024, 1, 1, 9, 0));
        g.app.points().applyTemplate(PointsTemplate.scenic()); // categories, birthday ×2, sign-up 100, first 50
        g.app.memberImporter().importFile(membersCsv, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        return g;
    }
}

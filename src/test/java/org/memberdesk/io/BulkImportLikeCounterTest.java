package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.points.Growth;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseStore;

/**
 * The set-based import gives exactly what entering the same purchases at the counter, one by one in file
 * order, gives: purchases, lines, member statistics, member_items, the points ledger (entry by entry, in
 * order; ids aside), balances, tiers and tier changes, and the kept totals. The file is generated (seeded)
 * with multi-line purchases, partial and full returns (some naming no sale), birthday-month purchases,
 * spend enough for upgrades in the middle of a batch (so the tier's points percent changes mid-batch),
 * points that expire before a later return, unknown members, numbers taken by another member, and is
 * imported in small batches so refunds and state cross batch boundaries; then imported again.
 */
@BothEngines
public class BulkImportLikeCounterTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 7, 1, 9, 0);
    private static final String[] ITEMS = {"成人门票", "餐饮", "年卡", "文创纪念品", "停车", "索道"};

    @TempDir
    Path folder;
    private boolean pointsLadder;

    /** One purchase of the file: its rows share the number. */
    private record Row(String number, String memberNo, LocalDateTime time, String item, int quantity, long cents,
                       String refundOf) {
    }

    @Test
    void importedFileEndsExactlyAsTheCounterEnteringTheSamePurchases() throws Exception {
        importEndsAsTheCounter(false);
    }

    /**
     * The same on a points ladder (tiers measured by points earned in the window): the pipeline measures the
     * written ledger and the batch's own unwritten entries (before issue 15 this took a row-by-row path).
     */
    @Test
    void finding1_onAPointsLadderTheImportEndsAsTheCounter() throws Exception {
        importEndsAsTheCounter(true);
    }

    private void importEndsAsTheCounter(boolean pointsLadder) throws Exception {
        this.pointsLadder = pointsLadder;
        Path membersCsv = folder.resolve("members.csv");
        StringBuilder members = new StringBuilder("member_no,name,phone,birthday,join_date\n");
        for (int i = 1; i <= 25; i++) {
            members.append(String.format("M%02d,会员%d,138%08d,1990-%02d-15,2024-01-01%n", i, i, i, 1 + i % 12));
        }
        Files.writeString(membersCsv, members);
        List<List<Row>> purchases = generate(new Random(20261122));
        Path purchasesCsv = folder.resolve("purchases.csv");
        StringBuilder file = new StringBuilder("purchase_no,member_no,time,item,quantity,amount,refund_of\n");
        for (List<Row> purchase : purchases) {
            for (Row r : purchase) {
                file.append(String.join(",", r.number(), r.memberNo(), r.time().format(
                        org.memberdesk.members.MemberStore.TIME), r.item(), Integer.toString(r.quantity()),
                        Money.formatYuan(r.cents()), r.refundOf() == null ? "" : r.refundOf())).append('\n');
            }
        }
        Files.writeString(purchasesCsv, file);

        Growth imported = shop(folder.resolve("imported"), membersCsv);
        ImportOptions options = ImportOptions.defaults().withReturns(true).withBatchSize(7);
        ImportResult first = imported.app.purchaseImporter().importFile(purchasesCsv, options, Progress.NONE,
                Messages.english());

        Growth counter = shop(folder.resolve("counter"), membersCsv);
        long typed = 0;
        long refused = 0;
        for (List<Row> purchase : purchases) {
            Optional<Member> member = counter.app.members().byNumber(purchase.get(0).memberNo());
            if (member.isEmpty()) {
                refused++;
                continue;
            }
            List<PurchaseLine> lines = new ArrayList<>();
            for (Row r : purchase) {
                lines.add(new PurchaseLine(r.item(), r.quantity(), r.cents()));
            }
            try {
                counter.app.purchases().record(new PurchaseDraft(purchase.get(0).number(), member.get().id(),
                        purchase.get(0).time(), lines, purchase.get(0).refundOf()), true);
                typed++;
            } catch (ValidationException e) {
                refused++;
            }
        }

        assertEquals(typed, first.imported());
        assertEquals(refused, first.duplicates() + first.rejected());
        assertTrue(first.imported() > 300, "most purchases are stored: " + first.imported());
        assertSame(imported, counter);

        // the scenario reached what it is meant to test
        assertTrue(counter.sql("SELECT count(*) FROM tier_changes") >= 5, "upgrades happened");
        assertTrue(counter.sql("SELECT count(*) FROM points_ledger WHERE kind = 'expire'") >= 3, "points expired");
        assertTrue(counter.sql("SELECT count(*) FROM points_ledger WHERE kind = 'reverse'") >= 10, "returns took back");
        assertTrue(counter.sql("SELECT count(*) FROM purchases WHERE kind = 'return' AND refund_of IS NULL") >= 2);
        assertTrue(counter.sql("SELECT count(*) FROM points_ledger WHERE reason = 'first_purchase'") >= 20);
        assertTrue(counter.sql("SELECT count(*) FROM (SELECT purchase_id FROM purchase_items GROUP BY purchase_id"
                + " HAVING count(*) > 1) AS multi") >= 30, "multi-line purchases");
        assertTrue(first.rejected() > 0 && first.duplicates() > 0);

        ImportResult again = imported.app.purchaseImporter().importFile(purchasesCsv, options, Progress.NONE,
                Messages.english());
        assertEquals(0, again.imported());
        assertEquals(first.imported() + first.duplicates(), again.duplicates());
        assertSame(imported, counter);
    }

    /**
     * Rows of one purchase apart in the file (in the same batch, or in a later one) earn and upgrade as the
     * counter entering the purchase with all its lines: the lines added later earn what all the lines earn
     * less what the first ones earned, then the tier is checked again. Also on the row-by-row path (taken with
     * --create-members or a points ladder).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"2, false", "1000, false", "2, true"})
    void linesApartInTheFileEarnAndUpgradeAsOnePurchase(int batchSize, boolean rowByRow) throws Exception {
        Path membersCsv = folder.resolve("members.csv");
        Files.writeString(membersCsv, """
                member_no,name,phone,birthday,join_date
                M01,张三,13800000001,1990-02-15,2026-01-02
                M02,李四,13800000002,1990-02-15,2026-01-02
                """);
        Path purchasesCsv = folder.resolve("apart.csv");
        Files.writeString(purchasesCsv, """
                purchase_no,member_no,time,item,quantity,amount,refund_of
                A-1,M01,2026-03-01 10:00:00,成人门票,2,600.00,
                B-1,M02,2026-03-01 11:00:00,成人门票,1,100.00,
                A-1,M01,2026-03-01 10:00:00,餐饮,3,450.00,
                """);
        Growth imported = shop(folder.resolve("imported" + batchSize + rowByRow), membersCsv);
        ImportResult result = imported.app.purchaseImporter().importFile(purchasesCsv,
                ImportOptions.defaults().withBatchSize(batchSize).withCreateMembers(rowByRow), Progress.NONE,
                Messages.english());
        assertEquals(2, result.imported());
        Growth counter = shop(folder.resolve("counter" + batchSize + rowByRow), membersCsv);
        Member m1 = counter.app.members().byNumber("M01").orElseThrow();
        Member m2 = counter.app.members().byNumber("M02").orElseThrow();
        LocalDateTime at = LocalDateTime.of(2026, 3, 1, 10, 0);
        counter.app.purchases().record(new PurchaseDraft("A-1", m1.id(), at, List.of(
                new PurchaseLine("成人门票", 2, 60_000), new PurchaseLine("餐饮", 3, 45_000)), null), false);
        counter.app.purchases().record(new PurchaseDraft("B-1", m2.id(), at.plusHours(1), List.of(
                new PurchaseLine("成人门票", 1, 10_000)), null), false);

        // by hand (scenic: 门票 ×1, 二次消费 ×2, 普通 100 %, not the birthday month):
        //   A-1 whole: 60000×100 + 45000×200 = 15,000,000 → 1,500 points, + first purchase 50, + sign-up 100
        //   imported: the first line 6,000,000 → 600, the later line 1,500 − 600 = 900: the same 1,500
        //   net spend ¥1,050 ≥ ¥1,000 → 银卡 (checked again when the later line arrives)
        Member a = imported.app.members().byNumber("M01").orElseThrow();
        assertEquals(1_650, imported.balance(a));
        assertEquals("银卡", imported.tier(a));
        assertEquals(1_650, counter.balance(m1));
        for (String query : List.of(
                """
                SELECT p.purchase_no, pi.line_no, i.name, pi.quantity, pi.amount_cents, p.total_cents
                FROM purchase_items pi JOIN purchases p ON p.id = pi.purchase_id JOIN items i ON i.id = pi.item_id
                ORDER BY p.purchase_no, pi.line_no""",
                """
                SELECT member_no, purchase_count, spent_cents, first_purchase_at, points, tier, tier_upgraded_at
                FROM members ORDER BY member_no""",
                """
                SELECT p.purchase_no, l.reason, sum(l.points), max(l.expires_on) FROM points_ledger l
                LEFT JOIN purchases p ON p.id = l.purchase_id GROUP BY p.purchase_no, l.reason ORDER BY 1, 2""",
                """
                SELECT m.member_no, c.time, c.from_tier, c.to_tier, c.measured, p.purchase_no FROM tier_changes c
                JOIN members m ON m.id = c.member_id JOIN purchases p ON p.id = c.purchase_id ORDER BY c.id""",
                "SELECT members, purchases, returns, revenue_cents FROM totals")) {
            assertEquals(rows(counter, query), rows(imported, query), query);
        }
        assertEquals(1, rows(imported, "SELECT * FROM tier_changes").size());
    }

    private Growth shop(Path folder, Path membersCsv) throws Exception {
        Files.createDirectories(folder);
        Growth g = new Growth(folder, NOW);
        g.app.points().applyTemplate(PointsTemplate.scenic()); // categories, birthday ×2, sign-up 100, first 50
        if (pointsLadder) {
            // 银卡 from 1,000 points earned in 12 months, 金卡 3,000, 黑金 10,000 (the spend ladder's yuan as points)
            org.memberdesk.tiers.Ladder spend = g.app.tiers().ladder();
            List<org.memberdesk.tiers.Tier> tiers = spend.tiers().stream().map(t -> new org.memberdesk.tiers.Tier(
                    t.rank(), t.name(), t.threshold() / 100, t.pointsPercent(), t.discountPercent(), t.perks()))
                    .toList();
            g.app.tiers().saveLadder(new org.memberdesk.tiers.Ladder(new org.memberdesk.tiers.TierProgram(
                    org.memberdesk.tiers.TierProgram.Basis.POINTS, 12, 6), tiers));
        }
        g.app.memberImporter().importFile(membersCsv, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        return g;
    }

    /** About 450 purchases over 30 months, members interleaved in runs as real files are. */
    private static List<List<Row>> generate(Random random) {
        List<List<Row>> purchases = new ArrayList<>();
        List<List<Row>> sales = new ArrayList<>();
        LocalDateTime time = LocalDateTime.of(2024, 1, 3, 10, 0);
        int n = 0;
        while (purchases.size() < 450) {
            String memberNo = random.nextInt(60) == 0 ? "X99" : String.format("M%02d", 1 + random.nextInt(25));
            int run = 1 + random.nextInt(4);
            for (int k = 0; k < run; k++) {
                time = time.plusHours(1 + random.nextInt(60));
                // now and then a purchase entered late: older than the one before it
                LocalDateTime at = random.nextInt(12) == 0 ? time.minusDays(random.nextInt(40)) : time;
                String number = "P" + (++n);
                int kind = random.nextInt(100);
                List<Row> rows = new ArrayList<>();
                List<Row> sale = pick(random, sales, memberNo);
                if (kind < 12 && sale != null) {
                    long saleCents = sale.stream().mapToLong(Row::cents).sum();
                    long back = random.nextBoolean() ? saleCents : Math.max(100, saleCents / (2 + random.nextInt(3)));
                    rows.add(new Row(number, memberNo, at.isAfter(sale.get(0).time()) ? at
                            : sale.get(0).time().plusHours(1), sale.get(0).item(), 1, -back, sale.get(0).number()));
                } else if (kind < 15) {
                    rows.add(new Row(number, memberNo, at, ITEMS[random.nextInt(ITEMS.length)], 1,
                            -(500 + random.nextInt(20_000)), null));
                } else if (kind < 17 && !sales.isEmpty()) {
                    // a number another member's sale already has: a duplicate, not a purchase
                    List<Row> other = sales.get(random.nextInt(sales.size()));
                    String taker = other.get(0).memberNo().equals("M01") ? "M02" : "M01";
                    rows.add(new Row(other.get(0).number(), taker, at, "餐饮", 1, 3_000, null));
                } else {
                    int lines = random.nextInt(10) < 3 ? 2 + random.nextInt(2) : 1;
                    for (int l = 0; l < lines; l++) {
                        int quantity = 1 + random.nextInt(3);
                        long cents = quantity * (1_000 + random.nextInt(60_000));
                        rows.add(new Row(number, memberNo, at, ITEMS[random.nextInt(ITEMS.length)], quantity, cents,
                                null));
                    }
                    sales.add(rows);
                }
                purchases.add(rows);
            }
        }
        return purchases;
    }

    private static List<Row> pick(Random random, List<List<Row>> sales, String memberNo) {
        List<List<Row>> own = sales.stream().filter(s -> s.get(0).memberNo().equals(memberNo)).toList();
        return own.isEmpty() ? null : own.get(random.nextInt(own.size()));
    }

    /** Everything the two shops store, by natural keys (ids, import ids and timestamps of writing aside). */
    public static void assertSame(Growth a, Growth b) {
        for (String query : List.of(
                """
                SELECT p.purchase_no, m.member_no, p.time, p.kind, p.total_cents, r.purchase_no
                FROM purchases p JOIN members m ON m.id = p.member_id LEFT JOIN purchases r ON r.id = p.refund_of
                ORDER BY p.purchase_no""",
                """
                SELECT p.purchase_no, pi.line_no, i.name, pi.quantity, pi.amount_cents
                FROM purchase_items pi JOIN purchases p ON p.id = pi.purchase_id JOIN items i ON i.id = pi.item_id
                ORDER BY p.purchase_no, pi.line_no""",
                """
                SELECT member_no, purchase_count, return_count, spent_cents, returned_cents, first_purchase_at,
                       last_purchase_at, points, tier, tier_upgraded_at
                FROM members ORDER BY member_no""",
                """
                SELECT i.name, m.member_no, mi.first_bought_at
                FROM member_items mi JOIN items i ON i.id = mi.item_id JOIN members m ON m.id = mi.member_id
                ORDER BY i.name, m.member_no""",
                """
                SELECT m.member_no, l.time, l.kind, l.points, p.purchase_no, r.kind, r.time, rp.purchase_no, r.reason,
                       l.reason, l.expires_on, l.remaining
                FROM points_ledger l JOIN members m ON m.id = l.member_id
                LEFT JOIN purchases p ON p.id = l.purchase_id
                LEFT JOIN points_ledger r ON r.id = l.ref_id LEFT JOIN purchases rp ON rp.id = r.purchase_id
                ORDER BY l.id""",
                """
                SELECT m.member_no, c.time, c.from_tier, c.to_tier, c.direction, c.reason, c.measured, p.purchase_no
                FROM tier_changes c JOIN members m ON m.id = c.member_id LEFT JOIN purchases p ON p.id = c.purchase_id
                ORDER BY c.id""",
                "SELECT members, purchases, returns, revenue_cents FROM totals")) {
            assertEquals(rows(b, query), rows(a, query), query);
        }
        for (Growth g : List.of(a, b)) {
            PurchaseStore store = new PurchaseStore();
            PurchaseStore.Totals kept = g.database.read(store::totals);
            assertEquals(g.database.read(store::recomputeTotals), kept);
            assertEquals(0, g.app.points().checkLedger().bad());
        }
    }

    public static List<List<Object>> rows(Growth g, String query) {
        return g.database.read(connection -> {
            List<List<Object>> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(query);
                 ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }
}

package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/** The same purchases typed at the counter and imported from a file earn the same points and tiers. */
@BothEngines
class ImportEarnsLikeCounterTest {
    @TempDir
    Path folder;

    @Test
    void importedAndTypedPurchasesEndTheSame() throws Exception {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 6, 30, 18, 0));
        g.app.points().applyTemplate(PointsTemplate.scenic());   // categories, birthday ×2, sign-up 100, first 50
        Path members = folder.resolve("members.csv");
        Files.writeString(members, """
                member_no,name,phone,birthday,join_date
                A1,张三,13800000001,1990-05-18,2026-01-02
                B1,李四,13800000002,1990-05-18,2026-01-02
                """);
        g.app.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE, Messages.english());
        Member a = g.app.members().byNumber("A1").orElseThrow();
        Member b = g.app.members().byNumber("B1").orElseThrow();
        assertEquals(100, g.balance(a));                      // the sign-up bonus comes with an import too

        Path purchases = folder.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,quantity,amount,refund_of
                A-1,A1,2026-02-01 10:00:00,成人门票,2,240.00,
                A-1,A1,2026-02-01 10:00:00,餐饮,1,45.50,
                A-2,A1,2026-05-18 11:00:00,年卡,1,298.00,
                A-3,A1,2026-06-01 12:00:00,文创纪念品,1,900.00,
                A-4,A1,2026-06-02 12:00:00,文创纪念品,1,-900.00,A-3
                """);
        g.app.purchaseImporter().importFile(purchases, ImportOptions.defaults().withReturns(true),
                Progress.NONE, Messages.english());

        typed(g, b, "B-1", "2026-02-01T10:00", null, new PurchaseLine("成人门票", 2, 24_000),
                new PurchaseLine("餐饮", 1, 4_550));
        typed(g, b, "B-2", "2026-05-18T11:00", null, new PurchaseLine("年卡", 1, 29_800));
        typed(g, b, "B-3", "2026-06-01T12:00", null, new PurchaseLine("文创纪念品", 1, 90_000));
        typed(g, b, "B-4", "2026-06-02T12:00", "B-3", new PurchaseLine("文创纪念品", 1, -90_000));

        // by hand: sign-up 100
        //   Feb: 24000×100 + 4550×200 = 3,310,000 → 331 points, + first purchase 50
        //   May (birthday month, ×2): 29800 × 150 (年卡) × 200 / 10^6 = 894
        //   Jun 1: 90000 × 200 (二次消费) at 普通 100% = 1,800 points; then ¥240 + 45.50 + 298 + 900 = ¥1,483.50
        //          in 12 months ≥ ¥1,000 → 银卡
        //   Jun 2: the whole of A-3 comes back: −1,800
        //   100 + 331 + 50 + 894 + 1,800 − 1,800 = 1,375
        assertEquals(1_375, g.balance(a));
        assertEquals(g.balance(a), g.balance(b));
        assertEquals("银卡", g.tier(a));
        assertEquals(g.tier(a), g.tier(b));
        List<Long> importedPoints = g.app.points().entries(a.id(), 20).stream().map(PointsEntry::points).toList();
        List<Long> typedPoints = g.app.points().entries(b.id(), 20).stream().map(PointsEntry::points).toList();
        assertEquals(importedPoints, typedPoints);
        assertEquals(0, g.app.points().checkLedger().bad());
    }

    private static void typed(Growth g, Member m, String number, String time, String refundOf, PurchaseLine... lines) {
        LocalDateTime at = LocalDateTime.parse(time);
        g.app.purchases().record(new PurchaseDraft(number, m.id(), at, List.of(lines), refundOf), refundOf != null);
    }

}

package org.memberdesk.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;

/** The kept totals (what `stats` reads) equal a full count after every kind of write. */
@BothEngines
class TotalsTest {
    @TempDir
    Path folder;

    @Test
    void keptTotalsEqualAFullRecountAfterCounterImportsReturnsAndReimport() throws Exception {
        AppContext app = TestDatabase.open(folder);
        Member wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        LocalDateTime at = LocalDateTime.of(2026, 3, 5, 10, 0);
        app.purchases().record(new PurchaseDraft("C1", wang.id(), at, List.of(new PurchaseLine("门票", 2, 12_000),
                new PurchaseLine("餐饮", 1, 4_550)), null), false);
        app.purchases().record(new PurchaseDraft("C2", wang.id(), at.plusDays(1),
                List.of(new PurchaseLine("门票", 1, -12_000)), "C1"), true);
        check(app, new PurchaseStore.Totals(1, 1, 1, 4_550)); // 120.00 + 45.50 − 120.00 = 45.50

        Path members = folder.resolve("members.csv");
        Files.writeString(members, """
                member_no,name,phone
                B1,李四,13800000002
                B2,赵五,13800000003
                A1,王芳,13812345678
                """);
        app.memberImporter().importFile(members, ImportOptions.defaults(), Progress.NONE, Messages.english());
        Path purchases = folder.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,quantity,amount,refund_of
                I1,B1,2026-03-01 10:00:00,门票,1,100.00,
                I1,B1,2026-03-01 10:00:00,餐饮,1,20.00,
                I2,B2,2026-03-02 10:00:00,门票,1,300.00,
                I3,B2,2026-03-03 10:00:00,门票,1,-300.00,I2
                I4,B1,2026-03-04 10:00:00,门票,1,-15.00,
                I1,B1,2026-03-01 10:00:00,停车,1,5.00,
                C1,B1,2026-03-05 10:00:00,门票,1,99.00,
                X1,ZZ,2026-03-05 10:00:00,门票,1,99.00,
                """);
        ImportOptions options = ImportOptions.defaults().withReturns(true).withBatchSize(2);
        app.purchaseImporter().importFile(purchases, options, Progress.NONE, Messages.english());
        // members: 1 + 2 new (A1 again is a duplicate) = 3
        // sales: C1 + I1 + I2 = 3; returns: C2 + I3 + I4 = 3
        // revenue: 45.50 (counter) + 125.00 (I1, three lines) + 300.00 − 300.00 − 15.00 = 155.50
        check(app, new PurchaseStore.Totals(3, 3, 3, 15_550));
        app.purchaseImporter().importFile(purchases, options, Progress.NONE, Messages.english());
        check(app, new PurchaseStore.Totals(3, 3, 3, 15_550));
        // members created on the fly take the row-by-row path: counted too
        Path more = folder.resolve("more.csv");
        Files.writeString(more, """
                purchase_no,member_no,phone,time,item,quantity,amount
                N1,N01,13900000001,2026-03-06 10:00:00,门票,1,50.00
                """);
        app.purchaseImporter().importFile(more, options.withCreateMembers(true), Progress.NONE,
                Messages.english());
        check(app, new PurchaseStore.Totals(4, 4, 3, 20_550));
    }

    private static void check(AppContext app, PurchaseStore.Totals expected) {
        PurchaseStore.Totals kept = app.purchases().totals();
        assertEquals(expected, kept);
        assertEquals(app.database().read(connection -> new PurchaseStore().recomputeTotals(connection)), kept);
    }
}

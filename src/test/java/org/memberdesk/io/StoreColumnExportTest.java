package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Progress;

/**
 * Exports of a chain say the store (where a purchase was made, where a member joined); a single shop's exports are
 * what they always were, byte for byte.
 */
@BothEngines
class StoreColumnExportTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void shop() throws IOException {
        app = TestDatabase.open(folder.resolve("shop"));
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("M2", "李雷", "13987654321"));
        Path file = folder.resolve("purchases.csv");
        Files.writeString(file, """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00:00,成人门票,70
                T2,M2,2026-02-01 10:05:00,餐饮,30.5
                """, StandardCharsets.UTF_8);
        app.purchaseImporter().importFile(file, ImportOptions.defaults(), Progress.NONE, Messages.english());
    }

    private List<String> exported(boolean members) throws IOException {
        Path file = folder.resolve(members ? "members-out.csv" : "purchases-out.csv");
        Files.deleteIfExists(file);
        if (members) {
            app.exporter().exportMembers(file, Progress.NONE);
        } else {
            app.exporter().exportPurchases(file, Progress.NONE);
        }
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aSingleShopsExportsHaveNoStoreColumn() throws IOException {
        assertEquals(List.of(
                "purchase_no,member_no,phone,time,item,quantity,amount,refund_of",
                "T1,M1,13812345678,2026-02-01 10:00:00,成人门票,1,70.00,",
                "T2,M2,13987654321,2026-02-01 10:05:00,餐饮,1,30.50,"), exported(false));
        assertEquals(List.of(
                "member_no,name,phone,gender,birthday,join_date,channel,referrer_no,notes,purchases,returns,"
                        + "total_spent,first_purchase,last_purchase,archived",
                "M1,王芳,13812345678,F,1990-05-01,2026-01-10,门店,,,1,0,70.00,2026-02-01 10:00:00,"
                        + "2026-02-01 10:00:00,",
                "M2,李雷,13987654321,F,1990-05-01,2026-01-10,门店,,,1,0,30.50,2026-02-01 10:05:00,"
                        + "2026-02-01 10:05:00,"), exported(true));
    }

    @Test
    void aChainsExportsSayTheStoreByItsName() throws IOException {
        app.stores().add("二店");
        app.stores().settle(Optional.of("二店"));
        app.members().add(TestDatabase.member("M3", "张伟", "13700002222"));
        Path file = folder.resolve("more.csv");
        Files.writeString(file, """
                purchase_no,member_no,time,item,amount
                T3,M3,2026-02-02 09:00:00,索道,80
                """, StandardCharsets.UTF_8);
        app.purchaseImporter().importFile(file, ImportOptions.defaults(), Progress.NONE, Messages.english());

        // the store last, after refund_of: T1 and T2 were made before 二店 existed (本店), T3 in 二店
        assertEquals(List.of(
                "purchase_no,member_no,phone,time,item,quantity,amount,refund_of,store",
                "T1,M1,13812345678,2026-02-01 10:00:00,成人门票,1,70.00,,本店",
                "T2,M2,13987654321,2026-02-01 10:05:00,餐饮,1,30.50,,本店",
                "T3,M3,13700002222,2026-02-02 09:00:00,索道,1,80.00,,二店"), exported(false));
        // the members' store after the columns an import reads back (notes), before the spend summary
        List<String> members = exported(true);
        assertEquals("member_no,name,phone,gender,birthday,join_date,channel,referrer_no,notes,store,"
                + "purchases,returns,total_spent,first_purchase,last_purchase,archived", members.get(0));
        assertEquals("M1,王芳,13812345678,F,1990-05-01,2026-01-10,门店,,,本店,1,0,70.00,2026-02-01 10:00:00,"
                + "2026-02-01 10:00:00,", members.get(1));
        assertEquals("M3,张伟,13700002222,F,1990-05-01,2026-01-10,门店,,,二店,1,0,80.00,2026-02-02 09:00:00,"
                + "2026-02-02 09:00:00,", members.get(3));
    }

    @Test
    void aChainsExportImportsBackIntoTheSameStores() throws IOException {
        app.stores().add("二店");
        app.stores().settle(Optional.of("二店"));
        app.members().add(TestDatabase.member("M3", "张伟", "13700002222"));
        exported(true);
        exported(false);

        AppContext other = TestDatabase.open(folder.resolve("other"));
        other.stores().add("二店");
        other.memberImporter().importFile(folder.resolve("members-out.csv"), ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        other.purchaseImporter().importFile(folder.resolve("purchases-out.csv"), ImportOptions.defaults(),
                Progress.NONE, Messages.english());
        Files.deleteIfExists(folder.resolve("purchases-out.csv"));
        Files.deleteIfExists(folder.resolve("members-out.csv"));
        List<String> before = exported(false);
        app = other;
        assertEquals(before, exported(false));
        assertEquals("M3,张伟,13700002222,F,1990-05-01,2026-01-10,门店,,,二店,0,0,0.00,,,", exported(true).get(3));
    }
}

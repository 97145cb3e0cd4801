package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 18, findings 1 and 6: anyone at the computer could export every member's full phone number, and nothing
 * said who did. Now a cashier may not export at all, a manager's export has the phones masked, only the owner's
 * has them in full, and every export is one entry of the operation log (the full-phone ones marked as such).
 */
@BothEngines
class ExportsByStaffTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void shop() {
        app = TestDatabase.open(folder.resolve("shop"));
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("M2", "李雷", "13987654321"));
    }

    @Test
    void finding6_aManagersMemberExportHasMaskedPhonesAndIsLogged() throws IOException {
        LoggedActions.become(app, "店长老陈", Role.MANAGER);
        Path file = folder.resolve("members.csv");

        assertEquals(2, app.exporter().exportMembers(file, Progress.NONE));

        List<CSVRecord> rows = CsvInjectionTest.records(file);
        assertEquals(List.of("138****5678", "139****4321"), rows.stream().map(r -> r.get("phone")).toList());
        assertFalse(Files.readString(file).contains("13812345678"), "no full number anywhere in the file");
        assertEquals(List.of("店长老陈|export|members.csv|2 members, phones masked"),
                LoggedActions.of(app.database(), "export", "export-full-phones"));
    }

    @Test
    void finding6_theOwnersExportHasFullPhonesAndIsLoggedAsSuch() throws IOException {
        LoggedActions.become(app, "店主", Role.OWNER);
        Path file = folder.resolve("members.csv");

        app.exporter().exportMembers(file, Progress.NONE);

        assertEquals(List.of("13812345678", "13987654321"),
                CsvInjectionTest.records(file).stream().map(r -> r.get("phone")).toList());
        assertEquals(List.of("店主|export-full-phones|members.csv|2 members, phones in full"),
                LoggedActions.of(app.database(), "export", "export-full-phones"));
    }

    @Test
    void finding6_aManagersPurchaseExportHasMaskedPhones() throws IOException {
        Member m1 = app.members().byNumber("M1").orElseThrow();
        app.purchases().record(new PurchaseDraft("P1", m1.id(), TestDatabase.NOW.minusDays(1),
                List.of(new PurchaseLine("咖啡", 1, 2_500)), null), false);
        LoggedActions.become(app, "店长老陈", Role.MANAGER);
        Path file = folder.resolve("purchases.csv");

        assertEquals(1, app.exporter().exportPurchases(file, Progress.NONE));

        assertEquals(List.of("138****5678"), CsvInjectionTest.records(file).stream().map(r -> r.get("phone")).toList());
        assertEquals(List.of("店长老陈|export|purchases.csv|1 purchase line, phones masked"),
                LoggedActions.of(app.database(), "export", "export-full-phones"));
    }

    @Test
    void finding1_aCashierMayNotExportAndNoFileIsWritten() {
        LoggedActions.become(app, "小王", Role.CASHIER);
        Path file = folder.resolve("members.csv");

        assertThrows(NotAllowedException.class, () -> app.exporter().exportMembers(file, Progress.NONE));
        assertThrows(NotAllowedException.class, () -> app.exporter().exportPurchases(file, Progress.NONE));

        assertFalse(Files.exists(file));
        assertEquals(List.of(), LoggedActions.of(app.database(), "export", "export-full-phones"));
    }
}

package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Role;

/**
 * Issue 18, findings 1, 5 and 6 on the command line: with {@code --staff} a cashier is refused exports, imports,
 * backups and restores (exit 4, nothing written), a manager's export has masked phones, and the command line without
 * {@code --staff} is the owner as before, full phones and all, its export logged as such.
 */
class StaffDataCommandsTest {
    @TempDir
    Path folder;
    Path db;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli().run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    @BeforeEach
    void shop() {
        db = folder.resolve("shop.db");
        AppContext app = new AppContext(Database.open(db), Clock.systemDefaultZone());
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        app.staff().add("小王", Role.CASHIER, "1234");
        app.staff().add("老陈", Role.MANAGER, "5678");
    }

    private Database database() {
        return Database.open(db);
    }

    @Test
    void finding1_aCashiersExportImportBackupAndRestoreExitWith4AndChangeNothing() throws Exception {
        Path out = folder.resolve("members.csv");
        Path in = folder.resolve("in.csv");
        Files.writeString(in, "member_no,name,phone\nM2,李雷,13987654321\n");
        String backup = folder.resolve("old.db").toString();
        Files.copy(db, Path.of(backup));

        for (List<String> command : List.of(List.of("export-members", out.toString()),
                List.of("export-purchases", out.toString()), List.of("import-members", in.toString()),
                List.of("backup"), List.of("restore", backup))) {
            List<String> args = new java.util.ArrayList<>(List.of("--db", db.toString(), "--staff", "小王", "--pin",
                    "1234"));
            args.addAll(command);
            Run run = run(args.toArray(String[]::new));
            assertEquals(4, run.code(), command + ": " + run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
        }

        assertFalse(Files.exists(out));
        assertFalse(Files.exists(folder.resolve("backups")), "no backup of any kind");
        Database after = database();
        assertEquals(List.of(), LoggedActions.of(after, "export", "import", "backup", "restore"));
    }

    @Test
    void finding6_aManagersExportIsMaskedAndTheOwnersIsInFullAsBefore() throws Exception {
        Path masked = folder.resolve("masked.csv");
        Path full = folder.resolve("full.csv");

        assertEquals(0, run("--db", db.toString(), "--staff", "老陈", "--pin", "5678", "export-members",
                masked.toString()).code());
        assertEquals(0, run("--db", db.toString(), "export-members", full.toString()).code());

        assertTrue(Files.readString(masked).contains(",138****5678,"), Files.readString(masked));
        assertTrue(Files.readString(full).contains(",13812345678,"), Files.readString(full));
        String owner = "cli:" + System.getProperty("user.name");
        assertEquals(List.of("老陈|export|masked.csv|1 member, phones masked",
                owner + "|export-full-phones|full.csv|1 member, phones in full"),
                LoggedActions.of(database(), "export", "export-full-phones"));
    }
}

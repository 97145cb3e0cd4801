package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;

/**
 * The operation log's hash chain against someone who edits the database file outside the app, as a person with
 * the sqlite3 command line would: drop the append-only triggers, then change, delete or slip in rows, copying
 * whatever fields they see. {@code audit verify} must name the first entry that no longer holds.
 */
class AuditChainTest {
    @TempDir
    Path folder;
    Path file;
    AppContext app;

    @BeforeEach
    void fiveEntries() {
        file = folder.resolve("shop.db");
        app = new AppContext(Database.open(file), TestDatabase.clock());
        app.session().become(Actor.commandLine("alice"));
        OperationLog log = app.operationLog();
        log.record(OperationLog.Entry.of(Operation.SALE, 12L, "S1", "¥12.00 成人门票"));
        log.record(OperationLog.Entry.of(Operation.POINTS_ADJUST, 12L, "M12", "100 → 150").because("生日补分"));
        log.record(OperationLog.Entry.of(Operation.CARD_REFUND, 13L, "C0001", "¥500.00 → ¥0.00").because("搬家"));
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, "members.xlsx", "1,024 members, phones masked"));
        log.record(OperationLog.Entry.of(Operation.VOID, 12L, "S1", "¥12.00 → voided"));
    }

    /** What someone with sqlite3 does first: the triggers are only in the way. */
    private void outside(String... statements) throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER IF EXISTS operation_log_no_update");
            statement.execute("DROP TRIGGER IF EXISTS operation_log_no_delete");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String column(String sql) throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anIntactLogHoldsFromFirstToLast() {
        AuditChain.Verification verified = app.operationLog().verify();
        assertEquals(5, verified.entries());
        assertNull(verified.brokenAt());
        assertTrue(verified.intact());
        assertEquals(5, app.operationLog().count());
    }

    @Test
    void anEmptyLogIsIntact() throws Exception {
        outside("DELETE FROM operation_log");
        assertEquals(new AuditChain.Verification(0, null), app.operationLog().verify());
    }

    /** The stored format, recomputed here without AuditChain: SHA-256 over length-prefixed UTF-8 fields. */
    @Test
    void theFirstEntrysHashIsSha256OverItsLengthPrefixedFieldsAfter64Zeros() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        // "¥12.00 成人门票": ¥ is 2 bytes, "12.00 " 6, each of 成人门票 3: 2 + 6 + 12 = 20 bytes (9 characters)
        String text = "64:" + "0".repeat(64) + "1:1" + "19:2026-11-22 12:00:00" + "-1:" + "9:cli:alice" + "4:sale"
                + "2:12" + "2:S1" + "20:¥12.00 成人门票" + "-1:" + "1:0";
        String expected = HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, column("SELECT hash FROM operation_log WHERE id = 1"));
        assertEquals("0".repeat(64), column("SELECT prev_hash FROM operation_log WHERE id = 1"));
        // and each later entry holds the one before it
        assertEquals(column("SELECT hash FROM operation_log WHERE id = 1"),
                column("SELECT prev_hash FROM operation_log WHERE id = 2"));
        assertEquals("1", column("SELECT money FROM operation_log WHERE id = 3"), "a card refund moves money");
    }

    @Test
    void anEditedSummaryIsFoundAtThatEntry() throws Exception {
        outside("UPDATE operation_log SET summary = '¥5.00 → ¥0.00' WHERE id = 3");
        assertEquals(new AuditChain.Verification(5, 3L), app.operationLog().verify());
    }

    @Test
    void anEditedStaffNameOrTimeIsFoundAtThatEntry() throws Exception {
        outside("UPDATE operation_log SET staff_name = '小王' WHERE id = 2");
        assertEquals(2L, app.operationLog().verify().brokenAt());
    }

    @Test
    void anEditWhoseHashIsRecomputedIsFoundAtTheNextEntry() throws Exception {
        // someone who knows the format rewrites entry 3 and its hash, but not every entry after it
        String previous = column("SELECT prev_hash FROM operation_log WHERE id = 3");
        String forged = AuditChain.hash(previous, "3", "2026-11-22 12:00:00", null, "cli:alice", "card-refund", "13",
                "C0001", "¥5.00 → ¥0.00", "搬家", "1");
        outside("UPDATE operation_log SET summary = '¥5.00 → ¥0.00', hash = '" + forged + "' WHERE id = 3");
        assertEquals(new AuditChain.Verification(5, 4L), app.operationLog().verify());
    }

    @Test
    void aDeletedEntryIsFoundAtTheOneAfterIt() throws Exception {
        outside("DELETE FROM operation_log WHERE id = 2");
        assertEquals(new AuditChain.Verification(4, 3L), app.operationLog().verify());
    }

    @Test
    void theFirstEntryDeletedIsFoundAtTheSecond() throws Exception {
        outside("DELETE FROM operation_log WHERE id = 1");
        assertEquals(new AuditChain.Verification(4, 2L), app.operationLog().verify());
    }

    @Test
    void anEntryInsertedBeforeTheLastIsFoundWhereItWasSlippedIn() throws Exception {
        // the forger takes 4 and 5 out, puts in a 4 of their own that carries 3's hash as its previous and copies
        // the old 4's hash (they cannot compute one without the program), then puts the old 5 back
        String fourHash = column("SELECT hash FROM operation_log WHERE id = 4");
        outside("CREATE TABLE kept AS SELECT * FROM operation_log WHERE id = 5",
                "DELETE FROM operation_log WHERE id >= 4",
                """
                INSERT INTO operation_log (id, at, staff_id, staff_name, action, member_id, subject, summary, reason,
                                           money, prev_hash, hash)
                SELECT 4, at, NULL, 'cli:alice', 'points-adjust', 12, 'M12', '150 → 5150', '活动', 1, hash, '%s'
                FROM operation_log WHERE id = 3""".formatted(fourHash),
                "INSERT INTO operation_log SELECT * FROM kept",
                "DROP TABLE kept");
        assertEquals(new AuditChain.Verification(5, 4L), app.operationLog().verify());
    }

    @Test
    void anEntryInsertedByRenumberingTheRestIsFoundWhereItWasSlippedIn() throws Exception {
        // 4 and 5 moved up to 5 and 6 with every field copied, a forged 4 chained to 3 in between
        outside("UPDATE operation_log SET id = 6 WHERE id = 5",
                "UPDATE operation_log SET id = 5 WHERE id = 4",
                """
                INSERT INTO operation_log (id, at, staff_id, staff_name, action, member_id, subject, summary, reason,
                                           money, prev_hash, hash)
                SELECT 4, at, NULL, 'cli:alice', 'sale', 12, 'S9', '¥99.00', NULL, 0, hash, hash
                FROM operation_log WHERE id = 3""");
        assertEquals("6", column("SELECT count(*) FROM operation_log"));
        assertEquals(new AuditChain.Verification(6, 4L), app.operationLog().verify());
    }

    @Test
    void anEntryAppendedWithACopiedHashIsFoundToo() throws Exception {
        outside("""
                INSERT INTO operation_log (id, at, staff_id, staff_name, action, member_id, subject, summary, reason,
                                           money, prev_hash, hash)
                SELECT 6, at, staff_id, staff_name, action, member_id, subject, summary, reason, money, hash, hash
                FROM operation_log WHERE id = 5""");
        assertEquals(new AuditChain.Verification(6, 6L), app.operationLog().verify());
    }

    /**
     * What the chain cannot find, as the docs say: the last entries taken off the end, and a chain rewritten from the
     * edit onwards by someone who has the program. A copy of {@code audit verify}'s output kept off the computer
     * (the count, the last entry) is what shows those.
     */
    @Test
    void theLastEntriesRemovedOrTheWholeRestRewrittenAreNotFoundByTheChainAlone() throws Exception {
        outside("DELETE FROM operation_log WHERE id >= 4");
        assertEquals(new AuditChain.Verification(3, null), app.operationLog().verify());

        String previous = column("SELECT prev_hash FROM operation_log WHERE id = 3");
        String forged = AuditChain.hash(previous, "3", "2026-11-22 12:00:00", null, "cli:alice", "card-refund", "13",
                "C0001", "¥5.00 → ¥0.00", "搬家", "1");
        outside("UPDATE operation_log SET summary = '¥5.00 → ¥0.00', hash = '" + forged + "' WHERE id = 3");
        assertEquals(new AuditChain.Verification(3, null), app.operationLog().verify());
    }

    @Test
    void theAppsOwnConnectionsCannotChangeOrDeleteAnEntry() throws Exception {
        String before = column("SELECT summary FROM operation_log WHERE id = 3");
        DataException update = assertThrows(DataException.class, () -> app.database().write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE operation_log SET summary = 'x' WHERE id = 3");
            }
        }));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        DataException delete = assertThrows(DataException.class, () -> app.database().write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DELETE FROM operation_log WHERE id = 5");
            }
        }));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        assertEquals(before, column("SELECT summary FROM operation_log WHERE id = 3"));
        assertEquals(new AuditChain.Verification(5, null), app.operationLog().verify());
    }

    /** The same edit with the real sqlite3 command line, where the machine has it (CI does not install it). */
    @Test
    void anEditWithTheSqlite3CommandLineIsFound() throws Exception {
        assumeTrue(onPath("sqlite3"), "sqlite3 is not installed here");
        Process sqlite3 = new ProcessBuilder("sqlite3", file.toString(),
                "DROP TRIGGER operation_log_no_update; UPDATE operation_log SET reason = '顾客要求' WHERE id = 3;")
                .redirectErrorStream(true).start();
        String said = new String(sqlite3.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sqlite3.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, sqlite3.exitValue(), said);
        assertEquals("顾客要求", column("SELECT reason FROM operation_log WHERE id = 3"));
        assertEquals(new AuditChain.Verification(5, 3L), app.operationLog().verify());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}

package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.DataException;
import org.memberdesk.db.ServerAddress;

/**
 * The operation log's hash chain against someone who edits the database outside the app, as the database's owner
 * would with the sqlite3 command line on the file or psql on the server: drop the append-only triggers, then change,
 * delete or slip in rows, copying whatever fields they see. {@code audit verify} must name the first entry that no
 * longer holds. On both engines; the edit with the sqlite3 program itself is SQLite's only, psql's PostgreSQL's.
 */
@BothEngines
class AuditChainTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void fiveEntries() {
        app = TestDatabase.open(folder);
        app.session().become(Actor.commandLine("alice"));
        OperationLog log = app.operationLog();
        log.record(OperationLog.Entry.of(Operation.SALE, 12L, "S1", "¥12.00 成人门票"));
        log.record(OperationLog.Entry.of(Operation.POINTS_ADJUST, 12L, "M12", "100 → 150").because("生日补分"));
        log.record(OperationLog.Entry.of(Operation.CARD_REFUND, 13L, "C0001", "¥500.00 → ¥0.00").because("搬家"));
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, "members.xlsx", "1,024 members, phones masked"));
        log.record(OperationLog.Entry.of(Operation.VOID, 12L, "S1", "¥12.00 → voided"));
    }

    /**
     * A connection of the data's owner that is not the app's: straight to the SQLite file, or to the server as the
     * role that owns the shop's database (the one the app signs in as).
     */
    private Connection raw() throws SQLException {
        Optional<ServerAddress> server = app.database().server();
        if (server.isEmpty()) {
            return DriverManager.getConnection("jdbc:sqlite:" + app.database().file());
        }
        Properties login = new Properties();
        login.setProperty("user", server.get().user());
        server.get().password().ifPresent(password -> login.setProperty("password", password));
        return DriverManager.getConnection(server.get().jdbcUrl(), login);
    }

    /** What the owner does first outside the app: the triggers are only in the way, so they are dropped. */
    private void outside(String... statements) throws Exception {
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            for (String trigger : triggers(raw)) {
                statement.execute(TestDatabase.onServer() ? "DROP TRIGGER " + trigger + " ON operation_log"
                        : "DROP TRIGGER " + trigger);
            }
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The operation log's own triggers, by name, as the owner finds them in the database's catalogue. */
    private static List<String> triggers(Connection raw) throws SQLException {
        String sql = TestDatabase.onServer()
                ? "SELECT tgname FROM pg_trigger WHERE tgrelid = 'operation_log'::regclass AND NOT tgisinternal"
                : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'operation_log'";
        List<String> names = new ArrayList<>();
        try (Statement statement = raw.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private String column(String sql) throws Exception {
        try (Connection raw = raw(); Statement statement = raw.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
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

    /**
     * The chain hashes the text as written and verifies the text as read back: on either engine every character must
     * come back as it went in — an empty subject is not NULL, trailing spaces, a CR LF, a tab, a letter outside the
     * basic plane and a combining accent stay — or an untouched log would read as edited.
     */
    @Test
    void item1_textOfEveryKindComesBackAsWrittenSoTheChainHoldsOnEitherEngine() throws Exception {
        String subject = "";
        String summary = "  ¥1.00 → ¥0.50  \r\n第二行\t😀 e\u0301 ";
        app.operationLog().record(new OperationLog.Entry(Operation.POINTS_ADJUST, null, subject, summary, "  "));
        assertEquals("", column("SELECT subject FROM operation_log WHERE id = 6"));
        assertEquals(summary, column("SELECT summary FROM operation_log WHERE id = 6"));
        assertEquals("  ", column("SELECT reason FROM operation_log WHERE id = 6"));
        assertNull(column("SELECT member_id FROM operation_log WHERE id = 6"));
        // the hash written is the one of the text as the app had it, before any trip through the database
        String fifth = column("SELECT hash FROM operation_log WHERE id = 5");
        assertEquals(AuditChain.hash(fifth, "6", "2026-11-22 12:00:00", null, "cli:alice", "points-adjust", null,
                subject, summary, "  ", "1"), column("SELECT hash FROM operation_log WHERE id = 6"));
        assertEquals(new AuditChain.Verification(6, null), app.operationLog().verify());
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

    /**
     * The owner outside the app, changing nothing about the database first (no trigger dropped or disabled): an
     * UPDATE or DELETE of an entry, or emptying the log, is refused by the database itself, on either engine.
     */
    @Test
    void item1_theOwnerOutsideTheAppCannotChangeDeleteOrEmptyTheLogWithoutDroppingItsTriggers() throws Exception {
        List<String> edits = new ArrayList<>(List.of("UPDATE operation_log SET summary = 'x' WHERE id = 3",
                "DELETE FROM operation_log WHERE id = 5", "DELETE FROM operation_log"));
        if (TestDatabase.onServer()) {
            // TRUNCATE skips PostgreSQL's row triggers: a statement trigger of its own refuses it
            edits.add("TRUNCATE operation_log");
        }
        for (String edit : edits) {
            try (Connection raw = raw(); Statement statement = raw.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(edit), edit);
                assertTrue(refused.getMessage().contains("append-only"), edit + ": " + refused.getMessage());
            }
        }
        assertEquals("¥500.00 → ¥0.00", column("SELECT summary FROM operation_log WHERE id = 3"));
        assertEquals(new AuditChain.Verification(5, null), app.operationLog().verify());
    }

    /** The same edit with the real sqlite3 command line, where the machine has it (CI does not install it). */
    @Test
    void anEditWithTheSqlite3CommandLineIsFound() throws Exception {
        assumeFalse(TestDatabase.onServer(), "about the SQLite file: psql's is below");
        assumeTrue(onPath("sqlite3"), "sqlite3 is not installed here");
        Process sqlite3 = new ProcessBuilder("sqlite3", app.database().file().toString(),
                "DROP TRIGGER operation_log_no_update; UPDATE operation_log SET reason = '顾客要求' WHERE id = 3;")
                .redirectErrorStream(true).start();
        String said = new String(sqlite3.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sqlite3.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, sqlite3.exitValue(), said);
        assertEquals("顾客要求", column("SELECT reason FROM operation_log WHERE id = 3"));
        assertEquals(new AuditChain.Verification(5, 3L), app.operationLog().verify());
    }

    /**
     * The same on a server with psql as the role that owns the database: its UPDATE is refused while the trigger is
     * there; once the owner drops the trigger the edit goes in, and the chain finds it.
     */
    @Test
    void item1_anEditWithPsqlAsTheOwnerIsRefusedThenFoundOnceTheTriggerIsDropped() throws Exception {
        assumeTrue(TestDatabase.onServer(), "about a PostgreSQL server: sqlite3's is above");
        assumeTrue(onPath("psql"), "psql is not installed here");
        String update = "UPDATE operation_log SET reason = '顾客要求' WHERE id = 3;";
        Psql refused = psql(update);
        assertEquals(1, refused.exit(), refused.said()); // psql -c: 1 when the statement failed
        assertTrue(refused.said().contains("append-only"), refused.said());
        assertEquals("搬家", column("SELECT reason FROM operation_log WHERE id = 3"));

        String drop = String.join("", triggers().stream()
                .map(trigger -> "DROP TRIGGER " + trigger + " ON operation_log;").toList());
        Psql edited = psql(drop + update);
        assertEquals(0, edited.exit(), edited.said());
        assertEquals("顾客要求", column("SELECT reason FROM operation_log WHERE id = 3"));
        assertEquals(new AuditChain.Verification(5, 3L), app.operationLog().verify());
    }

    private List<String> triggers() throws SQLException {
        try (Connection raw = raw()) {
            return triggers(raw);
        }
    }

    private record Psql(int exit, String said) {
    }

    private Psql psql(String sql) throws Exception {
        ServerAddress server = app.database().server().orElseThrow();
        ProcessBuilder command = new ProcessBuilder("psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", server.host(),
                "-p", Integer.toString(server.port()), "-U", server.user(), "-d", server.database(), "-c", sql)
                .redirectErrorStream(true);
        server.password().ifPresent(password -> command.environment().put("PGPASSWORD", password));
        Process psql = command.start();
        String said = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(30, TimeUnit.SECONDS));
        return new Psql(psql.exitValue(), said);
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

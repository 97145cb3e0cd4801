package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Json;

/**
 * Findings 3 and 8: a database that cannot be brought up to date (another build's history, tables missing, an
 * index rebuild that fails as on a full disk) locked the shop out of every command. Now restore, backups, backup,
 * integrity-check and the exports still work on it, read-only and without changing it; the other commands say
 * what is wrong and the way out.
 */
class RescueCommandsTest {
    @TempDir
    Path folder;

    private record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli().run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    private String db() {
        return folder.resolve("shop.db").toString();
    }

    private String good;

    @BeforeEach
    void shopWithABackup() {
        Run demo = run("--db", db(), "demo", "--members", "40");
        assertEquals(0, demo.code(), demo.err());
        good = (String) run("--db", db(), "backup", "--json").json().get("backup");
    }

    @Test
    void finding3_aDatabaseOfAnotherBuildStillListsChecksExportsAndRestores() throws Exception {
        // as a file made by a build whose V2 script differed, and that has not had V8 yet (so Flyway runs)
        sql("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'",
                "DELETE FROM flyway_schema_history WHERE version = '8'");
        byte[] before = digest();

        Run stats = run("--db", db(), "stats");
        assertEquals(1, stats.code());
        assertTrue(stats.err().startsWith("error: ") && stats.err().contains("different build")
                && stats.err().contains("memberdesk restore FILE") && stats.err().contains("export-members"), stats.err());
        assertEquals(1, stats.err().lines().count(), stats.err());

        Run backups = run("--db", db(), "backups", "--json");
        assertEquals(0, backups.code(), backups.err());
        assertEquals(good, ((Map<?, ?>) ((List<?>) backups.json().get("backups")).get(0)).get("file"));
        assertTrue(backups.err().startsWith("warning: ") && backups.err().contains("read-only"), backups.err());

        Run check = run("--db", db(), "integrity-check", "--json");
        assertEquals(0, check.code(), check.err());
        assertEquals(true, check.json().get("ok"));

        Path members = folder.resolve("members.csv");
        Run exportMembers = run("--db", db(), "export-members", members.toString(), "--json");
        assertEquals(0, exportMembers.code(), exportMembers.err());
        assertEquals(40L, ((Number) exportMembers.json().get("exported")).longValue());
        assertEquals(41, Files.readAllLines(members).size()); // the header and 40 members
        Run exportPurchases = run("--db", db(), "export-purchases", folder.resolve("p.csv").toString(), "--json");
        assertEquals(0, exportPurchases.code(), exportPurchases.err());
        assertTrue(((Number) exportPurchases.json().get("exported")).longValue() > 0);

        assertArrayEquals(before, digest(), "the rescue commands changed nothing in the file");

        Run restore = run("--db", db(), "restore", good, "--json");
        assertEquals(0, restore.code(), restore.err());
        Run after = run("--db", db(), "stats", "--json");
        assertEquals(0, after.code(), after.err());
        assertEquals(40L, ((Number) after.json().get("members")).longValue());
    }

    @Test
    void finding3_aDatabaseWithATableMissingSaysWhichAndStillRestores() throws Exception {
        sql("DROP TABLE purchase_items", "DELETE FROM flyway_schema_history WHERE version = '8'",
                "DROP TABLE saved_funnel_steps", "DROP TABLE saved_funnels",
                "UPDATE flyway_schema_history SET success = 0 WHERE version = '7'");
        Run exportPurchases = run("--db", db(), "export-purchases", folder.resolve("p.csv").toString());
        assertEquals(1, exportPurchases.code());
        assertTrue(exportPurchases.err().contains("no table purchase_items"), exportPurchases.err());
        Run exportMembers = run("--db", db(), "export-members", folder.resolve("m.csv").toString(), "--json");
        assertEquals(0, exportMembers.code(), exportMembers.err());

        Run restore = run("--db", db(), "restore", good, "--json");
        assertEquals(0, restore.code(), restore.err());
        assertTrue(Files.exists(Path.of((String) restore.json().get("previous_state"))));
        assertEquals(0, run("--db", db(), "export-purchases", folder.resolve("p.csv").toString()).code());
    }

    @Test
    void finding3_aFileThatIsNoLongerADatabaseIsReplacedWholeByAGoodBackupAndKept() throws Exception {
        // scribbled over from the first byte: SQLite can neither read it nor copy into it
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(3).nextBytes(junk);
        Files.write(Path.of(db()), junk);
        Files.deleteIfExists(Path.of(db() + "-wal"));
        Files.deleteIfExists(Path.of(db() + "-shm"));
        Run stats = run("--db", db(), "stats");
        assertEquals(1, stats.code());
        assertTrue(stats.err().contains("not a MemberDesk database") && stats.err().contains("restore FILE"), stats.err());

        Run restore = run("--db", db(), "restore", good, "--json");
        assertEquals(0, restore.code(), restore.err());
        // the scribbled file is kept byte for byte as the before-restore backup
        assertArrayEquals(junk, Files.readAllBytes(Path.of((String) restore.json().get("previous_state"))));
        Run after = run("--db", db(), "stats", "--json");
        assertEquals(0, after.code(), after.err());
        assertEquals(40L, ((Number) after.json().get("members")).longValue());
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().contains(".restore-")).toList());
        }
    }

    @Test
    void finding8_aDatabaseThatCannotBeOpenedForWritingStillExportsAndChecks() throws Exception {
        // an index left for rebuilding that cannot be built, as when a full disk stops the rebuild on opening:
        // opening fails every time, and before this change every command failed with it
        sql("INSERT INTO settings (key, value) VALUES ('deferred_index.members_join_once',"
                + " 'CREATE UNIQUE INDEX members_join_once ON members (join_date)')");
        byte[] before = digest();
        Run stats = run("--db", db(), "stats");
        assertEquals(1, stats.code());
        assertTrue(stats.err().contains("memberdesk restore FILE"), stats.err());

        Run check = run("--db", db(), "integrity-check", "--json");
        assertEquals(0, check.code(), check.err());
        Run export = run("--db", db(), "export-members", folder.resolve("m.csv").toString(), "--json");
        assertEquals(0, export.code(), export.err());
        assertEquals(40L, ((Number) export.json().get("exported")).longValue());
        Run backup = run("--db", db(), "backup", "--json");
        assertEquals(0, backup.code(), backup.err());
        assertArrayEquals(before, digest(), "opened read-only: the file is unchanged");

        // and the rescue connections really are read-only
        org.memberdesk.db.Database rescue = org.memberdesk.db.Database.openForRescue(folder.resolve("shop.db"));
        assertFalse(rescue.<Boolean>read(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM members");
                return true;
            } catch (java.sql.SQLException e) {
                return false;
            }
        }));
    }

    private void sql(String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private byte[] digest() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(db())));
    }
}

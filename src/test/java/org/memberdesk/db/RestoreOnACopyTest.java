package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;

/**
 * Finding 3: backups whose history or tables this version cannot use were copied in and then failed to migrate,
 * after which nothing worked. Now each is refused on its trial copy: the live file keeps its very bytes, no
 * before-restore backup appears, and a good backup still restores.
 */
class RestoreOnACopyTest {
    @TempDir
    Path folder;

    private Database database;
    private Backups backups;
    private Backup good;

    @BeforeEach
    void shopWithABackup() {
        database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 120);
        // the composition root's Backups: with the ledger check
        backups = new AppContext(database, TestDatabases.ticking("2026-11-22T09:00:00Z")).backups();
        good = backups.take(BackupReason.MANUAL);
        TestDatabases.addMembers(database, 1000, 30); // 150 now, 120 in the backup
    }

    @Test
    void finding3_aBackupWithAMissingHistoryRowIsRefusedAndTheDataIsKept() throws Exception {
        // V3's tables are there but its row is gone: applying V3 again fails ("table tags already exists")
        Path bad = variant("missing-row.db", "DELETE FROM flyway_schema_history WHERE version = '3'");
        RestoreRefusedException e = assertRefusedUnchanged(bad, "restore.refused.missingStep");
        assertTrue(e.getMessage().contains("lacks step 3"), e.getMessage());
    }

    @Test
    void finding3_aBackupWithAFailedHistoryRowIsRefusedAndTheDataIsKept() throws Exception {
        Path bad = variant("failed-row.db", "UPDATE flyway_schema_history SET success = 0 WHERE version = '5'");
        RestoreRefusedException e = assertRefusedUnchanged(bad, "restore.refused.failedStep");
        assertTrue(e.getMessage().contains("step 5"), e.getMessage());
    }

    @Test
    void finding3_aBackupWithAnotherScriptChecksumIsRefusedAndTheDataIsKept() throws Exception {
        Path bad = variant("other-build.db", "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        RestoreRefusedException e = assertRefusedUnchanged(bad, "restore.refused.changedStep");
        assertTrue(e.getMessage().contains("different build"), e.getMessage());
        assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("checksum"), e.getMessage());
    }

    @Test
    void finding3_aFileWithOnlySomeOfTheTablesIsRefusedAndTheDataIsKept() throws Exception {
        Path bad = variant("partial.db", "DROP TABLE saved_funnel_steps", "DROP TABLE saved_funnels");
        RestoreRefusedException e = assertRefusedUnchanged(bad, "restore.refused.incomplete");
        assertTrue(e.getMessage().contains("table saved_funnels"), e.getMessage());
    }

    @Test
    void finding3_aBackupWhosePointsDoNotAddUpIsRefusedAndTheDataIsKept() throws Exception {
        // member M1 has no ledger entries: a cached balance of 5 is 5 points out of nowhere
        Path bad = variant("ledger.db", "UPDATE members SET points = 5 WHERE member_no = 'M1'");
        RestoreRefusedException e = assertRefusedUnchanged(bad, "restore.refused.check");
        assertTrue(e.getMessage().contains("M1"), e.getMessage());
    }

    @Test
    void aBackupWhoseCardsDoNotAddUpIsRefusedAndTheDataIsKept() throws Exception {
        // a stored-value card holding ¥50 with no entry behind it: money out of nowhere
        Path bad = variant("cards.db",
                "INSERT INTO card_products (id, kind, name, price_cents, created_at)"
                        + " VALUES (1, 'stored-value', '充值卡', 5000, '2026-11-01 10:00:00')",
                "INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at, principal_cents)"
                        + " SELECT 1, 'C000001', id, 1, 'stored-value', 5000, '2026-11-01 10:00:00', 5000"
                        + " FROM members WHERE member_no = 'M1'");
        RestoreRefusedException e = assertRefusedUnchanged(bad, "restore.refused.check");
        assertTrue(e.getMessage().contains("C000001"), e.getMessage());
    }

    @Test
    void anOlderBackupIsMigratedOnItsCopyAndRestored() throws Exception {
        // as if taken before V8 existed: its row and tables gone; the trial copy gets V8, the live file none of this
        Path older = variant("older.db", "DELETE FROM flyway_schema_history WHERE version = '8'",
                "DROP TABLE saved_funnel_steps", "DROP TABLE saved_funnels");
        Backups.Restored restored = backups.restore(older);
        assertEquals(120, TestDatabases.count(database, "members"));
        assertEquals(0, TestDatabases.count(database, "saved_funnels"));
        assertEquals(Migrations.LATEST_VERSION, Migrations.appliedVersion(database));
        assertEquals(BackupReason.BEFORE_RESTORE, restored.previousState().reason());
        assertNoRestoreFolderLeft();
    }

    @Test
    void finding3_theRestoreFolderIsBesideTheDatabaseAndGoneAfterARefusal() throws Exception {
        Path bad = variant("failed-row.db", "UPDATE flyway_schema_history SET success = 0 WHERE version = '5'");
        assertThrows(RestoreRefusedException.class, () -> backups.restore(bad));
        assertNoRestoreFolderLeft();
    }

    private void assertNoRestoreFolderLeft() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".restore-")).toList());
        }
    }

    /** A copy of the good backup with the statements applied, as another build or a broken tool would leave it. */
    private Path variant(String name, String... statements) throws Exception {
        Path file = folder.resolve(name);
        Files.copy(good.file(), file);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return file;
    }

    private RestoreRefusedException assertRefusedUnchanged(Path file, String key) throws Exception {
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        byte[] before = digest(database.file());
        List<Backup> backupsBefore = backups.list();
        RestoreRefusedException e = assertThrows(RestoreRefusedException.class, () -> backups.restore(file));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        // nothing opened the live file meanwhile: its bytes are the same, and no before-restore backup claims otherwise
        assertArrayEquals(before, digest(database.file()), "the live database file is byte for byte the same");
        assertEquals(backupsBefore, backups.list());
        assertEquals(150, TestDatabases.count(database, "members"));
        assertNoRestoreFolderLeft();
        // and a good backup still restores afterwards
        new Backups(database, Clock.systemUTC()).restore(good.file());
        assertEquals(120, TestDatabases.count(database, "members"));
        return e;
    }

    private static byte[] digest(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}

package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTest {
    @TempDir
    Path folder;

    private Database database;
    private Backups backups;

    @BeforeEach
    void shopWithMembers() {
        database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 120);
        backups = new Backups(database, TestDatabases.ticking("2026-11-22T09:00:00Z"));
    }

    @Test
    void restoreBringsBackTheBackupAndKeepsTheStateItReplaced() {
        Backup backup = backups.take(BackupReason.MANUAL);
        TestDatabases.addMembers(database, 1000, 30);
        assertEquals(150, TestDatabases.count(database, "members"));

        Backups.Restored restored = backups.restore(backup.file());

        assertEquals(120, TestDatabases.count(database, "members"));
        assertEquals(BackupReason.BEFORE_RESTORE, restored.previousState().reason());
        assertEquals(150, TestDatabases.count(Database.open(restored.previousState().file()), "members"));
        assertTrue(backups.checkIntegrity().ok());
    }

    @Test
    void aTextFileIsRefusedAndNothingChanges() throws Exception {
        Path text = Files.writeString(folder.resolve("members.csv"), "member_no,name\nM1,张三\n");
        assertRefusedUnchanged(text, "restore.refused.notDatabase");
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndNothingChanges() throws Exception {
        Path other = folder.resolve("accounts.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO accounts (name) VALUES ('x')");
        }
        RestoreRefusedException e = assertRefusedUnchanged(other, "restore.refused.notMemberDesk");
        assertTrue(e.getMessage().contains("not a MemberDesk one"), e.getMessage());
    }

    @Test
    void aCorruptedBackupIsRefusedAndNothingChanges() throws Exception {
        TestDatabases.addMembers(database, 2000, 3000);
        Backup backup = backups.take(BackupReason.MANUAL);
        Path damaged = folder.resolve("damaged.db");
        Files.copy(backup.file(), damaged);
        // scribble over the middle pages (members' B-tree pages), as a failing disk or a cut copy would
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            long middle = file.length() / 2 / 4096 * 4096;
            byte[] junk = new byte[4096 * 4];
            new java.util.Random(7).nextBytes(junk);
            file.seek(middle);
            file.write(junk);
        }
        RestoreRefusedException e = assertRefusedUnchanged(damaged, "restore.refused.damaged");
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aBackupOfANewerVersionIsRefused() throws Exception {
        Backup backup = backups.take(BackupReason.MANUAL);
        Path newer = folder.resolve("newer.db");
        Files.copy(backup.file(), newer);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET version = '99'");
        }
        assertRefusedUnchanged(newer, "restore.refused.newer");
    }

    @Test
    void aMissingFileAndTheOpenDatabaseItselfAreRefused() throws Exception {
        assertRefusedUnchanged(folder.resolve("nowhere.db"), "restore.refused.missing");
        assertRefusedUnchanged(database.file(), "restore.refused.same");
    }

    private RestoreRefusedException assertRefusedUnchanged(Path file, String key) throws Exception {
        List<Backup> backupsBefore = backups.list();
        List<String> namesBefore = names();
        RestoreRefusedException e = assertThrows(RestoreRefusedException.class, () -> backups.restore(file));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith("Cannot restore " + file.toAbsolutePath()), e.getMessage());
        assertEquals(namesBefore, names(), "the data is untouched");
        assertEquals(backupsBefore, backups.list(), "no backup was taken for a refused restore");
        assertTrue(backups.checkIntegrity().ok());
        assertFalse(e.getMessage().isBlank());
        return e;
    }

    private List<String> names() {
        return database.read(connection -> {
            List<String> names = new java.util.ArrayList<>();
            try (Statement statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT member_no || ':' || name FROM members ORDER BY id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Test
    void restoringIntoAnOpenDatabaseIsSeenByItsOtherConnections() throws Exception {
        Backup backup = backups.take(BackupReason.MANUAL);
        try (Connection other = database.connect()) {
            TestDatabases.addMembers(database, 5000, 10);
            assertEquals(130, TestDatabases.count(other, "members"));
            new Backups(database, Clock.systemUTC()).restore(backup.file());
            assertEquals(120, TestDatabases.count(other, "members"));
        }
    }
}

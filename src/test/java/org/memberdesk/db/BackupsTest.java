package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {
    @TempDir
    Path folder;

    @Test
    void rotationKeepsExactlyTheNewestN() throws Exception {
        Database database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 3);
        Backups backups = new Backups(database, TestDatabases.ticking("2026-11-22T09:00:00Z"));
        backups.setKeep(3);
        // another database's backup in the same folder must be neither counted nor deleted
        Files.createDirectories(backups.folder());
        Path foreign = Files.writeString(backups.folder().resolve("other-20200101-000000-000-manual.db"), "x");

        List<Path> taken = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(backups.take(BackupReason.MANUAL).file());
        }

        List<Backup> kept = backups.list();
        assertEquals(3, kept.size());
        // newest first: the 5th, 4th and 3rd taken
        assertEquals(List.of(taken.get(4), taken.get(3), taken.get(2)), kept.stream().map(Backup::file).toList());
        assertFalse(Files.exists(taken.get(0)));
        assertFalse(Files.exists(taken.get(1)));
        assertTrue(Files.exists(foreign));

        backups.setKeep(1);
        assertEquals(List.of(taken.get(4)), backups.list().stream().map(Backup::file).toList());
        assertEquals(1, backups.keep());
    }

    @Test
    void aBackupIsACompleteDatabaseAndNamedForItsReason() {
        Database database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 250);
        Backups backups = new Backups(database, Clock.fixed(Instant.parse("2026-11-22T09:30:15Z"), ZoneOffset.UTC));

        Backup backup = backups.take(BackupReason.BEFORE_RESTORE);

        assertEquals("shop-20261122-093015-000-before-restore.db", backup.file().getFileName().toString());
        assertEquals(folder.resolve("backups"), backup.file().getParent());
        assertEquals(BackupReason.BEFORE_RESTORE, backup.reason());
        Database copy = Database.open(backup.file());
        assertEquals(250, TestDatabases.count(copy, "members"));
        assertTrue(new Backups(copy, Clock.systemUTC()).checkIntegrity().ok());
        // two in the same millisecond still get two files
        Backup second = backups.take(BackupReason.BEFORE_RESTORE);
        assertEquals("shop-20261122-093015-000-2-before-restore.db", second.file().getFileName().toString());
    }

    @Test
    void dailyBackupOncePerDayAndNeverOfAnEmptyDatabase() {
        Database database = TestDatabases.open(folder, "shop.db");
        Clock morning = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.empty(), new Backups(database, morning).dailyIfDue(), "nothing to lose yet");

        TestDatabases.addMembers(database, 1, 2);
        assertTrue(new Backups(database, morning).dailyIfDue().isPresent());
        Clock evening = Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.empty(), new Backups(database, evening).dailyIfDue(), "one a day");
        Clock tomorrow = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);
        assertTrue(new Backups(database, tomorrow).dailyIfDue().isPresent());
        assertEquals(2, new Backups(database, tomorrow).list().size());
    }

    @Test
    void aStoppedBackupLeavesNoHalfFileBehindUnderTheBackupName() throws Exception {
        Database database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 2);
        Backups backups = new Backups(database, Clock.systemUTC());
        Files.createDirectories(backups.folder());
        Files.writeString(backups.folder().resolve("shop-20261122-093015-000-manual.db.partial"), "half");
        assertEquals(List.of(), backups.list(), "a .partial file is not a backup");
    }
}

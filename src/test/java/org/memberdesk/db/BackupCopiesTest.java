package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;

/**
 * Issue 19, defect 7 (smaller): backups could only go to the folder beside the database. Now the owner chooses a
 * folder (a USB drive, another disk) for a second copy of the daily and manual backups.
 */
class BackupCopiesTest {
    @TempDir
    Path folder;

    private Database database;
    private Backups backups;
    private Path usb;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabases.open(folder.resolve("data"), "shop.db");
        TestDatabases.addMembers(database, 1, 3);
        backups = new Backups(database, TestDatabases.ticking("2026-11-22T09:00:00Z"));
        usb = Files.createDirectories(folder.resolve("usb"));
    }

    private void choose(Path chosen) {
        Path checked = backups.copies().checkChoice(chosen);
        database.write(connection -> {
            backups.copies().storeFolder(connection, Optional.of(checked));
            return null;
        });
    }

    @Test
    void defect7BackupFolder_manualAndDailyBackupsAreKeptBesideTheDatabaseAndCopiedToTheChosenFolder() throws Exception {
        choose(usb);
        assertEquals(Optional.of(usb), backups.copies().folder());

        Backups.Taken manual = backups.take(BackupReason.MANUAL, Optional.empty());
        Backup daily = backups.dailyIfDue().orElseThrow();

        assertEquals(folder.resolve("data/backups"), manual.backup().file().getParent(), "still beside the database");
        BackupCopies.Copied copied = assertInstanceOf(BackupCopies.Copied.class, manual.copy().orElseThrow());
        assertEquals(usb.resolve(manual.backup().file().getFileName()), copied.file());
        assertEquals(-1L, Files.mismatch(manual.backup().file(), copied.file()), "the copy is the backup, byte for byte");
        assertTrue(Files.exists(usb.resolve(daily.file().getFileName())), "the daily backup is copied too");
        // a copy is a whole database: it opens and holds the 3 members
        assertEquals(3, TestDatabases.count(Database.open(copied.file()), "members"));
        try (var names = Files.list(usb)) {
            assertEquals(2, names.count(), "no partial file left behind");
        }
    }

    @Test
    void defect7BackupFolder_theUndoPointsOfAnImportStayBesideTheDatabaseOnly() {
        choose(usb);
        Backups.Taken beforeImport = backups.take(BackupReason.IMPORT, Optional.empty());
        assertEquals(Optional.empty(), beforeImport.copy());
        assertEquals(List.of(), backups.copies().list(usb));
    }

    @Test
    void defect7BackupFolder_anUnpluggedDriveLeavesTheBackupBesideTheDatabaseAndSaysSoInWords() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("media/usb-stick"));
        choose(stick);
        Files.delete(stick); // unplugged: the mount point is gone

        Backups.Taken taken = backups.take(BackupReason.MANUAL, Optional.empty());

        assertTrue(Files.isRegularFile(taken.backup().file()), "the backup beside the database is made");
        assertEquals(1, backups.list().size());
        BackupCopies.NotCopied missed = assertInstanceOf(BackupCopies.NotCopied.class, taken.copy().orElseThrow());
        assertEquals(BackupCopies.MISSING, missed.key());
        assertEquals("The backup folder " + stick + " is not there (is the USB drive plugged in?), so no copy was made"
                + " there. The backup beside the database is whole. Plug the drive in and back up again.",
                Messages.english().get(missed.key(), missed.args()));
        assertFalse(Files.exists(stick), "the folder of an unplugged drive is never created on the system disk");
        assertFalse(backups.copies().reachable(stick));
    }

    @Test
    void defect7BackupFolder_theCopiesAreThinnedToTheSameNumberAndOnlyThisDatabasesNames() throws Exception {
        choose(usb);
        backups.setKeep(2);
        Path foreign = Files.writeString(usb.resolve("other-20200101-000000-000-manual.db"), "another shop's");
        Path photo = Files.writeString(usb.resolve("holiday.jpg"), "not ours");
        for (int i = 0; i < 4; i++) {
            backups.take(BackupReason.MANUAL, Optional.empty());
        }
        // 4 taken, 2 kept in each place, the newest two the same files
        assertEquals(backups.list().stream().map(b -> b.file().getFileName()).toList(),
                backups.copies().list(usb).stream().map(b -> b.file().getFileName()).toList());
        assertEquals(2, backups.copies().list(usb).size());
        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(photo));
    }

    @Test
    void defect7BackupFolder_aFolderThatIsNotThereOrIsTheBackupsFolderItselfIsRefused() throws Exception {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> backups.copies().checkChoice(folder.resolve("nowhere")));
        assertEquals("backup.copy.refused.missing", missing.problems().get(0).key());
        backups.take(BackupReason.MANUAL);
        ValidationException itself = assertThrows(ValidationException.class,
                () -> backups.copies().checkChoice(backups.folder()));
        assertEquals("backup.copy.refused.backups", itself.problems().get(0).key());
        Path inside = Files.createDirectories(backups.folder().resolve("sub"));
        assertThrows(ValidationException.class, () -> backups.copies().checkChoice(inside));
        assertEquals(Optional.empty(), backups.copies().folder(), "nothing was stored");
    }

    @Test
    void defect7BackupFolder_aOneOffFolderTakesTheCopyInsteadOfTheChosenOne() throws Exception {
        choose(usb);
        Path other = Files.createDirectories(folder.resolve("other-disk"));
        Backups.Taken taken = backups.take(BackupReason.MANUAL, Optional.of(other));
        assertInstanceOf(BackupCopies.Copied.class, taken.copy().orElseThrow());
        assertEquals(1, backups.copies().list(other).size());
        assertEquals(0, backups.copies().list(usb).size());
    }

    @Test
    void defect7BackupFolder_noFileIsWrittenOverACopyInTheChosenFolderButOtherFilesThereAreFine() throws Exception {
        choose(usb);
        Backup backup = backups.take(BackupReason.MANUAL);
        Path copy = usb.resolve(backup.file().getFileName());
        OutputFiles guard = new OutputFiles(database.file()).guardingCopiesIn(backups.copies()::folder);

        OutputRefusedException refused = assertThrows(OutputRefusedException.class, () -> guard.check(copy));
        assertEquals("output.refused.backupCopies", refused.key());
        // a hard link elsewhere to the copy is the copy too
        Path link = Files.createLink(folder.resolve("export.csv"), copy);
        assertThrows(OutputRefusedException.class, () -> guard.check(link));
        // a future backup's name in that folder is refused before it exists
        assertThrows(OutputRefusedException.class, () -> guard.check(usb.resolve("shop-20991231-000000-000-daily.db")));
        guard.check(usb.resolve("members.csv")); // an export onto the USB drive itself is fine
    }
}

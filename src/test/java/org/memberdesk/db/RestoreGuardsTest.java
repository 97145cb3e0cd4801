package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 11: restoring the database onto itself by another path, leftovers of crashes, backup errors in words. */
class RestoreGuardsTest {
    @TempDir
    Path folder;

    private Database database;
    private Backups backups;

    @BeforeEach
    void shop() {
        database = TestDatabases.open(folder, "shop.db");
        TestDatabases.addMembers(database, 1, 20);
        backups = new Backups(database, TestDatabases.ticking("2026-11-22T09:00:00Z"));
    }

    @Test
    void finding11_restoreThroughSymlinkOrHardLinkIsRefused() throws Exception {
        Files.createDirectories(folder.resolve("elsewhere"));
        Path dots = folder.resolve("elsewhere/../shop.db");
        Path symlink = Files.createSymbolicLink(folder.resolve("elsewhere/link.db"), database.file());
        Path hardLink = Files.createLink(folder.resolve("elsewhere/hard.db"), database.file());
        // the write-ahead log and shared memory of the open database exist while a connection is open
        try (Connection open = database.connect()) {
            open.createStatement().execute("INSERT INTO members (member_no, name, join_date) VALUES ('X', 'x', '2026-01-01')");
            Path wal = folder.resolve("shop.db-wal");
            Path shm = folder.resolve("shop.db-shm");
            assertTrue(Files.exists(wal) && Files.exists(shm));
            Path walLink = Files.createSymbolicLink(folder.resolve("elsewhere/wal.db"), wal);
            for (Path file : List.of(dots, symlink, hardLink, wal, shm, walLink)) {
                RestoreRefusedException e = assertThrows(RestoreRefusedException.class, () -> backups.restore(file),
                        file.toString());
                assertEquals("restore.refused.same", e.key(), file + ": " + e.getMessage());
            }
        }
        assertEquals(21, TestDatabases.count(database, "members"));
        assertEquals(List.of(), backups.list(), "no before-restore backup for a refused restore");
    }

    @Test
    void finding11_leftoverPartialBackupsAreRemovedOnStart() throws Exception {
        Path backupsFolder = Files.createDirectories(folder.resolve("backups"));
        long ended = endedProcess();
        // a backup cut short by a crash of process `ended`, and one of an older version (no process number)
        Path crashed = Files.writeString(backupsFolder.resolve("shop-20261122-093015-000-daily.db." + ended + ".partial"), "half");
        Path older = Files.writeString(backupsFolder.resolve("shop-20261121-093015-000-manual.db.partial"), "half");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        // a restore's trial folder left by the crashed process
        Path trial = Files.createDirectories(folder.resolve("shop.db.restore-" + ended + "-abc"));
        Files.writeString(trial.resolve("candidate.db"), "the shop's data");
        // kept: one being written right now by this (running) process, and another database's leftover
        Path running = Files.writeString(backupsFolder.resolve("shop-20261122-100000-000-daily.db."
                + ProcessHandle.current().pid() + ".partial"), "being written");
        Path other = Files.writeString(backupsFolder.resolve("other-20261122-093015-000-daily.db." + ended + ".partial"), "x");
        Path otherTrial = Files.createDirectories(folder.resolve("other.db.restore-" + ended + "-abc"));

        Database.open(folder.resolve("shop.db"));

        assertFalse(Files.exists(crashed));
        assertFalse(Files.exists(older));
        assertFalse(Files.exists(trial));
        assertTrue(Files.exists(running), "a backup being written by a live process is left alone");
        assertTrue(Files.exists(other) && Files.exists(otherTrial), "only this database's leftovers are removed");
    }

    @Test
    void finding11_backupFailureSaysDiskFullInTheShopsWords() throws Exception {
        Path full = Path.of("/dev/full"); // every write there fails with ENOSPC, as on a full disk
        assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        try (Connection connection = database.connect()) {
            SQLException e = assertThrows(SQLException.class, () -> OnlineCopy.copyTo(connection, full));
            assertEquals("the disk is full", e.getMessage());
            assertEquals(13, e.getErrorCode()); // SQLITE_FULL stays on it for anything that words it further
        }
        // 14 (SQLITE_CANTOPEN): a backup into a folder that cannot exist
        try (Connection connection = database.connect()) {
            Path nowhere = folder.resolve("members.csv/backups/x.db");
            Files.writeString(folder.resolve("members.csv"), "a file where a folder should be");
            SQLException e = assertThrows(SQLException.class, () -> OnlineCopy.copyTo(connection, nowhere));
            assertEquals(14, e.getErrorCode());
            assertTrue(e.getMessage().contains("cannot be created or opened"), e.getMessage());
            assertFalse(e.getMessage().contains("code"), e.getMessage());
        }
        assertEquals("the disk is full", Backups.inWords(new java.nio.file.FileSystemException(
                "/backups/x.db", null, "No space left on device")));
    }

    /** The number of a process that has ended (numbers are reused only after many more processes). */
    private static long endedProcess() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
        return process.pid();
    }
}

package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportResult;

/** The output guard on its own: what it resolves, how it writes, which files it makes private. */
class OutputFilesTest {
    @TempDir
    Path folder;
    Path db;
    OutputFiles files;

    @BeforeEach
    void open() {
        db = folder.resolve("shop.db");
        Database.open(db);
        files = new OutputFiles(db);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    /**
     * Found by a hostile try: {@code export-members /dev/full} as root "exported" by renaming an ordinary file over
     * the device node. A pipe stands in for a device here (a failing test must not replace a system file).
     */
    @Test
    void finding1_aDeviceOrPipeIsRefusedAndStaysWhatItIs() throws Exception {
        Path pipe = folder.resolve("pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0,
                "mkfifo is needed");
        OutputRefusedException refused = assertThrows(OutputRefusedException.class, () -> files.check(pipe));
        assertEquals("output.refused.special", refused.problems().get(0).key());
        assertThrows(OutputRefusedException.class, () -> files.write(pipe, out -> out.write(1)));
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "still a pipe");
        assertEquals(List.of(), leftovers());
    }

    /** Issue 14: "temporary copies left by crashes are never cleaned up" — an export killed mid-way left its temp. */
    @Test
    void aKilledWritersTemporaryFileIsRemovedWhenTheSameFileIsWrittenAgain() throws IOException {
        Path target = folder.resolve("members.csv");
        // no process has number 999,999,999 (Linux stops at 4,194,304): its writer is gone
        Path dead = Files.writeString(folder.resolve(".members.csv.999999999.4711.partial"), "half an export");
        Path living = Files.writeString(folder.resolve(".members.csv." + ProcessHandle.current().pid() + ".42.partial"),
                "another export of this process, still being written");
        Path other = Files.writeString(folder.resolve(".purchases.csv.999999999.4711.partial"), "not this target's");

        files.write(target, out -> out.write("member_no\n".getBytes(StandardCharsets.UTF_8)));

        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(living));
        assertTrue(Files.exists(other), "only the temporary files of the file being written are looked at");
        assertEquals("member_no\n", Files.readString(target));
    }

    @Test
    void finding1_aWriteThatFailsHalfWayLeavesTheExistingFileAsItWasAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("members.csv");
        Files.writeString(target, "the export of yesterday");
        IOException failure = assertThrows(IOException.class, () -> files.write(target, out -> {
            out.write("half of a new export".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("the export of yesterday", Files.readString(target));
        // a cancel (a runtime exception from the writer) is the same
        assertThrows(CancellationException.class, () -> files.write(target, out -> {
            out.write(new byte[100_000]);
            throw new CancellationException("cancelled");
        }));
        assertEquals("the export of yesterday", Files.readString(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void finding1_aWriteWhoseFolderVanishesLeavesNothingBehindAndTheTargetIntact() throws IOException {
        Path sub = Files.createDirectories(folder.resolve("exports"));
        Path target = sub.resolve("a.csv");
        assertThrows(IOException.class, () -> files.write(target, out -> {
            out.write(1);
            out.flush();
            try (Stream<Path> inside = Files.list(sub)) {
                for (Path file : inside.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(sub);
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void finding1_linksThatDoNotLeadAnywhereYetAreFollowedToo() throws IOException {
        // a dangling link to the journal SQLite would take for a hot journal, and a file to be in a linked folder
        Path journal = Files.createSymbolicLink(folder.resolve("report.csv"), folder.resolve("shop.db-journal"));
        OutputRefusedException refused = assertThrows(OutputRefusedException.class, () -> files.check(journal));
        assertEquals("output.refused.database", refused.key());
        Files.createDirectories(Backups.folderFor(db));
        Path linkedBackups = Files.createSymbolicLink(folder.resolve("saved"), Backups.folderFor(db));
        assertEquals("output.refused.backups", assertThrows(OutputRefusedException.class,
                () -> files.check(linkedBackups.resolve("new.csv"))).key());
        Path relativeLink = Files.createSymbolicLink(folder.resolve("rel.db"), Path.of("shop.db"));
        assertEquals("output.refused.database", assertThrows(OutputRefusedException.class,
                () -> files.check(relativeLink)).key());
        Path input = Files.writeString(folder.resolve("in.csv"), "x");
        assertEquals("output.refused.input", assertThrows(OutputRefusedException.class,
                () -> files.check(folder.resolve("sub/../in.csv"), input)).key());
        assertEquals("output.refused.folder", assertThrows(OutputRefusedException.class,
                () -> files.check(folder)).key());
        files.check(folder.resolve("shop.db.csv"));
        files.check(folder.resolve("other.db"));
    }

    @Test
    void finding1_theMessageIsInTheShopsWordsInBothLanguages() {
        OutputRefusedException refused = assertThrows(OutputRefusedException.class, () -> files.check(db));
        String english = refused.problems().get(0).describe(Messages.english());
        String chinese = refused.problems().get(0).describe(Messages.chinese());
        assertTrue(english.contains("shop's database") && english.contains("nothing was written"), english);
        assertTrue(chinese.contains("数据库") && chinese.contains("没有写入"), chinese);
    }

    @Test
    void filesAndFoldersTheAppWritesArePrivate() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        AppContext app = TestDatabase.open(folder.resolve("data"));
        app.members().add(TestDatabase.member("M1", "王芳", "13800000001"));
        Path export = folder.resolve("new-folder").resolve("members.csv");
        app.exporter().exportMembers(export, Progress.NONE);
        Backup backup = app.backups().take(BackupReason.MANUAL);

        assertEquals("rw-------", permissions(export));
        assertEquals("rwx------", permissions(export.getParent()), "a folder the export made");
        assertEquals("rw-------", permissions(backup.file()));
        assertEquals("rwx------", permissions(backup.file().getParent()));
        Path database = folder.resolve("data").resolve("test.db");
        assertEquals("rw-------", permissions(database));
        // SQLite gives its working files the database file's permissions
        Path wal = database.resolveSibling("test.db-wal");
        try (var connection = app.database().connect()) {
            assertTrue(Files.exists(wal));
            assertEquals("rw-------", permissions(wal));
            assertEquals("rw-------", permissions(database.resolveSibling("test.db-shm")));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        // a folder that was there before is not ours to change
        assertEquals(permissions(folder), permissions(folder));
    }

    @Test
    void theReportOfAnImportFromAFolderThatCannotBeWrittenGoesToTheReportsFolder() throws IOException {
        Path readOnly = Files.createDirectories(folder.resolve("cd-rom"));
        Path input = Files.writeString(readOnly.resolve("members.csv"), "member_no,name,phone\nM1,王芳,12\n");
        OutputFiles guard = new OutputFiles(folder.resolve("data/test.db"), f -> !f.startsWith(readOnly));
        AppContext app = new AppContext(Database.open(folder.resolve("data/test.db")), TestDatabase.clock(), guard);
        ImportResult result = app.memberImporter().importFile(input, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        assertEquals(1, result.rejected());
        Path expected = folder.resolve("data").resolve("reports").resolve("members.rejected.csv");
        assertEquals(expected, result.report());
        assertTrue(Files.readString(expected, StandardCharsets.UTF_8).contains("M1"));
        assertFalse(Files.exists(readOnly.resolve("members.rejected.csv")));
        if (posix()) {
            assertEquals("rwx------", permissions(expected.getParent()));
        }
    }

    @Test
    void aFolderWhereNoFileCanBeMadeIsNamedPlainly() throws IOException {
        Path file = Files.writeString(folder.resolve("plain.txt"), "x");
        OutputRefusedException refused = assertThrows(OutputRefusedException.class,
                () -> files.write(file.resolve("out.csv"), out -> out.write(1)));
        assertEquals("output.refused.readOnly", refused.key());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void theRealWritableCheckTriesToCreateAFile() throws IOException {
        assertTrue(OutputFiles.canWriteIn(folder));
        assertTrue(OutputFiles.canWriteIn(folder.resolve("not/yet/made")), "made inside a folder that can be written");
        Path file = Files.writeString(folder.resolve("plain.txt"), "x");
        assertFalse(OutputFiles.canWriteIn(file), "a file is no folder");
        assertFalse(OutputFiles.canWriteIn(file.resolve("below")), "nothing can be made below a file");
        assertEquals(List.of(), leftovers());
        try (Stream<Path> probes = Files.list(folder)) {
            assertEquals(0, probes.filter(p -> p.getFileName().toString().endsWith(".probe")).count());
        }
    }

    @Test
    void aFolderWithoutWritePermissionIsNotWritable() throws IOException {
        assumeTrue(posix(), "POSIX permissions");
        // root may write anywhere whatever the permissions say (CI runs as root): there the check is right to say yes
        assumeFalse("root".equals(System.getProperty("user.name")), "not as root");
        Path locked = Files.createDirectories(folder.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertFalse(OutputFiles.canWriteIn(locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}

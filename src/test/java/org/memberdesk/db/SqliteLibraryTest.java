package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

class SqliteLibraryTest {
    @TempDir
    Path folder;

    @Test
    void theDriversLibraryIsCopiedOnceAndThenReused() throws IOException {
        Path library = SqliteLibrary.keptCopy(folder).orElseThrow();
        assertTrue(library.startsWith(folder), library.toString());
        assertTrue(library.getParent().getFileName().toString().startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()),
                "one folder per driver version: " + library);
        String name = System.mapLibraryName("sqlitejdbc");
        try (InputStream original = SQLiteJDBCLoader.class.getResourceAsStream(
                "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name)) {
            assertArrayEquals(original.readAllBytes(), Files.readAllBytes(library), "the driver's own library, whole");
        }
        FileTime made = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, made);
        assertEquals(library, SqliteLibrary.keptCopy(folder).orElseThrow());
        assertEquals(made, Files.getLastModifiedTime(library), "not written again");
        try (var files = Files.list(library.getParent())) {
            assertEquals(1, files.count(), "no partial copies left behind");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenMeansTheDriversOwnWay() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        assertTrue(SqliteLibrary.keptCopy(notAFolder).isEmpty());
    }
}

package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path folder;

    @Test
    void latestVersionConstantMatchesTheNewestScript() throws IOException, URISyntaxException {
        Path scripts = Path.of(getClass().getResource("/db/migration").toURI());
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = version.matcher(file.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertEquals(newest, Migrations.LATEST_VERSION,
                "Migrations.LATEST_VERSION must name the newest V{n}__ script, or the fast path skips it");
    }

    private int scriptCount() {
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource("/db/migration").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNewFileIsMigratedAndReopeningChangesNothing() {
        Database database = Database.open(folder.resolve("a/b/shop.db"));
        assertEquals(Migrations.LATEST_VERSION, Migrations.appliedVersion(database));
        Database again = Database.open(folder.resolve("a/b/shop.db"));
        assertEquals(Migrations.LATEST_VERSION, Migrations.appliedVersion(again));
        int historyRows = again.read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        // one row per script: branches number their scripts in advance, so there may be gaps (V5, V7)
        assertEquals(scriptCount(), historyRows);
    }

    @Test
    void connectionsUseWalAndEnforceForeignKeys() {
        Database database = Database.open(folder.resolve("shop.db"));
        database.read(c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (var rs = c.createStatement().executeQuery("PRAGMA foreign_keys")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            return null;
        });
        DataException e = assertThrows(DataException.class, () -> database.write(c -> {
            c.createStatement().executeUpdate("INSERT INTO purchases (purchase_no, member_id, time, kind, total_cents)"
                    + " VALUES ('P1', 999, '2026-01-01 10:00:00', 'sale', 100)");
            return null;
        }));
        assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedClearly() throws IOException {
        Path notADb = folder.resolve("notes.db");
        Files.writeString(notADb, "this is a text file, not SQLite ".repeat(200));
        DataException e = assertThrows(DataException.class, () -> Database.open(notADb));
        assertTrue(e.getMessage().contains("not a MemberDesk database"), e.getMessage());
    }

    @Test
    void aFileWhoseStepsDoNotMatchThisBuildIsLeftUntouchedWithAPlainOneLineReason() throws java.sql.SQLException {
        Path file = folder.resolve("other-build.db");
        Database database = Database.open(file);
        // as a file made by a build whose V2 script differed, and that has not had V8 yet (so Flyway runs)
        database.write(c -> {
            c.createStatement().executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
            c.createStatement().executeUpdate("DELETE FROM flyway_schema_history WHERE version = '8'");
            c.createStatement().executeUpdate("DROP TABLE saved_funnel_steps");
            c.createStatement().executeUpdate("DROP TABLE saved_funnels");
            return null;
        });
        HistoryMismatchException e = assertThrows(HistoryMismatchException.class, () -> Database.open(file));
        assertEquals(file, e.file());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("checksum"), e.getMessage());
        assertTrue(e.getMessage().contains("different build"), e.getMessage());
        // nothing was applied: V8's tables are still missing
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM sqlite_schema WHERE name = 'saved_funnels'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void dataFolderFollowsEachOperatingSystem() {
        Path home = Path.of("/home/li");
        assertEquals(Path.of("/home/li/.local/share/memberdesk"),
                DataFolder.resolve("Linux", java.util.Map.of(), home));
        assertEquals(Path.of("/xdg/memberdesk"),
                DataFolder.resolve("Linux", java.util.Map.of("XDG_DATA_HOME", "/xdg"), home));
        assertEquals(Path.of("/home/li/Library/Application Support/MemberDesk"),
                DataFolder.resolve("Mac OS X", java.util.Map.of(), home));
        assertEquals(Path.of("C:/Users/li/AppData/Roaming", "MemberDesk"),
                DataFolder.resolve("Windows 11", java.util.Map.of("APPDATA", "C:/Users/li/AppData/Roaming"), home));
    }
}

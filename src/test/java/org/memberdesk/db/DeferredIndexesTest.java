package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredIndexesTest {
    @TempDir
    Path folder;

    @Test
    void onlyBigLoadsNextToTheTablePutIndexesOff() {
        assertFalse(DeferredIndexes.worthDeferring(49_999, 0));          // too small to be worth a rebuild
        assertTrue(DeferredIndexes.worthDeferring(50_000, 0));           // into an empty table
        assertTrue(DeferredIndexes.worthDeferring(4_000_000, 4_000_000)); // doubles the table
        assertFalse(DeferredIndexes.worthDeferring(100_000, 100_001));   // a top-up of a big table
    }

    @Test
    void indexesAKilledImportLeftUnbuiltAreBackWhenTheDatabaseIsOpenedAgain() throws Exception {
        Database database = Database.open(folder.resolve("shop.db"));
        List<String> before = indexes(database);
        try (Connection connection = database.connectForBulk()) {
            DeferredIndexes.drop(connection, DeferredIndexes.PURCHASE_IMPORT);
            DeferredIndexes.drop(connection, DeferredIndexes.MEMBER_IMPORT);
        }
        List<String> dropped = indexes(database);
        assertEquals(before.size() - 10, dropped.size(), "10 distinct indexes put off: " + dropped);
        // while the import that put them off still runs, opening the database leaves them to it
        try (DeferredIndexes.Claim running = DeferredIndexes.claim(database)) {
            assertTrue(running != null);
            Database.open(folder.resolve("shop.db"));
            assertEquals(dropped, indexes(database));
        }
        // the import was killed here: nothing rebuilt them
        Database again = Database.open(folder.resolve("shop.db"));
        assertEquals(before, indexes(again));
        assertEquals(0, count(again, "SELECT count(*) FROM settings WHERE key LIKE 'deferred_index.%'"));
        // and a normal end rebuilds them on the import's own connection
        try (Connection connection = again.connectForBulk()) {
            DeferredIndexes.drop(connection, DeferredIndexes.MEMBER_IMPORT);
            List<String> settings = pragmas(connection);
            DeferredIndexes.restore(connection);
            // the rebuild's own sort settings are undone: the import goes on with its 256 MB cache, in-memory temp
            assertEquals(settings, pragmas(connection));
            assertEquals("[cache_size=-262144, threads=0, temp_store=2, mmap_size=0]", settings.toString());
        }
        assertEquals(before, indexes(again));
    }

    private static List<String> pragmas(Connection connection) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        for (String pragma : List.of("cache_size", "threads", "temp_store", "mmap_size")) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA " + pragma)) {
                rs.next();
                values.add(pragma + "=" + rs.getLong(1));
            }
        }
        return values;
    }

    private static List<String> indexes(Database database) {
        return database.read(connection -> {
            List<String> sql = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                 + " ORDER BY name")) {
                while (rs.next()) {
                    sql.add(rs.getString(1));
                }
            }
            return sql;
        });
    }

    private static long count(Database database, String query) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

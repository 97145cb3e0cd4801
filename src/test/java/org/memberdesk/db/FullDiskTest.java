package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Explained;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.purchases.PurchaseStore;

/**
 * A full disk, made without filling one: every connection stops the file at a few hundred pages more than it
 * has (PRAGMA max_page_count), where SQLite answers SQLITE_FULL as it does on a full disk.
 */
class FullDiskTest {
    /** Members per import batch: the batches before the full disk are stored whole, the one that hit it not. */
    private static final int BATCH = 500;
    private static final int SMALL_BATCH = 100;

    @TempDir
    Path folder;

    @Test
    void finding8_importOnAFullDiskSaysTheDiskIsFull() throws Exception {
        Path file = folder.resolve("shop.db");
        // 3,000 members of ~230 bytes: ~700 KB, about 35 pages of 4 KB a batch of 500 with their indexes
        Path csv = members(3_000, 200);
        Database small = Database.openOnASmallDisk(file, pages(file) + 150);

        DataException stopped = assertThrows(DataException.class, () -> new AppContext(small, TestDatabase.clock())
                .memberImporter().importFile(csv, ImportOptions.defaults().withBatchSize(BATCH), Progress.NONE,
                        Messages.english()));

        String message = stopped.getMessage();
        assertTrue(message.contains("is full ("), message);
        assertTrue(message.matches("(?s).*\\([\\d,]+ MB free, about [\\d,]+ MB needed\\).*"), message);
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("about (\\d+)% of the file").matcher(message);
        assertTrue(kept.find() && Integer.parseInt(kept.group(1)) < 100, message);
        assertFalse(message.contains("no transaction is active"), message);
        // the windows say it in their language
        String chinese = ((Explained) stopped).explain(Messages.chinese());
        assertTrue(chinese.contains("磁盘已满") && chinese.contains("MB"), chinese);
        // what is stored is the batches committed before the disk filled, each whole, and the file is sound
        Database database = Database.open(file);
        long members = database.read(new PurchaseStore()::totals).members();
        assertTrue(members > 0 && members < 3_000 && members % BATCH == 0, "stored " + members);
        assertTrue(new Backups(database, TestDatabase.clock()).checkIntegrity().ok());
    }

    @Test
    void finding8_theDatabaseOpensAfterAFullDisk() throws Exception {
        Path file = folder.resolve("shop.db");
        // 5,000 members of ~850 bytes: a 4 MB file, which the import counts as ~50,000 rows (80 bytes a row) and
        // so builds the secondary indexes after the load instead of row by row (DeferredIndexes). Small batches
        // (~21 pages each) leave less room after the last one than the indexes of ~2,000 members take.
        Path csv = members(5_000, 800);
        long limit = pages(file) + 500;
        Database small = Database.openOnASmallDisk(file, limit);
        assertThrows(DataException.class, () -> new AppContext(small, TestDatabase.clock()).memberImporter()
                .importFile(csv, ImportOptions.defaults().withBatchSize(SMALL_BATCH), Progress.NONE,
                        Messages.english()));
        assertTrue(pendingIndexes(small) > 0, "the full disk left the put-off indexes unbuilt");

        // still full: the open cannot build them, but opens for work all the same (it used to fail)
        Database reopened = Database.openOnASmallDisk(file, limit);
        long members = reopened.read(new PurchaseStore()::totals).members();
        assertTrue(members > 0 && members < 5_000 && members % SMALL_BATCH == 0, "stored " + members);
        Path export = folder.resolve("export.csv");
        assertEquals(members, new AppContext(reopened, TestDatabase.clock()).exporter()
                .exportMembers(export, Progress.NONE));
        assertTrue(new Backups(reopened, TestDatabase.clock()).checkIntegrity().ok());
        assertTrue(pendingIndexes(reopened) > 0, "kept for the next open");

        // room again: the next open builds them
        Database roomy = Database.open(file);
        assertEquals(0, pendingIndexes(roomy));
        boolean rebuilt = roomy.read(connection -> exists(connection, "members_name"));
        assertTrue(rebuilt);
    }

    @Test
    void finding8_aWriteOnAFullDiskKeepsItsOwnErrorNotTheRollbacks() throws Exception {
        Path file = folder.resolve("shop.db");
        Database small = Database.openOnASmallDisk(file, pages(file) + 5);

        DataException failed = assertThrows(DataException.class, () -> small.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE filler (text TEXT)");
            }
            // row by row, as the importers and the counter write: when the disk fills while SQLite spills its
            // cache it rolls the whole transaction back itself, and ROLLBACK then says "no transaction is active"
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO filler VALUES (?)")) {
                for (int i = 0; i < 1000; i++) {
                    insert.setString(1, "x".repeat(1000) + i);
                    insert.executeUpdate();
                }
            }
            return null;
        }));

        StorageFault fault = assertInstanceOf(StorageFault.class, failed);
        assertEquals(StorageFault.Kind.FULL, fault.kind());
        assertTrue(fault.getMessage().contains(" MB free)"), fault.getMessage());
        assertFalse(fault.getMessage().contains("no transaction is active"), fault.getMessage());
        boolean kept = small.read(connection -> exists(connection, "filler"));
        assertFalse(kept, "rolled back whole");
    }

    /** The file's pages now (made and brought up to date first). */
    private static long pages(Path file) {
        return Database.open(file).read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA page_count")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Path members(int count, int padding) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("member_no,name,phone,extra");
        String pad = "p".repeat(padding);
        for (int i = 1; i <= count; i++) {
            lines.add(String.format("M%05d,Member %d,139%08d,%s", i, i, i, pad));
        }
        Path csv = folder.resolve("members.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private static long pendingIndexes(Database database) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT count(*) FROM settings WHERE key LIKE 'deferred\\_index.%' ESCAPE '\\'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static boolean exists(java.sql.Connection connection, String name) throws java.sql.SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}

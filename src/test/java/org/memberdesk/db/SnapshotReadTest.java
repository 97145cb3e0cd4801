package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 10: a read of several statements must see one moment of the database, however many writers commit
 * while it runs, and must not hold up those writers.
 */
class SnapshotReadTest {
    @TempDir
    Path folder;

    @Test
    void finding10_twoStatementsOfOneReadSeeTheSameMomentWhileAnotherConnectionCommitsBetweenThem() {
        Database database = Database.open(folder.resolve("shop.db"));
        TestDatabases.addMembers(database, 1, 3);
        List<Long> seen = database.read(connection -> {
            long before = TestDatabases.count(connection, "members");
            // another connection adds 2 members and commits while this read is open; it must not wait for the
            // read (an IMMEDIATE read would hold the write lock and this would time out after 10 s)
            long started = System.nanoTime();
            TestDatabases.addMembers(database, 4, 2);
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(waitedMillis < 5_000, "the writer waited for the read: " + waitedMillis + " ms");
            long after = TestDatabases.count(connection, "members");
            // a read inside the read (a service called by a report) shares its moment as well
            long nested = database.read(inner -> TestDatabases.count(inner, "members"));
            return List.of(before, after, nested);
        });
        // 3 members when the read began; the 2 added meanwhile are not part of its moment
        assertEquals(List.of(3L, 3L, 3L), seen);
        // the next read sees 3 + 2 = 5
        assertEquals(5L, TestDatabases.count(database, "members"));
    }

    @Test
    void aReadMayUseTemporaryTablesWhileAnotherConnectionWrites() {
        Database database = Database.open(folder.resolve("shop.db"));
        TestDatabases.addMembers(database, 1, 4);
        long copied = database.read(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE picked AS SELECT id FROM members");
            }
            TestDatabases.addMembers(database, 5, 1);
            return TestDatabases.count(connection, "temp.picked");
        });
        assertEquals(4L, copied);
        assertEquals(5L, TestDatabases.count(database, "members"));
    }
}

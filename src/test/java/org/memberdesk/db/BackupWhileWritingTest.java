package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups taken while another connection keeps writing must each be one consistent moment: every
 * transaction of the writer adds 40 members AND sets the counter setting to the new total, so a
 * backup that caught half a transaction would show the two disagreeing.
 */
class BackupWhileWritingTest {
    private static final int PER_TRANSACTION = 40;

    @TempDir
    Path folder;

    @Test
    void backupsTakenDuringWritesRestoreToConsistentDatabases() throws Exception {
        Database database = TestDatabases.open(folder, "shop.db");
        Backups backups = new Backups(database, TestDatabases.ticking("2026-11-22T09:00:00Z"));
        backups.setKeep(50);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger transactions = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    int n = transactions.get();
                    database.write(connection -> {
                        addMembersAndCount(connection, n * PER_TRANSACTION);
                        return null;
                    });
                    transactions.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            }
        });
        writer.start();
        List<Backup> taken = new ArrayList<>();
        List<Integer> writtenWhileTaking = new ArrayList<>();
        try {
            while (transactions.get() < 5) {
                Thread.sleep(5);
            }
            for (int i = 0; i < 6; i++) {
                int before = transactions.get();
                taken.add(backups.take(BackupReason.MANUAL));
                writtenWhileTaking.add(transactions.get() - before);
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(0, failures.get(), "the writer was never refused while backups ran");
        assertTrue(writtenWhileTaking.stream().mapToInt(Integer::intValue).sum() > 0,
                "the writer committed while backups were being taken: " + writtenWhileTaking);

        long lastCount = -1;
        for (Backup backup : taken) {
            // restore each into a fresh database, the way a shop would get it back
            Database restored = TestDatabases.open(folder.resolve("restored-" + taken.indexOf(backup)), "shop.db");
            new Backups(restored, Clock.systemUTC()).restore(backup.file());
            IntegrityReport report = new Backups(restored, Clock.systemUTC()).checkIntegrity();
            assertTrue(report.ok(), "integrity: " + report.problems());
            long members = TestDatabases.count(restored, "members");
            assertEquals(counter(restored), members, "members and the counter from the same transaction");
            assertEquals(0, members % PER_TRANSACTION, "whole transactions only");
            assertTrue(members >= lastCount, "later backups hold at least as much");
            lastCount = members;
        }
        assertTrue(lastCount > 0);
    }

    private static void addMembersAndCount(java.sql.Connection connection, int from) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO members (member_no, name, join_date) VALUES (?, ?, '2026-01-01')")) {
            for (int i = from; i < from + PER_TRANSACTION; i++) {
                insert.setString(1, "M" + i);
                insert.setString(2, "会员" + i);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement counter = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES ('test.members', (SELECT count(*) FROM members))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            counter.executeUpdate();
        }
    }

    private static long counter(Database database) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT value FROM settings WHERE key = 'test.members'");
                 ResultSet rs = query.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : 0L;
            }
        });
    }
}

package org.memberdesk.db;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Small helpers for the backup tests: members by plain SQL, counts, a clock that ticks one second per read. */
final class TestDatabases {
    private TestDatabases() {
    }

    static void addMembers(Database database, int from, int count) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO members (member_no, name, join_date) VALUES (?, ?, '2026-01-01')")) {
                for (int i = from; i < from + count; i++) {
                    insert.setString(1, "M" + i);
                    insert.setString(2, "会员" + i);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    static long count(Database database, String table) {
        return database.read(connection -> count(connection, table));
    }

    static long count(java.sql.Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every read of the time moves one second on, so backups taken in a row get distinct, ordered names. */
    static Clock ticking(String start) {
        AtomicLong seconds = new AtomicLong(Instant.parse(start).getEpochSecond());
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(seconds.getAndIncrement());
            }
        };
    }

    static Database open(Path folder, String name) {
        return Database.open(folder.resolve(name));
    }
}

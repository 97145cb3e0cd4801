package org.memberdesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Checks a database file: SQLite's own {@code integrity_check} (every page, index and constraint)
 * and the foreign keys. Also tells whether a file is a MemberDesk database at all, before a restore
 * puts it in place of the shop's data.
 */
public final class IntegrityCheck {
    static final int MAX_PROBLEMS = 20;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private IntegrityCheck() {
    }

    /** Runs the checks on an open connection. */
    public static IntegrityReport check(Connection connection, Path file) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check(" + MAX_PROBLEMS + ")")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add(line);
                    }
                }
            }
            if (problems.isEmpty()) {
                try (ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
                    while (rs.next() && problems.size() < MAX_PROBLEMS) {
                        problems.add("row " + rs.getLong(2) + " of " + rs.getString(1)
                                + " refers to a missing row of " + rs.getString(3));
                    }
                }
            }
        }
        return new IntegrityReport(file, problems.isEmpty(), problems);
    }

    /**
     * Makes sure {@code file} is a healthy MemberDesk database this version can use, or says why not.
     * Opens the file, so give it a private copy, never the original a user picked.
     */
    static void requireRestorable(Path file, String shownName) {
        if (!startsWithSqliteHeader(file)) {
            throw new RestoreRefusedException("restore.refused.notDatabase", shownName);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file)) {
            IntegrityReport report = check(connection, file);
            if (!report.ok()) {
                throw new RestoreRefusedException("restore.refused.damaged", shownName,
                        String.join("; ", report.problems().subList(0, Math.min(3, report.problems().size()))));
            }
            if (!hasTable(connection, "flyway_schema_history") || !hasTable(connection, "members")) {
                throw new RestoreRefusedException("restore.refused.notMemberDesk", shownName);
            }
            int version = schemaVersion(connection);
            if (version > Migrations.LATEST_VERSION) {
                throw new RestoreRefusedException("restore.refused.newer", shownName, version,
                        Migrations.LATEST_VERSION);
            }
        } catch (SQLException e) {
            // SQLITE_NOTADB, SQLITE_CORRUPT: the header looked right but the pages do not
            throw new RestoreRefusedException("restore.refused.damaged", shownName, Database.describe(e));
        }
    }

    static boolean hasTable(Connection connection, String name) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    static int schemaVersion(Connection connection) throws SQLException {
        if (!hasTable(connection, "flyway_schema_history")) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean startsWithSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false;
        }
    }
}

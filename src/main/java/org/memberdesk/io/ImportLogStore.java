package org.memberdesk.io;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.DataException;
import org.memberdesk.members.MemberStore;

/**
 * The SQL of the imports table (one row per import run) and of {@code import_rows} (the rows of each file that
 * imports stored). {@link ImportLog} says when each is written.
 */
final class ImportLogStore {
    private ImportLogStore() {
    }

    static long start(Connection connection, String kind, Path file, String fileHash) {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO imports (kind, file, started_at, file_hash) VALUES (?, ?, ?, ?) RETURNING id")) {
            statement.setString(1, kind);
            statement.setString(2, file.toAbsolutePath().toString());
            statement.setString(3, LocalDateTime.now().format(MemberStore.TIME));
            statement.setString(4, fileHash);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataException("Cannot record the import: " + e.getMessage(), e);
        }
    }

    /** The rows of the file that earlier runs of this kind (members or purchases) stored. */
    static ImportedRows stored(Connection connection, String kind, String fileHash) throws SQLException {
        Map<Long, Long> ranges = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT first_row, last_row FROM import_rows WHERE file_hash = ? AND kind = ?")) {
            statement.setString(1, fileHash);
            statement.setString(2, kind);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ranges.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return new ImportedRows(ranges);
    }

    /**
     * The earlier runs of the same file (by content), and whether the last of them was interrupted (so this run
     * finishes it).
     */
    record EarlierRuns(Set<Long> ids, boolean interrupted) {
    }

    static EarlierRuns earlierRuns(Connection connection, String kind, String fileHash, long thisRun)
            throws SQLException {
        Set<Long> ids = new HashSet<>();
        boolean interrupted = false;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, finished_at IS NULL FROM imports WHERE file_hash = ? AND kind = ? AND id <> ? ORDER BY id")) {
            statement.setString(1, fileHash);
            statement.setString(2, kind);
            statement.setLong(3, thisRun);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    interrupted = rs.getBoolean(2);
                }
            }
        }
        return new EarlierRuns(Set.copyOf(ids), interrupted);
    }

    /**
     * In a batch's transaction: the rows it stored (rejected rows left out) and the run's counts so far, so
     * both are exactly as committed whenever the run stops.
     */
    static void batchCommitted(Connection connection, long id, String kind, String fileHash, List<long[]> ranges,
                               long imported, long duplicates, long rejected) throws SQLException {
        BoundRows rows = new BoundRows();
        for (long[] range : ranges) {
            rows.row().add(fileHash).add(kind).add(range[0]).add(range[1]).add(id);
        }
        rows.execute(connection, "INSERT INTO import_rows (file_hash, kind, first_row, last_row, import_id) :rows");
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE imports SET imported = ?, duplicates = ?, rejected = ? WHERE id = ?")) {
            statement.setLong(1, imported);
            statement.setLong(2, duplicates);
            statement.setLong(3, rejected);
            statement.setLong(4, id);
            statement.executeUpdate();
        }
    }

    static java.util.Optional<ImportHistory.Run> lastRun(Connection connection, String kind, String fileHash)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT started_at, finished_at IS NOT NULL, imported, duplicates, rejected FROM imports
                WHERE file_hash = ? AND kind = ? ORDER BY id DESC LIMIT 1""")) {
            statement.setString(1, fileHash);
            statement.setString(2, kind);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new ImportHistory.Run(rs.getString(1), rs.getBoolean(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5))) : java.util.Optional.empty();
            }
        }
    }

    static void finish(Connection connection, long id, ImportResult result) {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE imports SET finished_at = ?, imported = ?, duplicates = ?, rejected = ?, report = ?
                WHERE id = ?""")) {
            // a cancelled run is interrupted too: the same file imported again finishes it
            statement.setString(1, result.cancelled() ? null : LocalDateTime.now().format(MemberStore.TIME));
            statement.setLong(2, result.imported());
            statement.setLong(3, result.duplicates());
            statement.setLong(4, result.rejected());
            statement.setString(5, result.report().toString());
            statement.setLong(6, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataException("Cannot record the import: " + e.getMessage(), e);
        }
    }
}

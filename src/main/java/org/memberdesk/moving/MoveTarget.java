package org.memberdesk.moving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.Dialect;
import org.memberdesk.db.Migrations;
import org.memberdesk.db.SchemaTables;
import org.memberdesk.db.ServerAddress;

/**
 * Where a move goes: checked empty before anything is changed there, then opened (set up at this version's schema,
 * which is the source's). A SQLite target is a file that does not exist yet (or an empty file); a PostgreSQL target
 * is a database with no tables, or one MemberDesk set up and nobody used (it holds only what a new database starts
 * with — what a failed or stopped move leaves, so trying again works). A new file a failed move made is removed.
 */
final class MoveTarget implements AutoCloseable {
    private final Database database;
    /** The SQLite file this move set up, put back as it was when the move does not finish; null on a server. */
    private final Path created;
    /** The file was there, empty, before: it is left empty again, not removed. */
    private final boolean wasEmptyFile;

    private MoveTarget(Database database, Path created, boolean wasEmptyFile) {
        this.database = database;
        this.created = created;
        this.wasEmptyFile = wasEmptyFile;
    }

    static MoveTarget open(String location, Database source) {
        if (Dialect.isServerLocation(location)) {
            return onServer(ServerAddress.parse(location), source);
        }
        Path file = Path.of(location).toAbsolutePath();
        boolean existed = Files.exists(file);
        if (existed) {
            long bytes;
            try {
                bytes = Files.isRegularFile(file) ? Files.size(file) : -1;
            } catch (IOException e) {
                bytes = -1;
            }
            if (bytes != 0) {
                throw new MoveRefusedException("move.refused.fileExists", file.toString());
            }
        }
        try {
            return new MoveTarget(Database.open(file), file, existed);
        } catch (RuntimeException e) {
            removeFile(file, existed);
            throw e;
        }
    }

    private static MoveTarget onServer(ServerAddress address, Database source) {
        if (source.server().filter(s -> s.host().equals(address.host()) && s.port() == address.port()
                && s.database().equals(address.database())).isPresent()) {
            throw new MoveRefusedException("move.refused.same", address.toString());
        }
        SchemaTables.ServerContents contents = SchemaTables.onServer(address);
        if (!contents.tables().isEmpty() && contents.version() != Migrations.LATEST_VERSION) {
            throw new MoveRefusedException("move.refused.otherTables", address.toString(), contents.tables().size(),
                    String.join(", ", contents.tables().stream().limit(3).toList()));
        }
        Database database = Database.openServer(address);
        try {
            if (!contents.tables().isEmpty()) {
                List<String> held = beyondNew(database);
                if (!held.isEmpty()) {
                    throw new MoveRefusedException("move.refused.holds", address.toString(), String.join(", ", held));
                }
            }
            return new MoveTarget(database, null, false);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** What a database holds beyond what a new one starts with, by table ("12 rows in members"), most rows first. */
    private static List<String> beyondNew(Database database) {
        Map<String, Long> fresh = newDatabaseRows();
        Map<String, Long> held = database.read(connection -> rowsByTable(connection));
        List<Map.Entry<String, Long>> more = new ArrayList<>();
        held.forEach((table, rows) -> {
            if (rows > fresh.getOrDefault(table, 0L)) {
                more.add(Map.entry(table, rows));
            }
        });
        more.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return more.stream().limit(3).map(e -> e.getValue() + " rows in " + e.getKey()).toList();
    }

    private static Map<String, Long> rowsByTable(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (SchemaTables.Table table : SchemaTables.inCopyOrder(connection)) {
            rows.put(table.name(), SchemaTables.rows(connection, table));
        }
        return rows;
    }

    /** The rows a database of this version starts with (the default tiers, the points rules …), by table. */
    private static Map<String, Long> newDatabaseRows() {
        Path folder;
        try {
            folder = Files.createTempDirectory("memberdesk-new");
        } catch (IOException e) {
            throw new DataException("Cannot make a temporary folder: " + e.getMessage(), e);
        }
        try {
            Database fresh = Database.open(folder.resolve("new.db"));
            return fresh.read(MoveTarget::rowsByTable);
        } finally {
            removeFolder(folder);
        }
    }

    Database database() {
        return database;
    }

    /** After a move that did not finish: a file it created is removed (a server database keeps only its empty schema). */
    void discard() {
        if (created != null) {
            removeFile(created, wasEmptyFile);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    private static void removeFile(Path file, boolean leaveEmpty) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                if (suffix.isEmpty() && leaveEmpty) {
                    Files.write(file, new byte[0]);
                    continue;
                }
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                // what is left is an empty database at most, which the next try refuses with the file's name
            }
        }
    }

    private static void removeFolder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it
        }
    }
}

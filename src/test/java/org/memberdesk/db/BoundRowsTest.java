package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundRowsTest {
    @TempDir
    Path folder;

    private Connection table() throws SQLException {
        Connection connection = Database.open(folder.resolve("rows.db")).connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n INTEGER, label TEXT, maybe INTEGER)");
        }
        return connection;
    }

    /** 200 rows of three values fit one statement (600 parameters): below, at and past the edges of a statement. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 199, 200, 201, 401})
    void everyRowIsWrittenOnceInOrder(int count) throws SQLException {
        try (Connection connection = table()) {
            BoundRows rows = new BoundRows();
            for (int i = 0; i < count; i++) {
                rows.row().add(i).add("第" + i + "行 \"quoted\"").add(i % 2 == 0 ? null : (Long) (long) i);
            }
            assertEquals(count, rows.execute(connection, "INSERT INTO t (n, label, maybe) :rows"));
            List<String> stored = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT n, typeof(n), label, typeof(maybe) FROM t ORDER BY rowid")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            assertEquals(count, stored.size());
            for (int i = 0; i < count; i++) {
                assertEquals(i + "|integer|第" + i + "行 \"quoted\"|" + (i % 2 == 0 ? "null" : "integer"),
                        stored.get(i));
            }
        }
    }

    @Test
    void updatesThroughACommonTableExpressionAndReadsWhatIsReturned() throws SQLException {
        try (Connection connection = table()) {
            BoundRows start = new BoundRows();
            for (int i = 1; i <= 250; i++) {
                start.row().add(i).add("x").addNull();
            }
            start.execute(connection, "INSERT INTO t (n, label, maybe) :rows");
            BoundRows changes = new BoundRows();
            for (int i = 1; i <= 250; i += 2) {
                changes.row().add(i).add(i * 10L);
            }
            assertEquals(125, changes.execute(connection,
                    "WITH j (n, value) AS (:rows) UPDATE t SET maybe = j.value FROM j WHERE t.n = j.n"));
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*), sum(maybe) FROM t WHERE maybe IS NOT NULL")) {
                rs.next();
                assertEquals(125, rs.getLong(1));
                assertEquals(10L * 125 * 125, rs.getLong(2)); // 10 × (1 + 3 + … + 249) = 10 × 125²
            }
            BoundRows more = new BoundRows();
            for (int i = 0; i < 130; i++) {
                more.row().add(1000 + i).add("y").addNull();
            }
            List<Long> returned = new ArrayList<>();
            more.query(connection, "INSERT INTO t (n, label, maybe) :rows RETURNING n", rs -> returned.add(rs.getLong(1)));
            assertEquals(130, returned.size());
            assertEquals(1000 * 130 + 129 * 130 / 2, returned.stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void aRowOfAnotherWidthIsRefused() {
        BoundRows rows = new BoundRows();
        rows.row().add(1).add("a").row().add(2);
        assertThrows(IllegalStateException.class, rows::row);
        BoundRows empty = new BoundRows();
        assertThrows(IllegalStateException.class, () -> empty.add(1));
    }

    @Test
    void aStatementWithoutRowsIsRefused() throws SQLException {
        try (Connection connection = table()) {
            BoundRows rows = new BoundRows();
            rows.row().add(1).add("a").addNull();
            assertThrows(IllegalArgumentException.class, () -> rows.execute(connection, "INSERT INTO t VALUES (1, 2, 3)"));
        }
    }
}

package org.memberdesk.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * {@link BoundRows} on PostgreSQL when there are many: the rows go to the server through {@code COPY … FROM STDIN}
 * (the driver's copy API: an ordinary role that owns its database may, no server-side file, no superuser), then the
 * statement runs over them as it would over its {@code VALUES} list — so an import writes a batch of thousands with a
 * few round trips instead of one statement of a hundred rows after another.
 * <ul>
 * <li>{@code INSERT INTO t (a, b) :rows} and nothing after: the rows are copied straight into {@code t}.</li>
 * <li>{@code INSERT INTO t (a, b) :rows ON CONFLICT … / RETURNING …}: copied into a temporary table with {@code t}'s
 * own column types, then {@code INSERT INTO t (a, b) SELECT a, b FROM it} in row order, with the statement's rest.</li>
 * <li>anything else ({@code WITH j (id, n) AS (:rows) UPDATE …}): copied into a temporary table whose columns are
 * BIGINT where the rows hold numbers and TEXT otherwise — the types their bound parameters would have had — and
 * {@code :rows} reads it in row order.</li>
 * </ul>
 * The temporary table lives for one statement, in the caller's transaction.
 */
final class CopiedRows {
    /** A plain insert of the rows into named columns, and what follows {@code :rows} (ON CONFLICT, RETURNING). */
    private static final Pattern INSERT = Pattern.compile(
            "(?is)\\s*INSERT\\s+INTO\\s+([A-Za-z_][A-Za-z_0-9]*)\\s*\\(([^)]*)\\)\\s*" + Pattern.quote(BoundRows.ROWS)
                    + "(.*)");
    private static final String STAGED = "bound_rows";
    /** The row's place in the batch: the statement reads them back in it (ids are given in row order). */
    private static final String ORDER = "bound_row";
    /** Bytes sent to the server at a time. */
    private static final int CHUNK = 1 << 16;

    private final BoundRows rows;
    private final Connection connection;

    CopiedRows(BoundRows rows, Connection connection) {
        this.rows = rows;
        this.connection = connection;
    }

    /** Runs {@code sql} over the rows: the rows changed (executeUpdate), or the rows returned go to {@code returned}. */
    int run(String sql, BoundRows.Returned returned) throws SQLException {
        Matcher insert = INSERT.matcher(sql);
        if (insert.matches() && insert.group(3).isBlank() && returned == null) {
            return (int) copy("COPY " + insert.group(1) + " (" + insert.group(2) + ") FROM STDIN", false);
        }
        String select;
        try (Statement statement = connection.createStatement()) {
            if (insert.matches()) {
                statement.execute("DROP TABLE IF EXISTS pg_temp." + STAGED + "; CREATE TEMPORARY TABLE " + STAGED
                        + " AS SELECT CAST(0 AS BIGINT) AS " + ORDER + ", " + insert.group(2) + " FROM "
                        + insert.group(1) + " WITH NO DATA");
                select = "INSERT INTO " + insert.group(1) + " (" + insert.group(2) + ") SELECT " + insert.group(2)
                        + " FROM " + STAGED + " ORDER BY " + ORDER + " " + insert.group(3);
            } else {
                StringBuilder columns = new StringBuilder();
                StringBuilder names = new StringBuilder();
                for (int column = 0; column < rows.width(); column++) {
                    columns.append(", c").append(column + 1).append(rows.holdsNumbers(column) ? " BIGINT" : " TEXT");
                    names.append(column == 0 ? "" : ", ").append('c').append(column + 1);
                }
                statement.execute("DROP TABLE IF EXISTS pg_temp." + STAGED + "; CREATE TEMPORARY TABLE " + STAGED
                        + " (" + ORDER + " BIGINT" + columns + ")");
                select = sql.replace(BoundRows.ROWS, "SELECT " + names + " FROM " + STAGED + " ORDER BY " + ORDER);
            }
        }
        copy("COPY " + STAGED + " FROM STDIN", true);
        int changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            if (returned == null) {
                changed = statement.executeUpdate();
            } else {
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        returned.read(rs);
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + STAGED);
        }
        return changed;
    }

    /** Sends every row in COPY's text format (tab between values, {@code \N} for null); the rows copied. */
    private long copy(String copySql, boolean numbered) throws SQLException {
        CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copies.copyIn(copySql);
        try {
            StringBuilder text = new StringBuilder(CHUNK + 1024);
            int width = rows.width();
            for (int row = 0; row < rows.size(); row++) {
                if (numbered) {
                    text.append(row).append('\t');
                }
                for (int column = 0; column < width; column++) {
                    if (column > 0) {
                        text.append('\t');
                    }
                    rows.appendCopyText(row * width + column, text);
                }
                text.append('\n');
                if (text.length() >= CHUNK) {
                    send(in, text);
                }
            }
            send(in, text);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy(); // a failure half-way: the server forgets what it got (the transaction fails anyway)
            }
        }
    }

    private static void send(CopyIn in, StringBuilder text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** A text value as COPY's text format reads it back: backslash, tab and line ends escaped. */
    static void escape(String value, StringBuilder into) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> into.append("\\\\");
                case '\t' -> into.append("\\t");
                case '\n' -> into.append("\\n");
                case '\r' -> into.append("\\r");
                default -> into.append(c);
            }
        }
    }
}

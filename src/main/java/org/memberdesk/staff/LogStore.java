package org.memberdesk.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.memberdesk.common.Times;

/** The operation_log table: appended to, read back in order, never changed (triggers refuse UPDATE and DELETE). */
public final class LogStore {
    /** The chain's last link, or null for an empty log. */
    record Last(long id, String hash) {
    }

    Last last(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, hash FROM operation_log ORDER BY id DESC LIMIT 1");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new Last(rs.getLong(1), rs.getString(2)) : null;
        }
    }

    void insert(Connection connection, LogEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO operation_log (id, at, staff_id, staff_name, action, member_id, subject, summary, reason,
                                           money, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, entry.id());
            insert.setString(2, Times.text(entry.at()));
            setLong(insert, 3, entry.staffId());
            insert.setString(4, entry.staffName());
            insert.setString(5, entry.action());
            setLong(insert, 6, entry.memberId());
            insert.setString(7, entry.subject());
            insert.setString(8, entry.summary());
            insert.setString(9, entry.reason());
            insert.setInt(10, entry.money() ? 1 : 0);
            insert.setString(11, entry.previousHash());
            insert.setString(12, entry.hash());
            insert.executeUpdate();
        }
    }

    /**
     * Every entry in chain order as the text stored (verify hashes exactly what is in the file, whatever an outside
     * edit put there), one at a time: the log may be long.
     */
    void eachStored(Connection connection, Consumer<AuditChain.Link> consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, at, staff_id, staff_name, action, member_id, subject, summary, reason, money, prev_hash, hash
                FROM operation_log ORDER BY id""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                consumer.accept(new AuditChain.Link(rs.getLong(1), rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
            }
        }
    }

    long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM operation_log");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The entries the filter selects, newest first, at most {@code limit}. */
    List<LogEntry> find(Connection connection, LogFilter filter, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, at, staff_id, staff_name, action, member_id, subject, summary, reason, money, prev_hash, hash
                FROM operation_log\s""" + MATCHING + " ORDER BY id DESC LIMIT ?")) {
            bind(statement, filter);
            statement.setInt(MATCHING_PARAMETERS + 1, limit);
            List<LogEntry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        }
    }

    /**
     * The WHERE of {@link #find}, {@link #count(Connection, LogFilter)} and {@link #eachMatching}: each condition's
     * value twice (numbered parameters are SQLite's own), typed by a CAST so that PostgreSQL knows a NULL's type.
     */
    private static final String MATCHING = """
            WHERE (CAST(? AS TEXT) IS NULL OR at >= ?) AND (CAST(? AS TEXT) IS NULL OR at < ?)
              AND (CAST(? AS TEXT) IS NULL OR staff_name = ?) AND (CAST(? AS TEXT) IS NULL OR action = ?)
              AND (CAST(? AS BIGINT) IS NULL OR member_id = ?)""";
    private static final int MATCHING_PARAMETERS = 10;

    private static void bind(PreparedStatement statement, LogFilter filter) throws SQLException {
        String[] texts = {filter.from() == null ? null : filter.from().toString(),
                filter.to() == null ? null : filter.to().plusDays(1).toString(), filter.staffName(), filter.action()};
        for (int i = 0; i < texts.length; i++) {
            statement.setString(2 * i + 1, texts[i]);
            statement.setString(2 * i + 2, texts[i]);
        }
        setLong(statement, 9, filter.memberId());
        setLong(statement, 10, filter.memberId());
    }

    /** How many entries the filter selects ({@code audit} counts them all, the screen shows at most a page). */
    long count(Connection connection, LogFilter filter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM operation_log " + MATCHING)) {
            bind(statement, filter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A row handed on while the entries are read (an export writes it at once). */
    interface EntryConsumer {
        void accept(LogEntry entry) throws java.io.IOException;
    }

    /** Every entry the filter selects, oldest first, one at a time (an export of a long log). */
    void eachMatching(Connection connection, LogFilter filter, EntryConsumer consumer)
            throws SQLException, java.io.IOException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, at, staff_id, staff_name, action, member_id, subject, summary, reason, money, prev_hash, hash
                FROM operation_log\s""" + MATCHING + " ORDER BY id")) {
            bind(statement, filter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(entry(rs));
                }
            }
        }
    }

    private static LogEntry entry(ResultSet rs) throws SQLException {
        long staff = rs.getLong(3);
        Long staffId = rs.wasNull() ? null : staff;
        long member = rs.getLong(6);
        Long memberId = rs.wasNull() ? null : member;
        return new LogEntry(rs.getLong(1), LocalDateTime.parse(rs.getString(2), Times.TIME), staffId,
                rs.getString(4), rs.getString(5), memberId, rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getInt(10) == 1, rs.getString(11), rs.getString(12));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}

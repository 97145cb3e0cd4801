package org.memberdesk.members;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.common.Json;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.Dialect;
import org.memberdesk.stores.Store;

/**
 * {@link MemberStore}'s inserts: one member, one skipped when taken, many at once (imports). A new member gets
 * SQLite's id on either engine, one past the highest stored.
 */
final class NewMemberStore {
    /** The columns a member's details are inserted into, in {@link #detailValues} order. */
    private static final String INSERT_INTO = """
            INSERT INTO members (member_no, name, phone, gender, birthday, join_date, channel, referrer_no, notes,
                                 custom_fields, store_id)""";
    private static final String INSERT = INSERT_INTO + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * A member's id is SQLite's rowid rule on both engines: one past the highest stored. PostgreSQL's identity would
     * also use up a number for every row an ON CONFLICT skipped (and for a failed insert), so the same shop would
     * number its members differently there. Writes there are one at a time (the server's write lock).
     */
    private static final String INSERT_POSTGRESQL = """
            INSERT INTO members (id, member_no, name, phone, gender, birthday, join_date, channel, referrer_no, notes,
                                 custom_fields, store_id)
            VALUES ((SELECT coalesce(max(id), 0) + 1 FROM members), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private NewMemberStore() {
    }

    static long insert(Connection connection, MemberDetails member) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                Dialect.of(connection).pick(INSERT, INSERT_POSTGRESQL) + " RETURNING id")) {
            bindDetails(statement, member);
            statement.setLong(STORE_PARAMETER, storeOf(member));
            try (ResultSet keys = statement.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static PreparedStatement prepareInsertIfNew(Connection connection) throws SQLException {
        return connection.prepareStatement(
                Dialect.of(connection).pick(INSERT, INSERT_POSTGRESQL) + " ON CONFLICT DO NOTHING RETURNING id");
    }

    static long insertIfNew(PreparedStatement statement, MemberDetails member) throws SQLException {
        bindDetails(statement, member);
        statement.setLong(STORE_PARAMETER, storeOf(member));
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** {@link MemberStore#insertNew}. */
    static int insertNew(Connection connection, List<MemberDetails> members, MemberStore.Stored stored)
            throws SQLException {
        BoundRows rows = new BoundRows();
        String sql;
        if (Dialect.of(connection) == Dialect.SQLITE) {
            for (MemberDetails member : members) {
                BoundRows row = rows.row();
                for (String value : detailValues(member)) {
                    row.add(value);
                }
                row.add(storeOf(member));
            }
            sql = INSERT_INTO + " " + BoundRows.ROWS + " ON CONFLICT DO NOTHING RETURNING id, member_no";
        } else {
            numberAsSqlite(connection, members, rows);
            sql = INSERT_INTO.replace("(member_no,", "(id, member_no,") + " " + BoundRows.ROWS
                    + " ON CONFLICT DO NOTHING RETURNING id, member_no";
        }
        // RETURNING gives rows in no promised order: matched back by member number
        Map<String, Long> ids = new HashMap<>();
        rows.query(connection, sql, rs -> ids.put(rs.getString(2), rs.getLong(1)));
        int count = ids.size();
        for (MemberDetails member : members) {
            Long id = ids.remove(member.memberNo()); // a later row with the same number was the duplicate
            if (id != null) {
                stored.stored(id, member);
            }
        }
        return count;
    }

    /**
     * PostgreSQL's rows for {@link #insertNew}: only the members SQLite would store (number and phone not stored, nor
     * taken by one earlier in the list — a skipped one takes nothing), each with the id SQLite gives it, one past the
     * highest. An identity would number the skipped rows too. Three statements more, on PostgreSQL only.
     */
    private static void numberAsSqlite(Connection connection, List<MemberDetails> members, BoundRows rows)
            throws SQLException {
        List<String> numbers = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (MemberDetails member : members) {
            numbers.add(member.memberNo());
            if (orNull(member.phone()) != null) {
                phones.add(member.phone());
            }
        }
        Set<String> takenNumbers = new HashSet<>(MemberStore.ids(connection, "member_no", numbers).keySet());
        Set<String> takenPhones = new HashSet<>(MemberStore.ids(connection, "phone", phones).keySet());
        long id;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM members")) {
            rs.next();
            id = rs.getLong(1);
        }
        for (MemberDetails member : members) {
            String[] values = detailValues(member);
            String phone = values[2];
            if (takenNumbers.contains(values[0]) || phone != null && takenPhones.contains(phone)) {
                continue;
            }
            takenNumbers.add(values[0]);
            if (phone != null) {
                takenPhones.add(phone);
            }
            BoundRows row = rows.row().add(++id);
            for (String value : values) {
                row.add(value);
            }
            row.add(storeOf(member));
        }
    }

    /** A member's details as the ten values of {@link #INSERT_INTO}'s columns (and of the update); empty text is NULL. */
    private static String[] detailValues(MemberDetails member) {
        return new String[] {member.memberNo(), member.name(), orNull(member.phone()),
                member.gender() == null ? null : member.gender().code(),
                member.birthday() == null ? null : member.birthday().toString(), member.joinDate().toString(),
                orNull(member.channel()), orNull(member.referrerNo()), orNull(member.notes()),
                member.customFields().isEmpty() ? null : Json.write(member.customFields())};
    }

    /** The insert's parameter of the store: after the ten details. */
    private static final int STORE_PARAMETER = 11;

    /**
     * The store a new member joins: the one its details name (the service fills in this computer's); a caller
     * that names none (the self-test's throwaway member) gets store 1, as the column's default would.
     */
    private static long storeOf(MemberDetails member) {
        return member.storeId() == null ? Store.MAIN : member.storeId();
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static void bindDetails(PreparedStatement statement, MemberDetails member) throws SQLException {
        String[] values = detailValues(member);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setString(i + 1, values[i]);
            }
        }
    }
}

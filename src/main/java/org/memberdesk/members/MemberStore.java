package org.memberdesk.members;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.common.Json;
import org.memberdesk.common.Times;
import org.memberdesk.db.Dialect;
import org.memberdesk.db.JsonRows;

/** The members table. Every method works on the caller's connection, inside the caller's transaction. */
public final class MemberStore {
    public static final DateTimeFormatter TIME = Times.TIME;

    /** {@link #TIME}'s text of a time (see {@link Times#text}). */
    public static String timeText(LocalDateTime time) {
        return Times.text(time);
    }

    static final String COLUMNS = """
            id, member_no, name, phone, gender, birthday, join_date, channel, referrer_no, notes, custom_fields,
            archived, purchase_count, return_count, spent_cents, returned_cents, first_purchase_at, last_purchase_at,
            points, tier""";

    /** Inserts a member ({@link NewMemberStore}); the caller has validated it. Fails on a taken member number or phone. */
    public long insert(Connection connection, MemberDetails member) throws SQLException {
        return NewMemberStore.insert(connection, member);
    }

    /** A prepared insert that skips a member whose number or phone is already stored; for imports. */
    public PreparedStatement prepareInsertIfNew(Connection connection) throws SQLException {
        return NewMemberStore.prepareInsertIfNew(connection);
    }

    /** Runs a statement from {@link #prepareInsertIfNew}: the new member's id, or -1 when it was already stored. */
    public long insertIfNew(PreparedStatement statement, MemberDetails member) throws SQLException {
        return NewMemberStore.insertIfNew(statement, member);
    }

    /** Told of a member {@link #insertNew} stored. */
    @FunctionalInterface
    public interface Stored {
        void stored(long id, MemberDetails member) throws SQLException;
    }

    /**
     * Inserts the members whose number and phone are not yet stored (nor taken by one earlier in the list), in
     * list order and with multi-row statements; tells {@code stored} of each, in list order. Every member has a
     * member number. Returns how many were stored; for imports.
     */
    public int insertNew(Connection connection, List<MemberDetails> members, Stored stored) throws SQLException {
        return NewMemberStore.insertNew(connection, members, stored);
    }

    public void update(Connection connection, long id, MemberDetails member) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE members SET member_no = ?, name = ?, phone = ?, gender = ?, birthday = ?, join_date = ?,
                       channel = ?, referrer_no = ?, notes = ?, custom_fields = ?
                WHERE id = ?""")) {
            NewMemberStore.bindDetails(statement, member);
            statement.setLong(11, id);
            statement.executeUpdate();
        }
    }

    public void setArchived(Connection connection, long id, boolean archived) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE members SET archived = ? WHERE id = ?")) {
            statement.setInt(1, archived ? 1 : 0);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
    }

    public Optional<Member> findById(Connection connection, long id) throws SQLException {
        return findOne(connection, "id = ?", id);
    }

    public Optional<Member> findByNumber(Connection connection, String memberNo) throws SQLException {
        return findOne(connection, "member_no = ?", memberNo);
    }

    /**
     * A phone's last four digits, as each engine's index on them is written (SQLite's V1 {@code members_phone_last4};
     * PostgreSQL's substr counts a negative start from before the text, not from its end).
     */
    private static String lastFourDigits(Connection connection) {
        return Dialect.of(connection).pick("substr(phone, -4)", "right(phone, 4)");
    }

    /** Up to {@code limit} members (not archived) whose phone ends in these 4 digits: one means "that one". */
    public List<Long> idsByPhoneEnding(Connection connection, String lastFour, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM members WHERE " + lastFourDigits(connection) + " = ? AND archived = 0 LIMIT ?")) {
            statement.setString(1, lastFour);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    public Optional<Member> findByPhone(Connection connection, String phone) throws SQLException {
        return findOne(connection, "phone = ?", phone);
    }

    /** The id of a member by number, or -1. Cheap enough to call once per imported row. */
    public long idByNumber(PreparedStatement byNumber, String memberNo) throws SQLException {
        byNumber.setString(1, memberNo);
        try (ResultSet rs = byNumber.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Member ids by member number, for the numbers that are stored; one statement. */
    public Map<String, Long> idsByNumber(Connection connection, Collection<String> numbers) throws SQLException {
        return ids(connection, "member_no", numbers);
    }

    /** Member ids by (normalized) phone, for the phones that are stored; one statement. */
    public Map<String, Long> idsByPhone(Connection connection, Collection<String> phones) throws SQLException {
        return ids(connection, "phone", phones);
    }

    static Map<String, Long> ids(Connection connection, String column, Collection<String> keys)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        JsonRows list = new JsonRows();
        for (String key : keys) {
            list.row().add(key);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT m." + column
                + ", m.id FROM " + jsonRows(connection) + " j JOIN members m ON m." + column + " = j.value ->> 0")) {
            statement.setString(1, list.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return ids;
    }

    /**
     * A bound {@link JsonRows} as a table of one row per array, in a column {@code value}: SQLite's json_each;
     * PostgreSQL's json_each takes only an object.
     */
    private static String jsonRows(Connection connection) {
        return Dialect.of(connection).pick("json_each(?)", "json_array_elements(CAST(? AS json))");
    }

    /** Member numbers by (normalized) phone, for the phones that are stored: who a phone belongs to. One statement. */
    public Map<String, String> numbersByPhone(Connection connection, Collection<String> phones) throws SQLException {
        Map<String, String> numbers = new HashMap<>();
        if (phones.isEmpty()) {
            return numbers;
        }
        JsonRows list = new JsonRows();
        for (String phone : phones) {
            list.row().add(phone);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT m.phone, m.member_no FROM " + jsonRows(connection)
                        + " j JOIN members m ON m.phone = j.value ->> 0")) {
            statement.setString(1, list.toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    numbers.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return numbers;
    }

    public PreparedStatement prepareIdByNumber(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT id FROM members WHERE member_no = ?");
    }

    public PreparedStatement prepareIdByPhone(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT id FROM members WHERE phone = ?");
    }

    public boolean numberTaken(Connection connection, String memberNo) throws SQLException {
        return findOne(connection, "member_no = ?", memberNo).isPresent();
    }

    /** The next free generated member number (M00000001, …), counted in the settings table. */
    public String nextMemberNumber(Connection connection) throws SQLException {
        long next;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT value FROM settings WHERE key = 'next_member_no'")) {
            next = rs.next() ? Long.parseLong(rs.getString(1)) : 1;
        }
        String candidate;
        try (PreparedStatement taken = connection.prepareStatement("SELECT 1 FROM members WHERE member_no = ?")) {
            while (true) {
                candidate = String.format("M%08d", next++);
                taken.setString(1, candidate);
                try (ResultSet rs = taken.executeQuery()) {
                    if (!rs.next()) {
                        break;
                    }
                }
            }
        }
        try (PreparedStatement save = connection.prepareStatement(
                "INSERT INTO settings (key, value) VALUES ('next_member_no', ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            save.setString(1, Long.toString(next));
            save.executeUpdate();
        }
        return candidate;
    }

    public int count(Connection connection, MemberQuery query) throws SQLException {
        Where where = where(query, lastFourDigits(connection));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM members WHERE " + where.sql())) {
            where.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One page of a search, in the query's order. Only the page is read: safe on a million members. */
    public List<Member> search(Connection connection, MemberQuery query, int offset, int limit) throws SQLException {
        Where where = where(query, lastFourDigits(connection));
        String order = switch (query.sort()) {
            case MEMBER_NO -> "member_no";
            case NAME -> "name";
            case JOIN_DATE -> "join_date";
            case LAST_PURCHASE -> "last_purchase_at";
            case SPENT -> "(spent_cents - returned_cents)";
            case PURCHASES -> "purchase_count";
        };
        String direction = query.ascending() ? " ASC" : " DESC";
        // a member who never bought has no last purchase: first going up, last going down, as SQLite sorts a NULL
        // (PostgreSQL sorts it the other way unless told)
        String nulls = query.ascending() ? " NULLS FIRST" : " NULLS LAST";
        String sql = "SELECT " + COLUMNS + " FROM members WHERE " + where.sql()
                + " ORDER BY " + order + direction + nulls + ", id" + direction + " LIMIT ? OFFSET ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = where.bind(statement);
            statement.setInt(next, limit);
            statement.setInt(next + 1, offset);
            return readAll(statement);
        }
    }

    /** The members who name this member number as their referrer. */
    public int referrals(Connection connection, String memberNo) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM members WHERE referrer_no = ?")) {
            statement.setString(1, memberNo);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public List<String> channels(Connection connection) throws SQLException {
        List<String> channels = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT DISTINCT channel FROM members WHERE channel IS NOT NULL ORDER BY channel")) {
            while (rs.next()) {
                channels.add(rs.getString(1));
            }
        }
        return channels;
    }

    private record Where(String sql, List<Object> values) {
        int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }
    }

    /**
     * Builds the WHERE clause from fixed SQL fragments; every user value is a bound parameter. {@code lastFour} is
     * the engine's expression for a phone's last four digits.
     */
    private static Where where(MemberQuery query, String lastFour) {
        StringBuilder sql = new StringBuilder("1 = 1");
        List<Object> values = new ArrayList<>();
        if (!query.includeArchived()) {
            sql.append(" AND archived = 0");
        }
        if (query.channel() != null && !query.channel().isBlank()) {
            sql.append(" AND channel = ?");
            values.add(query.channel());
        }
        if (query.joinedFrom() != null) {
            sql.append(" AND join_date >= ?");
            values.add(query.joinedFrom().toString());
        }
        if (query.joinedTo() != null) {
            sql.append(" AND join_date <= ?");
            values.add(query.joinedTo().toString());
        }
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            // each branch is an index range, so a search stays instant on a million members
            List<String> branches = new ArrayList<>();
            branches.add("SELECT id FROM members WHERE name >= ? AND name < ?");
            values.add(text);
            values.add(text + Character.toString(Character.MAX_CODE_POINT));
            branches.add("SELECT id FROM members WHERE member_no >= ? AND member_no < ?");
            values.add(text.toUpperCase(java.util.Locale.ROOT));
            values.add(text.toUpperCase(java.util.Locale.ROOT) + Character.toString(Character.MAX_CODE_POINT));
            String digits = text.replace(" ", "").replace("-", "");
            if (digits.matches("\\d{4}")) {
                branches.add("SELECT id FROM members WHERE " + lastFour + " = ?");
                values.add(digits);
            } else if (digits.matches("\\+?\\d{11,15}")) {
                branches.add("SELECT id FROM members WHERE phone = ?");
                values.add(Phones.normalize(digits).orElse(digits));
            }
            sql.append(" AND id IN (").append(String.join(" UNION ALL ", branches)).append(")");
        }
        return new Where(sql.toString(), values);
    }

    private Optional<Member> findOne(Connection connection, String condition, Object value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM members WHERE " + condition)) {
            statement.setObject(1, value);
            List<Member> found = readAll(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Member> readAll(PreparedStatement statement) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                members.add(read(rs));
            }
        }
        return members;
    }

    static Member read(ResultSet rs) throws SQLException {
        String custom = rs.getString("custom_fields");
        Map<String, String> customFields = custom == null ? Map.of() : Json.readStringMap(custom);
        MemberDetails details = new MemberDetails(
                rs.getString("member_no"),
                rs.getString("name"),
                rs.getString("phone"),
                Gender.fromCode(rs.getString("gender")),
                date(rs.getString("birthday")),
                date(rs.getString("join_date")),
                rs.getString("channel"),
                rs.getString("referrer_no"),
                rs.getString("notes"),
                customFields);
        MemberStats stats = new MemberStats(
                rs.getInt("purchase_count"),
                rs.getInt("return_count"),
                rs.getLong("spent_cents"),
                rs.getLong("returned_cents"),
                time(rs.getString("first_purchase_at")),
                time(rs.getString("last_purchase_at")));
        return new Member(rs.getLong("id"), details, rs.getInt("archived") == 1, stats, rs.getLong("points"),
                rs.getString("tier"));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.parse(text, TIME);
    }
}

package org.memberdesk.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.memberdesk.db.Dialect;

/** The SQL of {@link Exporter}: the members and the purchase lines, each read in one pass (streamed, in order). */
final class ExportStore {
    private ExportStore() {
    }

    /**
     * Every member in id order; columns member_no, name, phone, gender, birthday, join_date, channel, referrer_no,
     * notes, purchases, returns, net cents, first and last purchase, archived, custom_fields (JSON), the name of the
     * store the member joined in.
     */
    static PreparedStatement members(Connection connection) throws SQLException {
        return streamed(connection, """
                SELECT m.member_no, m.name, m.phone, m.gender, m.birthday, m.join_date, m.channel, m.referrer_no,
                       m.notes, m.purchase_count, m.return_count, m.spent_cents - m.returned_cents,
                       m.first_purchase_at, m.last_purchase_at, m.archived, m.custom_fields, s.name
                FROM members m JOIN stores s ON s.id = m.store_id ORDER BY m.id""");
    }

    /**
     * Every purchase line in purchase then line order; columns purchase_no, member_no, phone, time, item,
     * quantity, amount cents, the purchase_no of the sale a return refunds, the name of the store it was made in.
     */
    static PreparedStatement purchaseLines(Connection connection) throws SQLException {
        return streamed(connection, """
                SELECT p.purchase_no, m.member_no, m.phone, p.time, i.name, pi.quantity, pi.amount_cents,
                       r.purchase_no, s.name
                FROM purchases p
                JOIN members m ON m.id = p.member_id
                JOIN purchase_items pi ON pi.purchase_id = p.id
                JOIN items i ON i.id = pi.item_id
                JOIN stores s ON s.id = p.store_id
                LEFT JOIN purchases r ON r.id = p.refund_of
                ORDER BY p.id, pi.line_no""");
    }

    /** More than one store: only a chain's exports have a store column (a single shop's stay as they were). */
    static boolean chain(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM stores");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 1;
        }
    }

    /** Rows fetched from a server at a time (the export runs in a read transaction, where the driver streams). */
    private static final int SERVER_FETCH = 5_000;

    /**
     * A statement whose rows are read as they come: SQLite steps through them anyway; PostgreSQL's driver would read
     * a million members into memory first unless told a fetch size.
     */
    private static PreparedStatement streamed(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (Dialect.of(connection) == Dialect.POSTGRESQL) {
            statement.setFetchSize(SERVER_FETCH);
        }
        return statement;
    }

    private static final String CUSTOM_FIELD_NAMES = """
            SELECT DISTINCT j.key FROM members, json_each(members.custom_fields) j
            WHERE members.custom_fields IS NOT NULL""";
    /** The same on PostgreSQL: the column is the JSON object's text, as on SQLite; its keys by json_object_keys. */
    private static final String CUSTOM_FIELD_NAMES_POSTGRESQL = """
            SELECT DISTINCT json_object_keys(CAST(custom_fields AS json)) FROM members
            WHERE custom_fields IS NOT NULL""";

    /** The names of the custom fields any member has, sorted. */
    static List<String> customFieldNames(Connection connection) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(Dialect.of(connection).pick(CUSTOM_FIELD_NAMES,
                CUSTOM_FIELD_NAMES_POSTGRESQL));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return new ArrayList<>(names);
    }
}

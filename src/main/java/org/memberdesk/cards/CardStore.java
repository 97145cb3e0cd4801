package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.Dialect;
import org.memberdesk.members.MemberStore;

/** The SQL of cards, their products, entries, freezes, visits and payments. Takes a connection; never commits. */
public final class CardStore {

    // ---------------------------------------------------------------- cards

    /** A new card's number: C and its id, six digits at least (the id this transaction will give it). */
    public long nextCardId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM cards")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String cardNumber(long id) {
        return String.format("C%06d", id);
    }

    /** A card as sold: balances start at zero and the first entry sets them. */
    public record NewCard(long memberId, long productId, CardKind kind, Long purchaseId, long paidCents,
                          LocalDateTime soldAt, LocalDate validFrom, LocalDate validTo, Integer perDay,
                          Integer sessionsSold, Long importId) {
    }

    public long insertCard(Connection connection, NewCard card) throws SQLException {
        long id = nextCardId(connection);
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO cards (id, card_no, member_id, product_id, kind, purchase_id, paid_cents, sold_at,
                                   valid_from, base_valid_to, valid_to, per_day, sessions_sold, sessions_left,
                                   import_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            statement.setLong(1, id);
            statement.setString(2, cardNumber(id));
            statement.setLong(3, card.memberId());
            statement.setLong(4, card.productId());
            statement.setString(5, card.kind().code());
            setLong(statement, 6, card.purchaseId());
            statement.setLong(7, card.paidCents());
            statement.setString(8, MemberStore.timeText(card.soldAt()));
            statement.setString(9, card.validFrom() == null ? null : card.validFrom().toString());
            statement.setString(10, card.validTo() == null ? null : card.validTo().toString());
            statement.setString(11, card.validTo() == null ? null : card.validTo().toString());
            setInt(statement, 12, card.perDay());
            setInt(statement, 13, card.sessionsSold());
            // sessions_left starts at 0; the 'sale' entry adds the sessions sold
            setInt(statement, 14, card.sessionsSold() == null ? null : 0);
            setLong(statement, 15, card.importId());
            statement.executeUpdate();
        }
        return id;
    }

    private static final String CARD_SELECT = """
            SELECT c.*, p.name AS product_name, p.store_id AS only_store_id,
                   (SELECT f.from_date FROM card_freezes f WHERE f.card_id = c.id AND f.ended_at IS NULL
                    ORDER BY f.id DESC LIMIT 1) AS frozen_from,
                   (SELECT f.days FROM card_freezes f
                    WHERE f.card_id = c.id AND f.ended_at IS NULL ORDER BY f.id DESC LIMIT 1) AS frozen_days
            FROM cards c JOIN card_products p ON p.id = c.product_id
            """;

    public Optional<Card> byNumber(Connection connection, String cardNo) throws SQLException {
        return one(connection, CARD_SELECT + " WHERE c.card_no = ?", cardNo);
    }

    public Optional<Card> byId(Connection connection, long id) throws SQLException {
        return one(connection, CARD_SELECT + " WHERE c.id = ?", id);
    }

    public Optional<Card> byPurchase(Connection connection, long purchaseId) throws SQLException {
        return one(connection, CARD_SELECT + " WHERE c.purchase_id = ?", purchaseId);
    }

    /**
     * A member's cards: the ones in use first (by end date; a card without one first, as SQLite sorts NULL), refunded
     * last.
     */
    public List<Card> forMember(Connection connection, long memberId) throws SQLException {
        return list(connection, CARD_SELECT + """
                 WHERE c.member_id = ?
                ORDER BY c.refunded_at IS NOT NULL, c.kind = 'stored-value' DESC, c.valid_to NULLS FIRST, c.id""",
                memberId);
    }

    private Optional<Card> one(Connection connection, String sql, Object value) throws SQLException {
        List<Card> cards = list(connection, sql, value);
        return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(0));
    }

    private List<Card> list(Connection connection, String sql, Object... values) throws SQLException {
        List<Card> cards = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cards.add(card(rs));
                }
            }
        }
        return cards;
    }

    private static Card card(ResultSet rs) throws SQLException {
        long purchase = rs.getLong("purchase_id");
        Long purchaseId = rs.wasNull() ? null : purchase;
        String refunded = rs.getString("refunded_at");
        // the freeze's last day is worked out here, not in SQL: date arithmetic is written differently on each engine
        LocalDate frozenFrom = date(rs.getString("frozen_from"));
        LocalDate frozenTo = frozenFrom == null ? null : frozenFrom.plusDays(rs.getInt("frozen_days") - 1L);
        Long onlyStoreId = rs.getObject("only_store_id") == null ? null : rs.getLong("only_store_id");
        return new Card(rs.getLong("id"), rs.getString("card_no"), rs.getLong("member_id"),
                rs.getLong("product_id"), rs.getString("product_name"), CardKind.of(rs.getString("kind")),
                purchaseId, rs.getLong("paid_cents"), LocalDateTime.parse(rs.getString("sold_at"), MemberStore.TIME),
                date(rs.getString("valid_from")), date(rs.getString("valid_to")), getInt(rs, "per_day"),
                getInt(rs, "sessions_sold"), getInt(rs, "sessions_left"), rs.getLong("principal_cents"),
                rs.getLong("bonus_cents"), date(rs.getString("used_up_on")),
                refunded == null ? null : LocalDateTime.parse(refunded, MemberStore.TIME),
                frozenFrom, frozenTo, onlyStoreId);
    }

    /** The last day of the member's latest pass (not refunded) ending on or after {@code day}; null: none. */
    public LocalDate latestPassEnd(Connection connection, long memberId, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT max(valid_to) FROM cards
                WHERE member_id = ? AND kind = 'period' AND refunded_at IS NULL AND valid_to >= ?""")) {
            statement.setLong(1, memberId);
            statement.setString(2, day.toString());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? date(rs.getString(1)) : null;
            }
        }
    }

    // ---------------------------------------------------------------- entries: the truth of balances

    /**
     * One change of a card, and its cached balances moved with it; {@code staffId} the staff who served (null: the
     * command line as the owner, the app itself, or a change that follows a purchase's own staff); {@code storeId}
     * the store it happened in (this computer's, {@link StoreLimit#storeHere}).
     */
    public record Entry(long cardId, LocalDateTime time, String kind, long principalCents, long bonusCents,
                        int sessions, Long purchaseId, Long visitId, String note, Long staffId, long storeId) {
    }

    /**
     * Writes the entry and moves the card's balances by it, in one guarded statement: false (and nothing written)
     * when a balance would go below zero — so two counters paying from the same card at once can never overdraw it.
     */
    public boolean addEntry(Connection connection, Entry entry) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("""
                UPDATE cards SET principal_cents = principal_cents + ?, bonus_cents = bonus_cents + ?,
                                 sessions_left = CASE WHEN sessions_left IS NULL THEN NULL
                                                      ELSE sessions_left + ? END
                WHERE id = ? AND principal_cents + ? >= 0 AND bonus_cents + ? >= 0
                  AND (sessions_left IS NULL OR sessions_left + ? >= 0)""")) {
            move.setLong(1, entry.principalCents());
            move.setLong(2, entry.bonusCents());
            move.setInt(3, entry.sessions());
            move.setLong(4, entry.cardId());
            move.setLong(5, entry.principalCents());
            move.setLong(6, entry.bonusCents());
            move.setInt(7, entry.sessions());
            if (move.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO card_entries (card_id, time, kind, principal_cents, bonus_cents, sessions, purchase_id,
                                          visit_id, note, staff_id, store_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, entry.cardId());
            insert.setString(2, MemberStore.timeText(entry.time()));
            insert.setString(3, entry.kind());
            insert.setLong(4, entry.principalCents());
            insert.setLong(5, entry.bonusCents());
            insert.setInt(6, entry.sessions());
            setLong(insert, 7, entry.purchaseId());
            setLong(insert, 8, entry.visitId());
            insert.setString(9, entry.note());
            setLong(insert, 10, entry.staffId());
            insert.setLong(11, entry.storeId());
            insert.executeUpdate();
        }
        return true;
    }

    /** A card's entries, oldest first: its history. */
    public List<CardEntry> entries(Connection connection, long cardId) throws SQLException {
        List<CardEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.id, e.time, e.kind, e.principal_cents, e.bonus_cents, e.sessions, p.purchase_no, e.note
                FROM card_entries e LEFT JOIN purchases p ON p.id = e.purchase_id
                WHERE e.card_id = ? ORDER BY e.id""")) {
            statement.setLong(1, cardId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(new CardEntry(rs.getLong(1), LocalDateTime.parse(rs.getString(2), MemberStore.TIME),
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        return entries;
    }

    /** A voided sale's id may be given to the next purchase: its card entries keep its number in the note only. */
    public void forgetPurchase(Connection connection, long purchaseId, String purchaseNo) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE card_entries SET purchase_id = NULL,
                       note = coalesce(note || ' ', '') || ?
                WHERE purchase_id = ?""");
             PreparedStatement payments = connection.prepareStatement(
                     "DELETE FROM payments WHERE purchase_id = ?")) {
            statement.setString(1, purchaseNo);
            statement.setLong(2, purchaseId);
            statement.executeUpdate();
            payments.setLong(1, purchaseId);
            payments.executeUpdate();
        }
    }

    public void setUsedUp(Connection connection, long cardId, LocalDate day) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE cards SET used_up_on = ? WHERE id = ?")) {
            statement.setString(1, day == null ? null : day.toString());
            statement.setLong(2, cardId);
            statement.executeUpdate();
        }
    }

    public void setRefunded(Connection connection, long cardId, LocalDateTime at, String reason, String by)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE cards SET refunded_at = ?, refund_reason = ?, refunded_by = ? WHERE id = ?")) {
            statement.setString(1, MemberStore.timeText(at));
            statement.setString(2, reason);
            statement.setString(3, by);
            statement.setLong(4, cardId);
            statement.executeUpdate();
        }
    }

    /** Removes a card sold by a sale that is voided (the caller checked nothing happened to it since). */
    public void deleteCard(Connection connection, long cardId) throws SQLException {
        try (PreparedStatement entries = connection.prepareStatement("DELETE FROM card_entries WHERE card_id = ?");
             PreparedStatement card = connection.prepareStatement("DELETE FROM cards WHERE id = ?")) {
            entries.setLong(1, cardId);
            entries.executeUpdate();
            card.setLong(1, cardId);
            card.executeUpdate();
        }
    }

    /** How many entries a card has beyond its sale (a visit, a payment, a top-up …): 0 means untouched. */
    public int entriesBeyondSale(Connection connection, long cardId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT count(*) FROM card_entries WHERE card_id = ? AND kind <> 'sale')
                     + (SELECT count(*) FROM card_freezes WHERE card_id = ?)
                     + (SELECT count(*) FROM visits WHERE card_id = ?)""")) {
            statement.setLong(1, cardId);
            statement.setLong(2, cardId);
            statement.setLong(3, cardId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ---------------------------------------------------------------- freezes

    public record FreezesSoFar(int times, int days) {
    }

    /** Freezes that counted (ended ones with no day frozen do not). */
    public FreezesSoFar freezesSoFar(Connection connection, long cardId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*), coalesce(sum(days), 0) FROM card_freezes
                WHERE card_id = ? AND (days > 0 OR ended_at IS NULL)""")) {
            statement.setLong(1, cardId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new FreezesSoFar(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    public List<Freeze> freezes(Connection connection, long cardId) throws SQLException {
        List<Freeze> freezes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, from_date, days, reason, created_at, ended_at FROM card_freezes
                WHERE card_id = ? ORDER BY id""")) {
            statement.setLong(1, cardId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String ended = rs.getString(6);
                    freezes.add(new Freeze(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getInt(3),
                            rs.getString(4), LocalDateTime.parse(rs.getString(5), MemberStore.TIME),
                            ended == null ? null : LocalDateTime.parse(ended, MemberStore.TIME)));
                }
            }
        }
        return freezes;
    }

    /** Starts a freeze and moves the card's last day by its days. */
    public void insertFreeze(Connection connection, long cardId, LocalDate from, int days, String reason,
                             LocalDateTime at, String by) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO card_freezes (card_id, from_date, days, reason, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, cardId);
            insert.setString(2, from.toString());
            insert.setInt(3, days);
            insert.setString(4, reason);
            insert.setString(5, MemberStore.timeText(at));
            insert.setString(6, by);
            insert.executeUpdate();
        }
        moveValidTo(connection, cardId, days);
    }

    /** Ends the card's open freeze after {@code daysFrozen} days, giving back the days not frozen. */
    public void endFreeze(Connection connection, long cardId, Freeze open, int daysFrozen, LocalDateTime at)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE card_freezes SET days = ?, ended_at = ? WHERE id = ?")) {
            statement.setInt(1, daysFrozen);
            statement.setString(2, MemberStore.timeText(at));
            statement.setLong(3, open.id());
            statement.executeUpdate();
        }
        moveValidTo(connection, cardId, daysFrozen - open.days());
    }

    private void moveValidTo(Connection connection, long cardId, int days) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE cards SET valid_to = date(valid_to, ? || ' days') WHERE id = ?")) {
            statement.setString(1, (days >= 0 ? "+" : "") + days);
            statement.setLong(2, cardId);
            statement.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- helpers

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /**
     * Opening balances ({@link OpeningCards}): rows (id, member, product, paid, sold at, valid from, valid to,
     * sessions, principal, bonus, import); the number, kind and day limit are made here rather than bound: fewer
     * values per row for a big file.
     */
    void insertOpenings(Connection connection, BoundRows rows) throws SQLException {
        rows.execute(connection, Dialect.of(connection).pick(SQLITE_OPENINGS, POSTGRESQL_OPENINGS));
    }

    private static final String SQLITE_OPENINGS = """
            INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at, valid_from,
                               base_valid_to, valid_to, per_day, sessions_sold, sessions_left, principal_cents,
                               bonus_cents, import_id)
            SELECT v.column1, printf('C%06d', v.column1), v.column2, p.id, p.kind, v.column4, v.column5,
                   v.column6, v.column7, v.column7, p.per_day, v.column8, v.column8, v.column9, v.column10,
                   v.column11
            FROM (:rows) v JOIN card_products p ON p.id = v.column3""";

    /**
     * The same on PostgreSQL: no printf there (lpad cuts a longer number short, so it pads only below a million, as
     * {@link #cardNumber} does), and a VALUES column that is NULL in every row of a batch is text there, so the
     * nullable numbers are cast to their columns' types. The rows are named in a WITH list: a batch of 200 or more
     * goes to the server by COPY ({@code BoundRows}), whose staged columns are c1, c2 … and not VALUES' column1 …
     * (reading v.column3 stopped every card import of 200 cards or more on PostgreSQL).
     */
    private static final String POSTGRESQL_OPENINGS = """
            WITH v (id, member_id, product_id, paid_cents, sold_at, valid_from, valid_to, sessions, principal_cents,
                    bonus_cents, import_id) AS (:rows)
            INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at, valid_from,
                               base_valid_to, valid_to, per_day, sessions_sold, sessions_left, principal_cents,
                               bonus_cents, import_id)
            SELECT v.id,
                   'C' || CASE WHEN v.id < 1000000 THEN lpad(CAST(v.id AS TEXT), 6, '0')
                               ELSE CAST(v.id AS TEXT) END,
                   v.member_id, p.id, p.kind, v.paid_cents, v.sold_at, CAST(v.valid_from AS TEXT),
                   CAST(v.valid_to AS TEXT), CAST(v.valid_to AS TEXT), p.per_day, CAST(v.sessions AS BIGINT),
                   CAST(v.sessions AS BIGINT), v.principal_cents, v.bonus_cents, v.import_id
            FROM v JOIN card_products p ON p.id = v.product_id""";

    /** Each card of ids first … last gets its opening entry, carrying exactly its balances; made in {@code storeId}. */
    void insertOpeningEntries(Connection connection, long first, long last, long storeId) throws SQLException {
        try (PreparedStatement entries = connection.prepareStatement("""
                INSERT INTO card_entries (card_id, time, kind, principal_cents, bonus_cents, sessions, store_id)
                SELECT id, sold_at, 'opening', principal_cents, bonus_cents, coalesce(sessions_left, 0), ? FROM cards
                WHERE id BETWEEN ? AND ? ORDER BY id""")) {
            entries.setLong(1, storeId);
            entries.setLong(2, first);
            entries.setLong(3, last);
            entries.executeUpdate();
        }
    }

    /**
     * Each card of {@code rows} (card id, store id) gets its opening entry, carrying exactly its balances, made in
     * its own store (a chain's cards file says where each card was sold). The rows are named in a WITH list, so
     * PostgreSQL's COPY path (columns c1, c2 …, not VALUES' column1 …) reads them alike.
     */
    void insertOpeningEntries(Connection connection, BoundRows rows) throws SQLException {
        rows.execute(connection, """
                WITH v (card_id, store_id) AS (:rows)
                INSERT INTO card_entries (card_id, time, kind, principal_cents, bonus_cents, sessions, store_id)
                SELECT c.id, c.sold_at, 'opening', c.principal_cents, c.bonus_cents, coalesce(c.sessions_left, 0),
                       v.store_id
                FROM v JOIN cards c ON c.id = v.card_id ORDER BY c.id""");
    }
}

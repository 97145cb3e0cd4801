package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.members.MemberStore;

/** The purchases, their lines, the item names, and the member statistics a purchase changes. */
public final class PurchaseStore {

    /**
     * Prepared statements for storing purchases on one connection. One is opened per hand-entered
     * purchase and one per import, so both take exactly the same path.
     */
    public final class Writer implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insertPurchase;
        private final PreparedStatement insertLine;
        private final PreparedStatement rememberItem;
        private final PreparedStatement addSale;
        private final PreparedStatement addReturn;
        private final ItemIds itemIds;
        private final PreparedStatement findByNumber;
        private final Map<MemberItem, String> firstBought = new HashMap<>();
        // what this writer added to the shop's totals, written once at close (inside the transaction)
        private long addedSales;
        private long addedReturns;
        private long addedRevenue;

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            // one statement both stores and tells: a row back means stored, none means the number was taken
            insertPurchase = connection.prepareStatement("""
                    INSERT INTO purchases (purchase_no, member_id, time, kind, total_cents, refund_of, import_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (purchase_no) DO NOTHING
                    RETURNING id""");
            insertLine = connection.prepareStatement("""
                    INSERT INTO purchase_items (purchase_id, line_no, item_id, quantity, amount_cents)
                    VALUES (?, ?, ?, ?, ?)""");
            rememberItem = connection.prepareStatement("""
                    INSERT INTO member_items (item_id, member_id, first_bought_at) VALUES (?, ?, ?)
                    ON CONFLICT (item_id, member_id) DO UPDATE SET first_bought_at = excluded.first_bought_at
                    WHERE excluded.first_bought_at < first_bought_at""");
            addSale = connection.prepareStatement("""
                    UPDATE members SET purchase_count = purchase_count + ?1, spent_cents = spent_cents + ?2,
                           first_purchase_at = min(coalesce(first_purchase_at, ?3), ?3),
                           last_purchase_at = max(coalesce(last_purchase_at, ?3), ?3)
                    WHERE id = ?4""");
            addReturn = connection.prepareStatement("""
                    UPDATE members SET return_count = return_count + ?, returned_cents = returned_cents + ?
                    WHERE id = ?""");
            itemIds = new ItemIds(connection);
            findByNumber = connection.prepareStatement(
                    "SELECT id, member_id, kind, import_id, total_cents, time FROM purchases WHERE purchase_no = ?");
        }

        public Connection connection() {
            return connection;
        }

        /**
         * Stores a purchase and updates its member's statistics; empty when a purchase with this
         * number is already stored (then nothing changes). The caller has validated the draft.
         */
        public Optional<Purchase> insert(PurchaseDraft draft, Long refundOfId, Long importId) throws SQLException {
            boolean isReturn = draft.isReturn();
            long total = draft.totalCents();
            String time = draft.time().format(MemberStore.TIME);
            insertPurchase.setString(1, draft.purchaseNo());
            insertPurchase.setLong(2, draft.memberId());
            insertPurchase.setString(3, time);
            insertPurchase.setString(4, isReturn ? "return" : "sale");
            insertPurchase.setLong(5, total);
            setNullableLong(insertPurchase, 6, refundOfId);
            setNullableLong(insertPurchase, 7, importId);
            long id;
            try (ResultSet rs = insertPurchase.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
            }
            writeLines(id, draft.memberId(), time, isReturn, 1, draft.lines());
            updateStats(draft.memberId(), isReturn, 1, total, time);
            addedSales += isReturn ? 0 : 1;
            addedReturns += isReturn ? 1 : 0;
            addedRevenue = Math.addExact(addedRevenue, total);
            Purchase.Kind kind = isReturn ? Purchase.Kind.RETURN : Purchase.Kind.SALE;
            return Optional.of(new Purchase(id, draft.purchaseNo(), draft.memberId(), draft.time(), kind, total,
                    draft.lines(), refundOfId));
        }

        /** What is stored under a purchase number: its id, member, kind and the import that brought it. */
        public Optional<StoredNumber> stored(String purchaseNo) throws SQLException {
            findByNumber.setString(1, purchaseNo);
            try (ResultSet rs = findByNumber.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long importId = rs.getLong("import_id");
                return Optional.of(new StoredNumber(rs.getLong("id"), rs.getLong("member_id"),
                        "return".equals(rs.getString("kind")), rs.wasNull() ? null : importId,
                        rs.getLong("total_cents"), rs.getString("time")));
            }
        }

        /**
         * Adds lines to a purchase stored earlier in the same import: a file whose lines of one purchase
         * are not next to each other still makes one purchase.
         */
        public void appendLines(StoredNumber purchase, List<PurchaseLine> lines) throws SQLException {
            int firstLine;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT coalesce(max(line_no), 0) + 1 FROM purchase_items WHERE purchase_id = ?")) {
                count.setLong(1, purchase.id());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    firstLine = rs.getInt(1);
                }
            }
            long extra = 0;
            for (PurchaseLine line : lines) {
                extra = Math.addExact(extra, line.amountCents());
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE purchases SET total_cents = total_cents + ? WHERE id = ?")) {
                update.setLong(1, extra);
                update.setLong(2, purchase.id());
                update.executeUpdate();
            }
            writeLines(purchase.id(), purchase.memberId(), purchase.time(), purchase.isReturn(), firstLine, lines);
            updateStats(purchase.memberId(), purchase.isReturn(), 0, extra, purchase.time());
            addedRevenue = Math.addExact(addedRevenue, extra);
        }

        private void writeLines(long purchaseId, long memberId, String time, boolean isReturn, int firstLine,
                                List<PurchaseLine> lines) throws SQLException {
            int lineNo = firstLine;
            for (PurchaseLine line : lines) {
                long itemId = itemIds.idOf(line.item());
                insertLine.setLong(1, purchaseId);
                insertLine.setInt(2, lineNo++);
                insertLine.setLong(3, itemId);
                insertLine.setInt(4, line.quantity());
                insertLine.setLong(5, line.amountCents());
                insertLine.executeUpdate();
                if (!isReturn && firstBoughtChanges(memberId, itemId, time)) {
                    rememberItem.setLong(1, itemId);
                    rememberItem.setLong(2, memberId);
                    rememberItem.setString(3, time);
                    rememberItem.executeUpdate();
                }
            }
        }

        /**
         * Whether {@code member_items} needs writing: not when this writer already stored an earlier or
         * equal first-bought time for the pair (a regular buying the same ticket every week). Bounded, so a
         * huge import does not hold every pair in memory.
         */
        private boolean firstBoughtChanges(long memberId, long itemId, String time) {
            if (firstBought.size() > FIRST_BOUGHT_MEMORY) {
                firstBought.clear();
            }
            String known = firstBought.get(new MemberItem(memberId, itemId));
            if (known != null && known.compareTo(time) <= 0) {
                return false;
            }
            firstBought.put(new MemberItem(memberId, itemId), time);
            return true;
        }

        private void updateStats(long memberId, boolean isReturn, int count, long total, String time)
                throws SQLException {
            if (isReturn) {
                addReturn.setInt(1, count);
                addReturn.setLong(2, -total);
                addReturn.setLong(3, memberId);
                addReturn.executeUpdate();
            } else {
                addSale.setInt(1, count);
                addSale.setLong(2, total);
                addSale.setString(3, time);
                addSale.setLong(4, memberId);
                addSale.executeUpdate();
            }
        }

        /** Writes what this writer added to the totals; call it before the transaction commits (close does). */
        public void flushTotals() throws SQLException {
            addToTotals(connection, addedSales, addedReturns, addedRevenue);
            addedSales = 0;
            addedReturns = 0;
            addedRevenue = 0;
        }

        @Override
        public void close() throws SQLException {
            try {
                flushTotals();
            } finally {
                closeStatements();
            }
        }

        private void closeStatements() throws SQLException {
            for (PreparedStatement statement : List.of(insertPurchase, insertLine, rememberItem, addSale, addReturn,
                    findByNumber)) {
                statement.close();
            }
            itemIds.close();
        }
    }

    private static final int FIRST_BOUGHT_MEMORY = 100_000;

    private record MemberItem(long memberId, long itemId) {
    }

    /** A purchase number already in the database. */
    public record StoredNumber(long id, long memberId, boolean isReturn, Long importId, long totalCents,
                               String time) {
    }

    public Writer writer(Connection connection) throws SQLException {
        return new Writer(connection);
    }

    /** The next generated purchase number for today (P20261122-0001, …), counted in the settings table. */
    public String nextPurchaseNumber(Connection connection, LocalDateTime now) throws SQLException {
        String day = now.toLocalDate().toString().replace("-", "");
        String key = "next_purchase_no." + day;
        long next;
        try (PreparedStatement read = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            read.setString(1, key);
            try (ResultSet rs = read.executeQuery()) {
                next = rs.next() ? Long.parseLong(rs.getString(1)) : 1;
            }
        }
        String candidate;
        try (PreparedStatement taken = connection.prepareStatement("SELECT 1 FROM purchases WHERE purchase_no = ?")) {
            while (true) {
                candidate = String.format("P%s-%04d", day, next++);
                taken.setString(1, candidate);
                try (ResultSet rs = taken.executeQuery()) {
                    if (!rs.next()) {
                        break;
                    }
                }
            }
        }
        try (PreparedStatement save = connection.prepareStatement(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            save.setString(1, key);
            save.setString(2, Long.toString(next));
            save.executeUpdate();
        }
        return candidate;
    }

    public Optional<Purchase> findByNumber(Connection connection, String purchaseNo) throws SQLException {
        List<Purchase> found = readPurchases(connection, "p.purchase_no = ?", List.of(purchaseNo), "", 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A member's purchases and returns, newest first, with their lines. */
    public List<Purchase> forMember(Connection connection, long memberId, int limit) throws SQLException {
        return readPurchases(connection, "p.member_id = ?", List.of(memberId), " ORDER BY p.time DESC, p.id DESC",
                limit);
    }

    private List<Purchase> readPurchases(Connection connection, String condition, List<Object> values,
                                         String order, int limit) throws SQLException {
        Map<Long, Purchase> purchases = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT p.id, p.purchase_no, p.member_id, p.time, p.kind, p.total_cents, p.refund_of FROM purchases p"
                        + " WHERE " + condition + order + " LIMIT ?")) {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            statement.setInt(index, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long refundOf = rs.getLong("refund_of");
                    Long refund = rs.wasNull() ? null : refundOf;
                    purchases.put(rs.getLong("id"), new Purchase(rs.getLong("id"), rs.getString("purchase_no"),
                            rs.getLong("member_id"), LocalDateTime.parse(rs.getString("time"), MemberStore.TIME),
                            "return".equals(rs.getString("kind")) ? Purchase.Kind.RETURN : Purchase.Kind.SALE,
                            rs.getLong("total_cents"), List.of(), refund));
                }
            }
        }
        if (purchases.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PurchaseLine>> lines = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pi.purchase_id, i.name, pi.quantity, pi.amount_cents
                FROM purchase_items pi JOIN items i ON i.id = pi.item_id
                WHERE pi.purchase_id = ? ORDER BY pi.line_no""")) {
            for (long id : purchases.keySet()) {
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        lines.computeIfAbsent(id, k -> new ArrayList<>()).add(
                                new PurchaseLine(rs.getString(2), rs.getInt(3), rs.getLong(4)));
                    }
                }
            }
        }
        List<Purchase> result = new ArrayList<>();
        for (Purchase p : purchases.values()) {
            result.add(new Purchase(p.id(), p.purchaseNo(), p.memberId(), p.time(), p.kind(), p.totalCents(),
                    lines.getOrDefault(p.id(), List.of()), p.refundOf()));
        }
        return result;
    }

    /** One page of all purchases, newest first. */
    public List<PurchaseRow> search(Connection connection, PurchaseQuery query, int offset, int limit)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        String where = where(query, values);
        List<PurchaseRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT p.id, p.purchase_no, p.time, m.member_no, m.name, p.total_cents, p.kind,
                       (SELECT group_concat(i.name || CASE WHEN pi.quantity > 1 THEN ' ×' || pi.quantity ELSE '' END, '、')
                        FROM purchase_items pi JOIN items i ON i.id = pi.item_id WHERE pi.purchase_id = p.id) AS items
                FROM purchases p JOIN members m ON m.id = p.member_id
                WHERE\s""" + where + " ORDER BY p.time DESC, p.id DESC LIMIT ? OFFSET ?")) {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            statement.setInt(index++, limit);
            statement.setInt(index, offset);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PurchaseRow(rs.getLong(1), rs.getString(2),
                            LocalDateTime.parse(rs.getString(3), MemberStore.TIME), rs.getString(4), rs.getString(5),
                            rs.getString("items"), rs.getLong(6), "return".equals(rs.getString(7))));
                }
            }
        }
        return rows;
    }

    public int count(Connection connection, PurchaseQuery query) throws SQLException {
        List<Object> values = new ArrayList<>();
        String where = where(query, values);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM purchases p WHERE " + where)) {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String where(PurchaseQuery query, List<Object> values) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (query.from() != null) {
            sql.append(" AND p.time >= ?");
            values.add(query.from() + " 00:00:00");
        }
        if (query.to() != null) {
            sql.append(" AND p.time <= ?");
            values.add(query.to() + " 23:59:59");
        }
        if (query.memberId() != null) {
            sql.append(" AND p.member_id = ?");
            values.add(query.memberId());
        }
        if (query.item() != null && !query.item().isBlank()) {
            // the leading space is spelled out: a text block strips it, which made "1 = 1AND"
            sql.append(" AND p.id IN (SELECT pi.purchase_id FROM purchase_items pi JOIN items i ON i.id = pi.item_id"
                    + " WHERE i.name >= ? AND i.name < ?)");
            values.add(query.item().strip());
            values.add(query.item().strip() + Character.toString(Character.MAX_CODE_POINT));
        }
        return sql.toString();
    }

    /** Totals for the whole database. */
    public record Totals(long members, long purchases, long returns, long revenueCents) {
    }

    /** The kept totals (V6's one-row table): one row read, whatever the size of the shop. */
    public Totals totals(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT members, purchases, returns, revenue_cents FROM totals WHERE id = 1")) {
            if (!rs.next()) {
                return recomputeTotals(connection);
            }
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /** The totals counted from the members and purchases themselves (slow on a big shop; for checks). */
    public Totals recomputeTotals(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM members),
                            (SELECT count(*) FROM purchases WHERE kind = 'sale'),
                            (SELECT count(*) FROM purchases WHERE kind = 'return'),
                            (SELECT coalesce(sum(total_cents), 0) FROM purchases)""")) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /**
     * Adds to the kept purchase totals, in the caller's transaction. Every path that stores purchases or
     * changes their totals calls this (the {@link Writer} once per recorder, the bulk import once per batch).
     */
    public static void addToTotals(Connection connection, long sales, long returns, long revenueCents)
            throws SQLException {
        if (sales == 0 && returns == 0 && revenueCents == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE totals SET purchases = purchases + ?, returns = returns + ?, revenue_cents = revenue_cents + ?
                WHERE id = 1""")) {
            statement.setLong(1, sales);
            statement.setLong(2, returns);
            statement.setLong(3, revenueCents);
            statement.executeUpdate();
        }
    }

    /** The names of the items ever sold, for the counter's suggestions (a shop has tens to hundreds). */
    public List<String> itemNames(Connection connection, int limit) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM items ORDER BY name LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}

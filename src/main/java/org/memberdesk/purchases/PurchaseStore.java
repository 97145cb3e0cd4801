package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.db.JsonRows;
import org.memberdesk.members.MemberStore;

/** The purchases, their lines, the item names, and the member statistics a purchase changes. */
public final class PurchaseStore {

    /** A purchase number already in the database. */
    public record StoredNumber(long id, long memberId, boolean isReturn, Long importId, long totalCents,
                               String time) {
    }

    /** The next generated purchase number for today (P20261122-0001, …), counted in the settings table. */
    public String nextPurchaseNumber(Connection connection, LocalDateTime now) throws SQLException {
        return nextNumber(connection, now, "P");
    }

    /**
     * The next generated number for today with this letter (P for a sale, R for a return: R20261122-0002), from the
     * same daily count, so a sale and a return of one day never share their digits.
     */
    public String nextNumber(Connection connection, LocalDateTime now, String letter) throws SQLException {
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
        // a voided sale keeps its number: it stays visible, so the number is never given again
        try (PreparedStatement taken = connection.prepareStatement("""
                SELECT 1 FROM purchases WHERE purchase_no = ? UNION ALL SELECT 1 FROM voided_purchases WHERE purchase_no = ?""")) {
            while (true) {
                candidate = String.format("%s%s-%04d", letter, day, next++);
                taken.setString(1, candidate);
                taken.setString(2, candidate);
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

    /**
     * Moves a voided sale out of the purchases (its effects already undone by the pipeline): into
     * {@code voided_purchases} with its lines, who, when and why; its lines and row deleted; the items its member
     * bought counted again from the purchases that stand.
     */
    void moveToVoided(Connection connection, Purchase sale, LocalDateTime at, String by, String reason)
            throws SQLException {
        JsonRows lines = new JsonRows();
        for (PurchaseLine line : sale.lines()) {
            lines.row().add(line.item()).add(line.quantity()).add(line.amountCents());
        }
        try (PreparedStatement keep = connection.prepareStatement("""
                INSERT INTO voided_purchases (purchase_no, member_id, time, total_cents, tier_discount_cents,
                                              coupon_discount_cents, lines, voided_at, voided_by, reason, store_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT store_id FROM purchases WHERE id = ?))""");
             PreparedStatement items = connection.prepareStatement(
                     "DELETE FROM purchase_items WHERE purchase_id = ? RETURNING item_id");
             PreparedStatement purchase = connection.prepareStatement("DELETE FROM purchases WHERE id = ?");
             PreparedStatement forget = connection.prepareStatement(
                     "DELETE FROM member_items WHERE member_id = ? AND item_id = ?");
             PreparedStatement recount = connection.prepareStatement("""
                     INSERT INTO member_items (item_id, member_id, first_bought_at)
                     SELECT pi.item_id, p.member_id, min(p.time) FROM purchases p
                     JOIN purchase_items pi ON pi.purchase_id = p.id
                     WHERE p.member_id = ? AND p.kind = 'sale' AND pi.item_id = ? GROUP BY pi.item_id, p.member_id""")) {
            // its own id: the sale's may be given to the next purchase (ids follow the highest one stored)
            keep.setString(1, sale.purchaseNo());
            keep.setLong(2, sale.memberId());
            keep.setString(3, MemberStore.timeText(sale.time()));
            keep.setLong(4, sale.totalCents());
            keep.setLong(5, sale.discounts().tierCents());
            keep.setLong(6, sale.discounts().couponCents());
            keep.setString(7, lines.toString());
            keep.setString(8, MemberStore.timeText(at));
            keep.setString(9, by);
            keep.setString(10, reason);
            keep.setLong(11, sale.id()); // the store the voided sale was made in
            keep.executeUpdate();
            Set<Long> itemIds = new LinkedHashSet<>();
            items.setLong(1, sale.id());
            try (ResultSet rs = items.executeQuery()) {
                while (rs.next()) {
                    itemIds.add(rs.getLong(1));
                }
            }
            purchase.setLong(1, sale.id());
            purchase.executeUpdate();
            for (long item : itemIds) {
                forget.setLong(1, sale.memberId());
                forget.setLong(2, item);
                forget.executeUpdate();
                recount.setLong(1, sale.memberId());
                recount.setLong(2, item);
                recount.executeUpdate();
            }
        }
    }

    public Optional<Purchase> findByNumber(Connection connection, String purchaseNo) throws SQLException {
        List<Purchase> found = readPurchases(connection, "p.purchase_no = ?", List.of(purchaseNo), "", 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public Optional<Purchase> byId(Connection connection, long id) throws SQLException {
        List<Purchase> found = readPurchases(connection, "p.id = ?", List.of(id), "", 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A member's purchases and returns, newest first, with their lines. */
    /** The store each of these purchases was made in (purchase id → store id), for a chain's history. */
    public Map<Long, Long> storeIds(Connection connection, java.util.Collection<Long> purchaseIds)
            throws SQLException {
        Map<Long, Long> stores = new java.util.HashMap<>();
        if (purchaseIds.isEmpty()) {
            return stores;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(purchaseIds.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, store_id FROM purchases WHERE id IN (" + marks + ")")) {
            int index = 1;
            for (long id : purchaseIds) {
                statement.setLong(index++, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    stores.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return stores;
    }

    public List<Purchase> forMember(Connection connection, long memberId, int limit) throws SQLException {
        return readPurchases(connection, "p.member_id = ?", List.of(memberId), " ORDER BY p.time DESC, p.id DESC",
                limit);
    }

    private List<Purchase> readPurchases(Connection connection, String condition, List<Object> values,
                                         String order, int limit) throws SQLException {
        Map<Long, Purchase> purchases = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT p.id, p.purchase_no, p.member_id, p.time, p.kind, p.total_cents, p.refund_of,"
                        + " p.tier_discount_cents, p.coupon_discount_cents, p.stored_value_bonus_cents,"
                        + " (SELECT c.id FROM coupons c WHERE c.member_id = p.member_id AND c.purchase_id = p.id) AS coupon_id FROM purchases p"
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
                            rs.getLong("total_cents"), List.of(), refund, discounts(rs)));
                }
            }
        }
        if (purchases.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PurchaseLine>> lines = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pi.purchase_id, i.name, pi.quantity, pi.amount_cents, pi.sale_line_no
                FROM purchase_items pi JOIN items i ON i.id = pi.item_id
                WHERE pi.purchase_id = ? ORDER BY pi.line_no""")) {
            for (long id : purchases.keySet()) {
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        int saleLine = rs.getInt(5);
                        Integer saleLineNo = rs.wasNull() ? null : saleLine;
                        lines.computeIfAbsent(id, k -> new ArrayList<>()).add(
                                new PurchaseLine(rs.getString(2), rs.getInt(3), rs.getLong(4), saleLineNo));
                    }
                }
            }
        }
        List<Purchase> result = new ArrayList<>();
        for (Purchase p : purchases.values()) {
            result.add(new Purchase(p.id(), p.purchaseNo(), p.memberId(), p.time(), p.kind(), p.totalCents(),
                    lines.getOrDefault(p.id(), List.of()), p.refundOf(), p.discounts()));
        }
        return result;
    }

    private static PurchaseDiscounts discounts(ResultSet rs) throws SQLException {
        long coupon = rs.getLong("coupon_id");
        Long couponId = rs.wasNull() ? null : coupon;
        return new PurchaseDiscounts(rs.getLong("tier_discount_cents"), rs.getLong("coupon_discount_cents"),
                couponId, rs.getLong("stored_value_bonus_cents"));
    }

    /**
     * One page of all purchases, newest first; a purchase's items in line order (said, not left to the engine's scan
     * order, so both engines list them alike).
     */
    public List<PurchaseRow> search(Connection connection, PurchaseQuery query, int offset, int limit)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        String where = where(query, values);
        List<PurchaseRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT p.id, p.purchase_no, p.time, m.member_no, m.name, p.total_cents, p.kind, p.store_id,
                       (SELECT group_concat(i.name || CASE WHEN pi.quantity > 1 THEN ' ×' || pi.quantity ELSE '' END, '、'
                                            ORDER BY pi.line_no)
                        FROM purchase_items pi JOIN items i ON i.id = pi.item_id WHERE pi.purchase_id = p.id) AS items,
                       (SELECT s.purchase_no FROM purchases s WHERE s.id = p.refund_of) AS refund_of_no
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
                            rs.getString("items"), rs.getLong(6), "return".equals(rs.getString(7)),
                            rs.getString("refund_of_no"), rs.getLong("store_id")));
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
     * Adds to the kept purchase totals, in the caller's transaction: the pipeline's {@link KeptTotals}, once per
     * batch (one counter sale, or one import batch), is the one caller.
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
}

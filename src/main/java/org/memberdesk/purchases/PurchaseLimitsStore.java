package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The shop's purchase limits, as three rows of the settings table; the defaults where none is saved. */
public final class PurchaseLimitsStore {
    static final String LINE = "purchases.limit.line_cents";
    static final String PURCHASE = "purchases.limit.purchase_cents";
    static final String QUANTITY = "purchases.limit.quantity";

    public PurchaseLimits read(Connection connection) throws SQLException {
        Map<String, String> saved = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT key, value FROM settings WHERE key IN (?, ?, ?)")) {
            statement.setString(1, LINE);
            statement.setString(2, PURCHASE);
            statement.setString(3, QUANTITY);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    saved.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        PurchaseLimits fallback = PurchaseLimits.DEFAULT;
        PurchaseLimits limits = new PurchaseLimits(number(saved.get(LINE), fallback.lineCents()),
                number(saved.get(PURCHASE), fallback.purchaseCents()),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                        number(saved.get(QUANTITY), fallback.quantity()))));
        // a value edited into the file by hand beyond the ceilings counts as not saved
        return limits.check().isEmpty() ? limits : fallback;
    }

    public void save(Connection connection, PurchaseLimits limits) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")) {
            for (Map.Entry<String, Long> row : Map.of(LINE, limits.lineCents(), PURCHASE, limits.purchaseCents(),
                    QUANTITY, (long) limits.quantity()).entrySet()) {
                statement.setString(1, row.getKey());
                statement.setString(2, Long.toString(row.getValue()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static long number(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package org.memberdesk.predictions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the renewal forecast: the period-pass products and the passes their members bought. */
public final class RenewalStore {

    /** A card product as the forecast needs it: {@code days} is its length (null for stored value). */
    public record Product(long id, String name, String kind, Integer days, boolean archived) {
        public boolean isPass() {
            return "period".equals(kind) && days != null && days > 0;
        }
    }

    /** One pass bought: whose, when sold (the day), and its last valid day (freezes included). */
    public record Pass(long id, long memberId, LocalDate soldOn, LocalDate validTo) {
    }

    public Optional<Product> product(Connection connection, long productId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, kind, days, archived FROM card_products WHERE id = ?""")) {
            statement.setLong(1, productId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(product(rs)) : Optional.empty();
            }
        }
    }

    /** The period-pass products still sold (not archived), in the order they were added. */
    public List<Product> passProducts(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, kind, days, archived FROM card_products
                WHERE kind = 'period' AND days IS NOT NULL AND archived = 0 ORDER BY id""")) {
            List<Product> products = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    products.add(product(rs));
                }
            }
            return products;
        }
    }

    private static Product product(ResultSet rs) throws SQLException {
        int days = rs.getInt(4);
        return new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : days,
                rs.getInt(5) != 0);
    }

    /**
     * The passes of a product sold on or before {@code asOf}, refunded ones left out (a refunded pass was not
     * held), by member and then in the order they were sold (the renewal rate's order: sale time, then id).
     */
    public List<Pass> passes(Connection connection, long productId, LocalDate asOf) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, member_id, substr(sold_at, 1, 10), valid_to FROM cards
                WHERE product_id = ? AND kind = 'period' AND refunded_at IS NULL AND valid_to IS NOT NULL
                  AND sold_at < ?
                ORDER BY member_id, sold_at, id""")) {
            statement.setLong(1, productId);
            statement.setString(2, asOf.plusDays(1).toString());
            List<Pass> passes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    passes.add(new Pass(rs.getLong(1), rs.getLong(2), LocalDate.parse(rs.getString(3)),
                            LocalDate.parse(rs.getString(4))));
                }
            }
            return passes;
        }
    }
}

package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PayMethod;

/** The SQL of money received and paid back, by method. Takes a connection; never commits. */
public final class PaymentStore {

    // ---------------------------------------------------------------- payments

    /** Money received or paid back in store {@code storeId} (this computer's: {@link StoreLimit#storeHere}). */
    public void insertPayment(Connection connection, LocalDateTime time, long memberId, String kind,
                              PayMethod method, long amountCents, Long purchaseId, Long cardId, long storeId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO payments (time, member_id, kind, method, amount_cents, purchase_id, card_id, store_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, MemberStore.timeText(time));
            insert.setLong(2, memberId);
            insert.setString(3, kind);
            insert.setString(4, method.code());
            insert.setLong(5, amountCents);
            CardStore.setLong(insert, 6, purchaseId);
            CardStore.setLong(insert, 7, cardId);
            insert.setLong(8, storeId);
            insert.executeUpdate();
        }
    }

    /** How a sale was paid, as its payment rows say: null when it has none (a sale from a file). */
    public record SalePayment(PayMethod method, long otherCents, Long cardId, long principalCents) {
    }

    public SalePayment salePayment(Connection connection, long purchaseId) throws SQLException {
        PayMethod method = null;
        long other = 0;
        Long card = null;
        long principal = 0;
        boolean any = false;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT method, amount_cents, card_id FROM payments WHERE purchase_id = ? AND kind = 'sale'""")) {
            statement.setLong(1, purchaseId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    any = true;
                    PayMethod m = PayMethod.of(rs.getString(1));
                    if (m == PayMethod.STORED_VALUE) {
                        principal = Math.addExact(principal, rs.getLong(2));
                        card = rs.getLong(3);
                    } else {
                        method = m;
                        other = Math.addExact(other, rs.getLong(2));
                    }
                }
            }
        }
        return any ? new SalePayment(method, other, card, principal) : null;
    }

    /** What returns already stored gave back of a sale (a positive sum). */
    public long returnedOf(Connection connection, long saleId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(-sum(total_cents), 0) FROM purchases WHERE refund_of = ? AND kind = 'return'")) {
            statement.setLong(1, saleId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The bonus a sale paid from stored value carried (0 when none). */
    long saleBonus(Connection connection, long saleId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT stored_value_bonus_cents FROM purchases WHERE id = ?")) {
            statement.setLong(1, saleId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}

package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every purchase or return right after it is stored, inside the same transaction, whether
 * it was typed at the counter or imported: points, tiers and coupons hang off this, so an import
 * earns exactly what entering the same purchases by hand would. Throwing undoes the purchase.
 */
public interface PurchaseListener {
    void purchaseStored(Connection connection, Purchase purchase) throws SQLException;

    /**
     * Opened once per {@link PurchaseService.Recorder} (one counter sale, or one import batch), so a
     * listener can prepare its statements and read its rules once instead of once per purchase.
     * The default simply forwards to {@link #purchaseStored}.
     */
    default Session open(Connection connection) throws SQLException {
        return purchase -> purchaseStored(connection, purchase);
    }

    /** A listener's state for one recorder's connection; closed with the recorder. */
    interface Session extends AutoCloseable {
        void purchaseStored(Purchase purchase) throws SQLException;

        @Override
        default void close() throws SQLException {
        }
    }
}

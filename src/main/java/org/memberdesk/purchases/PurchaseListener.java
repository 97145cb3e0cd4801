package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

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

        /**
         * Lines added to a purchase stored earlier by the same import (its rows were apart in the file);
         * {@code purchase} is the purchase as stored now, with all its lines and its new total.
         */
        default void appended(Purchase purchase, List<PurchaseLine> added) throws SQLException {
        }

        @Override
        default void close() throws SQLException {
        }
    }

    /**
     * A session for an import batch whose purchases are written set-based when the batch ends
     * ({@link BatchRecorder}): the listener is told of every purchase in file order but must not read
     * the batch's purchases back from the database, and writes its own rows in {@link BatchSession#flush}.
     * Null (the default) means the listener cannot work that way; the import then takes the counter's
     * row-by-row path.
     */
    default BatchSession openBatch(Connection connection) throws SQLException {
        return null;
    }

    /** A listener's state for one import batch. */
    interface BatchSession extends AutoCloseable {
        /** The members the batch's purchases belong to, before the first purchase: read them at once. */
        default void members(Collection<Long> memberIds) throws SQLException {
        }

        /** A purchase of the batch, in file order (not yet in the database). */
        void stored(Purchase purchase) throws SQLException;

        /**
         * Lines added to a purchase stored earlier by the same import (its rows were not next to each other
         * in the file); {@code purchase} is the purchase with all its lines and its new total.
         */
        void appended(Purchase purchase, List<PurchaseLine> added) throws SQLException;

        /** Writes what the batch's purchases changed; the purchases themselves are already written. */
        void flush() throws SQLException;

        @Override
        default void close() throws SQLException {
        }
    }
}

package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * One effect of a purchase — statistics, kept totals, points and tiers, a coupon used, rule tags to refresh —
 * run by the {@link PurchasePipeline} for every purchase, whether it was typed at the counter (a batch of one),
 * sold on the command line or imported (batches of thousands). The rules of an effect live in its one class;
 * adding an effect is that class and one line where AppContext composes the pipeline.
 *
 * <p>A step sees the batch's purchases in order, before they are in the database: it keeps what it needs in
 * memory (it must not read the batch's purchases back) and writes its own rows in {@link Step#flush}, inside
 * the pipeline's transaction. Throwing undoes the whole batch.
 */
public interface PurchaseEffect {

    /** The effect's state for one batch on one connection (rules read and statements prepared once). */
    Step open(Connection connection) throws SQLException;

    /** One batch of one effect. */
    interface Step extends AutoCloseable {
        /** The members the batch's purchases belong to, before the first purchase: read them at once. */
        default void members(Collection<Long> memberIds) throws SQLException {
        }

        /** A purchase or return of the batch, in order (not yet in the database). */
        void stored(Purchase purchase) throws SQLException;

        /**
         * Lines added to a purchase stored earlier by the same import (its rows were not next to each other
         * in the file); {@code purchase} is the purchase with all its lines and its new total.
         */
        void appended(Purchase purchase, List<PurchaseLine> added) throws SQLException;

        /**
         * A sale voided: undo everything this effect did for it, as if it had never happened (the pipeline
         * allows it only for the member's latest purchase, on its own day, with nothing returned of it). Called
         * while the sale's rows are still there, before the pipeline moves it to the voided sales; a step that
         * cannot undo (e.g. its points were spent) throws a {@link org.memberdesk.common.ValidationException}
         * and nothing changes. Every effect must say how it is undone, so there is no default.
         */
        void voided(Purchase sale) throws SQLException;

        /** Writes what the batch's purchases changed; the purchases themselves are already written. */
        void flush() throws SQLException;

        @Override
        default void close() throws SQLException {
        }
    }
}

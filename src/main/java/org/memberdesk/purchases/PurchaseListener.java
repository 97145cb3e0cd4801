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
}

package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The shop's kept totals (V6's one-row table): sales, returns and revenue, added once per batch. */
public final class KeptTotals implements PurchaseEffect {

    @Override
    public Step open(Connection connection) {
        return new Step() {
            private long sales;
            private long returns;
            private long revenue;

            @Override
            public void stored(Purchase purchase) {
                sales += purchase.isReturn() ? 0 : 1;
                returns += purchase.isReturn() ? 1 : 0;
                revenue = Math.addExact(revenue, purchase.totalCents());
            }

            @Override
            public void appended(Purchase purchase, List<PurchaseLine> added) {
                for (PurchaseLine line : added) {
                    revenue = Math.addExact(revenue, line.amountCents());
                }
            }

            @Override
            public void voided(Purchase sale) {
                sales -= 1;
                revenue = Math.subtractExact(revenue, sale.totalCents());
            }

            @Override
            public void flush() throws SQLException {
                PurchaseStore.addToTotals(connection, sales, returns, revenue);
                sales = 0;
                returns = 0;
                revenue = 0;
            }
        };
    }
}

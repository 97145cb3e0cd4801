package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseEffect;
import org.memberdesk.purchases.PurchaseLine;

/**
 * Rule tags look at purchases (recency, frequency, spend, items), so a batch of the purchase pipeline that stored,
 * grew or voided a purchase marks them out of date in its own transaction; {@link TagService#refreshIfStale}
 * refreshes them at the end of an import and when the desktop starts. The mark names the batch's first purchase,
 * so a refresh that began before this batch never clears it.
 */
public final class RuleTagsAfterPurchases implements PurchaseEffect {
    private final TagService tags;

    public RuleTagsAfterPurchases(TagService tags) {
        this.tags = tags;
    }

    @Override
    public Step open(Connection connection) {
        return new Step() {
            private String first;

            private void changed(Purchase purchase, String how) {
                if (first == null) {
                    first = how + " " + purchase.purchaseNo() + " " + System.nanoTime();
                }
            }

            @Override
            public void stored(Purchase purchase) {
                changed(purchase, "purchase");
            }

            @Override
            public void appended(Purchase purchase, List<PurchaseLine> added) {
                changed(purchase, "purchase");
            }

            @Override
            public void voided(Purchase sale) {
                changed(sale, "void");
            }

            @Override
            public void flush() throws SQLException {
                if (first != null) {
                    tags.markStale(connection, first);
                    first = null;
                }
            }
        };
    }
}

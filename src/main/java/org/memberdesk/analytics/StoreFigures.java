package org.memberdesk.analytics;

import java.util.List;
import org.memberdesk.stores.Store;

/**
 * One store's column of a chain's period (the report's {@code stores}, the dashboard's table): what happened there —
 * sales and returns made there, members who joined there, check-ins there, money received there. Every figure is
 * a part of the chain's figure of the same name, so the columns add up to the chain's totals.
 */
public record StoreFigures(Store store, long newMembers, long purchases, long salesCents, long returnsCents,
                           long visits, long cashInCents) {

    /** Sales minus returns made in the store in the period. */
    public long revenueCents() {
        return Math.subtractExact(salesCents, returnsCents);
    }

    /** The columns added up (the chain's figures, read another way); an overflow is an error, not a wrong sum. */
    public static StoreFigures total(List<StoreFigures> stores) {
        long newMembers = 0, purchases = 0, sales = 0, returns = 0, visits = 0, cashIn = 0;
        for (StoreFigures one : stores) {
            newMembers = Math.addExact(newMembers, one.newMembers);
            purchases = Math.addExact(purchases, one.purchases);
            sales = Math.addExact(sales, one.salesCents);
            returns = Math.addExact(returns, one.returnsCents);
            visits = Math.addExact(visits, one.visits);
            cashIn = Math.addExact(cashIn, one.cashInCents);
        }
        return new StoreFigures(null, newMembers, purchases, sales, returns, visits, cashIn);
    }
}

package org.memberdesk.analytics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.cards.CardReports;

/**
 * What cards and visits add to a period's numbers: the renewal rate (the cards' own rule,
 * {@link CardReports#renewal}), money received by method except stored value (less refunds paid out), and the
 * visits with the distinct members who made them. Purchases imported from files have no payment rows (a file does
 * not say how it was paid), so their money is in revenue but not here.
 */
public record CardFigures(CardReports.Renewal renewal, Map<String, Long> cashInByMethod, long visits,
                          long visitors) {

    public CardFigures {
        // by method name, so reports list them in one order
        cashInByMethod = Collections.unmodifiableMap(new TreeMap<>(cashInByMethod));
    }

    /** Σ of the methods; an overflow is an error, not a wrong total. */
    public long cashInCents() {
        long total = 0;
        for (long cents : cashInByMethod.values()) {
            total = Math.addExact(total, cents);
        }
        return total;
    }

    /** The renewal rate, null when no card ended in the period. */
    public Double renewalRate() {
        return renewal.rate();
    }
}

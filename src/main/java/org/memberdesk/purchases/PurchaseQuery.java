package org.memberdesk.purchases;

import java.time.LocalDate;

/** A filter over all purchases, newest first: a date range, one member, an item name prefix. */
public record PurchaseQuery(LocalDate from, LocalDate to, Long memberId, String item) {

    public static PurchaseQuery all() {
        return new PurchaseQuery(null, null, null, null);
    }
}

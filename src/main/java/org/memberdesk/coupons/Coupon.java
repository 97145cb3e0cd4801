package org.memberdesk.coupons;

import java.util.List;

/**
 * A coupon template: what every coupon issued from it gives. {@code valueCents} is the most it
 * takes off (cash, threshold, gift), {@code percentOff} and the optional {@code capCents} are the
 * discount's; {@code minSpendCents} is the spend on the items it applies to that a purchase must
 * reach (the "满 X" of a threshold coupon); an empty {@code items} list means every item.
 */
public record Coupon(long id, String name, CouponKind kind, long valueCents, Integer percentOff, Long capCents,
                     long minSpendCents, List<String> items, Validity validity) {

    public Coupon {
        items = List.copyOf(items);
    }

    public Coupon withId(long newId) {
        return new Coupon(newId, name, kind, valueCents, percentOff, capCents, minSpendCents, items, validity);
    }

    public boolean appliesTo(String item) {
        return items.isEmpty() || items.contains(item);
    }
}

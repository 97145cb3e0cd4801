package org.memberdesk.sales;

import java.util.List;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.RedemptionRefused;

/**
 * Why a coupon takes nothing off this sale, as a bundle key with the amounts it names. The code the
 * cashier typed is not known to the pricing (it works on the template), so {@link #refused(String)}
 * adds it and gives the same {@link RedemptionRefused} the checkout throws, arguments in the same order:
 * {@code {0}} code, {@code {1}} minimum spend, {@code {2}} eligible amount after the tier discount,
 * {@code {3}} the items it is limited to, {@code {4}} the eligible amount before the tier discount.
 */
public record CouponRefusal(String key, long minSpendCents, long eligibleCents, List<String> items,
                            long eligibleBeforeTierCents) {

    public CouponRefusal {
        items = List.copyOf(items);
    }

    public RedemptionRefused refused(String code) {
        return new RedemptionRefused(key, code, Money.display(minSpendCents), Money.display(eligibleCents),
                String.join("、", items), Money.display(eligibleBeforeTierCents));
    }
}

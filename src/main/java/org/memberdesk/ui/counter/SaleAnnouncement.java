package org.memberdesk.ui.counter;

import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Priced;
import org.memberdesk.tiers.TierProgress;
import org.memberdesk.tiers.TierService;
import org.memberdesk.ui.common.PointsBalance;

/**
 * What the cashier reads aloud after a sale: the points it earned and the balance now, and how far the
 * member is from the next tier ("再消费 ¥320 升级金卡"). Also the counter's price lines, so the words for
 * the tier discount and the coupon are written once.
 */
public record SaleAnnouncement(String points, String progress) {

    public static SaleAnnouncement of(CounterSales.Sale sale, TierProgress progress, Messages messages) {
        return new SaleAnnouncement(
                messages.get("counter.after.points", sale.pointsEarned(),
                        PointsBalance.text(sale.pointsBalance(), messages)),
                progress == null ? "" : TierService.nextStep(progress, messages));
    }

    /** "金卡 95 折 −¥6.40" / "金卡 5 % off −¥6.40"; empty when the member's tier gives nothing off. */
    public static String tierLine(Priced priced, Messages messages) {
        if (priced == null || priced.tierName() == null || priced.tierDiscountCents() == 0) {
            return "";
        }
        int kept = 100 - priced.tierPercent();
        // Chinese names the share paid: 95 折 for 5 % off, 9 折 for 10 % off
        String zhe = kept % 10 == 0 ? Integer.toString(kept / 10) : Integer.toString(kept);
        return messages.get("counter.tier.line", priced.tierName(), priced.tierPercent(),
                Money.display(priced.tierDiscountCents()), zhe);
    }

    /** "Coupon −¥20.00"; empty without an accepted coupon. */
    public static String couponLine(Priced priced, Messages messages) {
        if (priced == null || priced.coupon() == null || priced.couponDiscountCents() == 0) {
            return "";
        }
        return messages.get("counter.coupon.line", priced.coupon().name(), Money.display(priced.couponDiscountCents()));
    }
}

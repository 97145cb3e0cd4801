package org.memberdesk.points;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.memberdesk.purchases.PurchaseLine;

/**
 * How purchases earn points. Every rate is an integer: {@code earnPoints} points per
 * {@code earnPerYuan} yuan, multipliers in percent (150 = ×1.5). A purchase's points are
 * computed with one rounding down at the very end (docs/points-and-tiers.md):
 * <pre>
 *   weighted = Σ line amount in cents × line percent (item's, else its category's, else 100)
 *   points   = ⌊ weighted × earnPoints × tier percent × birthday percent
 *                 / (earnPerYuan × 100 × 100 × 100 × 100) ⌋
 * </pre>
 * the five hundreds being cents per yuan and the three percents; the birthday percent is 100
 * outside the member's birthday month.
 */
public record PointsRules(int earnPoints, int earnPerYuan, int birthdayPercent, long signupBonus,
                          long firstPurchaseBonus, Integer expiryMonths, Map<String, Integer> itemPercents,
                          Map<String, Integer> categoryPercents) {

    private static final BigInteger DIVISOR_BASE = BigInteger.valueOf(100L * 100 * 100 * 100);

    public PointsRules {
        itemPercents = Map.copyOf(itemPercents);
        categoryPercents = Map.copyOf(categoryPercents);
    }

    public static PointsRules defaults() {
        return new PointsRules(1, 1, 200, 0, 0, 12, Map.of(), Map.of());
    }

    /** The percent one item earns at: its own multiplier, else its category's, else 100. */
    public int percentFor(String item, String category) {
        Integer own = itemPercents.get(item);
        if (own != null) {
            return own;
        }
        Integer ofCategory = category == null ? null : categoryPercents.get(category);
        return ofCategory != null ? ofCategory : 100;
    }

    /**
     * The points a purchase's lines earn (amounts taken as positive, so a return's lines give what
     * they would have earned). {@code categoryOf} names an item's category (null when it has none).
     */
    public long pointsFor(List<PurchaseLine> lines, Function<String, String> categoryOf, int tierPercent,
                          boolean birthdayMonth) {
        long weighted = 0;
        for (PurchaseLine line : lines) {
            int percent = itemPercents.isEmpty() && categoryPercents.isEmpty() ? 100
                    : percentFor(line.item(), categoryOf.apply(line.item()));
            weighted = Math.addExact(weighted, Math.multiplyExact(Math.abs(line.amountCents()), percent));
        }
        return pointsForWeighted(weighted, tierPercent, birthdayMonth ? birthdayPercent : 100);
    }

    /** The last step of {@link #pointsFor}: weighted cent-percents through the rate and the two percents. */
    long pointsForWeighted(long weighted, int tierPercent, int birthday) {
        BigInteger numerator = BigInteger.valueOf(weighted).multiply(BigInteger.valueOf(earnPoints))
                .multiply(BigInteger.valueOf(tierPercent)).multiply(BigInteger.valueOf(birthday));
        BigInteger divisor = DIVISOR_BASE.multiply(BigInteger.valueOf(earnPerYuan));
        return numerator.divide(divisor).longValueExact();
    }

    /** The first day a batch earned on {@code earned} can no longer be used; null when points never expire. */
    public LocalDate expiresOn(LocalDate earned) {
        return expiryMonths == null ? null : earned.plusMonths(expiryMonths);
    }

    public PointsRules withExpiryMonths(Integer months) {
        return new PointsRules(earnPoints, earnPerYuan, birthdayPercent, signupBonus, firstPurchaseBonus, months,
                itemPercents, categoryPercents);
    }
}

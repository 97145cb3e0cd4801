package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDiscounts;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchasePipeline;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;

/**
 * The counter's purchase with a coupon: the code is checked, the discount applied to the lines,
 * the purchase recorded through the {@link org.memberdesk.purchases.PurchasePipeline}, whose
 * {@link CouponRedemption} effect marks the coupon used — all in ONE transaction. The transaction starts
 * with {@code BEGIN IMMEDIATE} and the coupon is marked with {@code UPDATE … WHERE used_at IS NULL},
 * so two windows or processes redeeming one code cannot both succeed.
 */
public final class CheckoutService {
    /** The purchase line recorded when the counter gives only an amount (the command line and the screen alike). */
    public static final String COUNTER_ITEM = "消费";

    private final Database database;
    private final PurchaseService purchases;
    private final PurchaseStore purchaseStore;
    private final MemberStore members;
    private final CouponStore coupons;
    private final Clock clock;

    public CheckoutService(Database database, PurchaseService purchases, PurchaseStore purchaseStore,
                           MemberStore members, CouponStore coupons, Clock clock) {
        this.database = database;
        this.purchases = purchases;
        this.purchaseStore = purchaseStore;
        this.members = members;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** A coupon accepted for a purchase: what it takes off and what remains to pay. */
    public record Quote(IssuedCoupon coupon, Coupon template, long totalCents, long discountCents) {
        public long payCents() {
            return totalCents - discountCents;
        }
    }

    /** A purchase recorded with a coupon. */
    public record Redemption(Purchase purchase, String code, long discountCents) {
    }

    /** Checks a code against a purchase without storing anything (the counter shows the discount first). */
    public Quote quote(String typedCode, long memberId, List<PurchaseLine> lines) {
        String code = checkedCode(typedCode);
        return database.read(connection -> quote(connection, code, memberId, lines));
    }

    /** Records the purchase with the coupon's discount and marks the coupon used, or refuses and stores nothing. */
    public Redemption redeem(String typedCode, long memberId, List<PurchaseLine> lines) {
        String code = checkedCode(typedCode);
        return database.write(connection -> {
            Quote quote = quote(connection, code, memberId, lines);
            LocalDateTime now = now();
            List<PurchaseLine> paid = Discounts.apply(quote.template(), lines, quote.discountCents());
            PurchaseDraft draft = new PurchaseDraft(purchaseStore.nextPurchaseNumber(connection, now), memberId, now,
                    paid, null, new PurchaseDiscounts(0, quote.discountCents(), quote.coupon().id()));
            Purchase purchase;
            try (PurchasePipeline pipeline = purchases.pipeline(connection, null, false)) {
                PurchaseService.Recorded recorded = pipeline.record(draft);
                if (recorded.outcome() != PurchaseService.Outcome.STORED) {
                    throw new ValidationException(Problem.of("purchase_no", "purchase.number.taken",
                            draft.purchaseNo()));
                }
                purchase = recorded.purchase();
            }
            return new Redemption(purchase, code, quote.discountCents());
        });
    }

    /** A coupon the member may use today (its own, not used, within its dates), with its template. */
    public record Usable(IssuedCoupon coupon, Coupon template) {
    }

    /**
     * Checks a typed code for the member on the caller's connection, before any amount is looked at: the
     * counter then prices the sale (tier discount first) and the template says what it takes off.
     */
    public Usable usable(Connection connection, String typedCode, long memberId) throws SQLException {
        String code = checkedCode(typedCode);
        if (members.findById(connection, memberId).isEmpty()) {
            throw new ValidationException(Problem.of("member", "member.unknown", Long.toString(memberId)));
        }
        IssuedCoupon coupon = coupons.byCode(connection, code)
                .orElseThrow(() -> new RedemptionRefused("coupon.refused.unknown", code));
        if (coupon.memberId() != memberId) {
            throw new RedemptionRefused("coupon.refused.otherMember", code);
        }
        LocalDate today = LocalDate.now(clock);
        switch (coupon.state(today)) {
            case USED -> throw new RedemptionRefused("coupon.refused.used", code,
                    coupon.usedAt().toLocalDate().toString());
            case NOT_YET_VALID -> throw new RedemptionRefused("coupon.refused.notYetValid", code,
                    coupon.validFrom().toString());
            case EXPIRED -> throw new RedemptionRefused("coupon.refused.expired", code, coupon.validTo().toString());
            case USABLE -> { }
        }
        return new Usable(coupon, coupons.template(connection, coupon.couponId()).orElseThrow());
    }

    private Quote quote(Connection connection, String code, long memberId, List<PurchaseLine> lines)
            throws SQLException {
        Usable usable = usable(connection, code, memberId);
        IssuedCoupon coupon = usable.coupon();
        Coupon template = usable.template();
        Discounts.Outcome outcome = Discounts.outcome(template, lines);
        if (!outcome.accepted()) {
            throw new RedemptionRefused(outcome.refusal(), code, Money.display(template.minSpendCents()),
                    Money.display(outcome.eligibleCents()), String.join("、", template.items()));
        }
        long total = lines.stream().mapToLong(PurchaseLine::amountCents).reduce(0, Math::addExact);
        return new Quote(coupon, template, total, outcome.discountCents());
    }

    /** The typed code, normalized, after the check character caught what a lookup need not see. */
    private static String checkedCode(String typed) {
        String code = CouponCodes.normalize(typed);
        switch (CouponCodes.check(code)) {
            case MALFORMED -> throw new RedemptionRefused("coupon.refused.malformed", code,
                    CouponCodes.LENGTH);
            case TYPO -> throw new RedemptionRefused("coupon.refused.typo", code);
            case OK -> { }
        }
        return code;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}

package org.memberdesk.sales;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.cards.Pay;
import org.memberdesk.cards.PaymentPlanner;
import org.memberdesk.common.Problem;
import org.memberdesk.common.TextLength;
import org.memberdesk.common.ValidationException;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.Payment;
import org.memberdesk.purchases.PurchaseDiscounts;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchasePipeline;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.tiers.Tier;
import org.memberdesk.tiers.TierStore;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * The counter: a sale priced as the shop's rules say (the member's tier discount, then the coupon, then points
 * on what was paid), a return of a past sale or some of its lines, and the void of a sale keyed by mistake.
 * Each is one transaction through the one {@link PurchasePipeline}, the same one imports use; the desktop and
 * the command line both come here. Each is refused to a role that may not (a sale {@link Permission#SELL}, with a
 * coupon also {@link Permission#REDEEM_COUPON}; a return of today's sale {@link Permission#RETURN_TODAY}, of an
 * earlier day's {@link Permission#RETURN_ANY_DATE}; a void {@link Permission#VOID_SALE}) and writes one operation log
 * entry in its own transaction ({@link CounterLog}); the purchase carries the staff who served.
 */
public final class CounterSales {
    private final Database database;
    private final PurchaseService purchases;
    private final PurchaseStore purchaseStore;
    private final MemberStore members;
    private final CheckoutService coupons;
    private final TierStore tiers;
    private final PaymentPlanner payments;
    private final SaleStore store = new SaleStore();
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;

    public CounterSales(Database database, PurchaseService purchases, PurchaseStore purchaseStore, MemberStore members,
                        CheckoutService coupons, TierStore tiers, PaymentPlanner payments, Clock clock,
                        StaffSession session, OperationLog log) {
        this.session = session;
        this.log = log;
        this.database = database;
        this.purchases = purchases;
        this.purchaseStore = purchaseStore;
        this.members = members;
        this.coupons = coupons;
        this.tiers = tiers;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * A sale as recorded, with what the member has now: say it aloud at the counter. {@code payment} says how it
     * was paid (the stored-value bonus part is taken off the lines like a discount: the purchase's total is what
     * was really paid, {@code priced.paidCents()} what was due).
     */
    public record Sale(Purchase purchase, Priced priced, long pointsEarned, long pointsBalance, String tier,
                       Payment payment) {
    }

    /** What the typed lines would cost this member now (tier discount, then the coupon when a code is given). */
    public Priced quote(long memberId, List<PurchaseLine> typed, String couponCode) {
        return database.read(connection -> price(connection, memberId, typed,
                usableCoupon(connection, memberId, couponCode)));
    }

    /**
     * Records a sale at the counter: priced, stored through the pipeline (points, tier, totals, the coupon marked
     * used) and read back — or, when the coupon is refused, nothing at all.
     */
    public Sale sell(long memberId, List<PurchaseLine> typed, String couponCode) {
        return sell(memberId, typed, couponCode, Pay.CASH);
    }

    /**
     * The same, paid as {@code pay} says: from stored value the card's bonus part (in proportion to its balances)
     * is taken off the lines like a discount, so spend and points count only cash and principal; refused when
     * stored value alone is asked and the balance is short.
     */
    public Sale sell(long memberId, List<PurchaseLine> typed, String couponCode, Pay pay) {
        session.require(Permission.SELL);
        if (couponCode != null && !couponCode.isBlank()) {
            session.require(Permission.REDEEM_COUPON);
        }
        return database.write(connection -> {
            CheckoutService.Usable coupon = usableCoupon(connection, memberId, couponCode);
            Priced priced = price(connection, memberId, typed, coupon);
            if (priced.couponRefused()) {
                throw priced.couponRefusal().refused(coupon.coupon().code());
            }
            LocalDateTime now = now();
            Payment payment = payments.plan(connection, memberId, priced.paidCents(), pay);
            if (payment.storedBonusCents() >= priced.paidCents() && priced.paidCents() > 0) {
                throw new ValidationException(Problem.of("payment", "card.pay.onlyBonus"));
            }
            PurchaseDraft draft = new PurchaseDraft(purchaseStore.nextPurchaseNumber(connection, now), memberId, now,
                    Pricing.share(priced.paidLines(), priced.paidCents(), payment.storedBonusCents()), null,
                    new PurchaseDiscounts(priced.tierDiscountCents(), priced.couponDiscountCents(),
                            coupon == null ? null : coupon.coupon().id(), payment.storedBonusCents()), payment);
            Purchase sale = purchases.recordOne(connection, draft, false);
            Member after = members.findById(connection, memberId).orElseThrow();
            long earned = store.points(connection, memberId, sale.id(), "earn");
            log.record(connection, CounterLog.sale(sale, priced, coupon == null ? null : coupon.coupon().code(),
                    payment, earned));
            return new Sale(sale, priced, earned, after.points(), after.tier(), payment);
        });
    }

    /** The member's coupon for this code, checked (refused when not theirs, used or out of its dates); null: none. */
    private CheckoutService.Usable usableCoupon(Connection connection, long memberId, String couponCode)
            throws SQLException {
        return couponCode == null || couponCode.isBlank() ? null : coupons.usable(connection, couponCode, memberId);
    }

    /** The typed lines at the member's tier discount, then the coupon ({@link Pricing} says how). */
    private Priced price(Connection connection, long memberId, List<PurchaseLine> typed,
                         CheckoutService.Usable coupon) throws SQLException {
        Member member = members.findById(connection, memberId).orElseThrow(() ->
                new ValidationException(Problem.of("member", "member.unknown", Long.toString(memberId))));
        List<Problem> problems = purchases.checkTyped(connection, typed);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Ladder ladder = tiers.loadLadder(connection);
        Tier tier = ladder.at(ladder.rankOf(member.tier()));
        return Pricing.price(typed, tier, coupon == null ? null : coupon.template());
    }

    /** A line to give back: its number on the sale's receipt (from 1) and how many units. */
    public record LineReturn(int lineNo, int quantity) {
    }

    /** A return as recorded. */
    public record Returned(Purchase purchase, String saleNo, long refundCents, long pointsTaken, long pointsBalance) {
    }

    /**
     * Gives back some lines of a sale ({@code lines} empty: everything not yet returned). The refund is what the
     * customer paid for those units; the points they earned are taken back (the pipeline's growth effect).
     */
    public Returned giveBack(String saleNo, List<LineReturn> lines, String reason) {
        // the least a return needs, before anything is read; the sale's day then says whether it is enough
        session.require(Permission.RETURN_TODAY);
        String why = reason(reason);
        return database.write(connection -> {
            Purchase sale = saleToChange(connection, saleNo);
            purchases.requireReturnOf(sale.time());
            if (store.returnedWithoutLines(connection, sale.id())) {
                throw new ValidationException(Problem.of("purchase", "sale.return.fromFile", sale.purchaseNo()));
            }
            List<SoldLine> sold = soldLines(connection, sale);
            Map<Integer, Integer> asked = new LinkedHashMap<>();
            for (LineReturn line : lines) {
                asked.merge(line.lineNo(), line.quantity(), Math::addExact);
            }
            List<PurchaseLine> back = new ArrayList<>();
            for (ReturnedLine refund : asked.isEmpty() ? Refunds.whole(sold) : Refunds.lines(sold, asked)) {
                back.add(new PurchaseLine(refund.item(), refund.quantity(), -refund.refundCents(), refund.lineNo()));
            }
            LocalDateTime now = now();
            String number = purchaseStore.nextNumber(connection, now, "R");
            PurchaseDraft draft = new PurchaseDraft(number, sale.memberId(), now, back, sale.purchaseNo());
            Purchase stored = purchases.recordOne(connection, draft, true);
            if (why != null) {
                store.saveReason(connection, stored.id(), why);
            }
            long pointsTaken = -store.points(connection, sale.memberId(), stored.id(), "reverse");
            log.record(connection, CounterLog.giveBack(stored, sale, pointsTaken).because(why));
            return new Returned(stored, sale.purchaseNo(), -stored.totalCents(), pointsTaken,
                    members.findById(connection, sale.memberId()).orElseThrow().points());
        });
    }

    /**
     * Voids a sale keyed by mistake, as {@link #voidSale(String, String)}: {@code by}, the old free-text "who", is
     * no longer taken — who voided it is whoever acts now.
     */
    public void voidSale(String saleNo, String reason, String by) {
        voidSale(saleNo, reason);
    }

    /**
     * Voids a sale keyed by mistake: only on its own calendar day, with a reason, while it is the member's latest
     * purchase and nothing of it was returned; afterwards it counts for nothing, and stays visible as voided, with
     * who voided it (whoever acts now).
     */
    public void voidSale(String saleNo, String reason) {
        session.require(Permission.VOID_SALE);
        String by = session.current().name();
        String why = reason(reason);
        if (why == null) {
            throw new ValidationException(Problem.of("reason", "sale.void.reasonMissing"));
        }
        database.write(connection -> {
            Purchase sale = saleToChange(connection, saleNo);
            LocalDateTime now = now();
            if (!sale.time().toLocalDate().equals(now.toLocalDate())) {
                throw new ValidationException(Problem.of("purchase", "sale.void.notToday", sale.purchaseNo(),
                        sale.time().toLocalDate().toString()));
            }
            if (!store.returnedSoFar(connection, sale.id()).isEmpty()
                    || store.returnedWithoutLines(connection, sale.id())) {
                throw new ValidationException(Problem.of("purchase", "sale.void.returned", sale.purchaseNo()));
            }
            if (store.anythingAfter(connection, sale.memberId(), sale.id(), MemberStore.timeText(sale.time()))) {
                throw new ValidationException(Problem.of("purchase", "sale.void.notLatest", sale.purchaseNo()));
            }
            try (PurchasePipeline pipeline = purchases.pipeline(connection, null, false)) {
                pipeline.voidSale(sale, now, by, why);
            }
            log.record(connection, CounterLog.voided(sale).because(why));
            return null;
        });
    }

    /** A sale as the return dialog shows it: its lines with what was bought, paid and already returned. */
    public record Returnable(Purchase sale, List<SoldLine> lines) {
    }

    /** The sale with this number and what is left to return of each line (refused when it is not a sale). */
    public Returnable returnable(String saleNo) {
        return database.read(connection -> {
            Purchase sale = saleToChange(connection, saleNo);
            return new Returnable(sale, soldLines(connection, sale));
        });
    }

    private List<SoldLine> soldLines(Connection connection, Purchase sale) throws SQLException {
        Map<Integer, SaleStore.ReturnedSoFar> soFar = store.returnedSoFar(connection, sale.id());
        List<SoldLine> sold = new ArrayList<>();
        for (int i = 0; i < sale.lines().size(); i++) {
            PurchaseLine line = sale.lines().get(i);
            SaleStore.ReturnedSoFar returned = soFar.getOrDefault(i + 1, new SaleStore.ReturnedSoFar(0, 0));
            sold.add(new SoldLine(i + 1, line.item(), line.quantity(), line.amountCents(), returned.quantity(),
                    returned.refundCents()));
        }
        return sold;
    }

    /** A member's voided sales, newest first: they stay in view, marked, with who voided them, when and why. */
    public List<VoidedSale> voided(long memberId) {
        return database.read(connection -> store.voided(connection, memberId));
    }

    /** The cashier's reason, stripped; null when none was given; refused when longer than 200 characters. */
    private static String reason(String typed) {
        String why = typed == null || typed.isBlank() ? null : typed.strip();
        if (why != null && TextLength.longerThan(why, 200)) {
            throw new ValidationException(Problem.of("reason", "sale.reason.tooLong"));
        }
        return why;
    }

    /** The sale a return or void is about: it must exist and be a sale. */
    private Purchase saleToChange(Connection connection, String saleNo) throws SQLException {
        String number = saleNo == null ? "" : saleNo.strip();
        Purchase sale = purchaseStore.findByNumber(connection, number)
                .orElseThrow(() -> new ValidationException(Problem.of("purchase", "sale.unknown", number)));
        if (sale.isReturn()) {
            throw new ValidationException(Problem.of("purchase", "sale.isReturn", number));
        }
        return sale;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}

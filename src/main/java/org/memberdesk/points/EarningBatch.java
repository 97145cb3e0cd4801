package org.memberdesk.points;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;

/**
 * Earning for one import batch, in memory: the rules of {@link PointsEarner.Earning} purchase by purchase
 * in file order (a sale earns at the buyer's tier and birthday month, a first sale its bonus, a return
 * takes back its share of what its sale earned), on a {@link LedgerBatch} that is written when the batch
 * ends. The batch's purchases are not in the database yet, so what the counter reads back from them (a
 * sale's earn entry and total, what was refunded of it) is kept here.
 */
public final class EarningBatch {
    private final PointsRules rules;
    private final Map<String, String> categories;
    private final Map<String, Integer> tierPercents;
    private final LedgerBatch ledger;
    private final PreparedStatement storedEarn;
    private final PreparedStatement storedRefunded;
    /** Purchases told in this batch (stored or given lines): their total now. */
    private final Map<Long, Long> totals = new HashMap<>();
    private final Set<Long> storedHere = new HashSet<>();
    /** Earn entries (reason purchase) made in this batch, by purchase: {first entry id, points}. */
    private final Map<Long, long[]> earned = new HashMap<>();
    /** Cents refunded in this batch, by the sale the returns name. */
    private final Map<Long, Long> refunded = new HashMap<>();

    EarningBatch(Connection connection, PointsRules rules, Map<String, String> categories,
                 Map<String, Integer> tierPercents) throws SQLException {
        this.rules = rules;
        this.categories = categories;
        this.tierPercents = tierPercents;
        this.ledger = new LedgerBatch(connection);
        storedEarn = LedgerBatchStore.earnedBy(connection);
        storedRefunded = LedgerBatchStore.refundedOf(connection);
    }

    /** Points earned net of take-backs in (after, until] by this batch's entries not yet written. */
    public long unwrittenEarned(long memberId, String after, String until) {
        return ledger.unwrittenEarned(memberId, after, until);
    }

    /** A member's balance as read with the batch's members. */
    public void knowBalance(long memberId, long points) {
        ledger.knowBalance(memberId, points);
    }

    /** A stored sale earns, a stored return takes back, as at the counter. */
    public void stored(Purchase purchase, PointsEarner.Buyer buyer) throws SQLException {
        storedHere.add(purchase.id());
        totals.put(purchase.id(), purchase.totalCents());
        int tierPercent = tierPercent(buyer.tier());
        if (purchase.isReturn()) {
            takeBack(purchase, tierPercent, purchase.totalCents(), purchase.lines(), null);
            return;
        }
        boolean birthdayMonth = birthdayMonth(buyer.birthday(), purchase);
        long points = rules.pointsFor(purchase.lines(), categories::get, tierPercent, birthdayMonth);
        LocalDate expiresOn = rules.expiresOn(purchase.time().toLocalDate());
        if (points > 0) {
            earn(purchase, points, expiresOn);
        }
        // the sale is counted in purchaseCount: one means it is the member's first
        if (buyer.purchaseCount() == 1 && rules.firstPurchaseBonus() > 0) {
            ledger.addBatch(new PointsStore.NewEntry(purchase.memberId(), purchase.time(), PointsEntry.Kind.EARN,
                    purchase.id(), null, null, PointsEarner.REASON_FIRST_PURCHASE, null),
                    rules.firstPurchaseBonus(), expiresOn);
        }
    }

    /**
     * Lines added to a purchase stored earlier by the same import. A sale earns what its lines earn now
     * less what they earned before (at the buyer's tier now and the purchase's birthday month), so all its
     * lines together earn what they would have on one purchase; a return takes back the further share of
     * its sale (or, naming none, what the added lines would earn). No first-purchase bonus again.
     */
    public void appended(Purchase purchase, List<PurchaseLine> added, PointsEarner.Buyer buyer)
            throws SQLException {
        long extra = 0;
        for (PurchaseLine line : added) {
            extra = Math.addExact(extra, line.amountCents());
        }
        totals.put(purchase.id(), purchase.totalCents());
        List<PurchaseLine> before = purchase.lines().subList(0, purchase.lines().size() - added.size());
        int tierPercent = tierPercent(buyer.tier());
        if (purchase.isReturn()) {
            takeBack(purchase, tierPercent, extra, purchase.lines(), before);
            return;
        }
        boolean birthdayMonth = birthdayMonth(buyer.birthday(), purchase);
        long points = rules.pointsFor(purchase.lines(), categories::get, tierPercent, birthdayMonth)
                - rules.pointsFor(before, categories::get, tierPercent, birthdayMonth);
        if (points > 0) {
            earn(purchase, points, rules.expiresOn(purchase.time().toLocalDate()));
        }
    }

    private void earn(Purchase purchase, long points, LocalDate expiresOn) throws SQLException {
        long id = ledger.addBatch(new PointsStore.NewEntry(purchase.memberId(), purchase.time(),
                PointsEntry.Kind.EARN, purchase.id(), null, null, PointsEarner.REASON_PURCHASE, null), points,
                expiresOn);
        earned.merge(purchase.id(), new long[] {id, points}, (a, b) -> new long[] {a[0], a[1] + b[1]});
    }

    /**
     * As {@link PointsEarner.Earning}'s take-back; {@code cents} is what this step refunds (negative):
     * the whole return, or the lines added to it.
     */
    private void takeBack(Purchase purchase, int tierPercent, long cents, List<PurchaseLine> lines,
                          List<PurchaseLine> linesBefore) throws SQLException {
        if (purchase.refundOf() != null) {
            refunded.merge(purchase.refundOf(), -cents, Long::sum);
        }
        ledger.expireDue(purchase.memberId(), purchase.time().toLocalDate());
        long due;
        Long earnId = null;
        if (purchase.refundOf() != null) {
            long[] earn = earnOf(purchase.memberId(), purchase.refundOf());
            if (earn == null) {
                return; // the sale earned nothing
            }
            earnId = earn[0];
            long refundedNow = refundedOf(purchase.refundOf());
            long refundedBefore = refundedNow + cents;
            due = PointsEarner.share(earn[1], refundedNow, earn[2])
                    - PointsEarner.share(earn[1], refundedBefore, earn[2]);
        } else {
            due = rules.pointsFor(lines, categories::get, tierPercent, false)
                    - (linesBefore == null ? 0 : rules.pointsFor(linesBefore, categories::get, tierPercent, false));
        }
        if (due <= 0) {
            return;
        }
        ledger.takeBack(new PointsStore.NewEntry(purchase.memberId(), purchase.time(), PointsEntry.Kind.REVERSE,
                purchase.id(), earnId, null, null, null), due, earnId);
    }

    /** {first earn entry id, points earned, sale total} of a sale, or null when it earned nothing. */
    private long[] earnOf(long memberId, long saleId) throws SQLException {
        long[] here = earned.get(saleId);
        if (storedHere.contains(saleId)) {
            return here == null ? null : new long[] {here[0], here[1], totals.get(saleId)};
        }
        storedEarn.setLong(1, memberId);
        storedEarn.setLong(2, saleId);
        long[] stored = null;
        try (ResultSet rs = storedEarn.executeQuery()) {
            if (rs.next()) {
                stored = new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
        if (stored == null && here == null) {
            return null;
        }
        long total = totals.containsKey(saleId) ? totals.get(saleId) : stored[2];
        if (stored == null) {
            return new long[] {here[0], here[1], total};
        }
        return new long[] {stored[0], stored[1] + (here == null ? 0 : here[1]), total};
    }

    private long refundedOf(long saleId) throws SQLException {
        long before = 0;
        if (!storedHere.contains(saleId)) {
            storedRefunded.setLong(1, saleId);
            try (ResultSet rs = storedRefunded.executeQuery()) {
                rs.next();
                before = rs.getLong(1);
            }
        }
        return before + refunded.getOrDefault(saleId, 0L);
    }

    private int tierPercent(String tier) {
        return tierPercents.getOrDefault(tier, tierPercents.get(null));
    }

    private static boolean birthdayMonth(String birthday, Purchase purchase) {
        // birthday is 'YYYY-MM-DD': the month is characters 5-6
        return birthday != null && birthday.length() >= 7
                && Integer.parseInt(birthday.substring(5, 7)) == purchase.time().getMonthValue();
    }

    /** Writes the batch's ledger rows and balances; the purchases are already written. */
    public void flush() throws SQLException {
        ledger.flush();
    }

    public void close() throws SQLException {
        try {
            ledger.close();
        } finally {
            storedEarn.close();
            storedRefunded.close();
        }
    }
}

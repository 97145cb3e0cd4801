package org.memberdesk.points;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseListener;

/**
 * Earns points for every stored sale and takes them back for every return, in the purchase's own
 * transaction; the counter and imports both come through here. Rules, item categories and tier
 * percents are read once per recorder (one counter sale, or one import batch of thousands).
 */
public final class PointsEarner implements PurchaseListener {
    static final String REASON_PURCHASE = "purchase";
    static final String REASON_FIRST_PURCHASE = "first_purchase";
    static final String REASON_SIGNUP = "signup";

    /**
     * What a sale earned (bind member id, sale id): its first earn entry, the points of all of them (an
     * import gives a sale a second entry when more of its lines come later in the file) and its total.
     */
    static final String EARN_OF = """
            SELECT min(l.id), sum(l.points), p.total_cents FROM points_ledger l JOIN purchases p ON p.id = l.purchase_id
            WHERE l.member_id = ? AND l.purchase_id = ? AND l.kind = 'earn' AND l.reason = 'purchase'
            GROUP BY p.id""";

    private final PointsStore store;
    private final PointsRulesStore rulesStore;

    public PointsEarner(PointsStore store, PointsRulesStore rulesStore) {
        this.store = store;
        this.rulesStore = rulesStore;
    }

    @Override
    public void purchaseStored(Connection connection, Purchase purchase) throws SQLException {
        try (Session session = open(connection)) {
            session.purchaseStored(purchase);
        }
    }

    @Override
    public Session open(Connection connection) throws SQLException {
        return openEarning(connection);
    }

    public Earning openEarning(Connection connection) throws SQLException {
        return new Earning(connection);
    }

    /** Earning for one import batch in memory, written when the batch ends. */
    public EarningBatch openBatchEarning(Connection connection) throws SQLException {
        return new EarningBatch(connection, rulesStore.load(connection), rulesStore.itemCategories(connection),
                rulesStore.tierPercents(connection));
    }

    /**
     * What earning needs to know of the member, as it is after the writer stored the purchase: the
     * birthday ('YYYY-MM-DD' or null), the sale count (1 on the first sale) and the tier (null: entry).
     */
    public record Buyer(String birthday, int purchaseCount, String tier) {
    }

    /** Earning on one connection: rules, categories and tier percents read once, statements prepared once. */
    public final class Earning implements Session {
        private final PointsRules rules;
        private final Map<String, String> categories;
        private final Map<String, Integer> tierPercents;
        private final PointsStore.Ledger ledger;
        private final PreparedStatement member;
        private final PreparedStatement earnOf;
        private final PreparedStatement refunded;

        Earning(Connection connection) throws SQLException {
            rules = rulesStore.load(connection);
            categories = rulesStore.itemCategories(connection);
            tierPercents = rulesStore.tierPercents(connection);
            ledger = store.ledger(connection);
            member = connection.prepareStatement(
                    "SELECT birthday, purchase_count, tier FROM members WHERE id = ?");
            earnOf = connection.prepareStatement(EARN_OF);
            refunded = connection.prepareStatement(
                    "SELECT -coalesce(sum(total_cents), 0) FROM purchases WHERE refund_of = ?");
        }

        @Override
        public void purchaseStored(Purchase purchase) throws SQLException {
            member.setLong(1, purchase.memberId());
            Buyer buyer;
            try (ResultSet rs = member.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                buyer = new Buyer(rs.getString(1), rs.getInt(2), rs.getString(3));
            }
            stored(purchase, buyer);
        }

        /** Earns for a sale, or takes back for a return, for a member the caller has already read. */
        public void stored(Purchase purchase, Buyer buyer) throws SQLException {
            int tierPercent = tierPercents.getOrDefault(buyer.tier(), tierPercents.get(null));
            if (purchase.isReturn()) {
                takeBack(purchase, tierPercent);
            } else {
                earn(purchase, buyer.birthday(), buyer.purchaseCount(), tierPercent);
            }
        }

        private void earn(Purchase purchase, String birthday, int purchaseCount, int tierPercent)
                throws SQLException {
            // birthday is 'YYYY-MM-DD': the month is characters 5-6
            boolean birthdayMonth = birthday != null && birthday.length() >= 7
                    && Integer.parseInt(birthday.substring(5, 7)) == purchase.time().getMonthValue();
            long points = rules.pointsFor(purchase.lines(), categories::get, tierPercent, birthdayMonth);
            LocalDate expiresOn = rules.expiresOn(purchase.time().toLocalDate());
            if (points > 0) {
                ledger.addBatch(new PointsStore.NewEntry(purchase.memberId(), purchase.time(),
                        PointsEntry.Kind.EARN, purchase.id(), null, null, REASON_PURCHASE, null), points, expiresOn);
            }
            // the writer has already counted this sale: a count of one means it is the member's first
            if (purchaseCount == 1 && rules.firstPurchaseBonus() > 0) {
                ledger.addBatch(new PointsStore.NewEntry(purchase.memberId(), purchase.time(),
                        PointsEntry.Kind.EARN, purchase.id(), null, null, REASON_FIRST_PURCHASE, null),
                        rules.firstPurchaseBonus(), expiresOn);
            }
        }

        /**
         * A return takes back what its sale earned, in proportion to how much of the sale has now
         * been refunded; a return that names no sale takes back what its lines would earn today
         * (without the birthday multiplier). Points already spent are taken anyway: the member owes
         * them ({@link PointsOwed}).
         */
        private void takeBack(Purchase purchase, int tierPercent) throws SQLException {
            takeBack(purchase, tierPercent, purchase.totalCents(), null);
        }

        /**
         * Lines added to a purchase stored earlier by the same import, as {@link EarningBatch#appended}: a sale's
         * lines earn what all its lines earn less what the first ones earned; a return takes back the further
         * share. {@code purchase} has all its lines and its new total.
         */
        public void appended(Purchase purchase, java.util.List<org.memberdesk.purchases.PurchaseLine> added,
                             Buyer buyer) throws SQLException {
            long extra = 0;
            for (org.memberdesk.purchases.PurchaseLine line : added) {
                extra = Math.addExact(extra, line.amountCents());
            }
            java.util.List<org.memberdesk.purchases.PurchaseLine> before =
                    purchase.lines().subList(0, purchase.lines().size() - added.size());
            int tierPercent = tierPercents.getOrDefault(buyer.tier(), tierPercents.get(null));
            if (purchase.isReturn()) {
                takeBack(purchase, tierPercent, extra, before);
                return;
            }
            boolean birthdayMonth = buyer.birthday() != null && buyer.birthday().length() >= 7
                    && Integer.parseInt(buyer.birthday().substring(5, 7)) == purchase.time().getMonthValue();
            long points = rules.pointsFor(purchase.lines(), categories::get, tierPercent, birthdayMonth)
                    - rules.pointsFor(before, categories::get, tierPercent, birthdayMonth);
            if (points > 0) {
                ledger.addBatch(new PointsStore.NewEntry(purchase.memberId(), purchase.time(),
                        PointsEntry.Kind.EARN, purchase.id(), null, null, REASON_PURCHASE, null), points,
                        rules.expiresOn(purchase.time().toLocalDate()));
            }
        }

        /** {@code cents}: what this step refunds (negative); {@code linesBefore}: null for a whole return. */
        private void takeBack(Purchase purchase, int tierPercent, long cents,
                              java.util.List<org.memberdesk.purchases.PurchaseLine> linesBefore)
                throws SQLException {
            ledger.expireDue(purchase.memberId(), purchase.time().toLocalDate());
            long owed;
            Long earnId = null;
            if (purchase.refundOf() != null) {
                earnOf.setLong(1, purchase.memberId());
                earnOf.setLong(2, purchase.refundOf());
                long earned;
                long saleTotal;
                try (ResultSet rs = earnOf.executeQuery()) {
                    if (!rs.next()) {
                        return; // the sale earned nothing (zero points, or stored before points existed)
                    }
                    earnId = rs.getLong(1);
                    earned = rs.getLong(2);
                    saleTotal = rs.getLong(3);
                }
                refunded.setLong(1, purchase.refundOf());
                long refundedNow;
                try (ResultSet rs = refunded.executeQuery()) {
                    rs.next();
                    refundedNow = rs.getLong(1);
                }
                long refundedBefore = refundedNow + cents; // cents is negative
                owed = share(earned, refundedNow, saleTotal) - share(earned, refundedBefore, saleTotal);
            } else {
                owed = rules.pointsFor(purchase.lines(), categories::get, tierPercent, false)
                        - (linesBefore == null ? 0 : rules.pointsFor(linesBefore, categories::get, tierPercent, false));
            }
            if (owed <= 0) {
                return;
            }
            ledger.takeBack(new PointsStore.NewEntry(purchase.memberId(), purchase.time(), PointsEntry.Kind.REVERSE,
                    purchase.id(), earnId, null, null, null), owed, earnId);
        }

        @Override
        public void close() throws SQLException {
            ledger.close();
            for (PreparedStatement statement : List.of(member, earnOf, refunded)) {
                statement.close();
            }
        }
    }

    /** ⌊earned × refunded / sale⌋, the refunded amount capped at the sale: a full refund takes back everything. */
    static long share(long earned, long refundedCents, long saleCents) {
        if (saleCents <= 0 || refundedCents <= 0) {
            return 0;
        }
        return BigInteger.valueOf(earned).multiply(BigInteger.valueOf(Math.min(refundedCents, saleCents)))
                .divide(BigInteger.valueOf(saleCents)).longValueExact();
    }
}

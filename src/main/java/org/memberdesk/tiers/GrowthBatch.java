package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.BoundRows;
import org.memberdesk.members.MemberStore;
import org.memberdesk.points.EarningBatch;
import org.memberdesk.points.PointsEarner;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseEffect;

/**
 * {@link GrowthListener} for one batch of the pipeline, in memory: for every purchase in order, points are
 * earned (or taken back) at the tier the member has at that moment, then the sale may move them up — from
 * the members' state as the batch began (read at once for an import batch) plus what the batch did. The
 * ledger, balances, tiers and tier changes are written when the batch ends. A spend ladder measures the
 * member's purchases (read once per member); a points ladder the ledger's earn and take-back entries in the
 * window, the written ones from the database and the batch's own from memory.
 */
final class GrowthBatch implements PurchaseEffect.Step {
    private final Connection connection;
    private final EarningBatch earning;
    private final Ladder ladder;
    private final PreparedStatement readMember;
    private final PreparedStatement history;
    private final PreparedStatement earnedWindow;
    private final Map<Long, Buyer> buyers = new HashMap<>();
    private final Map<Long, String[]> newTiers = new TreeMap<>();
    private final BoundRows changes = new BoundRows();

    /** What the growth system knows of a member during the batch. */
    private static final class Buyer {
        final String birthday;
        int purchaseCount;
        String tier;
        long netSpent;
        /** Purchases stored before the batch (read when first needed), then the batch's: seconds and cents. */
        long[] times;
        long[] cents;
        int size;
        int storedFrom = -1;

        Buyer(String birthday, int purchaseCount, String tier, long netSpent) {
            this.birthday = birthday;
            this.purchaseCount = purchaseCount;
            this.tier = tier;
            this.netSpent = netSpent;
        }

        void add(long time, long amount) {
            if (times == null) {
                times = new long[8];
                cents = new long[8];
            } else if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                cents = Arrays.copyOf(cents, size * 2);
            }
            times[size] = time;
            cents[size] = amount;
            size++;
        }

        PointsEarner.Buyer forEarning() {
            return new PointsEarner.Buyer(birthday, purchaseCount, tier);
        }
    }

    GrowthBatch(Connection connection, EarningBatch earning, Ladder ladder) throws SQLException {
        this.connection = connection;
        this.earning = earning;
        this.ladder = ladder;
        readMember = GrowthStore.readMember(connection);
        history = GrowthStore.history(connection);
        earnedWindow = GrowthStore.earnedWindow(connection);
    }

    @Override
    public void members(Collection<Long> memberIds) throws SQLException {
        StringBuilder ids = new StringBuilder("[");
        for (long id : memberIds) {
            if (!buyers.containsKey(id)) {
                ids.append(ids.length() > 1 ? "," : "").append(id);
            }
        }
        if (ids.length() == 1) {
            return;
        }
        try (PreparedStatement statement = GrowthStore.readMembers(connection)) {
            statement.setString(1, ids.append(']').toString());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    buyers.put(rs.getLong(1), new Buyer(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5)));
                    earning.knowBalance(rs.getLong(1), rs.getLong(6));
                }
            }
        }
    }

    private Buyer buyer(long memberId) throws SQLException {
        Buyer buyer = buyers.get(memberId);
        if (buyer == null) {
            readMember.setLong(1, memberId);
            try (ResultSet rs = readMember.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                buyer = new Buyer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4));
                earning.knowBalance(memberId, rs.getLong(5));
            }
            buyers.put(memberId, buyer);
        }
        return buyer;
    }

    @Override
    public void stored(Purchase purchase) throws SQLException {
        Buyer buyer = buyer(purchase.memberId());
        if (buyer == null) {
            return;
        }
        // what the counter's writer counts before the listener reads the member
        buyer.purchaseCount += purchase.isReturn() ? 0 : 1;
        buyer.netSpent += purchase.totalCents();
        buyer.add(seconds(purchase.time()), purchase.totalCents());
        earning.stored(purchase, buyer.forEarning());
        if (!purchase.isReturn()) {
            upgrade(purchase, buyer);
        }
    }

    @Override
    public void appended(Purchase purchase, List<PurchaseLine> added) throws SQLException {
        Buyer buyer = buyer(purchase.memberId());
        if (buyer == null) {
            return;
        }
        long extra = 0;
        for (PurchaseLine line : added) {
            extra = Math.addExact(extra, line.amountCents());
        }
        buyer.netSpent += extra;
        buyer.add(seconds(purchase.time()), extra);
        earning.appended(purchase, added, buyer.forEarning());
        if (!purchase.isReturn()) {
            upgrade(purchase, buyer);
        }
    }

    /**
     * A voided sale earned nothing and moved no one: its earn entries go (only while nothing has happened to the
     * member's points since — otherwise the sale must be returned instead, which takes points back honestly), and a
     * tier it reached goes back to the tier before it. The member is read afresh by any later purchase.
     */
    @Override
    public void voided(Purchase sale) throws SQLException {
        // untouched = nothing has happened to the member's points since the sale earned them (no redemption,
        // adjustment or expiry after it): then removing its entries leaves the ledger exactly as before the sale —
        // also when its points went to repay points owed, which are owed again
        if (GrowthStore.pointsMovedSince(connection, sale.memberId(), sale.id())) {
            throw new ValidationException(Problem.of("purchase", "sale.void.pointsUsed", sale.purchaseNo()));
        }
        GrowthStore.removeEarned(connection, sale.memberId(), sale.id());
        GrowthStore.undoTierReached(connection, sale.memberId(), sale.id());
        buyers.remove(sale.memberId());
    }

    /**
     * Up when the window up to the sale reaches a higher tier. On a spend ladder the lifetime net spend
     * (including this sale) bounds the window's, so most sales need no look at the window at all.
     */
    private void upgrade(Purchase purchase, Buyer buyer) throws SQLException {
        int current = ladder.rankOf(buyer.tier);
        boolean spend = ladder.program().basis() == TierProgram.Basis.SPEND;
        if (current == ladder.top().rank() || spend && buyer.netSpent < ladder.at(current + 1).threshold()) {
            return;
        }
        LocalDateTime to = purchase.time();
        LocalDateTime from = to.minusMonths(ladder.program().windowMonths());
        long measured = spend ? spendBetween(purchase.memberId(), buyer, seconds(from), seconds(to))
                : pointsBetween(purchase.memberId(), from, to);
        int target = ladder.rankFor(measured);
        if (target <= current) {
            return;
        }
        String name = ladder.at(target).name();
        String time = MemberStore.timeText(to);
        newTiers.put(purchase.memberId(), new String[] {name, time});
        changes.row().add(purchase.memberId()).add(time).add(ladder.at(current).name()).add(name).add("up")
                .add("purchase").add(measured).add(purchase.id());
        buyer.tier = name;
    }

    /** Net spend in (after, until]: the member's stored purchases, read once, and the batch's. */
    private long spendBetween(long memberId, Buyer buyer, long after, long until) throws SQLException {
        if (buyer.storedFrom < 0) {
            int fromBatch = buyer.size;
            history.setLong(1, memberId);
            try (ResultSet rs = history.executeQuery()) {
                while (rs.next()) {
                    buyer.add(seconds(LocalDateTime.parse(rs.getString(1), MemberStore.TIME)), rs.getLong(2));
                }
            }
            buyer.storedFrom = fromBatch;
        }
        long sum = 0;
        for (int i = 0; i < buyer.size; i++) {
            if (buyer.times[i] > after && buyer.times[i] <= until) {
                sum += buyer.cents[i];
            }
        }
        return sum;
    }

    /** Points earned net of take-backs in (from, to]: the written ledger's, then this batch's. */
    private long pointsBetween(long memberId, LocalDateTime from, LocalDateTime to) throws SQLException {
        long written = TierStore.measured(earnedWindow, memberId, from, to);
        return Math.addExact(written, earning.unwrittenEarned(memberId, MemberStore.timeText(from),
                MemberStore.timeText(to)));
    }

    private static long seconds(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    @Override
    public void flush() throws SQLException {
        earning.flush();
        BoundRows tiers = new BoundRows();
        for (Map.Entry<Long, String[]> e : newTiers.entrySet()) {
            tiers.row().add(e.getKey()).add(e.getValue()[0]).add(e.getValue()[1]);
        }
        GrowthStore.write(connection, tiers, changes);
    }

    @Override
    public void close() throws SQLException {
        try {
            earning.close();
        } finally {
            readMember.close();
            history.close();
            earnedWindow.close();
        }
    }
}

package org.memberdesk.tiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.Purchase;

/**
 * Moves a member up in the same transaction as the sale that qualifies them (called by
 * {@link GrowthListener} after the points are earned). Returns never move anyone down: only a
 * review does.
 */
public final class TierUpgrader {
    private final TierStore store;

    public TierUpgrader(TierStore store) {
        this.store = store;
    }

    Ladder ladder(Connection connection) throws SQLException {
        return store.loadLadder(connection);
    }

    public Upgrading open(Connection connection) throws SQLException {
        return new Upgrading(connection, store.loadLadder(connection));
    }

    /**
     * Upgrading on one connection: the ladder read once, statements prepared once. On a spend ladder
     * the member's purchases are read once per member and then kept up to date from the purchases
     * passing through ({@link #seen}), so an import does not re-read a regular's whole year for
     * every one of their sales.
     */
    public final class Upgrading implements AutoCloseable {
        private final Ladder ladder;
        private final PreparedStatement history;
        private final PreparedStatement window;
        private final PreparedStatement setTier;
        private final PreparedStatement change;
        private long historyMember = -1;
        private long[] times = new long[16];
        private long[] cents = new long[16];
        private int size;

        Upgrading(Connection connection, Ladder ladder) throws SQLException {
            this.ladder = ladder;
            history = connection.prepareStatement("SELECT time, total_cents FROM purchases WHERE member_id = ?");
            window = connection.prepareStatement(TierStore.windowSql(ladder.program().basis()));
            setTier = connection.prepareStatement("UPDATE members SET tier = ?, tier_upgraded_at = ? WHERE id = ?");
            change = store.prepareChange(connection);
        }

        /** Tells of every stored purchase and return, before {@link #upgrade}, to keep the kept purchases current. */
        public void seen(Purchase purchase) {
            if (purchase.memberId() == historyMember) {
                add(seconds(purchase.time()), purchase.totalCents());
            }
        }

        /**
         * Moves the buyer of a sale up when the window up to the sale reaches a higher tier; returns the
         * new tier's name, or null when they stay. {@code netSpent} is their lifetime net spend including
         * this sale: the window's spend cannot be more, so most sales need no look at the window at all.
         */
        public String upgrade(Purchase purchase, String tier, long netSpent) throws SQLException {
            int current = ladder.rankOf(tier);
            if (current == ladder.top().rank()) {
                return null;
            }
            boolean spend = ladder.program().basis() == TierProgram.Basis.SPEND;
            if (spend && netSpent < ladder.at(current + 1).threshold()) {
                return null;
            }
            LocalDateTime to = purchase.time();
            LocalDateTime from = to.minusMonths(ladder.program().windowMonths());
            long measured = spend ? spendBetween(purchase.memberId(), from, to)
                    : TierStore.measured(window, purchase.memberId(), from, to);
            int target = ladder.rankFor(measured);
            if (target <= current) {
                return null;
            }
            String name = ladder.at(target).name();
            setTier.setString(1, name);
            setTier.setString(2, to.format(MemberStore.TIME));
            setTier.setLong(3, purchase.memberId());
            setTier.executeUpdate();
            TierStore.bindChange(change, purchase.memberId(), to, ladder.at(current).name(), name, true, "purchase",
                    measured, purchase.id());
            change.executeUpdate();
            return name;
        }

        /** Net spend in (from, to], from the kept purchases (read once per member; they include this sale). */
        private long spendBetween(long memberId, LocalDateTime from, LocalDateTime to) throws SQLException {
            if (memberId != historyMember) {
                size = 0;
                history.setLong(1, memberId);
                try (ResultSet rs = history.executeQuery()) {
                    while (rs.next()) {
                        add(seconds(LocalDateTime.parse(rs.getString(1), MemberStore.TIME)), rs.getLong(2));
                    }
                }
                historyMember = memberId;
            }
            long after = seconds(from);
            long until = seconds(to);
            long sum = 0;
            for (int i = 0; i < size; i++) {
                if (times[i] > after && times[i] <= until) {
                    sum += cents[i];
                }
            }
            return sum;
        }

        private void add(long time, long amount) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                cents = Arrays.copyOf(cents, size * 2);
            }
            times[size] = time;
            cents[size] = amount;
            size++;
        }

        private static long seconds(LocalDateTime time) {
            return time.toEpochSecond(ZoneOffset.UTC);
        }

        @Override
        public void close() throws SQLException {
            history.close();
            window.close();
            setTier.close();
            change.close();
        }
    }
}

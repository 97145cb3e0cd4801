package org.memberdesk.points;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.db.Dialect;
import org.memberdesk.members.MemberStore;

/**
 * The points ledger and the cached balance on members. Every change goes through a {@link Ledger}
 * (prepared statements on one connection, inside the caller's transaction), which keeps the three
 * numbers that must agree in step: the entries, what is left of the batches, and members.points.
 */
public final class PointsStore {

    private static final String INSERT = """
            INSERT INTO points_ledger (member_id, time, kind, points, purchase_id, ref_id, reward_id, reason,
                                       operator, expires_on, remaining)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
    /**
     * The id an entry gets is SQLite's rowid rule on both engines: one past the highest stored. The batch writers
     * ({@link LedgerBatch}) number their entries so too; an identity sequence would not know of those and give an id
     * already taken. Writes are one at a time (the server's write lock), so no two writers compute the same one.
     */
    private static final String INSERT_POSTGRESQL = """
            INSERT INTO points_ledger (id, member_id, time, kind, points, purchase_id, ref_id, reward_id, reason,
                                       operator, expires_on, remaining)
            VALUES ((SELECT coalesce(max(id), 0) + 1 FROM points_ledger), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id""";

    /** A new entry, before it is stored. Positive entries become batches; negative ones take from them. */
    public record NewEntry(long memberId, LocalDateTime time, PointsEntry.Kind kind, Long purchaseId, Long refId,
                           Long rewardId, String reason, String operator) {
    }

    /** Writes to the ledger on one connection. Open one per transaction (or per import batch) and close it. */
    public final class Ledger implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final PreparedStatement addToBalance;
        private final PreparedStatement balance;
        private final PreparedStatement openBatches;
        private final PreparedStatement dueBatches;
        private final PreparedStatement take;
        // balance changes wait here until another member is touched, the balance is read, or the ledger
        // closes (always inside the transaction): an import, grouped by member, then updates each member
        // once instead of once per purchase
        private long pendingMember = -1;
        private long pendingPoints;

        Ledger(Connection connection) throws SQLException {
            this.connection = connection;
            insert = connection.prepareStatement(Dialect.of(connection).pick(INSERT, INSERT_POSTGRESQL));
            addToBalance = connection.prepareStatement("UPDATE members SET points = points + ? WHERE id = ?");
            balance = connection.prepareStatement("SELECT points FROM members WHERE id = ?");
            openBatches = connection.prepareStatement("""
                    SELECT id, remaining FROM points_ledger
                    WHERE member_id = ? AND remaining > 0 ORDER BY time, id""");
            dueBatches = connection.prepareStatement("""
                    SELECT id, remaining, expires_on FROM points_ledger
                    WHERE member_id = ? AND remaining > 0 AND expires_on <= ? ORDER BY time, id""");
            take = connection.prepareStatement("UPDATE points_ledger SET remaining = remaining - ? WHERE id = ?");
        }

        public Connection connection() {
            return connection;
        }

        /**
         * Stores a batch of {@code points} (> 0) usable until {@code expiresOn} (null: never); points the member
         * owes are repaid from it first ({@link PointsOwed#remainingOfNewBatch}).
         */
        public void addBatch(NewEntry entry, long points, LocalDate expiresOn) throws SQLException {
            if (points <= 0) {
                throw new IllegalArgumentException("a batch needs points above zero, not " + points);
            }
            long remaining = PointsOwed.remainingOfNewBatch(balance(entry.memberId()), points);
            insert(entry, points, expiresOn, remaining);
            changeBalance(entry.memberId(), points);
        }

        /**
         * Takes {@code points} (>= 0) from the member's batches, {@code firstBatch} (when not null)
         * first and then the oldest, and stores the negative entry. The caller has made sure the
         * balance covers it and has expired what is due. Returns the entry's id.
         */
        public long take(NewEntry entry, long points, Long firstBatch) throws SQLException {
            takeFromBatches(entry.memberId(), points, firstBatch);
            long id = insert(entry, -points, null, null);
            changeBalance(entry.memberId(), -points);
            return id;
        }

        private void takeFromBatches(long memberId, long points, Long firstBatch) throws SQLException {
            long left = points;
            if (firstBatch != null && left > 0) {
                left -= takeFrom(firstBatch, left, remainingOf(firstBatch));
            }
            if (left > 0) {
                openBatches.setLong(1, memberId);
                List<long[]> batches = new ArrayList<>();
                try (ResultSet rs = openBatches.executeQuery()) {
                    while (rs.next()) {
                        batches.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                for (long[] batch : batches) {
                    if (left == 0) {
                        break;
                    }
                    left -= takeFrom(batch[0], left, batch[1]);
                }
            }
            if (left > 0) {
                throw new IllegalStateException("member " + memberId + " has " + left
                        + " points fewer in batches than asked for; run check-ledger");
            }
        }

        /** Expires the member's batches that are due on {@code asOf}; returns {entries, points}. */
        public long[] expireDue(long memberId, LocalDate asOf) throws SQLException {
            dueBatches.setLong(1, memberId);
            dueBatches.setString(2, asOf.toString());
            List<Object[]> due = new ArrayList<>();
            try (ResultSet rs = dueBatches.executeQuery()) {
                while (rs.next()) {
                    due.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)});
                }
            }
            long points = 0;
            for (Object[] batch : due) {
                long id = (Long) batch[0];
                long remaining = (Long) batch[1];
                expireBatch(memberId, id, remaining, LocalDate.parse((String) batch[2]));
                points += remaining;
            }
            if (points > 0) {
                changeBalance(memberId, -points);
            }
            return new long[] {due.size(), points};
        }

        /** Expires one whole batch; the caller changes the balance (the expiry run does it once per member). */
        void expireBatch(long memberId, long batchId, long remaining, LocalDate expiresOn) throws SQLException {
            takeFrom(batchId, remaining, remaining);
            insert(new NewEntry(memberId, expiresOn.atStartOfDay(), PointsEntry.Kind.EXPIRE, null, batchId, null,
                    null, null), -remaining, null, null);
        }

        /** The member's balance now: as stored plus what is waiting to be written. */
        public long balance(long memberId) throws SQLException {
            balance.setLong(1, memberId);
            long stored;
            try (ResultSet rs = balance.executeQuery()) {
                stored = rs.next() ? rs.getLong(1) : 0;
            }
            return memberId == pendingMember ? Math.addExact(stored, pendingPoints) : stored;
        }

        void changeBalance(long memberId, long points) throws SQLException {
            if (memberId != pendingMember) {
                flush();
                pendingMember = memberId;
            }
            pendingPoints += points;
        }

        /** Writes the waiting balance change to members.points. */
        public void flush() throws SQLException {
            if (pendingMember >= 0 && pendingPoints != 0) {
                addToBalance.setLong(1, pendingPoints);
                addToBalance.setLong(2, pendingMember);
                addToBalance.executeUpdate();
            }
            pendingMember = -1;
            pendingPoints = 0;
        }

        private long takeFrom(long batchId, long wanted, long remaining) throws SQLException {
            long taken = Math.min(wanted, remaining);
            if (taken > 0) {
                take.setLong(1, taken);
                take.setLong(2, batchId);
                take.executeUpdate();
            }
            return taken;
        }

        private long remainingOf(long batchId) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT coalesce(remaining, 0) FROM points_ledger WHERE id = ?")) {
                statement.setLong(1, batchId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        }

        /** Stores an entry; returns its id (RETURNING: the same on both engines, where last_insert_rowid is not). */
        private long insert(NewEntry entry, long points, LocalDate expiresOn, Long remaining) throws SQLException {
            insert.setLong(1, entry.memberId());
            insert.setString(2, entry.time().format(MemberStore.TIME));
            insert.setString(3, entry.kind().code());
            insert.setLong(4, points);
            setNullable(insert, 5, entry.purchaseId());
            setNullable(insert, 6, entry.refId());
            setNullable(insert, 7, entry.rewardId());
            insert.setString(8, entry.reason());
            insert.setString(9, entry.operator());
            insert.setString(10, expiresOn == null ? null : expiresOn.toString());
            setNullable(insert, 11, remaining);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** Writes what is waiting, then closes the statements; call it before the transaction commits. */
        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                closeStatements();
            }
        }

        private void closeStatements() throws SQLException {
            for (PreparedStatement statement : List.of(insert, addToBalance, balance, openBatches, dueBatches,
                    take)) {
                statement.close();
            }
        }
    }

    public Ledger ledger(Connection connection) throws SQLException {
        return new Ledger(connection);
    }

    /**
     * Expires every batch due on {@code asOf}; returns {entries, points}. Batches already expired
     * have nothing left, so running it twice changes nothing the second time. One pass over the
     * ledger in rowid order, in chunks, so memory stays small however many batches are due.
     */
    public long[] expireAll(Connection connection, LocalDate asOf) throws SQLException {
        final int chunk = 10_000;
        long entries = 0;
        long points = 0;
        long after = 0;
        try (Ledger ledger = ledger(connection);
             PreparedStatement due = connection.prepareStatement("""
                     SELECT id, member_id, remaining, expires_on FROM points_ledger
                     WHERE id > ? AND remaining > 0 AND expires_on <= ? ORDER BY id LIMIT ?""")) {
            due.setString(2, asOf.toString());
            due.setInt(3, chunk);
            while (true) {
                due.setLong(1, after);
                List<long[]> batches = new ArrayList<>(chunk);
                List<String> days = new ArrayList<>(chunk);
                try (ResultSet rs = due.executeQuery()) {
                    while (rs.next()) {
                        batches.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                        days.add(rs.getString(4));
                    }
                }
                Map<Long, Long> byMember = new HashMap<>();
                for (int i = 0; i < batches.size(); i++) {
                    long[] batch = batches.get(i);
                    ledger.expireBatch(batch[1], batch[0], batch[2], LocalDate.parse(days.get(i)));
                    byMember.merge(batch[1], batch[2], Long::sum);
                    entries++;
                    points += batch[2];
                    after = batch[0];
                }
                for (Map.Entry<Long, Long> member : byMember.entrySet()) {
                    ledger.changeBalance(member.getKey(), -member.getValue());
                }
                if (batches.size() < chunk) {
                    break;
                }
            }
        }
        return new long[] {entries, points};
    }

    /** What of a member's balance will be gone after {@code today} and by {@code until} (batches due in between). */
    public long expiringBy(Connection connection, long memberId, LocalDate today, LocalDate until)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(sum(remaining), 0) FROM points_ledger
                WHERE member_id = ? AND remaining > 0 AND expires_on > ? AND expires_on <= ?""")) {
            statement.setLong(1, memberId);
            statement.setString(2, today.toString());
            statement.setString(3, until.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Points past their day ({@code expires_on} on or before today) not yet taken off, and the latest such day. */
    public PointsSummary expiredBy(Connection connection, long memberId, long balance, long expiring, LocalDate today)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(sum(remaining), 0), max(expires_on) FROM points_ledger
                WHERE member_id = ? AND remaining > 0 AND expires_on <= ?""")) {
            statement.setLong(1, memberId);
            statement.setString(2, today.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                String day = rs.getString(2);
                return new PointsSummary(memberId, balance, expiring, rs.getLong(1),
                        day == null ? null : LocalDate.parse(day));
            }
        }
    }

    /** Records on a redeem entry the coupon it issued. */
    public void linkCoupon(Connection connection, long entryId, long couponId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE points_ledger SET coupon_id = ? WHERE id = ? AND kind = 'redeem'")) {
            statement.setLong(1, couponId);
            statement.setLong(2, entryId);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("no redeem entry " + entryId + " to link coupon " + couponId + " to");
            }
        }
    }

    /** A member's entries, newest first. */
    public List<PointsEntry> entries(Connection connection, long memberId, int limit) throws SQLException {
        List<PointsEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT l.id, l.member_id, l.time, l.kind, l.points, p.purchase_no, l.reason, l.operator,
                       r.name || coalesce(' · ' || c.code, ''), l.expires_on, l.remaining
                FROM points_ledger l
                LEFT JOIN purchases p ON p.id = l.purchase_id
                LEFT JOIN rewards r ON r.id = l.reward_id
                LEFT JOIN coupons c ON c.id = l.coupon_id
                WHERE l.member_id = ? ORDER BY l.time DESC, l.id DESC LIMIT ?""")) {
            statement.setLong(1, memberId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String expires = rs.getString(10);
                    long remaining = rs.getLong(11);
                    Long left = rs.wasNull() ? null : remaining;
                    entries.add(new PointsEntry(rs.getLong(1), rs.getLong(2),
                            LocalDateTime.parse(rs.getString(3), MemberStore.TIME),
                            PointsEntry.Kind.fromCode(rs.getString(4)), rs.getLong(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9),
                            expires == null ? null : LocalDate.parse(expires), left));
                }
            }
        }
        return entries;
    }

    /** The whole ledger in table order: SQLite is told not to read it through its index; PostgreSQL scans anyway. */
    private static final String LEDGER_SCAN =
            "SELECT member_id, points, coalesce(remaining, 0) FROM points_ledger NOT INDEXED";
    private static final String LEDGER_SCAN_POSTGRESQL = LEDGER_SCAN.replace(" NOT INDEXED", "");

    /**
     * Proves the ledger for every member ({@link PointsOwed#addsUp}): entries sum = cached balance, what is left
     * of the batches = max(balance, 0), and a negative balance is no more than its returns recorded as owed.
     * Two straight scans (the ledger in table order, summed per member in arrays
     * indexed by member id, then the members), which on a million members is much faster than a
     * grouped join that reads the ledger through its index.
     */
    public LedgerCheck check(Connection connection, int namesWanted) throws SQLException {
        long maxId;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) FROM members")) {
            rs.next();
            maxId = rs.getLong(1);
        }
        if (maxId >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("member ids beyond " + Integer.MAX_VALUE + " cannot be checked");
        }
        long[] total = new long[(int) maxId + 1];
        long[] left = new long[(int) maxId + 1];
        long members = 0;
        long bad = 0;
        long owing = 0;
        long owedPoints = 0;
        List<String> firstBad = new ArrayList<>();
        // what a member's returns recorded as owed is read only for the few members below zero, through the
        // member index: reading the reason of every entry in the scan made the check a quarter slower
        try (Statement statement = connection.createStatement();
             PreparedStatement reverseReasons = connection.prepareStatement("""
                     SELECT reason FROM points_ledger WHERE member_id = ? AND kind = 'reverse'""")) {
            try (ResultSet rs = statement.executeQuery(
                    Dialect.of(connection).pick(LEDGER_SCAN, LEDGER_SCAN_POSTGRESQL))) {
                while (rs.next()) {
                    int member = (int) rs.getLong(1);
                    total[member] += rs.getLong(2);
                    left[member] += rs.getLong(3);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, member_no, points FROM members")) {
                while (rs.next()) {
                    members++;
                    int id = (int) rs.getLong(1);
                    long cached = rs.getLong(3);
                    long owed = total[id] < 0 ? owedByReturns(reverseReasons, id) : 0;
                    if (!PointsOwed.addsUp(cached, total[id], left[id], owed)) {
                        bad++;
                        if (firstBad.size() < namesWanted) {
                            firstBad.add(rs.getString(2));
                        }
                    } else if (total[id] < 0) {
                        owing++;
                        owedPoints = Math.addExact(owedPoints, PointsOwed.owed(total[id]));
                    }
                }
            }
        }
        return new LedgerCheck(members, bad, firstBad, owing, owedPoints);
    }

    /** What a member's returns recorded as owed ({@link PointsOwed#owedIn}), summed. */
    private static long owedByReturns(PreparedStatement reverseReasons, long memberId) throws SQLException {
        reverseReasons.setLong(1, memberId);
        long owed = 0;
        try (ResultSet rs = reverseReasons.executeQuery()) {
            while (rs.next()) {
                owed = Math.addExact(owed, PointsOwed.owedIn(rs.getString(1)));
            }
        }
        return owed;
    }

    /** The member's number, empty when there is no such member. */
    public java.util.Optional<String> memberNo(Connection connection, long memberId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT member_no FROM members WHERE id = ?")) {
            statement.setLong(1, memberId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}

package org.memberdesk.points;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.db.BoundRows;
import org.memberdesk.members.MemberStore;

/**
 * The points ledger of one import batch, in memory: the same batches, expiries and takes as
 * {@link PointsStore.Ledger} (oldest batch first by time then id, a return's own sale first), applied
 * to the members' batches and balances as they stood when the batch began plus what the batch did, and
 * written when the batch ends with one statement each for the new entries, the batches taken from, and
 * the balances. Entry ids are given here in order, as SQLite would give them: the import's transaction
 * holds the write lock, and nothing else writes ledger rows during the batch.
 */
final class LedgerBatch {
    private final Connection connection;
    private final PreparedStatement readBalance;
    private final PreparedStatement readOpen;
    private final List<Entry> entries = new ArrayList<>();
    /** The same entries by member: a points ladder measures one member's unwritten entries per sale. */
    private final Map<Long, List<Entry>> entriesOf = new HashMap<>();
    private final Map<Long, Long> balances = new HashMap<>();
    private final Map<Long, Long> balanceChanges = new TreeMap<>();
    private final Map<Long, List<Batch>> open = new HashMap<>();
    private final Map<Long, List<Batch>> fresh = new HashMap<>();
    /** Batches stored before this batch whose remaining points changed: id → what is left now. */
    private final Map<Long, Long> takenFromStored = new TreeMap<>();
    private long nextId;

    /** One ledger row to write. */
    private record Entry(long id, long memberId, String time, String kind, long points, Long purchaseId, Long refId,
                         String reason, String expiresOn, Batch batch) {
    }

    /** A batch with points left; {@code stored} when it was in the database before this batch. */
    private static final class Batch {
        final long id;
        final String time;
        final String expiresOn;
        final boolean stored;
        long remaining;

        Batch(long id, String time, String expiresOn, long remaining, boolean stored) {
            this.id = id;
            this.time = time;
            this.expiresOn = expiresOn;
            this.remaining = remaining;
            this.stored = stored;
        }
    }

    private static final Comparator<Batch> OLDEST_FIRST = Comparator.<Batch, String>comparing(b -> b.time)
            .thenComparingLong(b -> b.id);

    LedgerBatch(Connection connection) throws SQLException {
        this.connection = connection;
        readBalance = LedgerBatchStore.readBalance(connection);
        readOpen = LedgerBatchStore.readOpenBatches(connection);
        nextId = LedgerBatchStore.nextEntryId(connection);
    }

    /** A member's balance as read with the batch's members (saves reading it again). */
    void knowBalance(long memberId, long points) {
        balances.putIfAbsent(memberId, points);
    }

    /** Stores a batch of {@code points} (> 0), points owed repaid from it first; returns the entry's id. */
    long addBatch(PointsStore.NewEntry entry, long points, LocalDate expiresOn) throws SQLException {
        if (points <= 0) {
            throw new IllegalArgumentException("a batch needs points above zero, not " + points);
        }
        long id = nextId++;
        Batch batch = new Batch(id, MemberStore.timeText(entry.time()),
                expiresOn == null ? null : expiresOn.toString(),
                PointsOwed.remainingOfNewBatch(balance(entry.memberId()), points), false);
        add(new Entry(id, entry.memberId(), batch.time, entry.kind().code(), points, entry.purchaseId(),
                entry.refId(), entry.reason(), batch.expiresOn, batch));
        fresh.computeIfAbsent(entry.memberId(), m -> new ArrayList<>()).add(batch);
        List<Batch> known = open.get(entry.memberId());
        if (known != null) {
            known.add(batch);
        }
        changeBalance(entry.memberId(), points);
        return id;
    }

    /** As {@link PointsStore.Ledger#take}: {@code firstBatch} first, then the oldest batches. */
    void take(PointsStore.NewEntry entry, long points, Long firstBatch) throws SQLException {
        takeFromBatches(entry.memberId(), points, firstBatch);
        add(new Entry(nextId++, entry.memberId(), MemberStore.timeText(entry.time()),
                entry.kind().code(), -points, entry.purchaseId(), entry.refId(), entry.reason(), null, null));
        changeBalance(entry.memberId(), -points);
    }

    /**
     * A return takes back {@code points} (>= 0) its sale earned: what the batches hold ({@code firstBatch}, the
     * sale's own, first), and the rest is owed ({@link PointsOwed}); the entry's reason records it.
     */
    PointsOwed.TakeBack takeBack(PointsStore.NewEntry entry, long points, Long firstBatch) throws SQLException {
        PointsOwed.TakeBack split = PointsOwed.takeBack(balance(entry.memberId()), points);
        takeFromBatches(entry.memberId(), split.fromBatches(), firstBatch);
        add(new Entry(nextId++, entry.memberId(), MemberStore.timeText(entry.time()),
                entry.kind().code(), -points, entry.purchaseId(), entry.refId(), split.reason(), null, null));
        changeBalance(entry.memberId(), -points);
        return split;
    }

    private void takeFromBatches(long memberId, long points, Long firstBatch) throws SQLException {
        long left = points;
        List<Batch> batches = openBatches(memberId);
        if (firstBatch != null && left > 0) {
            for (Batch batch : batches) {
                if (batch.id == firstBatch) {
                    left -= takeFrom(batch, left);
                }
            }
        }
        for (Batch batch : batches) {
            if (left == 0) {
                break;
            }
            left -= takeFrom(batch, left);
        }
        if (left > 0) {
            throw new IllegalStateException("member " + memberId + " has " + left
                    + " points fewer in batches than asked for; run check-ledger");
        }
    }

    /** As {@link PointsStore.Ledger#expireDue}: every batch due on {@code asOf} expires whole, oldest first. */
    void expireDue(long memberId, LocalDate asOf) throws SQLException {
        String day = asOf.toString();
        long points = 0;
        for (Batch batch : openBatches(memberId)) {
            if (batch.remaining > 0 && batch.expiresOn != null && batch.expiresOn.compareTo(day) <= 0) {
                long remaining = batch.remaining;
                takeFrom(batch, remaining);
                add(new Entry(nextId++, memberId, batch.expiresOn + " 00:00:00",
                        PointsEntry.Kind.EXPIRE.code(), -remaining, null, batch.id, null, null, null));
                points += remaining;
            }
        }
        if (points > 0) {
            changeBalance(memberId, -points);
        }
    }

    long balance(long memberId) throws SQLException {
        Long known = balances.get(memberId);
        if (known != null) {
            return known;
        }
        readBalance.setLong(1, memberId);
        long points;
        try (ResultSet rs = readBalance.executeQuery()) {
            points = rs.next() ? rs.getLong(1) : 0;
        }
        balances.put(memberId, points);
        return points;
    }

    private void changeBalance(long memberId, long points) throws SQLException {
        balances.put(memberId, balance(memberId) + points);
        balanceChanges.merge(memberId, points, Long::sum);
    }

    /** The member's batches with points left, oldest first (time, then id), read from the database once. */
    private List<Batch> openBatches(long memberId) throws SQLException {
        List<Batch> batches = open.get(memberId);
        if (batches == null) {
            batches = new ArrayList<>();
            readOpen.setLong(1, memberId);
            try (ResultSet rs = readOpen.executeQuery()) {
                while (rs.next()) {
                    batches.add(new Batch(rs.getLong(1), rs.getString(2), rs.getString(4), rs.getLong(3), true));
                }
            }
            batches.addAll(fresh.getOrDefault(memberId, List.of()));
            open.put(memberId, batches);
        }
        batches.removeIf(b -> b.remaining == 0);
        batches.sort(OLDEST_FIRST);
        return new ArrayList<>(batches);
    }

    private long takeFrom(Batch batch, long wanted) {
        long taken = Math.min(wanted, batch.remaining);
        if (taken > 0) {
            batch.remaining -= taken;
            if (batch.stored) {
                takenFromStored.put(batch.id, batch.remaining);
            }
        }
        return taken;
    }

    private void add(Entry entry) {
        entries.add(entry);
        entriesOf.computeIfAbsent(entry.memberId(), m -> new ArrayList<>()).add(entry);
    }

    /**
     * What this batch's entries, not yet written, add to a member's points earned net of take-backs in
     * (after, until] — a points ladder's measure; the written entries are the database's to add.
     */
    long unwrittenEarned(long memberId, String after, String until) {
        long sum = 0;
        for (Entry e : entriesOf.getOrDefault(memberId, List.of())) {
            if ((e.kind().equals("earn") || e.kind().equals("reverse"))
                    && e.time().compareTo(after) > 0 && e.time().compareTo(until) <= 0) {
                sum = Math.addExact(sum, e.points());
            }
        }
        return sum;
    }

    /** Writes the entries, what is left of the stored batches taken from, and the balances. */
    void flush() throws SQLException {
        BoundRows rows = new BoundRows();
        for (Entry e : entries) {
            rows.row().add(e.id()).add(e.memberId()).add(e.time()).add(e.kind()).add(e.points()).add(e.purchaseId())
                    .add(e.refId()).add(e.reason()).add(e.expiresOn())
                    .add(e.batch() == null ? null : e.batch().remaining);
        }
        LedgerBatchStore.write(connection, rows, pairs(takenFromStored), pairs(balanceChanges));
        entries.clear();
        entriesOf.clear();
        takenFromStored.clear();
        balanceChanges.clear();
    }

    private static BoundRows pairs(Map<Long, Long> values) {
        BoundRows rows = new BoundRows();
        for (Map.Entry<Long, Long> e : values.entrySet()) {
            if (e.getValue() != null) {
                rows.row().add(e.getKey()).add(e.getValue());
            }
        }
        return rows;
    }

    void close() throws SQLException {
        readBalance.close();
        readOpen.close();
    }
}

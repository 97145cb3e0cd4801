package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.JsonRows;
import org.memberdesk.members.MemberStore;

/**
 * The one way a purchase or return enters the database — the counter (a batch of one), {@code sell} and
 * {@code redeem} on the command line, imports (batches of thousands) and card sales alike. For each purchase,
 * in order: the checks ({@link PurchaseService#check}, the shop's limits), the number (a duplicate changes
 * nothing; lines of a purchase this import stored earlier are added to it), then every {@link PurchaseEffect}
 * in the order AppContext composes them. Nothing of the batch is in the database until {@link #close}, which
 * writes the purchases, their lines and {@code member_items} with one statement each, then each effect's rows —
 * all inside the caller's transaction, so a batch is stored whole or not at all. DEVELOPERS.md draws it.
 */
public final class PurchasePipeline implements AutoCloseable {
    private final Connection connection;
    private final PurchaseService service;
    private final Long importId;
    /** Who serves (null: the command line as the owner, an import); written on every purchase of the batch. */
    private final Long staffId;
    /** Where it happens: this computer's store, unless a draft names its own (an import's store column). */
    private final long storeId;
    /** Earlier runs of the same file: their purchases are completed as this import's own (see alreadyStored). */
    private final Set<Long> earlierRuns;
    private final boolean allowReturns;
    private final PurchaseLimits limits;
    private final List<PurchaseEffect.Step> steps;
    private final PreparedStatement findByNumber;
    private final ItemIds itemIds;
    /** Numbers as the database had them when the batch began (empty: not stored). */
    private final Map<String, Optional<PurchaseStore.StoredNumber>> stored = new HashMap<>();
    /** This batch's purchases by number, in file order. */
    private final Map<String, Pending> batch = new LinkedHashMap<>();
    /** Purchases stored by earlier batches of this import that this batch added lines to. */
    private final Map<Long, Pending> appendedToStored = new LinkedHashMap<>();
    private final Map<List<Long>, String> firstBought = new HashMap<>();
    private long nextId;

    /** A purchase of this batch (or one of an earlier batch that got lines), as it will be written. */
    private static final class Pending {
        final long id;
        final String number;
        final long memberId;
        final LocalDateTime time;
        final String timeText;
        final boolean isReturn;
        final Long refundOf;
        final PurchaseDiscounts discounts;
        /** The store it was made in. */
        final long storeId;
        /** How it was paid (the counter and the command line say; a file does not): null when not said. */
        Payment payment;
        final List<PurchaseLine> lines = new ArrayList<>();
        /** The item ids of the lines this batch writes. */
        final List<Long> newItems = new ArrayList<>();
        /** Line numbers of the rows this batch writes start here (1 for a new purchase). */
        final int firstNewLine;
        int newLines;
        long total;
        /** For a purchase of an earlier batch: what this batch added to its total. */
        long extra;

        Pending(long id, String number, long memberId, LocalDateTime time, boolean isReturn, Long refundOf,
                PurchaseDiscounts discounts, long storeId, int firstNewLine, long total) {
            this.id = id;
            this.number = number;
            this.memberId = memberId;
            this.time = time;
            this.timeText = MemberStore.timeText(time);
            this.isReturn = isReturn;
            this.refundOf = refundOf;
            this.discounts = discounts;
            this.storeId = storeId;
            this.firstNewLine = firstNewLine;
            this.total = total;
        }

        Purchase purchase() {
            return new Purchase(id, number, memberId, time, isReturn ? Purchase.Kind.RETURN : Purchase.Kind.SALE,
                    total, List.copyOf(lines), refundOf, discounts, payment);
        }
    }

    PurchasePipeline(Connection connection, PurchaseService service, Long importId, Set<Long> earlierRuns,
                     boolean allowReturns, List<PurchaseEffect.Step> steps) throws SQLException {
        this.connection = connection;
        this.service = service;
        this.importId = importId;
        this.earlierRuns = Set.copyOf(earlierRuns);
        this.allowReturns = allowReturns;
        this.steps = steps;
        this.limits = service.limits(connection);
        this.staffId = service.servingStaffId();
        this.storeId = service.storeHereId();
        findByNumber = PipelineStore.findByNumber(connection);
        itemIds = new ItemIds(connection);
        nextId = PipelineStore.nextPurchaseId(connection); // this transaction holds the write lock
    }

    /**
     * Looks up the batch's purchase numbers (and the sales its returns name) in one statement, and lets each effect
     * read the batch's members at once. An import calls it before the batch; a batch of one need not.
     */
    public void prefetch(Collection<String> numbers, Collection<Long> memberIds) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String number : numbers) {
            if (number != null && !number.isBlank() && !stored.containsKey(number)) {
                wanted.add(number);
            }
        }
        JsonRows rows = new JsonRows();
        for (String number : wanted) {
            rows.row().add(number);
            stored.put(number, Optional.empty());
        }
        if (!rows.isEmpty()) {
            PipelineStore.numbered(connection, rows, (number, found) -> stored.put(number, Optional.of(found)));
        }
        for (PurchaseEffect.Step step : steps) {
            step.members(memberIds);
        }
    }

    /** Checks and records one purchase; a {@link ValidationException} records nothing of it. */
    public PurchaseService.Recorded record(PurchaseDraft draft) throws SQLException {
        List<Problem> problems = service.check(draft, allowReturns, limits);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Long refundOf = null;
        if (draft.refundOfNo() != null && !draft.refundOfNo().isBlank()) {
            Optional<PurchaseStore.StoredNumber> sale = lookUp(draft.refundOfNo().strip());
            if (sale.isEmpty() || sale.get().isReturn() || sale.get().memberId() != draft.memberId()) {
                throw new ValidationException(Problem.of("refund_of", "purchase.refundOf.unknown",
                        draft.refundOfNo()));
            }
            refundOf = sale.get().id();
        }
        Optional<PurchaseStore.StoredNumber> taken = lookUp(draft.purchaseNo());
        if (taken.isPresent()) {
            return alreadyStored(draft, taken.get());
        }
        Pending purchase = new Pending(nextId++, draft.purchaseNo(), draft.memberId(), draft.time(),
                draft.isReturn(), refundOf, draft.discounts(),
                draft.storeId() == null ? storeId : draft.storeId(), 1, 0);
        purchase.payment = draft.payment();
        batch.put(purchase.number, purchase);
        addLines(purchase, draft.lines());
        Purchase told = purchase.purchase();
        for (PurchaseEffect.Step step : steps) {
            step.stored(told);
        }
        return new PurchaseService.Recorded(PurchaseService.Outcome.STORED, told);
    }

    /**
     * The number is taken: lines of a purchase this import (or an earlier, interrupted run of the same
     * file) stored are added to it, else a duplicate.
     */
    private PurchaseService.Recorded alreadyStored(PurchaseDraft draft, PurchaseStore.StoredNumber number)
            throws SQLException {
        boolean sameImport = importId != null && (importId.equals(number.importId())
                || number.importId() != null && earlierRuns.contains(number.importId()));
        if (!sameImport || number.memberId() != draft.memberId() || number.isReturn() != draft.isReturn()) {
            return new PurchaseService.Recorded(PurchaseService.Outcome.DUPLICATE, null);
        }
        List<Problem> problems = limits.check(number.totalCents(), draft.lines());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Pending purchase = batch.get(draft.purchaseNo());
        if (purchase == null) {
            purchase = appendedToStored.get(number.id());
            if (purchase == null) {
                purchase = storedPurchase(number, draft.purchaseNo());
                appendedToStored.put(number.id(), purchase);
            }
        }
        addLines(purchase, draft.lines());
        Purchase told = purchase.purchase();
        for (PurchaseEffect.Step step : steps) {
            step.appended(told, draft.lines());
        }
        return new PurchaseService.Recorded(PurchaseService.Outcome.APPENDED, null);
    }

    /**
     * Voids a stored sale: every effect undoes its part (in the pipeline's order), then the sale leaves the
     * purchases for the voided sales — with its lines, who, when and why — and the items its member has bought
     * are counted again. The caller has checked that it may be voided (a sale of today, the member's latest,
     * nothing returned of it) and that it is not part of this batch.
     */
    public void voidSale(Purchase sale, LocalDateTime at, String by, String reason) throws SQLException {
        for (PurchaseEffect.Step step : steps) {
            step.voided(sale);
        }
        service.store().moveToVoided(connection, sale, at, by, reason);
    }

    /** A purchase of an earlier batch, with its stored lines, to add lines to. */
    private Pending storedPurchase(PurchaseStore.StoredNumber number, String purchaseNo) throws SQLException {
        PipelineStore.StoredLines stored = PipelineStore.storedLines(connection, number.id());
        Pending purchase = new Pending(number.id(), purchaseNo, number.memberId(),
                LocalDateTime.parse(number.time(), MemberStore.TIME), number.isReturn(), stored.refundOf(),
                PurchaseDiscounts.NONE, storeId, stored.lastLine() + 1,
                number.totalCents());
        purchase.lines.addAll(stored.lines());
        return purchase;
    }

    /** Adds lines to a purchase: its total, and the items its member has now bought. */
    private void addLines(Pending purchase, List<PurchaseLine> lines) throws SQLException {
        long amount = 0;
        for (PurchaseLine line : lines) {
            purchase.lines.add(line);
            purchase.newLines++;
            amount = Math.addExact(amount, line.amountCents());
            long item = itemIds.idOf(line.item());
            purchase.newItems.add(item);
            if (!purchase.isReturn) {
                firstBought.merge(List.of(item, purchase.memberId), purchase.timeText,
                        (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        // within the shop's limits these cannot overflow (PurchaseLimits); addExact fails rather than wraps
        purchase.total = Math.addExact(purchase.total, amount);
        purchase.extra = Math.addExact(purchase.extra, amount);
    }

    private Optional<PurchaseStore.StoredNumber> lookUp(String number) throws SQLException {
        Pending pending = batch.get(number);
        if (pending != null) {
            return Optional.of(new PurchaseStore.StoredNumber(pending.id, pending.memberId, pending.isReturn,
                    importId, pending.total, pending.timeText));
        }
        Optional<PurchaseStore.StoredNumber> known = stored.get(number);
        if (known == null) {
            findByNumber.setString(1, number);
            try (ResultSet rs = findByNumber.executeQuery()) {
                known = rs.next() ? Optional.of(PipelineStore.storedNumber(rs)) : Optional.empty();
            }
            stored.put(number, known);
        }
        Pending appended = known.isPresent() ? appendedToStored.get(known.get().id()) : null;
        if (appended != null) {
            PurchaseStore.StoredNumber n = known.get();
            return Optional.of(new PurchaseStore.StoredNumber(n.id(), n.memberId(), n.isReturn(), n.importId(),
                    appended.total, n.time()));
        }
        return known;
    }

    /** Writes the batch: purchases, lines, totals of appended purchases, member_items, statistics, totals, listeners. */
    private void flush() throws SQLException {
        BoundRows purchases = new BoundRows();
        BoundRows lines = new BoundRows();
        for (Pending p : batch.values()) {
            purchases.row().add(p.id).add(p.number).add(p.memberId).add(p.timeText)
                    .add(p.isReturn ? "return" : "sale").add(p.total).add(p.refundOf).add(importId)
                    .add(p.discounts.tierCents()).add(p.discounts.couponCents())
                    .add(p.discounts.storedValueBonusCents()).add(staffId).add(p.storeId);
            addLineRows(lines, p);
        }
        BoundRows grown = new BoundRows();
        for (Pending p : appendedToStored.values()) {
            grown.row().add(p.id).add(p.extra);
            addLineRows(lines, p);
        }
        PipelineStore.insertPurchases(connection, purchases);
        PipelineStore.addToTotals(connection, grown);
        PipelineStore.insertLines(connection, lines);
        BoundRows items = new BoundRows();
        firstBought.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.get(0).equals(b.get(0))
                        ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0))))
                .forEach(e -> items.row().add(e.getKey().get(0)).add(e.getKey().get(1)).add(e.getValue()));
        PipelineStore.upsertMemberItems(connection, items);
        for (PurchaseEffect.Step step : steps) {
            step.flush();
        }
    }

    private static void addLineRows(BoundRows rows, Pending p) {
        List<PurchaseLine> added = p.lines.subList(p.lines.size() - p.newLines, p.lines.size());
        for (int i = 0; i < added.size(); i++) {
            PurchaseLine line = added.get(i);
            rows.row().add(p.id).add(p.firstNewLine + i).add(p.newItems.get(i)).add((long) line.quantity())
                    .add(line.amountCents()).add(line.saleLineNo() == null ? null : (long) line.saleLineNo());
        }
    }

    private boolean flushed;

    /** Writes the batch (inside the caller's transaction) and closes the statements. */
    @Override
    public void close() throws SQLException {
        try {
            if (!flushed) {
                flushed = true;
                flush();
            }
        } finally {
            for (PurchaseEffect.Step step : steps) {
                step.close();
            }
            findByNumber.close();
            itemIds.close();
        }
    }
}

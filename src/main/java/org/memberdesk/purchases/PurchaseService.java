package org.memberdesk.purchases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.common.Problem;
import org.memberdesk.common.TextLength;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberStore;
import org.memberdesk.common.Money;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;

/** Recording purchases and returns, at the counter and from imports, and reading them back. */
public final class PurchaseService {
    /** Clocks drift and files carry time zones badly; a purchase may be up to a day "ahead". */
    private static final long FUTURE_SLACK_HOURS = 24;

    private final Database database;
    private final PurchaseStore store;
    private final MemberStore members;
    private final Clock clock;
    /** What a purchase does besides being stored, in the order they run (AppContext composes them). */
    private final List<PurchaseEffect> effects;
    private final org.memberdesk.staff.StaffSession session;
    private final OperationLog log;
    /** The store this computer works in: where its purchases are made. */
    private final org.memberdesk.stores.StoreHere storeHere;
    private final PurchaseLimitsStore limitsStore = new PurchaseLimitsStore();
    private final DefaultItemStore defaultItemStore = new DefaultItemStore();

    public PurchaseService(Database database, PurchaseStore store, MemberStore members, Clock clock,
                           List<PurchaseEffect> effects, org.memberdesk.staff.StaffSession session,
                           org.memberdesk.stores.StoreHere storeHere, OperationLog log) {
        this.database = database;
        this.storeHere = storeHere;
        this.session = session;
        this.log = log;
        this.store = store;
        this.members = members;
        this.clock = clock;
        this.effects = List.copyOf(effects);
    }

    /** Who serves: each purchase a pipeline stores carries their staff id (null: the command line, an import). */
    Long servingStaffId() {
        return session.staffId();
    }

    /** Where it happens: each purchase a pipeline stores belongs to this computer's store unless it names one. */
    long storeHereId() {
        return storeHere.id();
    }

    /** What happened to one purchase handed to the {@link PurchasePipeline}. */
    public enum Outcome { STORED, DUPLICATE, APPENDED }

    public record Recorded(Outcome outcome, Purchase purchase) {
    }

    /**
     * The purchase pipeline on one connection, inside the caller's transaction: the counter opens one for a
     * sale (a batch of one), an import one per batch. {@code importId} null: not an import.
     */
    public PurchasePipeline pipeline(Connection connection, Long importId, boolean allowReturns)
            throws SQLException {
        return pipeline(connection, importId, Set.of(), allowReturns);
    }

    /**
     * The pipeline for one import batch. {@code earlierRuns}: the imports of the same file before this one; the
     * purchases they stored get this import's lines of the same number as if they were one import (an
     * interrupted run, finished by this one).
     */
    public PurchasePipeline pipeline(Connection connection, Long importId, Set<Long> earlierRuns,
                                     boolean allowReturns) throws SQLException {
        List<PurchaseEffect.Step> steps = new ArrayList<>();
        try {
            for (PurchaseEffect effect : effects) {
                steps.add(effect.open(connection));
            }
            return new PurchasePipeline(connection, this, importId, earlierRuns, allowReturns, steps);
        } catch (SQLException | RuntimeException e) {
            for (PurchaseEffect.Step step : steps) {
                step.close();
            }
            throw e;
        }
    }

    /** The effects of a purchase in the order the pipeline runs them (DEVELOPERS.md draws them; a test keeps both equal). */
    public List<String> effectNames() {
        return effects.stream().map(effect -> effect.getClass().getSimpleName()).toList();
    }

    /** The purchases' store, for the pipeline on the same connection. */
    PurchaseStore store() {
        return store;
    }

    /** The shop's limits on lines and purchases, as saved in Settings (the defaults where none is). */
    public PurchaseLimits limits() {
        return database.read(limitsStore::read);
    }

    /** The limits as the pipeline on this connection applies them: read once per sale or import batch. */
    public PurchaseLimits limits(Connection connection) throws SQLException {
        return limitsStore.read(connection);
    }

    /**
     * The item name an import gives the lines of a file without an item column, when the shop saved one
     * (Settings → Purchase limits); empty: the import's language decides.
     */
    public Optional<String> defaultItemName() {
        return database.read(defaultItemStore::read);
    }

    public Optional<String> defaultItemName(Connection connection) throws SQLException {
        return defaultItemStore.read(connection);
    }

    /** Saves the default item name (Settings); blank goes back to the language's word. */
    public void saveDefaultItemName(String name) {
        if (name != null && TextLength.longerThan(name.strip(), 100)) {
            throw new ValidationException(Problem.of("item", "purchase.defaultItem.tooLong"));
        }
        session.require(org.memberdesk.staff.Permission.SETTINGS);
        database.write(connection -> {
            String before = defaultItemStore.read(connection).orElse("");
            defaultItemStore.save(connection, name);
            String after = defaultItemStore.read(connection).orElse("");
            if (!before.equals(after)) {
                log.record(connection, OperationLog.Entry.of(org.memberdesk.staff.Operation.SETTINGS, null,
                        "default item", before + " → " + after));
            }
            return null;
        });
    }

    /** Saves the shop's limits (Settings); a {@link ValidationException} names a bound out of range. */
    public void saveLimits(PurchaseLimits limits) {
        List<Problem> problems = limits.check();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        session.require(org.memberdesk.staff.Permission.SETTINGS);
        database.write(connection -> {
            PurchaseLimits before = limitsStore.read(connection);
            limitsStore.save(connection, limits);
            if (!before.equals(limits)) {
                log.record(connection, OperationLog.Entry.of(org.memberdesk.staff.Operation.SETTINGS, null,
                        "purchase limits", "line " + Money.display(before.lineCents()) + " → "
                                + Money.display(limits.lineCents()) + ", purchase "
                                + Money.display(before.purchaseCents()) + " → "
                                + Money.display(limits.purchaseCents()) + ", quantity " + before.quantity()
                                + " → " + limits.quantity()));
            }
            return null;
        });
    }

    /**
     * Everything wrong with a purchase before it is stored, field by field; amounts and quantities against
     * the shop's limits.
     */
    public List<Problem> check(PurchaseDraft draft, boolean allowReturns, PurchaseLimits limits) {
        List<Problem> problems = new ArrayList<>();
        if (draft.purchaseNo() == null || draft.purchaseNo().isBlank()) {
            problems.add(Problem.of("purchase_no", "purchase.number.missing"));
        } else if (TextLength.longerThan(draft.purchaseNo(), 64)) {
            problems.add(Problem.of("purchase_no", "purchase.number.tooLong"));
        }
        if (draft.time() == null) {
            problems.add(Problem.of("time", "purchase.time.missing"));
        } else if (draft.time().isAfter(LocalDateTime.now(clock).plusHours(FUTURE_SLACK_HOURS))) {
            problems.add(Problem.of("time", "purchase.time.future", draft.time().format(MemberStore.TIME)));
        }
        if (draft.lines().isEmpty()) {
            problems.add(Problem.of("item", "purchase.lines.missing"));
        }
        boolean hasSale = false;
        boolean hasReturn = false;
        for (PurchaseLine line : draft.lines()) {
            if (line.item() == null || line.item().isBlank()) {
                problems.add(Problem.of("item", "purchase.item.missing"));
            }
            if (line.quantity() < 1) {
                problems.add(Problem.of("quantity", "purchase.quantity.invalid", line.quantity()));
            }
            hasSale |= line.amountCents() > 0;
            hasReturn |= line.amountCents() < 0;
        }
        if (hasSale && hasReturn) {
            problems.add(Problem.of("amount", "purchase.amount.mixed"));
        } else if (hasReturn && !allowReturns) {
            problems.add(Problem.of("amount", "purchase.amount.negative"));
        }
        problems.addAll(limits.check(draft));
        return problems;
    }

    /**
     * The lines typed at the counter, checked as a sale's are before anything is priced: an item, a quantity, an
     * amount above zero (a return is made from its sale, never typed as a negative amount), the shop's limits.
     */
    public List<Problem> checkTyped(Connection connection, List<PurchaseLine> lines) throws SQLException {
        List<Problem> problems = new ArrayList<>(check(new PurchaseDraft("counter", 0, LocalDateTime.now(clock),
                lines, null), false, limits(connection)));
        for (PurchaseLine line : lines) {
            if (line.amountCents() <= 0) {
                problems.add(Problem.of("amount", "purchase.amount.notPositive"));
                break;
            }
        }
        return problems;
    }

    /**
     * Records one purchase typed at the counter, generating its number when blank; returns it as stored. A sale
     * needs {@link Permission#SELL}; a return also the return of the day of the sale it names (a return naming no
     * sale of today counts as one of an earlier day). One operation log entry, in the same transaction.
     */
    public Purchase record(PurchaseDraft typed, boolean allowReturn) {
        session.require(Permission.SELL);
        return database.write(connection -> {
            PurchaseDraft draft = typed.purchaseNo() == null || typed.purchaseNo().isBlank()
                    ? typed.withNumber(store.nextPurchaseNumber(connection, LocalDateTime.now(clock))) : typed;
            if (members.findById(connection, draft.memberId()).isEmpty()) {
                throw new ValidationException(Problem.of("member", "member.unknown", Long.toString(draft.memberId())));
            }
            if (draft.isReturn()) {
                Optional<Purchase> sale = draft.refundOfNo() == null ? Optional.empty()
                        : store.findByNumber(connection, draft.refundOfNo().strip());
                requireReturnOf(sale.map(Purchase::time).orElse(null));
            }
            Purchase stored = recordOne(connection, draft, allowReturn);
            log.record(connection, OperationLog.Entry.of(stored.isReturn() ? Operation.RETURN : Operation.SALE,
                    stored.memberId(), stored.purchaseNo(), (stored.isReturn() ? "refund " : "total ")
                            + Money.display(Math.abs(stored.totalCents())) + ", " + stored.lines().size()
                            + (stored.lines().size() == 1 ? " line" : " lines")
                            + (draft.refundOfNo() == null ? "" : ", of sale " + draft.refundOfNo().strip())));
            return stored;
        });
    }

    /**
     * Refuses a return the person acting may not make: of a sale made today (the shop's date, from the clock) a
     * cashier may, of an earlier day ({@code saleTime} before today, or null: not known) only a manager or owner.
     */
    public void requireReturnOf(LocalDateTime saleTime) {
        boolean today = saleTime != null && saleTime.toLocalDate().equals(LocalDateTime.now(clock).toLocalDate());
        session.require(today ? Permission.RETURN_TODAY : Permission.RETURN_ANY_DATE);
    }

    /**
     * One purchase through a pipeline of its own on the caller's connection (the counter's batch of one): stored
     * as given, or refused when its number is taken. Returns it as stored.
     */
    public Purchase recordOne(Connection connection, PurchaseDraft draft, boolean allowReturn) throws SQLException {
        try (PurchasePipeline pipeline = pipeline(connection, null, allowReturn)) {
            Recorded recorded = pipeline.record(draft);
            if (recorded.outcome() != Outcome.STORED) {
                throw new ValidationException(Problem.of("purchase_no", "purchase.number.taken", draft.purchaseNo()));
            }
            return recorded.purchase();
        }
    }

    public List<Purchase> history(long memberId, int limit) {
        return database.read(connection -> store.forMember(connection, memberId, limit));
    }

    /**
     * Where each of these purchases was made, as a person reads the store's name (本店 is "Main store" in English),
     * keyed by purchase id — only in a chain: empty for a single shop, which never sees stores.
     */
    public java.util.Map<Long, String> storesShown(List<Purchase> purchases, org.memberdesk.common.Messages messages) {
        List<Long> ids = purchases.stream().map(Purchase::id).toList();
        return database.read(connection -> {
            java.util.Map<Long, String> names = storeNames(connection, messages);
            if (names.isEmpty()) {
                return java.util.Map.of();
            }
            java.util.Map<Long, String> shown = new java.util.HashMap<>();
            store.storeIds(connection, ids).forEach((purchase, storeId) ->
                    shown.put(purchase, names.getOrDefault(storeId, "")));
            return shown;
        });
    }

    /**
     * Every store's name as a person reads it (本店 is "Main store" in English), keyed by store id, for a list that
     * names where each purchase was made ({@link PurchaseRow#storeId}) — only in a chain: empty for a single shop.
     */
    public java.util.Map<Long, String> storeNamesShown(org.memberdesk.common.Messages messages) {
        return database.read(connection -> storeNames(connection, messages));
    }

    /** The one rule of both: a chain's stores by id under their shown names; none for a single shop. */
    private static java.util.Map<Long, String> storeNames(java.sql.Connection connection,
                                                          org.memberdesk.common.Messages messages)
            throws java.sql.SQLException {
        List<org.memberdesk.stores.Store> all = new org.memberdesk.stores.StoreStore().all(connection);
        if (all.size() < 2) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (org.memberdesk.stores.Store one : all) {
            names.put(one.id(), one.shownName(messages));
        }
        return java.util.Map.copyOf(names);
    }

    public Optional<Purchase> byNumber(String purchaseNo) {
        return database.read(connection -> store.findByNumber(connection, purchaseNo));
    }

    public List<PurchaseRow> search(PurchaseQuery query, int offset, int limit) {
        return database.read(connection -> store.search(connection, query, offset, limit));
    }

    public int count(PurchaseQuery query) {
        return database.read(connection -> store.count(connection, query));
    }

    public PurchaseStore.Totals totals() {
        return database.read(store::totals);
    }

    /** Item names for the counter's suggestions. */
    public List<String> itemNames() {
        return database.read(connection -> store.itemNames(connection, 2_000));
    }
}

package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.TextLength;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.Payment;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDiscounts;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.tiers.Tier;
import org.memberdesk.tiers.TierStore;

/**
 * Member cards (储值 · 次卡 · 期限卡): selling a card (a session card or pass is a purchase through the one pipeline;
 * stored value is money received, not a purchase), top-ups with the bonus ladder, freezes (请假) and refunds (退卡).
 * Every change of a card is an entry of its ledger, in the same transaction as the rest. The products and the ladder
 * are {@link CardProducts}; check-ins {@link CheckIns}; the lists and sums {@link CardReports}. Each change is
 * refused to a role that may not make it (before anything is read) and writes one operation log entry in its own
 * transaction; the card's entries carry the serving staff.
 */
public final class CardService {
    private final Database database;
    private final CardStore store;
    private final CardProductStore products;
    private final PaymentStore payments;
    private final VisitStore visits;
    private final PaymentPlanner planner;
    private final PurchaseService purchases;
    private final PurchaseStore purchaseStore;
    private final MemberStore members;
    private final TierStore tiers;
    private final Clock clock;
    private final CardChanges changes;
    private final StaffSession session;
    private final OperationLog log;
    private final CardFreezes freezes;
    /** Where this computer works, and whether a card works here: the one rule ({@link StoreLimit}). */
    private final StoreLimit storeLimit;

    public CardService(Database database, CardStore store, CardProductStore products, PaymentStore payments,
                       VisitStore visits, PaymentPlanner planner, PurchaseService purchases,
                       PurchaseStore purchaseStore, MemberStore members, TierStore tiers, Clock clock,
                       CardChanges changes, StaffSession session, OperationLog log, StoreLimit storeLimit) {
        this.storeLimit = storeLimit;
        this.session = session;
        this.log = log;
        this.freezes = new CardFreezes(store, log);
        this.products = products;
        this.payments = payments;
        this.visits = visits;
        this.changes = changes;
        this.database = database;
        this.store = store;
        this.planner = planner;
        this.purchases = purchases;
        this.purchaseStore = purchaseStore;
        this.members = members;
        this.tiers = tiers;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- selling

    /** A card as sold: the card, the sale that sold it (null for stored value) and how it was paid. */
    public record Sold(Card card, Purchase purchase, Payment payment) {
    }

    /** What selling this product to this member costs, and how it would be paid (nothing stored). */
    public record Quote(CardProduct product, long priceCents, long dueCents, Payment payment) {
    }

    /**
     * The products this computer may sell now, in the shop's order: those still on sale that work here
     * ({@link StoreLimit#worksHere}: every store's and this computer's store's). The counter offers these and no
     * others, so a product limited to another store is never offered only to be refused at the sale.
     */
    public List<CardProduct> productsSoldHere() {
        return database.read(connection -> products.products(connection).stream()
                .filter(product -> !product.archived() && storeLimit.worksHere(product.storeId())).toList());
    }

    public Quote quote(long memberId, long productId, Pay pay) {
        return database.read(connection -> quote(connection, memberId, product(connection, productId), pay, null));
    }

    private Quote quote(Connection connection, long memberId, CardProduct product, Pay pay, LocalDateTime at)
            throws SQLException {
        Member member = member(connection, memberId);
        // a product limited to another store is not sold here (nor quoted: the counter says why before the sale)
        storeLimit.require(connection, product);
        long due = product.priceCents();
        if (product.tierDiscount() && product.kind() != CardKind.STORED_VALUE && due > 0) {
            Ladder ladder = tiers.loadLadder(connection);
            due -= Tier.discountCents(due, ladder.at(ladder.rankOf(member.tier())).discountPercent());
        }
        if (product.kind() == CardKind.STORED_VALUE && pay.fromStoredValue()) {
            throw new ValidationException(Problem.of("payment", "card.sell.storedValueWithStoredValue"));
        }
        return new Quote(product, product.priceCents(), due, planner.plan(connection, memberId, due, pay, at));
    }

    /**
     * Sells a card: a session card or pass is a purchase (spend, points and tiers as any sale) and starts on
     * {@code start}, or the day after the member's latest pass ends when one is still valid, or on the sale day;
     * a stored-value package is money received (price as principal, the package's bonus as bonus).
     */
    public Sold sell(long memberId, long productId, Pay pay, LocalDate start, LocalDateTime at) {
        session.require(Permission.SELL_CARD);
        LocalDateTime when = when(at);
        Long staffId = session.staffId();
        long storeId = storeLimit.storeHere();
        return database.write(connection -> {
            CardProduct product = product(connection, productId);
            if (product.archived()) {
                throw new ValidationException(Problem.of("product", "card.product.archived", product.name()));
            }
            Quote quote = quote(connection, memberId, product, pay, when);
            Payment payment = quote.payment();
            if (product.kind() == CardKind.STORED_VALUE) {
                long id = store.insertCard(connection, new CardStore.NewCard(memberId, product.id(),
                        CardKind.STORED_VALUE, null, product.priceCents(), when, null, null, null, null, null));
                store.addEntry(connection, new CardStore.Entry(id, when, "sale", product.priceCents(),
                        product.bonusCents(), 0, null, null, null, staffId, storeId));
                payments.insertPayment(connection, when, memberId, "card", pay.first(), product.priceCents(), null, id,
                        storeId);
                changes.changed(connection, "card sold " + id);
                Card card = store.byId(connection, id).orElseThrow();
                log.record(connection, CardLog.sale(card, product, null, pay));
                return new Sold(card, null, payment);
            }
            LocalDate from = start != null ? start : when.toLocalDate();
            if (start == null && product.kind() == CardKind.PERIOD) {
                LocalDate end = store.latestPassEnd(connection, memberId, from);
                if (end != null) {
                    from = end.plusDays(1);
                }
            }
            LocalDate to = from.plusDays(product.days() - 1L);
            Purchase sale = null;
            long paid = payment.paidCents();
            if (quote.dueCents() > 0) {
                PurchaseLine line = new PurchaseLine(product.name(), 1, quote.dueCents());
                List<PurchaseLine> lines = List.of(new PurchaseLine(product.name(), 1,
                        quote.dueCents() - payment.storedBonusCents()));
                PurchaseDraft draft = new PurchaseDraft(purchaseStore.nextPurchaseNumber(connection, when), memberId,
                        when, lines, null, new PurchaseDiscounts(quote.priceCents() - quote.dueCents(), 0, null,
                        payment.storedBonusCents()), payment);
                if (line.amountCents() - payment.storedBonusCents() <= 0) {
                    throw new ValidationException(Problem.of("payment", "card.pay.onlyBonus"));
                }
                sale = purchases.recordOne(connection, draft, false);
            }
            Integer sessions = product.kind() == CardKind.SESSIONS ? product.sessions() : null;
            long id = store.insertCard(connection, new CardStore.NewCard(memberId, product.id(), product.kind(),
                    sale == null ? null : sale.id(), paid, when, from, to, product.perDay(), sessions, null));
            // the sale's store: the purchase was made at this computer's store too
            store.addEntry(connection, new CardStore.Entry(id, when, "sale", 0, 0, sessions == null ? 0 : sessions,
                    sale == null ? null : sale.id(), null, null, staffId, storeId));
            changes.changed(connection, "card sold " + id);
            Card card = store.byId(connection, id).orElseThrow();
            log.record(connection, CardLog.sale(card, product, sale, pay));
            return new Sold(card, sale, payment);
        });
    }

    /** What a top-up added and the balances after it. */
    public record ToppedUp(Card card, long principalCents, long bonusCents) {
    }


    /** Adds money to a stored-value card: not a purchase, money received; the ladder's bonus kept apart. */
    public ToppedUp topup(String cardNo, long amountCents, PayMethod method, LocalDateTime at) {
        session.require(Permission.TOP_UP);
        LocalDateTime when = when(at);
        if (method == PayMethod.STORED_VALUE) {
            throw new ValidationException(Problem.of("payment", "card.topup.withStoredValue"));
        }
        long storeId = storeLimit.storeHere();
        return database.write(connection -> {
            Card card = card(connection, cardNo);
            if (card.kind() != CardKind.STORED_VALUE) {
                throw new ValidationException(Problem.of("card", "card.topup.notStoredValue", card.cardNo()));
            }
            if (card.refunded()) {
                throw new ValidationException(Problem.of("card", "card.refunded", card.cardNo()));
            }
            storeLimit.require(connection, card);
            PurchaseLimits limits = purchases.limits(connection);
            if (amountCents <= 0 || amountCents > limits.purchaseCents()) {
                throw new ValidationException(Problem.of("amount", "card.topup.amount",
                        Money.formatYuan(limits.purchaseCents())));
            }
            long bonus = StoredValue.topupBonus(amountCents, products.topupSteps(connection));
            store.addEntry(connection, new CardStore.Entry(card.id(), when, "topup", amountCents, bonus, 0, null,
                    null, null, session.staffId(), storeId));
            payments.insertPayment(connection, when, card.memberId(), "topup", method, amountCents, null, card.id(),
                    storeId);
            changes.changed(connection, "topup " + card.cardNo());
            Card after = store.byId(connection, card.id()).orElseThrow();
            log.record(connection, CardLog.topUp(card, after, amountCents, bonus, method));
            return new ToppedUp(after, amountCents, bonus);
        });
    }

    // ---------------------------------------------------------------- freezes

    /**
     * Freezes a card from {@code from} (today when null) for {@code days}, within its product's allowance; who froze
     * it is whoever acts now ({@code by}, the old free-text "who", is no longer taken: the session says who).
     */
    public Card freeze(String cardNo, int days, LocalDate from, String reason, String by, LocalDateTime at) {
        return freeze(cardNo, days, from, reason, at);
    }

    /** Freezes a card from {@code from} (today when null) for {@code days}, within its product's allowance. */
    public Card freeze(String cardNo, int days, LocalDate from, String reason, LocalDateTime at) {
        session.require(Permission.FREEZE_CARD);
        LocalDateTime when = when(at);
        String why = reason(reason);
        String by = session.current().name();
        return database.write(connection -> {
            Card card = card(connection, cardNo);
            CardProduct product = product(connection, card.productId());
            LocalDate first = from == null ? when.toLocalDate() : from;
            Card frozen = freezes.freeze(connection, card, product, first, days, why, by, when);
            changes.changed(connection, "freeze " + card.cardNo());
            return frozen;
        });
    }

    /**
     * Ends the card's freeze today: the days before today stay frozen (the member comes back today), the rest are
     * given back — the card ends that much earlier again. A freeze that had not begun is cancelled (0 days).
     */
    public Card unfreeze(String cardNo, LocalDateTime at) {
        session.require(Permission.FREEZE_CARD);
        LocalDateTime when = when(at);
        return database.write(connection -> {
            Card card = freezes.unfreeze(connection, card(connection, cardNo), when);
            changes.changed(connection, "unfreeze " + card.cardNo());
            return card;
        });
    }

    // ---------------------------------------------------------------- refunds

    /** A card refunded: what was paid back, and the bonus the member gave up (stored value only). */
    public record Refunded(Card card, long refundCents, long forfeitedBonusCents, Purchase returned) {
    }

    /**
     * Refunds a card (退卡), with a reason: stored value pays back the remaining principal (the bonus is forfeited);
     * a session card paid × sessions left ÷ sessions; a pass paid × days left ÷ days, the refund day counting as used.
     * For a sold card it is a return against its sale through the pipeline (spend and points reduced), paid back
     * the way the sale was paid; {@code payBack} (null: cash) is how stored value's principal is paid out. Who
     * refunded it is whoever acts now: {@code by}, the old free-text "who", is no longer taken.
     */
    public Refunded refund(String cardNo, String reason, PayMethod payBack, String by, LocalDateTime at) {
        return refund(cardNo, reason, payBack, at);
    }

    /** The same, refunded by whoever acts now (kept with the card as who refunded it, and in the log). */
    public Refunded refund(String cardNo, String reason, PayMethod payBack, LocalDateTime at) {
        session.require(Permission.REFUND_CARD);
        String by = session.current().name();
        Long staffId = session.staffId();
        LocalDateTime when = when(at);
        String why = reason(reason);
        if (why == null) {
            throw new ValidationException(Problem.of("reason", "card.refund.reasonMissing"));
        }
        if (payBack == PayMethod.STORED_VALUE) {
            throw new ValidationException(Problem.of("payment", "card.refund.toStoredValue"));
        }
        PayMethod method = payBack == null ? PayMethod.CASH : payBack;
        // a refund is paid out wherever the member asks: it records this computer's store, limited card or not
        long storeId = storeLimit.storeHere();
        return database.write(connection -> {
            Card card = card(connection, cardNo);
            CardProduct product = product(connection, card.productId());
            if (card.refunded()) {
                throw new ValidationException(Problem.of("card", "card.refunded", card.cardNo()));
            }
            if (!product.refundable()) {
                throw new ValidationException(Problem.of("card", "card.refund.notRefundable", product.name()));
            }
            store.setRefunded(connection, card.id(), when, why, by);
            changes.changed(connection, "refund " + card.cardNo());
            if (card.kind() == CardKind.STORED_VALUE) {
                store.addEntry(connection, new CardStore.Entry(card.id(), when, "refund", -card.principalCents(),
                        -card.bonusCents(), 0, null, null, why, staffId, storeId));
                if (card.principalCents() > 0) {
                    payments.insertPayment(connection, when, card.memberId(), "card-refund", method,
                            -card.principalCents(), null, card.id(), storeId);
                }
                log.record(connection, CardLog.refund(card, card.principalCents(), card.bonusCents(), method, null, why));
                return new Refunded(store.byId(connection, card.id()).orElseThrow(), card.principalCents(),
                        card.bonusCents(), null);
            }
            long refund = refundOf(card, when.toLocalDate());
            Purchase returned = null;
            if (refund > 0 && card.purchaseId() != null) {
                Purchase sale = purchaseStore.byId(connection, card.purchaseId()).orElseThrow();
                PurchaseDraft back = new PurchaseDraft(purchaseStore.nextNumber(connection, when, "R"),
                        card.memberId(), when, List.of(new PurchaseLine(card.productName(), 1, -refund, 1)),
                        sale.purchaseNo());
                returned = purchases.recordOne(connection, back, true);
            } else if (refund > 0) {
                payments.insertPayment(connection, when, card.memberId(), "card-refund", method, -refund, null,
                        card.id(), storeId);
            }
            int left = card.sessionsLeft() == null ? 0 : card.sessionsLeft();
            store.addEntry(connection, new CardStore.Entry(card.id(), when, "refund", 0, 0, -left,
                    returned == null ? null : returned.id(), null, why, staffId, storeId));
            log.record(connection, CardLog.refund(card, refund, 0, method, returned, why));
            return new Refunded(store.byId(connection, card.id()).orElseThrow(), refund, 0, returned);
        });
    }

    /** What refunding a card on a day would pay back, before it is done: the refund screen shows it first. */
    public record RefundPreview(Card card, boolean refundable, long refundCents, long forfeitedBonusCents) {
    }

    /**
     * What {@link #refund} would pay back on {@code day} (today when null), computed the same way; nothing stored.
     * A card already refunded, or whose product cannot be refunded, shows 0 and {@code refundable} false.
     */
    public RefundPreview refundPreview(String cardNo, LocalDate day) {
        LocalDate on = day == null ? now().toLocalDate() : day;
        return database.read(connection -> {
            Card card = card(connection, cardNo);
            boolean refundable = !card.refunded() && product(connection, card.productId()).refundable();
            if (!refundable) {
                return new RefundPreview(card, false, 0, 0);
            }
            return new RefundPreview(card, true, refundOf(card, on),
                    card.kind() == CardKind.STORED_VALUE ? card.bonusCents() : 0);
        });
    }

    /** Stored value: the principal left; a session card and a pass: their share of what was paid (CardRefunds). */
    private static long refundOf(Card card, LocalDate day) {
        return switch (card.kind()) {
            case STORED_VALUE -> card.principalCents();
            case SESSIONS -> CardRefunds.sessions(card.paidCents(), card.sessionsLeft(), card.sessionsSold());
            case PERIOD -> CardRefunds.period(card.paidCents(), card.validFrom(), card.validTo(), day);
        };
    }

    // ---------------------------------------------------------------- reading

    public List<Card> cards(long memberId) {
        return database.read(connection -> store.forMember(connection, memberId));
    }

    public Card card(String cardNo) {
        return database.read(connection -> card(connection, cardNo));
    }

    /** A card's history: its entries and freezes. */
    public record History(Card card, List<CardEntry> entries, List<Freeze> freezes) {
    }

    public History history(String cardNo) {
        return database.read(connection -> {
            Card card = card(connection, cardNo);
            return new History(card, store.entries(connection, card.id()), store.freezes(connection, card.id()));
        });
    }

    /** The stored-value card a payment would come from, if the member has one. */
    public java.util.Optional<Card> storedValueCard(long memberId) {
        return database.read(connection -> planner.storedValueCard(connection, memberId));
    }

    /** A member's cards, and the stored-value card a payment here would come from (among them, if any). */
    public record Held(List<Card> cards, java.util.Optional<Card> storedValue) {
    }

    /** {@link #cards} and {@link #storedValueCard} in one read: the counter shows both, and they agree. */
    public Held held(long memberId) {
        return database.read(connection -> new Held(store.forMember(connection, memberId),
                planner.storedValueCard(connection, memberId)));
    }

    /** How {@code dueCents} would be paid, before the sale: the counter shows the bonus part. */
    public Payment planPayment(long memberId, long dueCents, Pay pay) {
        return database.read(connection -> planner.plan(connection, memberId, dueCents, pay));
    }

    public List<Visit> visits(long memberId, int limit) {
        return database.read(connection -> visits.visits(connection, memberId, limit));
    }

    // ---------------------------------------------------------------- helpers

    private Card card(Connection connection, String cardNo) throws SQLException {
        String number = cardNo == null ? "" : cardNo.strip().toUpperCase(java.util.Locale.ROOT);
        return store.byNumber(connection, number)
                .orElseThrow(() -> new ValidationException(Problem.of("card", "card.unknown", number)));
    }

    private CardProduct product(Connection connection, long productId) throws SQLException {
        return products.product(connection, productId).orElseThrow(() ->
                new ValidationException(Problem.of("product", "card.product.unknown", Long.toString(productId))));
    }

    private Member member(Connection connection, long memberId) throws SQLException {
        return members.findById(connection, memberId).orElseThrow(() ->
                new ValidationException(Problem.of("member", "member.unknown", Long.toString(memberId))));
    }

    /** {@code at} (a time from a paper log) or now; a time in the future is refused. */
    LocalDateTime when(LocalDateTime at) {
        LocalDateTime now = now();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now)) {
            throw new ValidationException(Problem.of("at", "card.at.future", MemberStore.timeText(at)));
        }
        return at.withNano(0);
    }

    static String reason(String typed) {
        String why = typed == null || typed.isBlank() ? null : typed.strip();
        if (why != null && TextLength.longerThan(why, 200)) {
            throw new ValidationException(Problem.of("reason", "sale.reason.tooLong"));
        }
        return why;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}

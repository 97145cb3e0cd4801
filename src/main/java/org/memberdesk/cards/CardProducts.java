package org.memberdesk.cards;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.TextLength;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreStore;

/**
 * The cards the shop sells (Settings → 会员卡) and the free-amount top-up's bonus ladder: what {@link CardService}
 * sells and tops up with. Each product is checked to make sense for its kind before it is stored. They are the
 * shop's configuration: the owner's ({@link Permission#SETTINGS}), each change one operation log entry.
 */
public final class CardProducts {
    private final Database database;
    private final CardProductStore products;
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;
    private final StoreStore stores;

    public CardProducts(Database database, CardProductStore products, Clock clock, StaffSession session,
                        OperationLog log, StoreStore stores) {
        this.stores = stores;
        this.session = session;
        this.log = log;
        this.database = database;
        this.products = products;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- products

    /**
     * Adds a product after checking it makes sense for its kind; returns its id. A product limited to a store
     * ({@link CardProduct#storeId}) is sold and used there only ({@link StoreLimit}); the store must exist.
     */
    public long addProduct(CardProduct product) {
        session.require(Permission.SETTINGS);
        List<Problem> problems = new ArrayList<>();
        String name = product.name() == null ? "" : product.name().strip();
        if (name.isEmpty() || TextLength.longerThan(name, 60)) {
            problems.add(Problem.of("name", "card.product.name"));
        }
        if (product.priceCents() < 0 || product.priceCents() > PurchaseLimits.CEILING_CENTS) {
            problems.add(Problem.of("price", "card.product.price"));
        }
        if (product.bonusCents() < 0 || product.bonusCents() > PurchaseLimits.CEILING_CENTS) {
            problems.add(Problem.of("bonus", "card.product.bonus"));
        }
        switch (product.kind()) {
            case STORED_VALUE -> {
                if (product.priceCents() <= 0) {
                    problems.add(Problem.of("price", "card.product.storedValuePrice"));
                }
                if (product.sessions() != null || product.days() != null || product.perDay() != null
                        || product.maxFreezes() > 0) {
                    problems.add(Problem.of("kind", "card.product.storedValueOnly"));
                }
            }
            case SESSIONS -> {
                if (product.sessions() == null || product.sessions() < 1 || product.sessions() > 100_000) {
                    problems.add(Problem.of("sessions", "card.product.sessions"));
                }
                checkDays(product, problems);
                if (product.bonusCents() > 0) {
                    problems.add(Problem.of("bonus", "card.product.bonusOnlyStoredValue"));
                }
            }
            case PERIOD -> {
                checkDays(product, problems);
                if (product.sessions() != null) {
                    problems.add(Problem.of("sessions", "card.product.sessionsOnlySessions"));
                }
                if (product.bonusCents() > 0) {
                    problems.add(Problem.of("bonus", "card.product.bonusOnlyStoredValue"));
                }
            }
            default -> throw new IllegalStateException();
        }
        if (product.perDay() != null && (product.perDay() < 1 || product.kind() != CardKind.PERIOD)) {
            problems.add(Problem.of("per_day", "card.product.perDay"));
        }
        if (product.maxFreezes() < 0 || product.maxFreezeDays() < 0 || product.maxFreezeDays() > 3650
                || (product.maxFreezes() > 0) != (product.maxFreezeDays() > 0)) {
            problems.add(Problem.of("freeze", "card.product.freeze"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CardProduct clean = new CardProduct(0, product.kind(), name, product.priceCents(), product.bonusCents(),
                product.sessions(), product.days(), product.perDay(), product.maxFreezes(), product.maxFreezeDays(),
                product.refundable(), product.tierDiscount(), false, product.storeId());
        return database.write(connection -> {
            if (products.productByName(connection, name).isPresent()) {
                throw new ValidationException(Problem.of("name", "card.product.nameTaken", name));
            }
            String only = "";
            if (clean.storeId() != null) {
                java.util.Optional<Store> store = stores.byId(connection, clean.storeId());
                if (store.isEmpty()) {
                    throw new ValidationException(Problem.of("store", "store.unknown", "#" + clean.storeId(),
                            names(connection)));
                }
                only = ", only at " + store.get().name();
            }
            long id = products.insertProduct(connection, clean, now());
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "card product " + name,
                    "added: " + clean.kind().code() + ", "
                            + Money.display(clean.priceCents()) + only));
            return id;
        });
    }

    private static void checkDays(CardProduct product, List<Problem> problems) {
        if (product.days() == null || product.days() < 1 || product.days() > 36_600) {
            problems.add(Problem.of("days", "card.product.days"));
        }
    }

    public List<CardProduct> products() {
        return database.read(products::products);
    }

    /** The shop's stores, store 1 first: more than one, and the editor offers to limit a product to one. */
    public List<Store> storeChoices() {
        return database.read(stores::all);
    }

    private String names(java.sql.Connection connection) throws java.sql.SQLException {
        return String.join(", ", stores.all(connection).stream().map(Store::name).toList());
    }

    /** A product no longer sold: its cards stay as they are. */
    public void archiveProduct(long id, boolean archived) {
        session.require(Permission.SETTINGS);
        database.write(connection -> {
            String name = products.product(connection, id).map(CardProduct::name).orElse("#" + id);
            products.setProductArchived(connection, id, archived);
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "card product " + name,
                    archived ? "sold → no longer sold" : "no longer sold → sold"));
            return null;
        });
    }

    // ---------------------------------------------------------------- the top-up ladder

    /** Replaces the ladder (amount → bonus, cents); a bonus above its amount is refused. */
    public void setTopupSteps(Map<Long, Long> steps) {
        session.require(Permission.SETTINGS);
        for (Map.Entry<Long, Long> step : steps.entrySet()) {
            if (step.getKey() <= 0 || step.getKey() > PurchaseLimits.CEILING_CENTS || step.getValue() < 0
                    || step.getValue() > step.getKey()) {
                throw new ValidationException(Problem.of("steps", "card.topup.step",
                        Money.formatYuan(step.getKey()), Money.formatYuan(step.getValue())));
            }
        }
        database.write(connection -> {
            Map<Long, Long> before = products.topupSteps(connection);
            products.replaceTopupSteps(connection, new TreeMap<>(steps));
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "top-up bonus ladder",
                    ladder(before) + " → " + ladder(new TreeMap<>(steps))));
            return null;
        });
    }

    public Map<Long, Long> topupSteps() {
        return database.read(products::topupSteps);
    }

    /** The bonus the ladder gives a top-up of this amount (shown before saving). */
    public long topupBonus(long amountCents) {
        return StoredValue.topupBonus(amountCents, topupSteps());
    }

    /** A ladder in words: {@code ¥500.00+¥50.00, ¥1,000.00+¥150.00}, or {@code none}. */
    private static String ladder(Map<Long, Long> steps) {
        if (steps.isEmpty()) {
            return "none";
        }
        List<String> shown = new ArrayList<>();
        steps.forEach((amount, bonus) -> shown.add(Money.display(amount) + "+" + Money.display(bonus)));
        return String.join(", ", shown);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}

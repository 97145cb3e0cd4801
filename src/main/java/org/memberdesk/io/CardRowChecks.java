package org.memberdesk.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.OpeningCards;
import org.memberdesk.cards.StoreLimit;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.io.MemberImporter.FieldException;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.purchases.PurchaseLimits;

/**
 * Reads and checks one row of a cards file: the product (by its name) says which columns the card needs — stored
 * value: principal (bonus optional); a session card: sessions_left and its dates; a pass: its dates — and the
 * columns that do not belong to its kind must be empty (a value there means the row was meant for another product,
 * so it is not guessed). In a chain, a store column says where each card was sold (its name as the purchase import
 * reads it, {@link StoreNames}); without one, this computer's store. A card whose product is limited to another
 * store is not brought in there ({@link StoreLimit}). Every problem of the row is named, not only the first. Runs on
 * the reading thread.
 */
final class CardRowChecks {
    /** More sessions than any card sells: a number this large is a misplaced column (a phone, an amount). */
    static final int MAX_SESSIONS = 100_000;

    private final Map<String, CardProduct> products;
    private final Dates dates;
    private final StoreNames stores;
    /** Whether the file has a store column (read by its header only in a chain, or mapped by a person). */
    private final boolean storeColumn;
    /** This computer's store: where a line that names none was sold. */
    private final long here;

    CardRowChecks(Map<String, CardProduct> products, Dates dates, StoreNames stores, boolean storeColumn,
                  long here) {
        this.products = Map.copyOf(products);
        this.dates = dates;
        this.stores = stores;
        this.storeColumn = storeColumn;
        this.here = here;
    }

    /**
     * One row of the file, read and checked: the card (its member id still -1, looked up by the writer) and the
     * member number, or the row's problems.
     */
    record CardRow(ImportRow source, String memberNo, OpeningCards.Opening card, List<Rejection> problems) {
        long row() {
            return source.number();
        }

        long line() {
            return source.line();
        }
    }

    CardRow check(ImportRow row, FieldColumns columns) {
        if (row.unreadable() != null) {
            return rejected(row, "row", row.unreadable());
        }
        if (row.size() != columns.header().size()) {
            return rejected(row, "row", Problem.of("row", "import.row.columns", row.size(), columns.header().size()));
        }
        List<Problem> problems = new ArrayList<>();
        String memberNo = row.get(columns.index("member_no"));
        if (memberNo.isEmpty()) {
            problems.add(Problem.of("member_no", "cards.import.memberMissing"));
        }
        String productName = row.get(columns.index("product"));
        CardProduct product = productName.isEmpty() ? null : products.get(productName);
        if (productName.isEmpty()) {
            problems.add(Problem.of("product", "cards.import.productMissing"));
        } else if (product == null) {
            problems.add(Problem.of("product", "cards.import.productUnknown", productName));
        }
        Long principal = money(row, columns, "principal", problems);
        Long bonus = money(row, columns, "bonus", problems);
        Long paid = money(row, columns, "paid", problems);
        Integer sessions = sessions(row, columns, problems);
        LocalDate from = date(row, columns, "valid_from", problems);
        LocalDate to = date(row, columns, "valid_to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(Problem.of("valid_to", "cards.import.dates", from.toString(), to.toString()));
        }
        Long storeId = store(row, columns, problems);
        if (product != null) {
            kindRules(row, columns, product, problems);
            if (storeId != null) {
                Problem elsewhere = StoreLimit.refusalAt(product, storeId, stores::store);
                if (elsewhere != null) {
                    problems.add(elsewhere);
                }
            }
        }
        if (!problems.isEmpty()) {
            List<Rejection> rejections = new ArrayList<>();
            for (Problem problem : problems) {
                rejections.add(new Rejection(row.line(), problem.field(), problem, row.values()));
            }
            return new CardRow(row, memberNo, null, rejections);
        }
        boolean storedValue = product.kind() == CardKind.STORED_VALUE;
        long principalCents = principal == null ? 0 : principal;
        // stored value: what was paid is the principal (a refund pays it back); a session card or pass brought
        // over is worth what the file's paid column says, else nothing (a refund of it then pays nothing back)
        long paidCents = storedValue ? principalCents : paid == null ? 0 : paid;
        return new CardRow(row, memberNo, new OpeningCards.Opening(-1, product, paidCents, principalCents,
                bonus == null ? 0 : bonus, sessions, from, to, storeId), List.of());
    }

    /** The store the line's card was sold in: the store column's, else this computer's; null for no such store. */
    private Long store(ImportRow row, FieldColumns columns, List<Problem> problems) {
        if (!storeColumn) {
            return here;
        }
        try {
            Long named = stores.idOf(row.get(columns.index(StoreNames.FIELD)));
            return named == null ? here : named;
        } catch (FieldException e) {
            problems.add(e.problem);
            return null;
        }
    }

    /** Which columns the product's kind needs, and which must stay empty. */
    private static void kindRules(ImportRow row, FieldColumns columns, CardProduct product,
                                  List<Problem> problems) {
        List<String> needed;
        List<String> none;
        switch (product.kind()) {
            case STORED_VALUE -> {
                needed = List.of("principal");
                none = List.of("sessions_left", "valid_from", "valid_to", "paid");
            }
            case SESSIONS -> {
                needed = List.of("sessions_left", "valid_from", "valid_to");
                none = List.of("principal", "bonus");
            }
            default -> {
                needed = List.of("valid_from", "valid_to");
                none = List.of("principal", "bonus", "sessions_left");
            }
        }
        for (String field : needed) {
            if (row.get(columns.index(field)).isEmpty()) {
                problems.add(Problem.of(field, "cards.import.required", field, product.name()));
            }
        }
        for (String field : none) {
            boolean named = problems.stream().anyMatch(p -> p.field().equals(field)); // once per column is enough
            if (!named && !row.get(columns.index(field)).isEmpty()) {
                problems.add(Problem.of(field, "cards.import.notFor", field, product.name()));
            }
        }
    }

    /** An amount in yuan, ≥ 0 and within the ceiling any money in MemberDesk has; null when empty or bad. */
    private static Long money(ImportRow row, FieldColumns columns, String field, List<Problem> problems) {
        String raw = row.get(columns.index(field));
        if (raw.isEmpty()) {
            return null;
        }
        if (Money.hasDecimalComma(raw)) {
            problems.add(Problem.of(field, "import.amount.decimalComma", raw));
            return null;
        }
        long cents;
        try {
            cents = MemberImporter.field(field, "import.amount.invalid", raw, Money::parseYuan);
        } catch (FieldException e) {
            problems.add(e.problem);
            return null;
        }
        if (cents < 0) {
            problems.add(Problem.of(field, "cards.import.negative", field, raw));
            return null;
        }
        if (cents > PurchaseLimits.CEILING_CENTS) {
            problems.add(Problem.of(field, "cards.import.tooLarge", field, raw,
                    Money.display(PurchaseLimits.CEILING_CENTS)));
            return null;
        }
        return cents;
    }

    private static Integer sessions(ImportRow row, FieldColumns columns, List<Problem> problems) {
        String raw = row.get(columns.index("sessions_left"));
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int sessions = Integer.parseInt(raw);
            if (sessions >= 1 && sessions <= MAX_SESSIONS) {
                return sessions;
            }
        } catch (NumberFormatException e) {
            // said below, as any other bad number
        }
        problems.add(Problem.of("sessions_left", "cards.import.sessions", raw, MAX_SESSIONS));
        return null;
    }

    private LocalDate date(ImportRow row, FieldColumns columns, String field, List<Problem> problems) {
        String raw = row.get(columns.index(field));
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return dates.date(field, raw);
        } catch (FieldException e) {
            problems.add(e.problem);
            return null;
        }
    }

    private static CardRow rejected(ImportRow row, String field, Problem problem) {
        return new CardRow(row, null, null, List.of(new Rejection(row.line(), field, problem, row.values())));
    }
}

package org.memberdesk.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.io.MemberImporter.FieldException;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/** Reads and checks the rows of one purchase of the file: its number, time, member and lines. */
final class PurchaseRowChecks {
    /** The number given to the return lines of a purchase that also has sale lines: {@code 536365-R}. */
    static final String SPLIT_RETURN_SUFFIX = "-R";

    private PurchaseRowChecks() {
    }

    /**
     * How the rows of this file are read beyond their columns.
     *
     * @param defaultItem  the item name of every line when the file has no item column (Settings), else null
     * @param allowReturns whether return lines (a negative quantity or amount) are taken ({@code --allow-returns})
     * @param dates        how the file writes its times ({@code --date-format})
     * @param rowNumbers   the numbers of a file without a purchase number column (one purchase per row), else null
     * @param stores       the stores a store column's names are looked up in; null when the file has no store column
     */
    record Rules(String defaultItem, boolean allowReturns, Dates dates, RowNumbers rowNumbers, StoreNames stores) {
    }

    /**
     * Reads and checks one purchase's rows. The draft's member id stays -1 for the caller to look up
     * ({@link CheckedPurchase#resolved}). Lines with a negative quantity or amount are return lines: a purchase of
     * only such lines is a return (a cancellation invoice); a purchase that mixes them with sale lines is stored as
     * its sale, and its return lines as a return of that sale numbered {@code <number>-R}.
     */
    static CheckedPurchase check(PurchaseRows group, FieldColumns columns, Rules rules) {
        List<PurchaseLine> sales = new ArrayList<>();
        List<PurchaseLine> returns = new ArrayList<>();
        List<PurchaseLine> inFileOrder = new ArrayList<>();
        LocalDateTime time = null;
        String memberNo = null;
        String phone = null;
        // the store the purchase's first row names (null: this computer's); a later row's other name is not read
        Long storeId = null;
        boolean storeRead = false;
        List<Rejection> bad = new ArrayList<>();
        for (ImportRow row : group.rows) {
            if (row.unreadable() != null) {
                bad.add(new Rejection(row.line(), "row", row.unreadable(), row.values()));
                continue;
            }
            if (row.size() != columns.header().size()) {
                bad.add(new Rejection(row.line(), "row", Problem.of("row", "import.row.columns", row.size(),
                        columns.header().size()), row.values()));
                continue;
            }
            try {
                if (group.purchaseNo.isEmpty()) {
                    throw new FieldException(Problem.of("purchase_no", "purchase.number.missing"));
                }
                LocalDateTime rowTime = time(rules.dates(), row.get(columns.index("time")));
                time = time == null ? rowTime : time;
                memberNo = memberNo != null ? memberNo : memberNo(row, columns);
                phone = phone != null ? phone : phone(row, columns);
                if (!storeRead && rules.stores() != null) {
                    storeId = rules.stores().idOf(row.get(columns.index(StoreNames.FIELD)));
                    storeRead = true;
                }
                ReadLine line = line(row, columns, rules.defaultItem());
                if (line.isReturn() && !rules.allowReturns()) {
                    throw new FieldException(Problem.of(line.negativeField(), "import.return.notAllowed"));
                }
                (line.isReturn() ? returns : sales).add(line.line());
                inFileOrder.add(line.line());
            } catch (FieldException e) {
                bad.add(new Rejection(row.line(), e.problem.field(), e.problem, row.values()));
            }
        }
        if (bad.isEmpty() && memberNo == null && phone == null) {
            ImportRow first = group.rows.get(0);
            bad.add(new Rejection(first.line(), "member_no", Problem.of("member_no", "import.member.missing"),
                    first.values()));
        }
        if (!bad.isEmpty()) {
            return new CheckedPurchase(group, null, null, bad, memberNo, phone, List.of());
        }
        String refundOf = PurchaseRowChecks.emptyToNull(WholeNumbers.of(group.rows.get(0).get(columns.index("refund_of"))));
        if (sales.isEmpty() || returns.isEmpty()) {
            return new CheckedPurchase(group, new PurchaseDraft(group.purchaseNo, -1, time,
                    sales.isEmpty() ? returns : sales, refundOf).atStore(storeId), null, bad, memberNo, phone,
                    inFileOrder);
        }
        // an exchange on one receipt: the sale as sold, the lines given back as a return of it, so revenue is net
        return new CheckedPurchase(group, new PurchaseDraft(group.purchaseNo, -1, time, sales, null).atStore(storeId),
                new PurchaseDraft(group.purchaseNo + SPLIT_RETURN_SUFFIX, -1, time, returns,
                        refundOf != null ? refundOf : group.purchaseNo).atStore(storeId), bad, memberNo, phone,
                inFileOrder);
    }

    /** A row's time; one place, so the rows' earliest dates ({@link JoinDates}) read them as the purchases do. */
    static LocalDateTime time(Dates dates, String raw) {
        if (raw.isEmpty()) {
            throw new FieldException(Problem.of("time", "purchase.time.missing"));
        }
        return dates.dateTime("time", raw);
    }

    static String memberNo(ImportRow row, FieldColumns columns) {
        return emptyToNull(WholeNumbers.of(row.get(columns.index("member_no"))));
    }

    static String phone(ImportRow row, FieldColumns columns) {
        return emptyToNull(WholeNumbers.of(row.get(columns.index("phone"))));
    }

    /** A line as read, and whether it gives goods back (which column said so, for the report). */
    private record ReadLine(PurchaseLine line, boolean isReturn, String negativeField) {
    }

    private static ReadLine line(ImportRow row, FieldColumns columns, String defaultItem) {
        String item = defaultItem != null ? defaultItem : row.get(columns.index("item"));
        String rawQuantity = WholeNumbers.of(row.get(columns.index("quantity")));
        int quantity = rawQuantity.isEmpty() ? 1
                : MemberImporter.field("quantity", "import.quantity.invalid", rawQuantity, PurchaseRowChecks::quantity);
        String rawAmount = row.get(columns.index("amount"));
        long amount;
        if (!rawAmount.isEmpty()) {
            amount = yuan("amount", rawAmount);
        } else {
            String rawPrice = row.get(columns.index("unit_price"));
            if (rawPrice.isEmpty()) {
                throw new FieldException(Problem.of("amount", "import.amount.missing"));
            }
            amount = priceTimesQuantity(rawPrice, Math.abs(quantity));
        }
        boolean isReturn = quantity < 0 || amount < 0;
        long cents = isReturn ? -Math.abs(amount) : amount;
        return new ReadLine(new PurchaseLine(item.isEmpty() ? null : item, Math.abs(quantity), cents), isReturn,
                quantity < 0 ? "quantity" : "amount");
    }

    /**
     * Unit price × quantity, rounded half-up to the cent for this line alone (3 × ¥0.001 = ¥0.003 → ¥0.00). A price
     * in whole cents multiplies exactly as cents; only a price with more decimals goes through BigDecimal.
     */
    static long priceTimesQuantity(String rawPrice, int quantity) {
        try {
            if (!Money.hasSubCents(rawPrice)) {
                return Math.multiplyExact(yuan("unit_price", rawPrice), quantity);
            }
            if (Money.hasDecimalComma(rawPrice)) {
                throw new FieldException(Problem.of("unit_price", "import.amount.decimalComma", rawPrice));
            }
            BigDecimal price = MemberImporter.field("unit_price", "import.amount.invalid", rawPrice,
                    Money::parseYuanExact);
            return price.multiply(BigDecimal.valueOf(quantity)).movePointRight(2)
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            // beyond any bound a shop can set: say what was multiplied (the bounds check the rest)
            throw new FieldException(Problem.of("amount", "purchase.limit.overflow", rawPrice, quantity));
        }
    }

    /** An amount in yuan; a decimal comma ({@code 12,50}) is named as such, not as "not an amount". */
    private static long yuan(String field, String raw) {
        if (Money.hasDecimalComma(raw)) {
            throw new FieldException(Problem.of(field, "import.amount.decimalComma", raw));
        }
        return MemberImporter.field(field, "import.amount.invalid", raw, Money::parseYuan);
    }

    /** A whole number other than 0; below zero it is a return line's (its size is what was given back). */
    private static int quantity(String text) {
        int quantity = Integer.parseInt(text.strip());
        if (quantity == 0 || quantity == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("quantity must not be 0");
        }
        return quantity;
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

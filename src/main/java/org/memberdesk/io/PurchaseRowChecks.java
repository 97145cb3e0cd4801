package org.memberdesk.io;

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
    private PurchaseRowChecks() {
    }

    /**
     * Reads and checks one purchase's rows. The draft's member id stays -1 for the caller to look up
     * ({@link CheckedPurchase#resolved}).
     */
    static CheckedPurchase check(PurchaseRows group, FieldColumns columns, Dates dates) {
        List<PurchaseLine> lines = new ArrayList<>();
        LocalDateTime time = null;
        String memberNo = null;
        String phone = null;
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
                String rawTime = row.get(columns.index("time"));
                if (rawTime.isEmpty()) {
                    throw new FieldException(Problem.of("time", "purchase.time.missing"));
                }
                LocalDateTime rowTime = dates.dateTime("time", rawTime);
                time = time == null ? rowTime : time;
                memberNo = memberNo != null ? memberNo : emptyToNull(row.get(columns.index("member_no")));
                phone = phone != null ? phone : emptyToNull(row.get(columns.index("phone")));
                lines.add(line(row, columns));
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
            return new CheckedPurchase(group, null, bad, memberNo, phone);
        }
        return new CheckedPurchase(group, new PurchaseDraft(group.purchaseNo, -1, time, lines,
                emptyToNull(group.rows.get(0).get(columns.index("refund_of")))), bad, memberNo, phone);
    }

    private static PurchaseLine line(ImportRow row, FieldColumns columns) {
        String item = row.get(columns.index("item"));
        String rawQuantity = row.get(columns.index("quantity"));
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
            try {
                amount = Math.multiplyExact(yuan("unit_price", rawPrice), quantity);
            } catch (ArithmeticException e) {
                // beyond any bound a shop can set: say what was multiplied (the bounds check the rest)
                throw new FieldException(Problem.of("amount", "purchase.limit.overflow", rawPrice, quantity));
            }
        }
        return new PurchaseLine(item.isEmpty() ? null : item, quantity, amount);
    }

    /** An amount in yuan; a decimal comma ({@code 12,50}) is named as such, not as "not an amount". */
    private static long yuan(String field, String raw) {
        if (Money.hasDecimalComma(raw)) {
            throw new FieldException(Problem.of(field, "import.amount.decimalComma", raw));
        }
        return MemberImporter.field(field, "import.amount.invalid", raw, Money::parseYuan);
    }

    private static int quantity(String text) {
        int quantity = Integer.parseInt(text.strip());
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        return quantity;
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

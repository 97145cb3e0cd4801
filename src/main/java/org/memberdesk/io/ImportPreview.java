package org.memberdesk.io;

import java.util.List;

/**
 * The first rows of an import file as the import would store them, or why each would be rejected — read with the
 * import's own row checks and nothing written ({@link MemberImporter#preview}, {@link PurchaseImporter#preview},
 * {@link CardImporter#preview}).
 *
 * @param columns what each row's values are, by field name: for purchases {@code member_no, time, item, quantity,
 *                amount}; for members {@code member_no, name, phone, join_date}; for cards {@code member_no,
 *                product, principal, bonus, sessions_left, valid_from, valid_to}
 * @param rows    one per row of the file, in file order
 */
public record ImportPreview(List<String> columns, List<Row> rows) {
    public static final List<String> PURCHASE_COLUMNS = List.of("member_no", "time", "item", "quantity", "amount");
    public static final List<String> MEMBER_COLUMNS = List.of("member_no", "name", "phone", "join_date");
    public static final List<String> CARD_COLUMNS = List.of("member_no", "product", "principal", "bonus",
            "sessions_left", "valid_from", "valid_to");

    public ImportPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** What becomes of one row of the file. */
    public enum Outcome {
        /** Stored as shown. */
        STORED,
        /** Stored as shown, with a member made for it ({@code --create-members}). */
        NEW_MEMBER,
        /** Already in the shop: counted as a duplicate, nothing changes. */
        DUPLICATE,
        /** Rejected: {@link Row#reason()} says why. */
        REJECTED
    }

    /**
     * One row of the file.
     *
     * @param line     its line in the file (the header is line 1), as the reject report names it
     * @param values   the values as they would be stored, in the order of {@link #columns()}, for a person to read
     *                 (amounts as yuan, dates and times as stored); empty when the row is rejected
     * @param isReturn a purchase line that gives money back
     * @param reason   why it would be rejected, in the reject report's words; null when it is not
     */
    public record Row(long line, List<String> values, boolean isReturn, Outcome outcome, String reason) {
        public Row {
            values = List.copyOf(values);
        }
    }
}

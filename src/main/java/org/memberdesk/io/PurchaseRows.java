package org.memberdesk.io;

import java.util.ArrayList;
import java.util.List;

/** The rows of one purchase number, waiting to be stored together. */
final class PurchaseRows {
    final String purchaseNo;
    final List<ImportRow> rows = new ArrayList<>();

    private PurchaseRows(String purchaseNo) {
        this.purchaseNo = purchaseNo;
    }

    /**
     * The rows of the purchase starting at {@code pending[0]}; leaves the next purchase's first row there. A file
     * without a purchase number column ({@code rowNumbers} given) has one purchase per row, numbered by its content.
     */
    static PurchaseRows next(ImportSource source, ImportRow[] pending, FieldColumns columns, RowNumbers rowNumbers) {
        if (rowNumbers != null) {
            PurchaseRows single = new PurchaseRows(rowNumbers.numberOf(pending[0]));
            single.rows.add(pending[0]);
            pending[0] = source.next();
            return single;
        }
        int column = columns.index("purchase_no");
        PurchaseRows group = new PurchaseRows(WholeNumbers.of(pending[0].get(column)));
        group.rows.add(pending[0]);
        ImportRow row;
        while ((row = source.next()) != null && !group.purchaseNo.isEmpty()
                && group.purchaseNo.equals(WholeNumbers.of(row.get(column)))) {
            group.rows.add(row);
        }
        pending[0] = row;
        return group;
    }

    /**
     * What makes the group one purchase for the duplicates count: its number and the member its first row names
     * (a number another member's purchase already has is a purchase of its own, refused as a duplicate).
     */
    String countKey(String number, FieldColumns columns) {
        ImportRow first = rows.get(0);
        return number + '\u0000' + PurchaseRowChecks.memberNo(first, columns) + '\u0000'
                + PurchaseRowChecks.phone(first, columns);
    }

    /** Whether an earlier run of this file stored the group; a group is stored or rejected whole, never in part. */
    boolean storedBefore(ImportedRows done) {
        if (done.isEmpty()) {
            return false;
        }
        for (ImportRow row : rows) {
            if (!done.contains(row.number())) {
                return false;
            }
        }
        return true;
    }

    /** Adds the rows of a purchase that took effect (stored, completed or already there) to the batch's ranges. */
    void tookEffect(ImportedRows.Ranges ranges) {
        for (ImportRow row : rows) {
            ranges.add(row.number());
        }
    }
}

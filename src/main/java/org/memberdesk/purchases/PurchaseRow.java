package org.memberdesk.purchases;

import java.time.LocalDateTime;
import org.memberdesk.stores.Store;

/**
 * A purchase as listed on the purchases screen: with its member's number and name and a one-line item summary;
 * a return also names the sale it gave back ({@code refundOfNo}, null when the return does not say). {@code storeId}:
 * the store it was made in (a chain's list shows it; store 1 in a single shop).
 */
public record PurchaseRow(long id, String purchaseNo, LocalDateTime time, String memberNo, String memberName,
                         String items, long totalCents, boolean isReturn, String refundOfNo, long storeId) {

    public PurchaseRow(long id, String purchaseNo, LocalDateTime time, String memberNo, String memberName,
                       String items, long totalCents, boolean isReturn) {
        this(id, purchaseNo, time, memberNo, memberName, items, totalCents, isReturn, null, Store.MAIN);
    }
}

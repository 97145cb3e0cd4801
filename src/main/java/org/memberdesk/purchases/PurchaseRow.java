package org.memberdesk.purchases;

import java.time.LocalDateTime;

/**
 * A purchase as listed on the purchases screen: with its member's number and name and a one-line item summary;
 * a return also names the sale it gave back ({@code refundOfNo}, null when the return does not say).
 */
public record PurchaseRow(long id, String purchaseNo, LocalDateTime time, String memberNo, String memberName,
                         String items, long totalCents, boolean isReturn, String refundOfNo) {

    public PurchaseRow(long id, String purchaseNo, LocalDateTime time, String memberNo, String memberName,
                       String items, long totalCents, boolean isReturn) {
        this(id, purchaseNo, time, memberNo, memberName, items, totalCents, isReturn, null);
    }
}

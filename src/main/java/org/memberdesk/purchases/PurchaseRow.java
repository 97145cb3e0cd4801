package org.memberdesk.purchases;

import java.time.LocalDateTime;

/** A purchase as listed on the purchases screen: with its member's number and name and a one-line item summary. */
public record PurchaseRow(long id, String purchaseNo, LocalDateTime time, String memberNo, String memberName,
                         String items, long totalCents, boolean isReturn) {
}

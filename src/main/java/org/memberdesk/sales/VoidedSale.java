package org.memberdesk.sales;

import java.time.LocalDateTime;

/** A voided sale as the purchases screen and the command line show it: what it was, and who voided it, when, why. */
public record VoidedSale(String purchaseNo, long memberId, LocalDateTime time, long totalCents, LocalDateTime voidedAt,
                         String voidedBy, String reason) {
}

package org.memberdesk.coupons.print;

import java.time.LocalDate;

/** One coupon as printed: the phone is already masked (138****1234), so a full number never reaches paper. */
public record PrintRow(String memberNo, String name, String maskedPhone, String tier, String code,
                       LocalDate validFrom, LocalDate validTo) {
}

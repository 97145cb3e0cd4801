package org.memberdesk.cards;

import java.time.LocalDateTime;

/** A check-in: when, and the card it used (null card for a visit recorded without one). */
public record Visit(long id, long memberId, LocalDateTime time, String cardNo, String productName) {
}

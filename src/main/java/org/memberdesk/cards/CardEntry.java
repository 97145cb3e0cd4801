package org.memberdesk.cards;

import java.time.LocalDateTime;

/** One line of a card's history: what changed, by how much, and the sale it belongs to (its number), if any. */
public record CardEntry(long id, LocalDateTime time, String kind, long principalCents, long bonusCents, int sessions,
                        String purchaseNo, String note) {
}

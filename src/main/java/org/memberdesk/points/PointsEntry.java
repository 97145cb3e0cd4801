package org.memberdesk.points;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One line of a member's points ledger. Positive earn and adjust entries are batches: they carry
 * the day they stop being usable ({@code expiresOn}, null for never) and what is left of them.
 */
public record PointsEntry(long id, long memberId, LocalDateTime time, Kind kind, long points, String purchaseNo,
                          String reason, String operator, String rewardName, LocalDate expiresOn, Long remaining) {

    public enum Kind {
        EARN, REDEEM, EXPIRE, ADJUST, REVERSE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}

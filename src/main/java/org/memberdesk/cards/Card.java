package org.memberdesk.cards;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A member's card as it stands. Dates are days, both ends included: a pass sold for 30 days from 1 November is
 * valid from 1 to 30 November. {@code validTo} already includes the days it was frozen. Stored-value cards have no
 * dates; the balances are the sum of the card's entries.
 *
 * @param purchaseId the sale that sold it (null: stored value, or an opening balance)
 * @param paidCents  what was really paid for it (refunds are computed from this)
 * @param frozenFrom the first day of the freeze in force or planned (null: none)
 * @param frozenTo   its last day
 * @param onlyStoreId the store its product is limited to (null: every store; {@link StoreLimit})
 */
public record Card(long id, String cardNo, long memberId, long productId, String productName, CardKind kind,
                   Long purchaseId, long paidCents, LocalDateTime soldAt, LocalDate validFrom, LocalDate validTo,
                   Integer perDay, Integer sessionsSold, Integer sessionsLeft, long principalCents, long bonusCents,
                   LocalDate usedUpOn, LocalDateTime refundedAt, LocalDate frozenFrom, LocalDate frozenTo,
                   Long onlyStoreId) {

    public boolean refunded() {
        return refundedAt != null;
    }

    /** Valid on this day: started, not ended, not refunded (a frozen card is still valid, it is only paused). */
    public boolean validOn(LocalDate day) {
        if (refunded()) {
            return false;
        }
        if (kind == CardKind.STORED_VALUE) {
            return true;
        }
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    public boolean frozenOn(LocalDate day) {
        return frozenFrom != null && !day.isBefore(frozenFrom) && !day.isAfter(frozenTo);
    }

    /** Principal and bonus together: what the member can spend. */
    public long balanceCents() {
        return Math.addExact(principalCents, bonusCents);
    }
}

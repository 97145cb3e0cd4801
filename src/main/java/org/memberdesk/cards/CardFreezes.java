package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.memberdesk.common.Counted;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;

/**
 * Freezes (请假) of a card, inside {@link CardService}'s transaction: the checks against the product's allowance,
 * the freeze stored, and its operation log entry (valid-to before → after). Kept apart so the card service stays
 * readable; the permission is checked by the service before the transaction opens.
 */
final class CardFreezes {
    private final CardStore store;
    private final OperationLog log;

    CardFreezes(CardStore store, OperationLog log) {
        this.store = store;
        this.log = log;
    }

    /** Freezes {@code card} from {@code first} for {@code days}; {@code by} is kept with the freeze. */
    Card freeze(Connection connection, Card card, CardProduct product, LocalDate first, int days, String why,
                String by, LocalDateTime when) throws SQLException {
        if (card.kind() == CardKind.STORED_VALUE || product.maxFreezes() == 0) {
            throw new ValidationException(Problem.of("card", "card.freeze.notAllowed", product.name()));
        }
        if (card.refunded()) {
            throw new ValidationException(Problem.of("card", "card.refunded", card.cardNo()));
        }
        if (days < 1) {
            throw new ValidationException(Problem.of("days", "card.freeze.days"));
        }
        if (first.isAfter(card.validTo()) || first.isBefore(when.toLocalDate().minusDays(31))) {
            throw new ValidationException(Problem.of("from", "card.freeze.outside", card.validTo().toString()));
        }
        if (card.frozenFrom() != null && !card.frozenTo().isBefore(first)) {
            throw new ValidationException(Problem.of("card", "card.freeze.already",
                    card.frozenFrom().toString(), card.frozenTo().toString()));
        }
        CardStore.FreezesSoFar soFar = store.freezesSoFar(connection, card.id());
        if (soFar.times() >= product.maxFreezes()) {
            throw new ValidationException(Problem.of("card", "card.freeze.times", product.maxFreezes()));
        }
        if (soFar.days() + (long) days > product.maxFreezeDays()) {
            throw new ValidationException(Problem.of("days", "card.freeze.daysLeft",
                    product.maxFreezeDays() - soFar.days(), product.maxFreezeDays()));
        }
        store.insertFreeze(connection, card.id(), first, days, why, when, by);
        Card after = store.byId(connection, card.id()).orElseThrow();
        log.record(connection, OperationLog.Entry.of(Operation.FREEZE, card.memberId(), card.cardNo(),
                "frozen from " + first + " for " + Counted.of(days, "day") + "; valid to " + card.validTo() + " → "
                        + after.validTo()).because(why));
        return after;
    }

    /** Ends the card's freeze on {@code when}'s day (the days before stay frozen, the rest are given back). */
    Card unfreeze(Connection connection, Card card, LocalDateTime when) throws SQLException {
        List<Freeze> freezes = store.freezes(connection, card.id());
        Freeze open = freezes.stream().filter(f -> f.endedAt() == null).reduce((a, b) -> b).orElse(null);
        LocalDate today = when.toLocalDate();
        if (open == null || today.isAfter(open.lastDay())) {
            throw new ValidationException(Problem.of("card", "card.unfreeze.none", card.cardNo()));
        }
        int frozen = (int) Math.max(0, ChronoUnit.DAYS.between(open.from(), today));
        store.endFreeze(connection, card.id(), open, frozen, when);
        Card after = store.byId(connection, card.id()).orElseThrow();
        log.record(connection, OperationLog.Entry.of(Operation.UNFREEZE, card.memberId(), card.cardNo(),
                "freeze of " + open.from() + " ended after " + frozen + " of " + Counted.of(open.days(), "day")
                        + "; valid to "
                        + card.validTo() + " → " + after.validTo()));
        return after;
    }
}

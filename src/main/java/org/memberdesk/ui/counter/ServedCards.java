package org.memberdesk.ui.counter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * The served member's cards that still count (stored value not refunded; session cards and passes not yet ended,
 * used up or refunded), read in the background whenever the member changes or a card moved. Only the answer for
 * the member served now is kept.
 */
final class ServedCards {
    private final UiContext context;
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private long servedId = -1;

    ServedCards(UiContext context) {
        this.context = context;
    }

    ObservableList<Card> cards() {
        return cards;
    }

    void load(long memberId) {
        servedId = memberId;
        context.tasks().execute(BackgroundTask.of(() -> context.app().cards().cards(memberId))
                .onSuccess(found -> {
                    if (servedId == memberId) {
                        LocalDate today = LocalDate.now(context.app().clock());
                        cards.setAll(found.stream().filter(card -> counts(card, today)).toList());
                    }
                }).onFailure(error -> { }));
    }

    void clear() {
        servedId = -1;
        cards.clear();
    }

    /** The card stored value is paid from, as the service chooses it: the one with the most on it. */
    Optional<Card> storedValue() {
        return cards.stream().filter(card -> card.kind() == CardKind.STORED_VALUE)
                .max(Comparator.comparingLong(Card::balanceCents)
                        .thenComparing(Card::id, Comparator.reverseOrder()));
    }

    static boolean counts(Card card, LocalDate today) {
        if (card.refunded()) {
            return false;
        }
        if (card.kind() == CardKind.STORED_VALUE) {
            return true;
        }
        boolean usedUp = card.kind() == CardKind.SESSIONS && card.sessionsLeft() != null && card.sessionsLeft() <= 0;
        return !usedUp && !today.isAfter(card.validTo());
    }

    static List<Card> sorted(List<Card> cards) {
        return cards.stream().sorted(Comparator.comparing(Card::kind).thenComparing(Card::validTo,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}

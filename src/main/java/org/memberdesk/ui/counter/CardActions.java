package org.memberdesk.ui.counter;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.memberdesk.cards.Card;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.UiContext;

/**
 * The counter's card dialogs for the member served: F4 sells a card, F5 tops up their stored value — or, when they
 * have none yet, offers the stored-value packages instead. Without a member, the keyboard goes to the lookup.
 */
final class CardActions {
    private final UiContext context;
    private final CounterViewModel model;
    private final Supplier<Window> owner;

    CardActions(UiContext context, CounterViewModel model, Supplier<Window> owner) {
        this.context = context;
        this.model = model;
        this.owner = owner;
    }

    void sellCard() {
        served().ifPresent(member -> sell(member, false));
    }

    void topUp() {
        served().ifPresent(member -> {
            Optional<Card> card = model.cards().storedValue();
            if (card.isEmpty()) {
                sell(member, true);
                return;
            }
            new TopUpDialog(owner.get(), context, member, card.get()).showAndWait().ifPresent(done ->
                    model.cardsMoved(member.id(), done, null));
        });
    }

    private void sell(Member member, boolean storedValueOnly) {
        List<Card> held = List.copyOf(model.cards().held());
        new CardSaleDialog(owner.get(), context, member, held, storedValueOnly).showAndWait().ifPresent(sold ->
                model.cardsMoved(member.id(), sold.card(),
                        sold.points().isEmpty() ? null : new SaleAnnouncement(sold.points(), sold.progress())));
    }

    private Optional<Member> served() {
        Member member = model.memberProperty().get();
        if (member == null) {
            model.memberMissing();
        }
        return Optional.ofNullable(member);
    }
}

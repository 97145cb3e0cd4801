package org.memberdesk.ui.counter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Payment;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import java.time.Clock;
import org.memberdesk.cards.CardService;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The counter's part of member cards. The served member's cards that still count (stored value not refunded;
 * session cards and passes not yet ended, used up or refunded), read in the background whenever the member
 * changes or a card moved; only the answer for the member served now is kept. And how the sale is paid (cash
 * unless the cashier chooses otherwise) with, when stored value pays, what it takes before anything is saved: the
 * card's balance and this sale's principal and bonus parts ({@code CardService.planPayment} on the amount due
 * after the tier discount and the coupon) — or, when the balance is short, the refusal the sale would get.
 */
public final class CounterCards {
    private final CardService cardService;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObservableList<Card> held = FXCollections.observableArrayList();
    private final ObjectProperty<Pay> pay = new SimpleObjectProperty<>(Pay.CASH);
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private long servedId = -1;
    private Optional<Card> storedValue = Optional.empty();
    private long latest;

    /** {@code due}: what the sale asks now; the plan follows it, the way to pay and the member. */
    CounterCards(CardService cardService, Clock clock, TaskExecutor tasks, Messages messages,
                 ReadOnlyObjectProperty<Member> member, LongBinding due) {
        this.cardService = cardService;
        this.clock = clock;
        this.tasks = tasks;
        this.messages = messages;
        InvalidationListener replan = obs -> replan(member.get(), due.get());
        for (javafx.beans.Observable asked : List.of(due, pay, member)) {
            asked.addListener(replan);
        }
    }

    /** The served member's cards that still count; empty while nobody is served. */
    public ObservableList<Card> held() {
        return held;
    }

    /**
     * The card stored value is paid from and topped up here, as the service chooses it ({@code
     * CardService.storedValueCard}: the one with the most on it among those that work in this computer's store);
     * read with the held cards, so a card limited to another store is never offered for a top-up to be refused.
     */
    public Optional<Card> storedValue() {
        return storedValue;
    }

    /** How this sale is paid: cash unless chosen otherwise; back to cash after each sale. */
    public ObjectProperty<Pay> payProperty() {
        return pay;
    }

    /** When stored value pays: the balance and this sale's principal and bonus parts, or why it cannot. */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    void load(long memberId) {
        servedId = memberId;
        tasks.execute(BackgroundTask.of(() -> cardService.held(memberId))
                .onSuccess(found -> {
                    if (servedId == memberId) {
                        LocalDate today = LocalDate.now(clock);
                        storedValue = found.storedValue();
                        held.setAll(found.cards().stream().filter(card -> counts(card, today)).toList());
                    }
                }).onFailure(error -> { }));
    }

    /** Nobody served: no cards, and cash for the next customer. */
    void clear() {
        servedId = -1;
        storedValue = Optional.empty();
        held.clear();
        pay.set(Pay.CASH);
    }

    /** Back to cash for the next customer. */
    void reset() {
        pay.set(Pay.CASH);
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

    /** Stored value first, then passes and session cards by the day they end. */
    static List<Card> sorted(List<Card> cards) {
        return cards.stream().sorted(Comparator.comparing(Card::kind).thenComparing(Card::validTo,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    /** Works out again what stored value would take of {@code dueCents}; nothing to show unless it pays. */
    private void replan(Member served, long dueCents) {
        long mine = ++latest;
        Pay chosen = pay.get() == null ? Pay.CASH : pay.get();
        plan.set("");
        refused.set(false);
        if (served == null || dueCents <= 0 || !chosen.fromStoredValue()) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> new Planned(
                        cardService.storedValueCard(served.id()),
                        cardService.planPayment(served.id(), dueCents, chosen)))
                .onSuccess(planned -> {
                    if (mine == latest) {
                        plan.set(describe(planned, chosen));
                    }
                }).onFailure(error -> {
                    if (mine == latest) {
                        refused.set(true);
                        plan.set(ErrorText.describe(error, messages));
                    }
                }));
    }

    private record Planned(Optional<Card> card, Payment payment) {
    }

    private String describe(Planned planned, Pay chosen) {
        Payment payment = planned.payment();
        // one line, so the counter keeps its room at 700 px high; the member card shows the balance's own parts
        String balance = planned.card().map(card -> messages.get("counter.pay.balance",
                Money.display(card.balanceCents()))).orElse(messages.get("counter.pay.noCard"));
        String takes = messages.get("counter.pay.takes",
                Money.display(payment.storedPrincipalCents() + payment.storedBonusCents()),
                Money.display(payment.storedPrincipalCents()), Money.display(payment.storedBonusCents()));
        String text = balance + " · " + takes;
        if (payment.otherCents() > 0) {
            text = text + messages.get("counter.pay.rest", Money.display(payment.otherCents()),
                    messages.get(chosen.rest().messageKey()));
        }
        return text;
    }

    /** After a sale: what stored value paid, to say at the till; empty when it paid nothing. */
    String paid(Payment payment) {
        if (payment == null || !payment.fromStoredValue()) {
            return "";
        }
        return messages.get("counter.pay.saved",
                Money.display(payment.storedPrincipalCents() + payment.storedBonusCents()),
                Money.display(payment.storedPrincipalCents()), Money.display(payment.storedBonusCents()));
    }
}

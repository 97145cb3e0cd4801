package org.memberdesk.ui.counter;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Payment;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * How the sale at the counter is paid (cash unless the cashier chooses otherwise) and, when stored value pays,
 * what it takes before anything is saved: the card's balance and this sale's principal and bonus parts
 * ({@code CardService.planPayment} on the amount due after the tier discount and the coupon) — or, when the
 * balance is short, the refusal the sale would get. Only the answer to the latest question is kept.
 */
final class SalePayment {
    private final UiContext context;
    private final ObjectProperty<Pay> pay = new SimpleObjectProperty<>(Pay.CASH);
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private long latest;

    SalePayment(UiContext context) {
        this.context = context;
    }

    ObjectProperty<Pay> payProperty() {
        return pay;
    }

    ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** Works out again what stored value would take of {@code dueCents}; nothing to show unless it pays. */
    void replan(Member served, long dueCents) {
        long mine = ++latest;
        Pay chosen = pay.get() == null ? Pay.CASH : pay.get();
        plan.set("");
        refused.set(false);
        if (served == null || dueCents <= 0 || !chosen.fromStoredValue()) {
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> new Planned(
                        context.app().cards().storedValueCard(served.id()),
                        context.app().cards().planPayment(served.id(), dueCents, chosen)))
                .onSuccess(planned -> {
                    if (mine == latest) {
                        plan.set(describe(planned, chosen));
                    }
                }).onFailure(error -> {
                    if (mine == latest) {
                        refused.set(true);
                        plan.set(ErrorText.describe(error, context.messages()));
                    }
                }));
    }

    /** Back to cash for the next customer. */
    void reset() {
        pay.set(Pay.CASH);
    }

    private record Planned(Optional<Card> card, Payment payment) {
    }

    private String describe(Planned planned, Pay chosen) {
        Payment payment = planned.payment();
        String balance = planned.card().map(card -> context.text("counter.pay.balance",
                Money.display(card.balanceCents()), Money.display(card.principalCents()),
                Money.display(card.bonusCents()))).orElse(context.text("counter.pay.noCard"));
        String takes = context.text("counter.pay.takes",
                Money.display(payment.storedPrincipalCents() + payment.storedBonusCents()),
                Money.display(payment.storedPrincipalCents()), Money.display(payment.storedBonusCents()));
        String text = balance + "\n" + takes;
        if (payment.otherCents() > 0) {
            text = text + context.text("counter.pay.rest", Money.display(payment.otherCents()),
                    context.text(chosen.rest().messageKey()));
        }
        return text;
    }

    /** After a sale: what stored value paid, to say at the till; empty when it paid nothing. */
    String paid(Payment payment) {
        if (payment == null || !payment.fromStoredValue()) {
            return "";
        }
        return context.text("counter.pay.saved",
                Money.display(payment.storedPrincipalCents() + payment.storedBonusCents()),
                Money.display(payment.storedPrincipalCents()), Money.display(payment.storedBonusCents()));
    }
}

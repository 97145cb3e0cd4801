package org.memberdesk.ui.cards;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardService;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.cards.CardService;
import org.memberdesk.ui.common.DataChanges;

/**
 * 退卡 Refund a card: first what would be paid back today (the service's preview, computed as the refund is), then
 * the reason, then the refund itself, recorded with the person logged in to the computer.
 */
public final class RefundViewModel {
    private final CardService cards;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final String cardNo;
    private final long memberId;
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refundable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public RefundViewModel(CardService cards, TaskExecutor tasks, Messages messages, DataChanges changes, String cardNo,
                           long memberId) {
        this.cards = cards;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.cardNo = cardNo;
        this.memberId = memberId;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** What the refund pays back (and the bonus given up), once read. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** False until the preview says the card can be refunded. */
    public ReadOnlyBooleanProperty refundableProperty() {
        return refundable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Reads what a refund today would pay back. */
    public void loadPreview() {
        tasks.execute(BackgroundTask.of(() -> cards.refundPreview(cardNo, null))
                .onSuccess(this::show)
                .onFailure(error -> problem.set(ErrorText.describe(error, messages))));
    }

    private void show(CardService.RefundPreview shown) {
        refundable.set(shown.refundable());
        if (!shown.refundable()) {
            preview.set(messages.get(shown.card().refunded() ? "cards.refund.already" : "cards.refund.notRefundable",
                    shown.card().productName()));
        } else if (shown.card().kind() == CardKind.STORED_VALUE) {
            preview.set(messages.get("cards.refund.previewStoredValue", Money.display(shown.refundCents()),
                    Money.display(shown.forfeitedBonusCents())));
        } else {
            preview.set(messages.get("cards.refund.preview", Money.display(shown.refundCents()),
                    Money.display(shown.card().paidCents())));
        }
    }

    /** Refunds in the background; {@code done} runs once the card is refunded. */
    public void refund(Runnable done) {
        if (working.get() || !refundable.get()) {
            return;
        }
        String why = reason.get();
        working.set(true);
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> cards.refund(cardNo, why, null, null))
                .onSuccess(refunded -> {
                    changes.memberChanged(memberId);
                    done.run();
                }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
                .onFinished(() -> working.set(false)));
    }
}

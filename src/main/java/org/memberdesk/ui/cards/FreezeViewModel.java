package org.memberdesk.ui.cards;

import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.cards.CardService;
import org.memberdesk.ui.common.DataChanges;

/**
 * 请假 Freeze a card: how many days, from which day (today when empty), why. The service checks the product's
 * allowance; a refusal stays in the dialog in the shop's words.
 */
public final class FreezeViewModel {
    private final CardService cards;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final String cardNo;
    private final long memberId;
    private final StringProperty days = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public FreezeViewModel(CardService cards, TaskExecutor tasks, Messages messages, DataChanges changes, String cardNo,
                           long memberId) {
        this.cards = cards;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.cardNo = cardNo;
        this.memberId = memberId;
    }

    public String cardNo() {
        return cardNo;
    }

    public StringProperty daysProperty() {
        return days;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Freezes in the background; {@code done} runs once the card is frozen (the member pane reads it again). */
    public void freeze(Runnable done) {
        if (working.get()) {
            return;
        }
        int count;
        try {
            count = Integer.parseInt(days.get() == null ? "" : days.get().strip());
        } catch (NumberFormatException e) {
            problem.set(messages.get("card.freeze.days"));
            return;
        }
        LocalDate first = from.get();
        String why = reason.get();
        working.set(true);
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> cards.freeze(cardNo, count, first, why, null))
                .onSuccess(card -> {
                    changes.memberChanged(memberId);
                    done.run();
                }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
                .onFinished(() -> working.set(false)));
    }
}

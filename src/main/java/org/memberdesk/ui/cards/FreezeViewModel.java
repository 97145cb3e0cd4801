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
import org.memberdesk.ui.common.UiContext;

/**
 * 请假 Freeze a card: how many days, from which day (today when empty), why. The service checks the product's
 * allowance; a refusal stays in the dialog in the shop's words.
 */
public final class FreezeViewModel {
    private final UiContext context;
    private final String cardNo;
    private final long memberId;
    private final StringProperty days = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public FreezeViewModel(UiContext context, String cardNo, long memberId) {
        this.context = context;
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
            problem.set(context.text("card.freeze.days"));
            return;
        }
        LocalDate first = from.get();
        String why = reason.get();
        working.set(true);
        problem.set("");
        context.tasks().execute(BackgroundTask.of(() -> context.app().cards().freeze(cardNo, count, first, why, null))
                .onSuccess(card -> {
                    context.changes().memberChanged(memberId);
                    done.run();
                }).onFailure(error -> problem.set(ErrorText.describe(error, context.messages())))
                .onFinished(() -> working.set(false)));
    }
}

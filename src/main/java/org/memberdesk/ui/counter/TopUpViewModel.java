package org.memberdesk.ui.counter;

import org.memberdesk.cards.CardProducts;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DataChanges;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.StoredValue;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;

/**
 * 充值 Top up the served member's stored-value card: the amount typed, the bonus the shop's ladder gives it shown
 * before saving (the same rule the service applies: the highest step the amount reaches), how it was paid. A
 * top-up is money received, not a purchase: no points, no spend.
 */
public final class TopUpViewModel {
    private final CardProducts cardProducts;
    private final CardService cards;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final Card card;
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObservableList<PayMethod> methods = FXCollections.observableArrayList(CardWords.MONEY);
    private final ObjectProperty<PayMethod> method = new SimpleObjectProperty<>(PayMethod.CASH);
    private final ObjectProperty<Map<Long, Long>> steps = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<String> done = new ReadOnlyObjectWrapper<>();
    private final StringBinding preview;

    public TopUpViewModel(CardProducts cardProducts, CardService cards, TaskExecutor tasks, Messages messages, DataChanges changes, Card card) {
        this.cardProducts = cardProducts;
        this.cards = cards;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.card = card;
        preview = Bindings.createStringBinding(this::previewText, amount, steps);
        amount.addListener((obs, old, now) -> problem.set(""));
    }

    public Card card() {
        return card;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObservableList<PayMethod> methods() {
        return methods;
    }

    public ObjectProperty<PayMethod> methodProperty() {
        return method;
    }

    /** "Top up ¥1,000.00, bonus ¥150.00: ¥1,150.00 onto the card; balance after ¥1,270.00"; empty until typed. */
    public StringBinding previewProperty() {
        return preview;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** After the top-up: what was added and the balances, to say at the till. */
    public ReadOnlyObjectProperty<String> doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Reads the shop's top-up ladder for the preview. */
    public void start() {
        tasks.execute(BackgroundTask.of(() -> cardProducts.topupSteps()).onSuccess(steps::set));
    }

    private long typedCents() {
        String text = amount.get() == null ? "" : amount.get().strip();
        if (text.isEmpty()) {
            return -1;
        }
        try {
            return Money.parseYuan(text);
        } catch (IllegalArgumentException notAnAmount) {
            return -1;
        }
    }

    private String previewText() {
        long cents = typedCents();
        if (cents <= 0 || steps.get() == null) {
            return "";
        }
        long bonus = StoredValue.topupBonus(cents, steps.get());
        long onto = Math.addExact(cents, bonus);
        return messages.get("topup.preview", Money.display(cents), Money.display(bonus), Money.display(onto),
                Money.display(Math.addExact(card.balanceCents(), onto)));
    }

    /** Records the top-up; {@code finished} runs once it is stored. A refusal stays shown, nothing stored. */
    public void topUp(Runnable finished) {
        if (working.get()) {
            return;
        }
        long cents = typedCents();
        if (cents <= 0) {
            problem.set(messages.get("topup.amountInvalid"));
            return;
        }
        PayMethod how = method.get() == null ? PayMethod.CASH : method.get();
        working.set(true);
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> cards.topup(card.cardNo(), cents, how, null))
                .onSuccess(made -> {
                    done.set(describe(made));
                    changes.memberChanged(card.memberId());
                    finished.run();
                }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
                .onFinished(() -> working.set(false)));
    }

    private String describe(CardService.ToppedUp made) {
        Card after = made.card();
        return messages.get("topup.done", Money.display(made.principalCents()), after.cardNo(),
                Money.display(made.bonusCents()), Money.display(after.balanceCents()),
                Money.display(after.principalCents()), Money.display(after.bonusCents()));
    }
}

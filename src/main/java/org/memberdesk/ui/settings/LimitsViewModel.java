package org.memberdesk.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Settings → Purchase limits: the largest line, purchase and quantity the counter and imports
 * take. Typed as yuan and a whole number; checked here, then by the service, which keeps the ceilings.
 */
public final class LimitsViewModel {
    private final PurchaseService purchases;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final StringProperty line = new SimpleStringProperty("");
    private final StringProperty purchase = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final StringProperty defaultItem = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper defaultItemStatus = new ReadOnlyStringWrapper("");

    public LimitsViewModel(PurchaseService purchases, TaskExecutor tasks, Messages messages) {
        this.purchases = purchases;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Input: the largest line, in yuan as typed. */
    public StringProperty lineProperty() {
        return line;
    }

    /** Input: the largest purchase, in yuan as typed. */
    public StringProperty purchaseProperty() {
        return purchase;
    }

    /** Input: the largest quantity of a line, as typed. */
    public StringProperty quantityProperty() {
        return quantity;
    }

    /** What happened on save: the limits saved, or why they were not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status is a refusal (the view shows it as an error). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /**
     * Input: the item name of every line of a purchase file without an item column; empty: the import's language's.
     */
    public StringProperty defaultItemProperty() {
        return defaultItem;
    }

    /** What happened when the default item name was saved. */
    public ReadOnlyStringProperty defaultItemStatusProperty() {
        return defaultItemStatus.getReadOnlyProperty();
    }

    /** Reads the saved limits and default item name in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of(() -> purchases.limits()).onSuccess(this::show));
        tasks.execute(BackgroundTask.of(() -> purchases.defaultItemName().orElse(""))
                .onSuccess(defaultItem::set));
    }

    /** Saves the default item name as typed; empty goes back to "消费" / "Purchase" by the import's language. */
    public void saveDefaultItem() {
        String typed = defaultItem.get() == null ? "" : defaultItem.get().strip();
        tasks.execute(BackgroundTask.of(() -> {
            purchases.saveDefaultItemName(typed);
            return typed;
        }).onSuccess(saved -> defaultItemStatus.set(saved.isEmpty() ? messages.get("settings.defaultItem.cleared")
                : messages.get("settings.defaultItem.saved", saved)))
                .onFailure(error -> defaultItemStatus.set(ErrorText.describe(error, messages))));
    }

    private void show(PurchaseLimits limits) {
        line.set(Money.formatYuan(limits.lineCents()));
        purchase.set(Money.formatYuan(limits.purchaseCents()));
        quantity.set(Integer.toString(limits.quantity()));
    }

    /** Saves what was typed; a value that is not an amount or out of range is refused with the reason. */
    public void save() {
        PurchaseLimits typed;
        try {
            typed = new PurchaseLimits(Money.parseYuan(line.get()), Money.parseYuan(purchase.get()),
                    Integer.parseInt(quantity.get() == null ? "" : quantity.get().strip()));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            refuse(messages.get("purchase.limits.invalid", Money.display(PurchaseLimits.CEILING_CENTS)));
            return;
        }
        tasks.execute(BackgroundTask.of(() -> {
            purchases.saveLimits(typed);
            return typed;
        }).onSuccess(saved -> {
            show(saved);
            refused.set(false);
            status.set(messages.get("settings.limits.saved", Money.display(saved.lineCents()),
                    Money.display(saved.purchaseCents()), saved.quantity()));
        }).onFailure(error -> refuse(ErrorText.describe(error, messages))));
    }

    private void refuse(String why) {
        refused.set(true);
        status.set(why);
    }
}

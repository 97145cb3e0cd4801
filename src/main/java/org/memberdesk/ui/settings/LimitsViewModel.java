package org.memberdesk.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * Settings → Purchase limits: the largest line, purchase and quantity the counter and imports
 * take. Typed as yuan and a whole number; checked here, then by the service, which keeps the ceilings.
 */
public final class LimitsViewModel {
    private final UiContext context;
    private final StringProperty line = new SimpleStringProperty("");
    private final StringProperty purchase = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty refused = new SimpleBooleanProperty(false);
    private final StringProperty defaultItem = new SimpleStringProperty("");
    private final StringProperty defaultItemStatus = new SimpleStringProperty("");

    public LimitsViewModel(UiContext context) {
        this.context = context;
    }

    public StringProperty lineProperty() {
        return line;
    }

    public StringProperty purchaseProperty() {
        return purchase;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    /** What happened on save: the limits saved, or why they were not. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Whether the status is a refusal (the view shows it as an error). */
    public BooleanProperty refusedProperty() {
        return refused;
    }

    /** The item name of every line of a purchase file without an item column; empty: the import's language's. */
    public StringProperty defaultItemProperty() {
        return defaultItem;
    }

    /** What happened when the default item name was saved. */
    public StringProperty defaultItemStatusProperty() {
        return defaultItemStatus;
    }

    /** Reads the saved limits and default item name in the background. */
    public void load() {
        context.tasks().execute(BackgroundTask.of(() -> context.app().purchases().limits()).onSuccess(this::show));
        context.tasks().execute(BackgroundTask.of(() -> context.app().purchases().defaultItemName().orElse(""))
                .onSuccess(defaultItem::set));
    }

    /** Saves the default item name as typed; empty goes back to "消费" / "Purchase" by the import's language. */
    public void saveDefaultItem() {
        String typed = defaultItem.get() == null ? "" : defaultItem.get().strip();
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().purchases().saveDefaultItemName(typed);
            return typed;
        }).onSuccess(saved -> defaultItemStatus.set(saved.isEmpty() ? context.text("settings.defaultItem.cleared")
                : context.text("settings.defaultItem.saved", saved)))
                .onFailure(error -> defaultItemStatus.set(ErrorText.describe(error, context.messages()))));
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
            refuse(context.text("purchase.limits.invalid", Money.display(PurchaseLimits.CEILING_CENTS)));
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().purchases().saveLimits(typed);
            return typed;
        }).onSuccess(saved -> {
            show(saved);
            refused.set(false);
            status.set(context.text("settings.limits.saved", Money.display(saved.lineCents()),
                    Money.display(saved.purchaseCents()), saved.quantity()));
        }).onFailure(error -> refuse(ErrorText.describe(error, context.messages()))));
    }

    private void refuse(String why) {
        refused.set(true);
        status.set(why);
    }
}

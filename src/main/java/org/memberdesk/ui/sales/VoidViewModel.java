package org.memberdesk.ui.sales;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * 作废 Void…: a sale keyed by mistake, today, with a reason. The service decides whether it may be voided
 * (today's, the member's latest, nothing returned, a reason); its refusal is shown as it words it.
 */
public final class VoidViewModel {
    private final CounterSales sales;
    private final PurchaseService purchases;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final long memberId;
    private final StringProperty saleNo = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty by = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper voided = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    /**
     * @param signedIn who is signed in: who voids it, shown, not typed (the service takes it from the session)
     * @param memberId whose sale it is (the screens showing them read again), or 0: found from the sale
     */
    public VoidViewModel(CounterSales sales, PurchaseService purchases, TaskExecutor tasks, Messages messages,
                         DataChanges changes, String signedIn, String saleNumber, long memberId) {
        this.sales = sales;
        this.purchases = purchases;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.memberId = memberId;
        saleNo.set(saleNumber == null ? "" : saleNumber);
        by.set(signedIn);
    }

    public StringProperty saleNoProperty() {
        return saleNo;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Who voids it (kept with the voided sale): the signed-in staff, shown only; the service reads the session. */
    public StringProperty byProperty() {
        return by;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty voidedProperty() {
        return voided.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Voids the sale; {@code done} runs once it is voided, otherwise the refusal is shown and nothing changed. */
    public void voidSale(Runnable done) {
        if (working.get()) {
            return;
        }
        String number = saleNo.get() == null ? "" : saleNo.get().strip();
        String why = reason.get();
        if (number.isEmpty()) {
            problem.set(messages.get("return.sale.missing"));
            return;
        }
        working.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            // whose sale it is, for the screens to read again (opened from a list row, the member is not known)
            long whose = memberId > 0 ? memberId : purchases.byNumber(number)
                    .map(Purchase::memberId).orElse(0L);
            sales.voidSale(number, why);
            return whose;
        }).onSuccess(whose -> {
            problem.set("");
            voided.set(true);
            if (whose > 0) {
                changes.memberChanged(whose);
            }
            done.run();
        }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
                .onFinished(() -> working.set(false)));
    }
}

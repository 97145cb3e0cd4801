package org.memberdesk.ui.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.ui.dashboard.DashboardViewModel.StoreChoice;

/**
 * The store picker of an Analytics tab (Cohorts, Funnels): all stores, then each store, shown only in a chain; the
 * choice is an input the tab's model reads when it computes. One copy for the tabs that take a store.
 */
public final class StorePicker {
    private final StoreService stores;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObservableList<StoreChoice> choices = FXCollections.observableArrayList();
    private final ObservableList<StoreChoice> shownChoices = FXCollections.unmodifiableObservableList(choices);
    /** input: the store whose figures the tab computes (store null: the chain's) */
    private final ObjectProperty<StoreChoice> store = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper chain = new ReadOnlyBooleanWrapper(false);

    /** {@code stores} null: never a picker (the chain's figures only). */
    StorePicker(StoreService stores, TaskExecutor tasks, Messages messages) {
        this.stores = stores;
        this.tasks = tasks;
        this.messages = messages;
        store.set(new StoreChoice(null, messages.get("reports.store.all")));
    }

    /** Reads the stores in the background: the picker (all stores, then each) shows only in a chain. */
    void load() {
        if (stores == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(stores::all).onSuccess(all -> {
            List<StoreChoice> next = new ArrayList<>();
            next.add(new StoreChoice(null, messages.get("reports.store.all")));
            all.forEach(one -> next.add(new StoreChoice(one, one.shownName(messages))));
            // the same stores read again: the list (and the combo box's choice in it) is left alone
            if (!choices.equals(next)) {
                choices.setAll(next);
            }
            chain.set(all.size() > 1);
        }));
    }

    /** The store picked; empty for the chain's figures. */
    Optional<Store> picked() {
        return Optional.ofNullable(store.get() == null ? null : store.get().store());
    }

    ObjectProperty<StoreChoice> storeProperty() {
        return store;
    }

    ObservableList<StoreChoice> choices() {
        return shownChoices;
    }

    ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }
}

package org.memberdesk.ui.settings;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Settings → 门店 Stores (the owner): the shop's stores, a new one, the chosen one renamed, and the store this
 * computer works in (kept on this computer). Every change goes through {@link StoreService}, which checks the owner
 * and logs it; {@code storesChanged} is told after each (the status bar shows the store when there are several).
 */
public final class StoresSettingsModel {
    private final StoreService stores;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Runnable storesChanged;
    private final ObservableList<Store> list = FXCollections.observableArrayList();
    private final ObservableList<Store> shownList = FXCollections.unmodifiableObservableList(list);
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty renameTo = new SimpleStringProperty("");
    private final ObjectProperty<Store> here = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);

    public StoresSettingsModel(StoreService stores, TaskExecutor tasks, Messages messages, Runnable storesChanged) {
        this.stores = stores;
        this.tasks = tasks;
        this.messages = messages;
        this.storesChanged = storesChanged;
    }

    /** Every store, store 1 first. */
    public ObservableList<Store> stores() {
        return shownList;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    /** The new name for the store chosen in the list. */
    public StringProperty renameToProperty() {
        return renameTo;
    }

    /** The store chosen for this computer (the store it works in, once loaded or saved). */
    public ObjectProperty<Store> hereProperty() {
        return here;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** The store as the person reads it (本店 is "Main store" in English until renamed). */
    public String shown(Store store) {
        return store == null ? "" : store.shownName(messages);
    }

    /** Reads the stores and this computer's store in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of(() -> new Done(null, stores.all(), stores.here()))
                .onSuccess(this::show).onFailure(this::refuse));
    }

    /** Adds the store named as typed. */
    public void add() {
        String name = Objects.requireNonNullElse(newName.get(), "");
        run(() -> stores.add(name), added -> {
            newName.set("");
            return messages.get("stores.settings.added", shown(added));
        });
    }

    /** Renames {@code store} to the name typed. */
    public void rename(Store store) {
        if (store == null) {
            refuse(messages.get("stores.settings.choose"));
            return;
        }
        String name = Objects.requireNonNullElse(renameTo.get(), "");
        run(() -> stores.rename(store.id(), name), renamed -> {
            renameTo.set("");
            return messages.get("stores.settings.renamed", shown(store), shown(renamed));
        });
    }

    /** Sets the store chosen in {@link #hereProperty()} as this computer's. */
    public void workHere() {
        Store chosen = here.get();
        if (chosen == null) {
            refuse(messages.get("stores.settings.choose"));
            return;
        }
        run(() -> stores.workHere(chosen.id()), set -> messages.get("stores.settings.hereSet", shown(set)));
    }

    /** Runs a change in the background; on success the stores are read again and {@code said} gives the status. */
    private void run(java.util.concurrent.Callable<Store> work, java.util.function.Function<Store, String> said) {
        tasks.execute(BackgroundTask.of(() -> {
            Store done = work.call();
            return new Done(done, stores.all(), stores.here());
        }).onSuccess(done -> {
            show(done);
            refused.set(false);
            status.set(said.apply(done.result()));
            storesChanged.run();
        }).onFailure(this::refuse));
    }

    private void show(Done done) {
        list.setAll(done.stores());
        // the list's own instance, so a choice box shows it as chosen
        here.set(done.stores().stream().filter(store -> store.id() == done.here().id()).findFirst()
                .orElse(done.here()));
    }

    private record Done(Store result, List<Store> stores, Store here) {
    }

    private void refuse(Throwable error) {
        refuse(ErrorText.describe(error, messages));
    }

    private void refuse(String why) {
        refused.set(true);
        status.set(why);
    }
}

package org.memberdesk.ui.settings;

import java.util.Objects;
import java.util.function.IntConsumer;
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
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.staff.StaffService;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Settings → 员工 Staff (the owner): who works here (name, role, active), a new staff member with their PIN typed
 * twice, a role or leaving changed, a forgotten PIN replaced; and the two staff settings, the idle lock and the
 * manager's points limit. Every change goes through {@link StaffService}, which checks the owner and logs it.
 * When the shop has several stores, each staff member's store is shown and chosen too (a single shop sees none).
 */
public final class StaffSettingsModel {
    private final StaffService staff;
    private final StoreService storeService;
    /** The shop's stores when it has several; empty for a single shop (then nothing of stores is shown). */
    private final ObservableList<Store> stores = FXCollections.observableArrayList();
    private final ObservableList<Store> shownStores = FXCollections.unmodifiableObservableList(stores);
    private final ReadOnlyBooleanWrapper chain = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Store> newStore = new SimpleObjectProperty<>();
    private final TaskExecutor tasks;
    private final Messages messages;
    private final IntConsumer idleLockSaved;
    private final ObservableList<Staff> list = FXCollections.observableArrayList();
    private final ObservableList<Staff> shownList = FXCollections.unmodifiableObservableList(list);
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.CASHIER);
    private final StringProperty newPin = new SimpleStringProperty("");
    private final StringProperty newPinAgain = new SimpleStringProperty("");
    private final StringProperty resetPin = new SimpleStringProperty("");
    private final StringProperty resetPinAgain = new SimpleStringProperty("");
    private final StringProperty idleMinutes = new SimpleStringProperty("");
    private final StringProperty pointsLimit = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);

    /** {@code idleLockSaved}: told the new idle lock in minutes once saved (the window's lock follows it). */
    public StaffSettingsModel(StaffService staff, StoreService stores, TaskExecutor tasks, Messages messages,
                              IntConsumer idleLockSaved) {
        this.staff = staff;
        this.storeService = stores;
        this.tasks = tasks;
        this.messages = messages;
        this.idleLockSaved = idleLockSaved;
    }

    /** Everyone who works or worked here, active first. */
    public ObservableList<Staff> staff() {
        return shownList;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public StringProperty newPinProperty() {
        return newPin;
    }

    public StringProperty newPinAgainProperty() {
        return newPinAgain;
    }

    /** The new PIN for the staff member chosen, typed twice. */
    public StringProperty resetPinProperty() {
        return resetPin;
    }

    public StringProperty resetPinAgainProperty() {
        return resetPinAgain;
    }

    /** Minutes without input before the window locks; 0 never. */
    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    public StringProperty pointsLimitProperty() {
        return pointsLimit;
    }

    /** What the last command did, or why it was refused. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** The stores to choose from, when the shop has several (empty otherwise). */
    public ObservableList<Store> stores() {
        return shownStores;
    }

    /** Whether the shop has several stores: only then are staff members' stores shown and chosen. */
    public ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The store a new staff member works in (none chosen: this computer's). */
    public ObjectProperty<Store> newStoreProperty() {
        return newStore;
    }

    /** The store {@code id} among {@link #stores()}, if the shop is a chain and has it. */
    public java.util.Optional<Store> store(long id) {
        return stores.stream().filter(store -> store.id() == id).findFirst();
    }

    /** The name of {@code member}'s store as the person reads it; empty for a single shop. */
    public String storeName(Staff member) {
        return store(member.storeId()).map(store -> store.shownName(messages)).orElse("");
    }

    /** Reads the staff, the stores and both settings in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of(() -> new Loaded(staff.all(), staff.idleLockMinutes(),
                staff.managerPointsLimit(), storeService.all(), storeService.here())).onSuccess(loaded -> {
                    showStores(loaded.stores(), loaded.here());
                    list.setAll(loaded.staff());
                    idleMinutes.set(Integer.toString(loaded.idleMinutes()));
                    pointsLimit.set(Long.toString(loaded.pointsLimit()));
                }).onFailure(this::refuse));
    }

    private record Loaded(java.util.List<Staff> staff, int idleMinutes, long pointsLimit,
                          java.util.List<Store> stores, Store here) {
    }

    private void showStores(java.util.List<Store> all, Store here) {
        boolean several = all.size() > 1;
        stores.setAll(several ? all : java.util.List.of());
        chain.set(several);
        // a new staff member works in this computer's store unless another is chosen
        newStore.set(several ? store(here.id()).orElse(null) : null);
    }

    /** Adds the staff member typed (name, role, PIN twice). */
    public void add() {
        String name = Objects.requireNonNullElse(newName.get(), "").strip();
        Role role = Objects.requireNonNullElse(newRole.get(), Role.CASHIER);
        String pin = Objects.requireNonNullElse(newPin.get(), "");
        if (!pin.equals(newPinAgain.get())) {
            refuse(messages.get("staff.pin.mismatch"));
            return;
        }
        Store at = newStore.get();
        run(() -> at == null ? staff.add(name, role, pin) : staff.add(name, role, pin, at.id()), added -> {
            newName.set("");
            newPin.set("");
            newPinAgain.set("");
            return messages.get("staff.settings.added", added.name(), messages.get(added.role().textKey()));
        });
    }

    /** Gives {@code member} another role, or marks them as no longer working here ({@code active} false). */
    public void change(Staff member, Role role, boolean active) {
        change(member, role, active, null);
    }

    /** {@link #change(Staff, Role, boolean)}, and moves them to {@code store} (null: the store they are in). */
    public void change(Staff member, Role role, boolean active, Store store) {
        run(() -> store == null ? staff.change(member.id(), role, active)
                : staff.change(member.id(), role, active, store.id()), changed -> messages.get(
                        "staff.settings.changed", changed.name(), messages.get(changed.role().textKey()),
                        messages.get(changed.active() ? "staff.active" : "staff.inactive")));
    }

    /** Replaces {@code member}'s PIN (forgotten, or known to someone else) with the one typed twice. */
    public void resetPin(Staff member) {
        String pin = Objects.requireNonNullElse(resetPin.get(), "");
        if (!pin.equals(resetPinAgain.get())) {
            refuse(messages.get("staff.pin.mismatch"));
            return;
        }
        run(() -> {
            staff.changePin(member.id(), pin);
            return member;
        }, done -> {
            resetPin.set("");
            resetPinAgain.set("");
            return messages.get("staff.settings.pinReset", done.name());
        });
    }

    /** Saves the idle lock and the manager's points limit as typed. */
    public void saveSettings() {
        int minutes;
        long limit;
        try {
            minutes = Integer.parseInt(Objects.requireNonNullElse(idleMinutes.get(), "").strip());
        } catch (NumberFormatException e) {
            refuse(messages.get("staff.idleLock.range"));
            return;
        }
        try {
            limit = Long.parseLong(Objects.requireNonNullElse(pointsLimit.get(), "").strip());
        } catch (NumberFormatException e) {
            refuse(messages.get("staff.pointsLimit.range"));
            return;
        }
        run(() -> {
            staff.saveSettings(minutes, limit);
            return minutes;
        }, saved -> {
            idleLockSaved.accept(saved);
            return messages.get("staff.settings.saved", saved, limit);
        });
    }

    /** Runs a change in the background; on success the list is read again and {@code said} gives the status. */
    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> said) {
        tasks.execute(BackgroundTask.of(() -> {
            T done = work.call();
            return new Done<>(done, staff.all());
        }).onSuccess(done -> {
            list.setAll(done.staff());
            refused.set(false);
            status.set(said.apply(done.result()));
        }).onFailure(this::refuse));
    }

    private record Done<T>(T result, java.util.List<Staff> staff) {
    }

    private void refuse(Throwable error) {
        refuse(ErrorText.describe(error, messages));
    }

    private void refuse(String why) {
        refused.set(true);
        status.set(why);
    }
}

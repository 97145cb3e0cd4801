package org.memberdesk.ui.staff;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Staff;
import org.memberdesk.staff.StaffService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The window's sign-in: a new shop (no owner yet) names its owner and PIN; otherwise a staff member picks their
 * name and types their PIN. A PIN check takes a moment on purpose (a slow hash), so it runs in the background
 * and {@link #busyProperty()} says so; a refusal (wrong PIN, locked for how long) is said in words. Signing in
 * changes who acts ({@code StaffSession}); the window hears of it from the session.
 */
public final class SignInModel {
    /** What the sign-in asks for. */
    public enum Mode { LOADING, OWNER, SIGN_IN }

    private final StaffService staff;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LOADING);
    private final ObservableList<Staff> choices = FXCollections.observableArrayList();
    private final ObservableList<Staff> shownChoices = FXCollections.unmodifiableObservableList(choices);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinAgain = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");

    public SignInModel(StaffService staff, TaskExecutor tasks, Messages messages) {
        this.staff = staff;
        this.tasks = tasks;
        this.messages = messages;
        // a refusal is about the name it was for: choosing another clears it
        name.addListener((obs, was, now) -> {
            if (!busy.get()) {
                refusal.set("");
            }
        });
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The names offered: active staff, owner first. */
    public ObservableList<Staff> choices() {
        return shownChoices;
    }

    /** The staff name chosen, or the new owner's name. */
    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    /** The new owner's PIN typed a second time. */
    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    /** A PIN being checked (or the owner being made). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last try was refused, in words; empty after a success. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /**
     * Finds out what to ask: the owner when the shop has none yet, else the names to choose from. The person
     * last signed in ({@code last}, may be null) stays chosen when they are still offered.
     */
    public void load(String last) {
        mode.set(Mode.LOADING);
        pin.set("");
        pinAgain.set("");
        refusal.set("");
        tasks.execute(BackgroundTask.of(() -> staff.hasOwner() ? staff.signInChoices() : List.<Staff>of())
                .onSuccess(offered -> {
                    choices.setAll(offered);
                    if (offered.isEmpty()) {
                        name.set("");
                        mode.set(Mode.OWNER);
                        return;
                    }
                    boolean stillThere = offered.stream().anyMatch(s -> s.name().equals(last));
                    name.set(stillThere ? last : offered.get(0).name());
                    mode.set(Mode.SIGN_IN);
                })
                .onFailure(this::refuse));
    }

    /** Checks the PIN typed for the name chosen; on success that person acts from now on. */
    public void signIn() {
        if (busy.get() || mode.get() != Mode.SIGN_IN) {
            return;
        }
        String who = Objects.requireNonNullElse(name.get(), "");
        String typed = Objects.requireNonNullElse(pin.get(), "");
        if (typed.isEmpty()) {
            refusal.set(messages.get("staff.pin.invalid"));
            return;
        }
        run(() -> staff.switchTo(who, typed));
    }

    /** Makes the shop's owner from the name and the PIN typed twice, and signs them in. */
    public void createOwner() {
        if (busy.get() || mode.get() != Mode.OWNER) {
            return;
        }
        String who = Objects.requireNonNullElse(name.get(), "").strip();
        String typed = Objects.requireNonNullElse(pin.get(), "");
        if (!typed.equals(pinAgain.get())) {
            refusal.set(messages.get("staff.pin.mismatch"));
            pinAgain.set("");
            return;
        }
        run(() -> {
            staff.createOwner(who, typed);
            return staff.switchTo(who, typed);
        });
    }

    private void run(java.util.concurrent.Callable<?> work) {
        busy.set(true);
        refusal.set("");
        tasks.execute(BackgroundTask.of(work)
                .onSuccess(done -> {
                    pin.set("");
                    pinAgain.set("");
                })
                .onFailure(error -> {
                    pin.set("");
                    refuse(error);
                    if (error instanceof NotAllowedException refused
                            && "staff.signIn.wrongPin".equals(refused.textKey())) {
                        sayWhetherLocked(Objects.requireNonNullElse(name.get(), ""));
                    }
                })
                .onFinished(() -> busy.set(false)));
    }

    /** After a wrong PIN: when it was the one that locked, says for how long now, not at the next try. */
    private void sayWhetherLocked(String who) {
        tasks.execute(BackgroundTask.of(() -> staff.secondsLocked(who)).onSuccess(seconds -> {
            if (seconds > 0 && who.equals(name.get())) {
                refusal.set(messages.get("staff.signIn.locked", who, seconds));
            }
        }).onFailure(error -> { }));
    }

    private void refuse(Throwable error) {
        refusal.set(ErrorText.describe(error, messages));
    }
}

package org.memberdesk.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.memberdesk.common.ValidationException;

/**
 * Tells open screens that members or purchases changed (a purchase at the counter, an edit, an
 * import), so a detail pane elsewhere updates at once. One per open window, never static; called
 * on the JavaFX thread.
 */
public final class DataChanges {
    /** Passed instead of a member id when many members may have changed (an import). */
    public static final long MANY = -1;

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<ValidationException>>> refits = new CopyOnWriteArrayList<>();
    private final List<java.util.function.IntConsumer> idleLocks = new CopyOnWriteArrayList<>();
    private final List<Runnable> stores = new CopyOnWriteArrayList<>();

    /** The listener receives the changed member's id, or {@link #MANY}. */
    public void onMemberChanged(LongConsumer listener) {
        listeners.add(listener);
    }

    public void memberChanged(long memberId) {
        listeners.forEach(l -> l.accept(memberId));
    }

    public void manyChanged() {
        memberChanged(MANY);
    }

    /**
     * The listener hears of each background refit of the predictions (the daily one): empty when a model was
     * fitted, otherwise why none was (too few repeat buyers …).
     */
    public void onPredictionsRefitted(Consumer<Optional<ValidationException>> listener) {
        refits.add(listener);
    }

    public void predictionsRefitted(Optional<ValidationException> refusal) {
        refits.forEach(l -> l.accept(refusal));
    }

    /** The listener hears the idle lock's new minutes once Settings → Staff saved them (0: never). */
    public void onIdleLockSaved(java.util.function.IntConsumer listener) {
        idleLocks.add(listener);
    }

    public void idleLockSaved(int minutes) {
        idleLocks.forEach(l -> l.accept(minutes));
    }

    /** The listener hears that a store was added or renamed, or this computer set to another (Settings → Stores). */
    public void onStoresChanged(Runnable listener) {
        stores.add(listener);
    }

    public void storesChanged() {
        stores.forEach(Runnable::run);
    }
}

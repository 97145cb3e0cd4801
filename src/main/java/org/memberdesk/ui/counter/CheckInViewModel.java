package org.memberdesk.ui.counter;

import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.cards.MemberPhotos;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * 签到 Check in at the counter: one field (phone, its last 4 digits, member number or a scanned card code), Enter.
 * The answer is one big result: green with the member, the card used and what is left on it, or red with the
 * refusal in one line the cashier reads aloud (nothing is recorded then). The field is emptied at once, so the
 * next person can be typed or scanned while the answer comes.
 */
public final class CheckInViewModel {
    /** What the cashier sees after Enter. {@code memberId} is null for a refusal. */
    public record Result(boolean admitted, String headline, String detail, Long memberId) {
    }

    private final CheckIns checkIns;
    private final MemberPhotos photos;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final StringProperty who = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<byte[]> photo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final LongConsumer checkedIn;
    private long latest;

    /** {@code checkedIn}: told the member's id after each visit recorded (the counter reads their cards again). */
    public CheckInViewModel(CheckIns checkIns, MemberPhotos photos, TaskExecutor tasks, Messages messages,
                            DataChanges changes, LongConsumer checkedIn) {
        this.checkIns = checkIns;
        this.photos = photos;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.checkedIn = checkedIn;
    }

    public StringProperty whoProperty() {
        return who;
    }

    /** The last answer; null before the first check-in. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The member's photo with a green result (against card lending), null when there is none. */
    public ReadOnlyObjectProperty<byte[]> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Enter: checks in whoever was typed or scanned; a blank field does nothing. */
    public void enter() {
        String typed = who.get() == null ? "" : who.get().strip();
        if (typed.isEmpty()) {
            return;
        }
        who.set("");
        long mine = ++latest;
        working.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            CheckIns.CheckedIn done = checkIns.checkIn(typed, null, null);
            return new Admitted(done, photoOf(done.member().id()));
        }).onSuccess(admitted -> {
            CheckIns.CheckedIn done = admitted.checkedIn();
            if (mine == latest) {
                photo.set(admitted.photo());
                result.set(new Result(true, messages.get("checkin.ok", done.member().name()),
                        CardWords.line(done.card(), messages), done.member().id()));
            }
            changes.memberChanged(done.member().id());
            checkedIn.accept(done.member().id());
        }).onFailure(error -> {
            if (mine == latest) {
                photo.set(null);
                result.set(new Result(false, ErrorText.describe(error, messages),
                        messages.get("checkin.refused", typed), null));
            }
        }).onFinished(() -> working.set(false)));
    }

    private record Admitted(CheckIns.CheckedIn checkedIn, byte[] photo) {
    }

    /** The member's photo (null: none), read with the check-in off the FX thread: shown against card lending. */
    private byte[] photoOf(long memberId) {
        return photos.photo(memberId).orElse(null);
    }
}

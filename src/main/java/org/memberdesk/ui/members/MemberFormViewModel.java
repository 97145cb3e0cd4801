package org.memberdesk.ui.members;

import org.memberdesk.members.MemberService;
import java.time.Clock;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Gender;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.ui.common.BackgroundTask;

/**
 * The add / edit member form. Problems come from {@code MemberService.check} (the same rules an
 * import obeys) and, after a save attempt, from the database (a phone or number already taken);
 * each is shown next to its field. Problems appear for a field once it was edited or a save was tried.
 */
public final class MemberFormViewModel {
    public static final List<String> FIELDS =
            List.of("member_no", "name", "phone", "gender", "birthday", "join_date", "channel", "referrer_no", "notes");

    private final MemberService members;
    private final Clock clock;
    private final StaffSession session;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final DialogService dialogs;
    private final Member editing;
    private final StringProperty memberNo = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> birthday = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> joinDate = new SimpleObjectProperty<>();
    private final StringProperty channel = new SimpleStringProperty("");
    private final StringProperty referrerNo = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final Map<String, String> storedProblems = new HashMap<>();
    private final Map<String, BooleanProperty> touched = new HashMap<>();
    private final BooleanProperty saveTried = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final SimpleObjectProperty<Object> revision = new SimpleObjectProperty<>(0);
    /** The stored phone as the person editing may see it (masked for all but the owner); "" for a new member. */
    private final String shownPhone;

    /** A form for a new member ({@code editing} null) or for changing one. */
    public MemberFormViewModel(MemberService members, Clock clock, StaffSession session, TaskExecutor tasks, Messages messages, DataChanges changes, DialogService dialogs, Member editing) {
        this.members = members;
        this.clock = clock;
        this.session = session;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.dialogs = dialogs;
        this.editing = editing;
        for (String field : FIELDS) {
            touched.put(field, new SimpleBooleanProperty(false));
        }
        if (editing != null) {
            MemberDetails d = editing.details();
            memberNo.set(d.memberNo());
            name.set(d.name());
            // a manager edits a member without seeing the full number: the field shows it masked, and left as shown
            // the stored number is kept (see details())
            shownPhone = d.phone() == null ? "" : session.phone(d.phone());
            phone.set(shownPhone);
            gender.set(d.gender());
            birthday.set(d.birthday());
            joinDate.set(d.joinDate());
            channel.set(nullToEmpty(d.channel()));
            referrerNo.set(nullToEmpty(d.referrerNo()));
            notes.set(nullToEmpty(d.notes()));
        } else {
            shownPhone = "";
            joinDate.set(LocalDate.now(clock));
        }
        watch("member_no", memberNo);
        watch("name", name);
        watch("phone", phone);
        watch("gender", gender);
        watch("birthday", birthday);
        watch("join_date", joinDate);
        watch("channel", channel);
        watch("referrer_no", referrerNo);
        watch("notes", notes);
    }

    private void watch(String field, javafx.beans.value.ObservableValue<?> value) {
        value.addListener((obs, old, now) -> {
            touched.get(field).set(true);
            storedProblems.remove(field);
            revision.set(new Object());
        });
    }

    public boolean isNew() {
        return editing == null;
    }

    public StringProperty memberNoProperty() {
        return memberNo;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public ObjectProperty<LocalDate> birthdayProperty() {
        return birthday;
    }

    public ObjectProperty<LocalDate> joinDateProperty() {
        return joinDate;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public StringProperty referrerNoProperty() {
        return referrerNo;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Changes whenever any field or problem changes: the view re-reads the problems then. */
    public javafx.beans.value.ObservableValue<Object> revisionProperty() {
        return revision;
    }

    public MemberDetails details() {
        boolean phoneAsShown = editing != null && editing.phone() != null && phone.get().equals(shownPhone);
        return new MemberDetails(memberNo.get(), name.get(), phoneAsShown ? editing.phone() : phone.get(), gender.get(),
                birthday.get(),
                joinDate.get(), channel.get(), referrerNo.get(), notes.get(),
                editing == null ? Map.of() : editing.details().customFields());
    }

    /** The problem to show next to a field now, in the current language, if any. */
    public Optional<String> problem(String field) {
        if (storedProblems.containsKey(field)) {
            return Optional.of(storedProblems.get(field));
        }
        if (!touched.get(field).get() && !saveTried.get()) {
            return Optional.empty();
        }
        return members.check(details()).stream()
                .filter(p -> p.field().equals(field))
                .findFirst()
                .map(p -> p.describe(messages));
    }

    public boolean hasProblems() {
        return !storedProblems.isEmpty() || !members.check(details()).isEmpty();
    }

    /**
     * Saves in the background when the form has no problems; otherwise shows every problem.
     * {@code saved} receives the stored member.
     */
    public void save(Consumer<Member> saved) {
        saveTried.set(true);
        revision.set(new Object());
        if (hasProblems() || saving.get()) {
            return;
        }
        MemberDetails typed = details();
        saving.set(true);
        tasks.execute(BackgroundTask.of(() -> editing == null
                ? members.add(typed)
                : members.update(editing.id(), typed))
                .onSuccess(member -> {
                    changes.memberChanged(member.id());
                    saved.accept(member);
                })
                .onFailure(error -> {
                    if (error instanceof ValidationException invalid) {
                        for (Problem p : invalid.problems()) {
                            storedProblems.put(FIELDS.contains(p.field()) ? p.field() : "name",
                                    p.describe(messages));
                        }
                        revision.set(new Object());
                    } else {
                        dialogs.showError(error);
                    }
                })
                .onFinished(() -> saving.set(false)));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

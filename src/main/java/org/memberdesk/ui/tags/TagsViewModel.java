package org.memberdesk.ui.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import org.memberdesk.common.ValidationException;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.common.Progress;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleWords;
import org.memberdesk.tags.Tag;
import org.memberdesk.tags.TagService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The saved tags beside the segment editor: each with its count as of its last refresh, its rule in words and when
 * it was refreshed; the chosen one renamed, deleted (after a confirmation that says what goes with it) or, for a
 * rule tag, refreshed now in the background (Stop keeps it as it was). Showing the screen first refreshes the rule
 * tags that are out of date (something changed, or last refreshed before today).
 */
public final class TagsViewModel {
    private final TagService tags;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final DataChanges changes;
    private final RuleWords words;
    private final ObservableList<Tag> list = FXCollections.observableArrayList();
    private final ObservableList<Tag> shown = FXCollections.unmodifiableObservableList(list);
    private final ObjectProperty<Tag> chosen = new SimpleObjectProperty<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding ruleTagChosen;
    private Progress refresh = Progress.NONE;

    public TagsViewModel(TagService tags, TaskExecutor tasks, DialogService dialogs, Messages messages,
                         DataChanges changes) {
        this.tags = tags;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.changes = changes;
        this.words = new RuleWords(messages);
        this.ruleTagChosen = Bindings.createBooleanBinding(() -> chosen.get() != null && chosen.get().isRuleTag(),
                chosen);
        chosen.addListener((obs, old, tag) -> newName.set(tag == null ? "" : tag.name()));
        // a member's tag taken off, a segment tagged, an import: the counts change
        changes.onMemberChanged(member -> load());
    }

    /** The tags, by name. */
    public ObservableList<Tag> tags() {
        return shown;
    }

    /** Input: the tag chosen in the list. */
    public ObjectProperty<Tag> chosenProperty() {
        return chosen;
    }

    /** Input: the chosen tag's new name (its name until changed). */
    public StringProperty newNameProperty() {
        return newName;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a rule tag is refreshed on request (Stop shows). */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** True when the chosen tag is a rule tag (only those are refreshed). */
    public BooleanBinding ruleTagChosen() {
        return ruleTagChosen;
    }

    /** "VIP · 12 members". */
    public String title(Tag tag) {
        return tag.name() + " · " + messages.get("tags.count", tag.members());
    }

    /** The rule in the person's words, or "Manual tag". */
    public String rule(Tag tag) {
        return tag.isRuleTag() ? words.describe(Rule.parse(tag.rule())) : messages.get("tags.manual");
    }

    /** When a rule tag's members were last computed ("" for a manual tag). */
    public String refreshed(Tag tag) {
        if (!tag.isRuleTag()) {
            return "";
        }
        return tag.refreshedAt() == null ? messages.get("tags.neverRefreshed")
                : messages.get("tags.refreshedAt", tag.refreshedAt().substring(0, 16));
    }

    /**
     * When the screen is shown: the list as it is, at once; then rule tags out of date are refreshed (minutes on a
     * very large shop) and the list is read again when they were.
     */
    public void shown() {
        load();
        tasks.execute(BackgroundTask.of(() -> tags.refreshIfStale() ? tags.list() : null).onSuccess(fresh -> {
            if (fresh != null) {
                show(fresh);
            }
        }));
    }

    public void load() {
        tasks.execute(BackgroundTask.of(tags::list).onSuccess(this::show));
    }

    private void show(List<Tag> fresh) {
        Tag was = chosen.get();
        list.setAll(fresh);
        chosen.set(was == null ? null : fresh.stream().filter(t -> t.id() == was.id()).findFirst().orElse(null));
    }

    /** Renames the chosen tag to the typed name; a refusal (taken, too long) is said under the list. */
    public void rename() {
        Tag tag = chosen.get();
        String name = newName.get();
        if (tag == null || name == null || name.strip().equals(tag.name())) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> tags.rename(tag.name(), name)).onSuccess(renamed -> {
            status.set(messages.get("tags.renamed", tag.name(), renamed.name()));
            chosen.set(renamed);
            changes.manyChanged();
        }).onFailure(this::refusedOrDialog));
    }

    /** Asks first, naming how many members carry the tag, its rule and the campaigns sent to it; then deletes. */
    public void delete() {
        Tag tag = chosen.get();
        if (tag == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> tags.deletion(tag.name())).onSuccess(deletion -> {
            if (!deletion.usedBy().isEmpty()) {
                status.set(messages.get("tag.delete.used", tag.name(), String.join(", ", deletion.usedBy())));
                return;
            }
            if (dialogs.confirm(messages.get("tags.delete.title", tag.name()), consequences(deletion))) {
                tasks.execute(BackgroundTask.of(() -> {
                    tags.delete(tag.name());
                    return tag;
                }).onSuccess(gone -> {
                    status.set(messages.get("tags.deleted", gone.name()));
                    chosen.set(null);
                    changes.manyChanged();
                }).onFailure(this::refusedOrDialog));
            }
        }).onFailure(this::refusedOrDialog));
    }

    private String consequences(TagService.Deletion deletion) {
        Tag tag = deletion.tag();
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("tags.delete.members", tag.name(), tag.members()));
        if (tag.isRuleTag()) {
            lines.add(messages.get("tags.delete.rule", words.describe(Rule.parse(tag.rule()))));
        }
        if (deletion.campaigns() > 0) {
            lines.add(messages.get("tags.delete.campaigns", deletion.campaigns()));
        }
        lines.add(messages.get("tags.delete.keep"));
        return String.join("\n", lines);
    }

    /** Recomputes the chosen rule tag now, in the background; {@link #stopRefresh} keeps it as it was. */
    public void refreshNow() {
        Tag tag = chosen.get();
        if (tag == null || !tag.isRuleTag() || refreshing.get()) {
            return;
        }
        Progress cancel = new Progress();
        refresh = cancel;
        refreshing.set(true);
        status.set(messages.get("tags.refreshing", tag.name()));
        tasks.execute(BackgroundTask.of(() -> {
            try {
                return tags.refreshNow(tag.name(), cancel);
            } catch (CancellationException stopped) {
                return null; // stopped by the person: normal, not a failure
            }
        }).onSuccess(fresh -> {
            status.set(fresh == null ? messages.get("tags.refreshStopped", tag.name())
                    : messages.get("tags.refreshed", fresh.name(), fresh.members()));
            changes.manyChanged();
        }).onFailure(this::refusedOrDialog).onFinished(() -> refreshing.set(false)));
    }

    public void stopRefresh() {
        refresh.cancel();
    }

    /** A refusal (a name taken, a role that may not) is said under the list; anything else in a dialog. */
    private void refusedOrDialog(Throwable failure) {
        if (failure instanceof ValidationException || failure instanceof NotAllowedException) {
            status.set(ErrorText.describe(failure, messages));
        } else {
            dialogs.showError(failure);
        }
    }
}

package org.memberdesk.ui.tags;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleWords;
import org.memberdesk.tags.Tag;
import org.memberdesk.tags.TagService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.ui.members.MemberSection;

/**
 * The member pane's tags: every tag the member carries. A manual tag's chip has a × that takes it off this member
 * after a confirmation; a rule tag's chip has none, and clicking it says why (its rule decides, at each refresh).
 */
public final class TagsSection implements MemberSection<List<Tag>> {
    private final TagService tags;
    private final Messages messages;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final DataChanges changes;
    private final RuleWords words;

    public TagsSection(TagService tags, Messages messages, TaskExecutor tasks, DialogService dialogs,
                       DataChanges changes) {
        this.tags = tags;
        this.messages = messages;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changes = changes;
        this.words = new RuleWords(messages);
    }

    @Override
    public String titleKey() {
        return "member.section.tags";
    }

    @Override
    public Ikon icon() {
        return Feather.TAG;
    }

    @Override
    public List<Tag> read(Member member) {
        return tags.carriedBy(member.id());
    }

    @Override
    public Node show(Member member, List<Tag> carried) {
        if (carried.isEmpty()) {
            Label none = new Label(messages.get("member.tags.none"));
            none.getStyleClass().add("text-muted");
            return none;
        }
        Label note = new Label();
        note.setId("member-tags-note");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("member-tags");
        for (Tag tag : carried) {
            chips.getChildren().add(tag.isRuleTag() ? ruleChip(tag, note) : manualChip(member, tag, note));
        }
        return new VBox(6, chips, note);
    }

    /** A rule tag: no ×; clicking it (or its tooltip) says that its rule decides. */
    private Node ruleChip(Tag tag, Label note) {
        String why = messages.get("member.tags.ruleTag", tag.name(), words.describe(Rule.parse(tag.rule())));
        Label chip = new Label(tag.name());
        chip.setId("member-tag-" + tag.id());
        chip.getStyleClass().addAll("tag-chip", "accent", "rule-tag");
        chip.setTooltip(new Tooltip(why));
        chip.setOnMouseClicked(e -> note.setText(why));
        return chip;
    }

    /** A manual tag: its name and a × that takes it off this member, after asking. */
    private Node manualChip(Member member, Tag tag, Label note) {
        Label name = new Label(tag.name());
        Button remove = new Button("×");
        remove.setId("member-tag-remove-" + tag.id());
        remove.getStyleClass().addAll("flat", "small");
        remove.setTooltip(new Tooltip(messages.get("member.tags.remove", tag.name())));
        remove.setAccessibleText(messages.get("member.tags.remove", tag.name()));
        remove.setOnAction(e -> {
            if (dialogs.confirm(messages.get("member.tags.remove.title", tag.name()),
                    messages.get("member.tags.remove.message", tag.name(), member.name()))) {
                tasks.execute(BackgroundTask.of(() -> tags.remove(tag.name(), new long[] {member.id()}))
                        .onSuccess(removed -> changes.memberChanged(member.id()))
                        .onFailure(failure -> note.setText(ErrorText.describe(failure, messages))));
            }
        });
        HBox chip = new HBox(2, name, remove);
        chip.setId("member-tag-" + tag.id());
        chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        chip.getStyleClass().addAll("tag-chip", "accent");
        return chip;
    }
}

package org.memberdesk.ui.tags;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.members.Member;
import org.memberdesk.tags.TagService;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.members.MemberSection;

/** The member pane's tags: every tag the member carries, manual or from a rule. */
public final class TagsSection implements MemberSection<List<String>> {
    private final TagService tags;
    private final Messages messages;

    public TagsSection(TagService tags, Messages messages) {
        this.tags = tags;
        this.messages = messages;
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
    public List<String> read(Member member) {
        return tags.tagsOf(member.id());
    }

    @Override
    public Node show(Member member, List<String> names) {
        if (names.isEmpty()) {
            Label none = new Label(messages.get("member.tags.none"));
            none.getStyleClass().add("text-muted");
            return none;
        }
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("member-tags");
        for (String name : names) {
            Label chip = new Label(name);
            chip.getStyleClass().addAll("tag-chip", "accent");
            chips.getChildren().add(chip);
        }
        return chips;
    }
}

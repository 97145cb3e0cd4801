package org.memberdesk.ui.members;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;

/** A detail-pane section whose feature has not landed yet: it says so instead of leaving a hole. */
public final class PendingSection implements MemberSection<Void> {
    private final String titleKey;
    private final Ikon icon;
    private final Messages messages;

    public PendingSection(String titleKey, Ikon icon, Messages messages) {
        this.titleKey = titleKey;
        this.icon = icon;
        this.messages = messages;
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public Ikon icon() {
        return icon;
    }

    @Override
    public Void read(Member member) {
        return null;
    }

    @Override
    public Node show(Member member, Void data) {
        Label label = new Label(messages.get("member.section.pending"));
        label.getStyleClass().add("section-pending");
        label.setWrapText(true);
        return label;
    }
}

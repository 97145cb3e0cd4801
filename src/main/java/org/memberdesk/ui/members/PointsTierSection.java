package org.memberdesk.ui.members;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;

/**
 * Points balance and current tier as the members table caches them. The growth feature replaces
 * this with its own section (ledger, expiry, next tier) in {@code Screens#memberSections}.
 */
public final class PointsTierSection implements MemberSection<Member> {
    private final Messages messages;

    public PointsTierSection(Messages messages) {
        this.messages = messages;
    }

    @Override
    public String titleKey() {
        return "member.section.pointsTier";
    }

    @Override
    public Ikon icon() {
        return Feather.STAR;
    }

    @Override
    public Member read(Member member) {
        return member;
    }

    @Override
    public Node show(Member member, Member data) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        Label points = new Label(String.format("%,d", data.points()));
        points.setId("detail-points");
        grid.addRow(0, muted(messages.get("member.points")), points);
        grid.addRow(1, muted(messages.get("member.tier")),
                new Label(data.tier() == null ? messages.get("member.tier.none") : data.tier()));
        return grid;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }
}

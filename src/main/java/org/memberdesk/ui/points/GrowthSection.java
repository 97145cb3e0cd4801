package org.memberdesk.ui.points;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.points.PointsSummary;
import org.memberdesk.tiers.Tier;
import org.memberdesk.tiers.TierProgress;
import org.memberdesk.tiers.TierService;
import org.memberdesk.ui.common.PointsBalance;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.members.MemberSection;

/**
 * The member pane's points and tier block: balance and what expires soon, the tier with its
 * benefits, and what the next tier still needs ("再消费 ¥320 升级金卡").
 */
public final class GrowthSection implements MemberSection<GrowthSection.Data> {
    private final UiContext context;

    public GrowthSection(UiContext context) {
        this.context = context;
    }

    /** What the section reads about a member. */
    public record Data(PointsSummary summary, TierProgress progress) {
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
    public Data read(Member member) {
        return new Data(context.app().points().summary(member.id()), context.app().tiers().progress(member.id()));
    }

    @Override
    public Node show(Member member, Data data) {
        Messages m = context.messages();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        Label points = PointsBalance.label(data.summary().balance(), m);
        points.setId("detail-points");
        grid.addRow(0, muted(m.get("member.points")), points);
        String expiry = PointsExpiry.text(data.summary(), m);
        if (!expiry.isEmpty()) {
            Label expiring = new Label(expiry);
            expiring.setId("detail-points-expiry");
            grid.addRow(1, new Label(), expiring);
        }
        Tier tier = data.progress().current();
        Label tierName = new Label(tier.name());
        tierName.setId("detail-tier");
        grid.addRow(2, muted(m.get("member.tier")), tierName);
        grid.addRow(3, new Label(), new Label(benefits(tier, m)));
        Label next = new Label(TierService.nextStep(data.progress(), m));
        next.setId("detail-next-tier");
        grid.addRow(4, new Label(), next);
        return grid;
    }

    static String benefits(Tier tier, Messages m) {
        String text = m.get("tiers.ui.benefits", tier.pointsPercent(), tier.discountPercent());
        return tier.perks() == null || tier.perks().isBlank() ? text : text + m.get("points.ui.perksSeparator") + tier.perks();
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }
}

package org.memberdesk.ui.coupons;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.members.Member;
import org.memberdesk.ui.members.MemberSection;

/**
 * The member pane's coupons: every coupon the member was given, newest first, with its campaign,
 * its state today and its expiry (or when it was used and what it took off), so staff can answer
 * "do I still have a coupon?" without leaving the member.
 */
public final class CouponsSection implements MemberSection<List<CouponsSection.Line>> {
    /** One coupon as the pane shows it; the state is decided when read, on the shop's clock. */
    public record Line(String code, String campaign, String coupon, IssuedCoupon.State state, String when) {
    }

    private final CampaignService campaigns;
    private final Clock clock;
    private final Messages messages;

    public CouponsSection(CampaignService campaigns, Clock clock, Messages messages) {
        this.campaigns = campaigns;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public String titleKey() {
        return "member.section.coupons";
    }

    @Override
    public Ikon icon() {
        return Feather.GIFT;
    }

    @Override
    public List<Line> read(Member member) {
        LocalDate today = LocalDate.now(clock);
        // a member holds a handful of coupons from fewer campaigns: look each campaign up once
        Map<Long, Optional<Campaign>> byCampaign = new HashMap<>();
        Map<Long, Optional<Coupon>> byCoupon = new HashMap<>();
        return campaigns.memberCoupons(member.id()).stream().map(issued -> {
            String campaign = byCampaign.computeIfAbsent(issued.campaignId(), campaigns::campaign)
                    .map(Campaign::name).orElse("#" + issued.campaignId());
            String coupon = byCoupon.computeIfAbsent(issued.couponId(), campaigns::coupon)
                    .map(Coupon::name).orElse("");
            IssuedCoupon.State state = issued.state(today);
            String when = state == IssuedCoupon.State.USED
                    ? messages.get("member.coupons.used", issued.usedAt().toLocalDate().toString(),
                            Money.display(issued.discountCents() == null ? 0 : issued.discountCents()))
                    : messages.get("member.coupons.until", issued.validTo().toString());
            return new Line(issued.code(), campaign, coupon, state, when);
        }).toList();
    }

    @Override
    public Node show(Member member, List<Line> lines) {
        if (lines.isEmpty()) {
            Label none = new Label(messages.get("member.coupons.none"));
            none.getStyleClass().add("text-muted");
            return none;
        }
        GridPane grid = new GridPane();
        grid.setId("member-coupons");
        grid.setHgap(12);
        grid.setVgap(4);
        for (int row = 0; row < lines.size(); row++) {
            Line line = lines.get(row);
            Label code = new Label(line.code());
            code.getStyleClass().add("text-bold");
            String title = line.coupon().isEmpty() || line.coupon().equals(line.campaign())
                    ? line.campaign() : line.campaign() + " · " + line.coupon();
            Label name = new Label(title);
            Label state = new Label(stateText(line.state()));
            state.setId("member-coupon-state-" + line.code());
            state.getStyleClass().add(line.state() == IssuedCoupon.State.USABLE ? "success" : "text-muted");
            Label when = new Label(line.when());
            when.getStyleClass().add("text-muted");
            grid.addRow(row, code, name, state, when);
        }
        return grid;
    }

    /** The state in the UI language, as the Coupons screen names it. */
    public String stateText(IssuedCoupon.State state) {
        return messages.get("coupons.state." + state.name().toLowerCase(Locale.ROOT));
    }
}

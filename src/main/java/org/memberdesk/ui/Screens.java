package org.memberdesk.ui;

import java.util.List;
import java.util.function.Consumer;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Target;
import org.memberdesk.ui.analytics.AnalyticsScreen;
import org.memberdesk.ui.cards.CardsScreen;
import org.memberdesk.ui.cards.CardsSection;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.counter.CounterScreen;
import org.memberdesk.ui.coupons.CouponsScreen;
import org.memberdesk.ui.coupons.CouponsSection;
import org.memberdesk.ui.dashboard.DashboardScreen;
import org.memberdesk.ui.log.LogScreen;
import org.memberdesk.ui.members.MemberSection;
import org.memberdesk.ui.members.MembersScreen;
import org.memberdesk.ui.purchases.PurchasesScreen;
import org.memberdesk.ui.points.GrowthSection;
import org.memberdesk.ui.points.PointsScreen;
import org.memberdesk.ui.settings.SettingsScreen;
import org.memberdesk.ui.shell.Screen;
import org.memberdesk.ui.staff.StaffReportScreen;
import org.memberdesk.ui.tags.SegmentsScreen;
import org.memberdesk.ui.tags.TagsSection;
import org.memberdesk.ui.tiers.TiersScreen;

/**
 * Every area of the sidebar, in order, built in this one place. A feature that lands replaces its
 * placeholder with its own {@link Screen}; ids stay the same (preferences remember them).
 */
final class Screens {
    private Screens() {
    }

    static List<Screen> all(UiContext context, Consumer<Language> switchLanguage, Consumer<String> navigate) {
        CounterScreen counter = new CounterScreen(context);
        CouponsScreen coupons = new CouponsScreen(context);
        // a funnel step's members become a campaign's target: the coupons screen opens its wizard with it
        Consumer<Target> campaign = target -> {
            navigate.accept("coupons");
            coupons.startCampaign(target);
        };
        return List.of(
                new DashboardScreen(context, campaign),
                counter,
                new MembersScreen(context, memberSections(context), member -> {
                    counter.serve(member);
                    navigate.accept("counter");
                }),
                new PurchasesScreen(context),
                new CardsScreen(context),
                new PointsScreen(context),
                new TiersScreen(context),
                new SegmentsScreen(context),
                coupons,
                new AnalyticsScreen(context, campaign),
                new StaffReportScreen(context),
                new LogScreen(context),
                new SettingsScreen(context, switchLanguage));
    }

    /** The blocks of the member detail pane after profile, spend and history, in order. */
    static List<MemberSection<?>> memberSections(UiContext context) {
        Messages m = context.messages();
        return List.of(
                new CardsSection(context),
                new GrowthSection(context),
                new TagsSection(context.app().tags(), m),
                new CouponsSection(context.app().campaigns(), context.app().clock(), m));
    }
}

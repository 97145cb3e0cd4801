package org.memberdesk.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Target;
import org.memberdesk.staff.Permission;
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

    /**
     * The permission each screen's use needs (the sidebar leaves out the others). The counter's work — selling,
     * finding members, returns of today's sales, redeeming points and coupons — is a cashier's; reports, tags and
     * campaigns a manager's; screens that are only configuration (the tier ladder, Settings) the owner's.
     */
    static Map<String, Permission> needs() {
        return Map.ofEntries(
                Map.entry("dashboard", Permission.REPORTS),
                Map.entry("counter", Permission.SELL),
                Map.entry("members", Permission.FIND_MEMBERS),
                Map.entry("purchases", Permission.RETURN_TODAY),
                // 续费提醒 and 负债 are reports; cards are sold and topped up at the counter
                Map.entry("cards", Permission.REPORTS),
                // a member's points, redeemed at the counter (adjusting is refused beyond the role)
                Map.entry("points", Permission.REDEEM_POINTS),
                Map.entry("tiers", Permission.SETTINGS),
                Map.entry("tags", Permission.TAGS),
                Map.entry("coupons", Permission.CAMPAIGNS),
                Map.entry("analytics", Permission.REPORTS),
                // 员工业绩 is a report; the operation log is the manager's and the owner's to read
                Map.entry("staff-report", Permission.REPORTS),
                Map.entry("log", Permission.VIEW_LOG),
                Map.entry("settings", Permission.SETTINGS));
    }

    /** The blocks of the member detail pane after profile, spend and history, in order. */
    static List<MemberSection<?>> memberSections(UiContext context) {
        Messages m = context.messages();
        return List.of(
                new CardsSection(context),
                new GrowthSection(context),
                new TagsSection(context.app().tags(), m, context.tasks(), context.dialogs(), context.changes()),
                new CouponsSection(context.app().campaigns(), context.app().clock(), m));
    }
}

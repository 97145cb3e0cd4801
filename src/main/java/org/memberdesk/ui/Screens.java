package org.memberdesk.ui;

import java.util.List;
import java.util.function.Consumer;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.counter.CounterScreen;
import org.memberdesk.ui.coupons.CouponsScreen;
import org.memberdesk.ui.coupons.CouponsSection;
import org.memberdesk.ui.dashboard.DashboardScreen;
import org.memberdesk.ui.members.MemberSection;
import org.memberdesk.ui.members.MembersScreen;
import org.memberdesk.ui.purchases.PurchasesScreen;
import org.memberdesk.ui.points.GrowthSection;
import org.memberdesk.ui.points.PointsScreen;
import org.memberdesk.ui.settings.SettingsScreen;
import org.memberdesk.ui.shell.ComingSoonScreen;
import org.memberdesk.ui.shell.Screen;
import org.memberdesk.ui.tags.SegmentsScreen;
import org.memberdesk.ui.tags.TagsSection;
import org.memberdesk.ui.tiers.TiersScreen;

/**
 * Every area of the sidebar, in order, built in this one place. A feature that lands replaces its
 * {@code soon(...)} line with its own {@link Screen}; ids stay the same (preferences remember them).
 */
final class Screens {
    private Screens() {
    }

    static List<Screen> all(UiContext context, Consumer<Language> switchLanguage, Consumer<String> navigate) {
        CounterScreen counter = new CounterScreen(context);
        return List.of(
                new DashboardScreen(context),
                counter,
                new MembersScreen(context, memberSections(context), member -> {
                    counter.serve(member);
                    navigate.accept("counter");
                }),
                new PurchasesScreen(context),
                new PointsScreen(context),
                new TiersScreen(context),
                new SegmentsScreen(context),
                new CouponsScreen(context),
                soon(context, "analytics", "nav.analytics", Feather.BAR_CHART_2),
                new SettingsScreen(context, switchLanguage));
    }

    /** The blocks of the member detail pane after profile, spend and history, in order. */
    static List<MemberSection<?>> memberSections(UiContext context) {
        Messages m = context.messages();
        return List.of(
                new GrowthSection(context),
                new TagsSection(context.app().tags(), m),
                new CouponsSection(context.app().campaigns(), context.app().clock(), m));
    }

    private static Screen soon(UiContext context, String id, String titleKey, org.kordamp.ikonli.Ikon icon) {
        return new ComingSoonScreen(id, titleKey, icon, context.messages());
    }
}

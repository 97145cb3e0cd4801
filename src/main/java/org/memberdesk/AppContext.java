package org.memberdesk;

import java.time.Clock;
import java.util.List;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.AnalyticsStore;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.analytics.report.DashboardPdf;
import org.memberdesk.db.Database;
import org.memberdesk.io.Exporter;
import org.memberdesk.io.ImportListener;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PurchaseListener;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.segments.LifecycleService;
import org.memberdesk.segments.RfmService;
import org.memberdesk.tags.RuleService;
import org.memberdesk.tags.TagRefresher;
import org.memberdesk.tags.TagService;
import org.memberdesk.tags.TagStore;
import org.memberdesk.shop.ShopProfileService;
import org.memberdesk.shop.ShopProfileStore;

/**
 * The composition root: every store and service of one open database, built here and only here,
 * by constructor. The windows and the command line both start from one of these.
 */
public final class AppContext {
    private final Database database;
    private final Clock clock;
    private final MemberStore memberStore;
    private final PurchaseStore purchaseStore;
    private final MemberService members;
    private final PurchaseService purchases;
    private final MemberImporter memberImporter;
    private final PurchaseImporter purchaseImporter;
    private final Exporter exporter;
    private final AnalyticsService analytics;
    private final ChartExport analyticsCharts;
    private final DashboardPdf dashboardPdf;
    private final RuleService rules;
    private final TagService tags;
    private final RfmService rfm;
    private final LifecycleService lifecycle;
    private final ShopProfileService shopProfile;

    public AppContext(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.memberStore = new MemberStore();
        this.purchaseStore = new PurchaseStore();
        this.members = new MemberService(database, memberStore, clock);
        List<PurchaseListener> purchaseListeners = List.of();
        this.purchases = new PurchaseService(database, purchaseStore, memberStore, clock, purchaseListeners);
        this.rules = new RuleService(database, clock);
        this.tags = new TagService(database, new TagStore(), clock);
        this.rfm = new RfmService(database);
        this.lifecycle = new LifecycleService(database);
        List<ImportListener> importListeners = List.of(new TagRefresher(tags));
        this.memberImporter = new MemberImporter(database, members, memberStore, importListeners);
        this.purchaseImporter = new PurchaseImporter(database, purchases, members, memberStore, importListeners);
        this.exporter = new Exporter(database);
        this.analytics = new AnalyticsService(database, new AnalyticsStore(), clock, rules, rfm, lifecycle);
        this.analyticsCharts = new ChartExport(analytics);
        this.dashboardPdf = new DashboardPdf(analytics, clock);
        this.shopProfile = new ShopProfileService(database, new ShopProfileStore());
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public MemberService members() {
        return members;
    }

    public PurchaseService purchases() {
        return purchases;
    }

    public MemberImporter memberImporter() {
        return memberImporter;
    }

    public PurchaseImporter purchaseImporter() {
        return purchaseImporter;
    }

    public Exporter exporter() {
        return exporter;
    }

    public AnalyticsService analytics() {
        return analytics;
    }

    public ChartExport analyticsCharts() {
        return analyticsCharts;
    }

    public DashboardPdf dashboardPdf() {
        return dashboardPdf;
    }

    public RuleService rules() {
        return rules;
    }

    public TagService tags() {
        return tags;
    }

    public RfmService rfm() {
        return rfm;
    }

    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public ShopProfileService shopProfile() {
        return shopProfile;
    }
}

package org.memberdesk;

import java.time.Clock;
import java.util.List;
import org.memberdesk.coupons.CampaignReports;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.CampaignStore;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.coupons.CouponStore;
import org.memberdesk.coupons.ResultsStore;
import org.memberdesk.coupons.SegmentTargets;
import org.memberdesk.coupons.TargetStore;
import org.memberdesk.coupons.print.CouponPrinter;
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
    private final CampaignService campaigns;
    private final CheckoutService checkout;
    private final CampaignReports campaignReports;
    private final CouponPrinter couponPrinter;
    private final RuleService rules;
    private final TagService tags;
    private final RfmService rfm;
    private final LifecycleService lifecycle;

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
        CouponStore couponStore = new CouponStore();
        CampaignStore campaignStore = new CampaignStore();
        this.campaigns = new CampaignService(database, couponStore, campaignStore, new TargetStore(),
                new SegmentTargets(rfm, lifecycle, clock),
                clock);
        this.checkout = new CheckoutService(database, purchases, purchaseStore, memberStore, couponStore, clock);
        this.campaignReports = new CampaignReports(database, campaignStore, couponStore, new ResultsStore());
        this.couponPrinter = new CouponPrinter(database, campaignStore, couponStore, clock);
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

    public CampaignService campaigns() {
        return campaigns;
    }

    public CheckoutService checkout() {
        return checkout;
    }

    public CampaignReports campaignReports() {
        return campaignReports;
    }

    public CouponPrinter couponPrinter() {
        return couponPrinter;
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
}

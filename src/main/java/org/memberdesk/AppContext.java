package org.memberdesk;

import java.time.Clock;
import java.util.List;
import org.memberdesk.db.Database;
import org.memberdesk.io.Exporter;
import org.memberdesk.io.ImportListener;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;
import org.memberdesk.members.MemberListener;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.points.PointsEarner;
import org.memberdesk.points.PointsRulesStore;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsStore;
import org.memberdesk.points.RewardStore;
import org.memberdesk.points.SignupBonus;
import org.memberdesk.purchases.PurchaseListener;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.shop.ShopProfileService;
import org.memberdesk.shop.ShopProfileStore;
import org.memberdesk.tiers.GrowthListener;
import org.memberdesk.tiers.TierService;
import org.memberdesk.tiers.TierStore;
import org.memberdesk.tiers.TierUpgrader;

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
    private final PointsService points;
    private final TierService tiers;
    private final ShopProfileService shopProfile;

    public AppContext(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.memberStore = new MemberStore();
        this.purchaseStore = new PurchaseStore();
        PointsStore pointsStore = new PointsStore();
        PointsRulesStore pointsRules = new PointsRulesStore();
        TierStore tierStore = new TierStore();
        this.points = new PointsService(database, pointsStore, pointsRules, new RewardStore(), clock);
        this.tiers = new TierService(database, tierStore, clock);
        List<MemberListener> memberListeners = List.of(new SignupBonus(pointsStore, pointsRules));
        this.members = new MemberService(database, memberStore, clock, memberListeners);
        // points first: a sale earns at the tier the member had when paying, then may upgrade them
        List<PurchaseListener> purchaseListeners = List.of(new GrowthListener(
                new PointsEarner(pointsStore, pointsRules), new TierUpgrader(tierStore)));
        this.purchases = new PurchaseService(database, purchaseStore, memberStore, clock, purchaseListeners);
        List<ImportListener> importListeners = List.of();
        this.memberImporter = new MemberImporter(database, members, memberStore, importListeners);
        this.purchaseImporter = new PurchaseImporter(database, purchases, members, memberStore, importListeners);
        this.exporter = new Exporter(database);
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

    public PointsService points() {
        return points;
    }

    public TierService tiers() {
        return tiers;
    }

    public ShopProfileService shopProfile() {
        return shopProfile;
    }
}

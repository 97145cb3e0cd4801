package org.memberdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.AnalyticsStore;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.analytics.report.DashboardPdf;
import org.memberdesk.cards.CardReports;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.CardStore;
import org.memberdesk.cards.CardsSold;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.cards.MemberPhotos;
import org.memberdesk.cards.print.CardPrinter;
import org.memberdesk.demo.DemoCards;
import org.memberdesk.cards.PaymentPlanner;
import org.memberdesk.cards.StoredValuePayments;
import org.memberdesk.coupons.CampaignReports;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.CampaignStore;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.coupons.CouponRedemption;
import org.memberdesk.coupons.CouponStore;
import org.memberdesk.coupons.PointsRewardCoupons;
import org.memberdesk.coupons.ResultsStore;
import org.memberdesk.coupons.SegmentTargets;
import org.memberdesk.coupons.TargetStore;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.db.Backups;
import org.memberdesk.db.DataFolder;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.BackupBeforeImport;
import org.memberdesk.io.Exporter;
import org.memberdesk.io.ImportListener;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;
import org.memberdesk.members.MemberListener;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.points.LedgerBeforeRestore;
import org.memberdesk.points.PointsEarner;
import org.memberdesk.points.PointsRulesStore;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsStore;
import org.memberdesk.points.RewardStore;
import org.memberdesk.points.SignupBonus;
import org.memberdesk.purchases.KeptTotals;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.purchases.MemberStatistics;
import org.memberdesk.purchases.PurchaseEffect;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.shop.ShopProfileService;
import org.memberdesk.shop.ShopProfileStore;
import org.memberdesk.segments.LifecycleService;
import org.memberdesk.segments.RfmService;
import org.memberdesk.predictions.PredictionStore;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.predictions.RenewalStore;
import org.memberdesk.tags.RuleService;
import org.memberdesk.tags.TagRefresher;
import org.memberdesk.tags.RuleTagsAfterPurchases;
import org.memberdesk.tags.TagService;
import org.memberdesk.tags.TagStore;
import org.memberdesk.tiers.GrowthListener;
import org.memberdesk.tiers.GrowthTemplates;
import org.memberdesk.tiers.TierService;
import org.memberdesk.tiers.TierStore;
import org.memberdesk.support.Diagnostics;

/**
 * The composition root: every store and service of one open database, built here and only here,
 * by constructor. The windows and the command line both start from one of these.
 */
public final class AppContext {
    private final Database database;
    private final CardService cards;
    private final org.memberdesk.cards.CardProducts cardProducts;
    private final CheckIns checkIns;
    private final CardReports cardReports;
    private final CardPrinter cardPrinter;
    private final MemberPhotos memberPhotos;
    private final DemoCards demoCards;
    private final Clock clock;
    private final MemberStore memberStore;
    private final PurchaseStore purchaseStore;
    private final MemberService members;
    private final PurchaseService purchases;
    private final MemberImporter memberImporter;
    private final org.memberdesk.io.ImportHistory importHistory;
    private final PurchaseImporter purchaseImporter;
    private final org.memberdesk.io.CardImporter cardImporter;
    private final Exporter exporter;
    private final ShopProfileService shopProfile;
    private final org.memberdesk.shop.ImportMappings importMappings;
    private final AnalyticsService analytics;
    private final ChartExport analyticsCharts;
    private final DashboardPdf dashboardPdf;
    private final org.memberdesk.analytics.SavedFunnels savedFunnels;
    private final CampaignService campaigns;
    private final CheckoutService checkout;
    private final CounterSales counterSales;
    private final CampaignReports campaignReports;
    private final CouponPrinter couponPrinter;
    private final RuleService rules;
    private final Predictions predictions;
    private final TagService tags;
    private final RfmService rfm;
    private final LifecycleService lifecycle;
    private final PointsService points;
    private final TierService tiers;
    private final GrowthTemplates growthTemplates;
    private final Backups backups;
    private final org.memberdesk.backup.BackupService backupService;
    private final Diagnostics diagnostics;
    private final OutputFiles outputFiles;
    private final org.memberdesk.staff.StaffSession session;
    private final org.memberdesk.staff.OperationLog operationLog;
    private final org.memberdesk.staff.StaffService staff;
    private final org.memberdesk.moving.DatabaseMove databaseMove;
    private final org.memberdesk.stores.StoreHere storeHere;
    private final org.memberdesk.stores.StoreService stores;

    public AppContext(Database database, Clock clock) {
        this(database, clock, new OutputFiles(database.file()));
    }

    /** With the output guard given (tests: one that takes a folder for read-only). */
    public AppContext(Database database, Clock clock, OutputFiles outputFiles) {
        this(database, clock, outputFiles, org.memberdesk.staff.Actor.commandLine());
    }

    /**
     * With who acts first: the command line acts as the owner ({@code cli:USER}) or the staff its --staff names;
     * the windows start with nobody and sign a staff member in by PIN.
     */
    public AppContext(Database database, Clock clock, OutputFiles outputFiles, org.memberdesk.staff.Actor first) {
        this.database = database;
        this.clock = clock;
        // who is at the computer: every permission check and every operation log entry reads it
        this.session = new org.memberdesk.staff.StaffSession(first);
        this.operationLog = new org.memberdesk.staff.OperationLog(database, new org.memberdesk.staff.LogStore(),
                session, clock);
        // where this computer works: store 1 until the command line's --store or this computer's setting says
        // (stores().settle); every write that happens somewhere reads it
        this.storeHere = org.memberdesk.stores.StoreHere.main();
        this.stores = new org.memberdesk.stores.StoreService(database, new org.memberdesk.stores.StoreStore(),
                storeHere, new org.memberdesk.stores.StoreSetting(database.file()), session, operationLog, clock);
        this.staff = new org.memberdesk.staff.StaffService(database, new org.memberdesk.staff.StaffStore(),
                new org.memberdesk.staff.PinHashing(), session, operationLog, clock, storeHere::id);
        this.memberStore = new MemberStore();
        this.purchaseStore = new PurchaseStore();
        PointsStore pointsStore = new PointsStore();
        // a backup's ledger must add up before a restore puts it in place of the data
        List<org.memberdesk.db.RestoreCheck> copyChecks = List.of(new LedgerBeforeRestore(pointsStore),
                new org.memberdesk.cards.CardsBeforeRestore());
        this.backups = new Backups(database, clock, copyChecks);
        // moving the shop to another engine: the copy must pass the same checks as a restored backup
        this.databaseMove = new org.memberdesk.moving.DatabaseMove(session, operationLog, copyChecks);
        // every file the app writes for a person goes through this one guard (never over the database, its
        // backups, nor their copies in the folder the owner chose)
        this.outputFiles = outputFiles.guardingCopiesIn(backups.copies()::folder);
        // a person's backups and restores: the owner's, each logged (the app's own backups go to Backups directly)
        this.backupService = new org.memberdesk.backup.BackupService(database, backups, session, operationLog, clock);
        PointsRulesStore pointsRules = new PointsRulesStore();
        TierStore tierStore = new TierStore();
        this.points = new PointsService(database, pointsStore, pointsRules, new RewardStore(),
                new PointsRewardCoupons(new CouponStore(), new CampaignStore()), clock, session, operationLog,
                staff::managerPointsLimit);
        this.tiers = new TierService(database, tierStore, clock, session, operationLog);
        this.growthTemplates = new GrowthTemplates(database, points, tiers, tierStore, session, operationLog);
        CouponStore couponStore = new CouponStore();
        // a new model changes what the prediction fields read: rule tags out of date (refreshed after the refit)
        this.predictions = new Predictions(database, new PredictionStore(), new RenewalStore(), clock,
                connection -> tags().markStale(connection, "prediction model " + System.nanoTime()), session);
        // the prediction fields read the latest model as of a rule's date; the first such rule fits one
        this.rules = new RuleService(database, clock, outputFiles, asOf -> predictions.ensureForRules(asOf, false),
                session, operationLog);
        this.tags = new TagService(database, new TagStore(), clock, rules, session, operationLog);
        // a member's changed fields (a join date corrected) change what rules see: rule tags out of date
        List<MemberListener> memberListeners = List.of(new SignupBonus(pointsRules),
                new org.memberdesk.tags.RuleTagsAfterMemberChanges(tags));
        this.members = new MemberService(database, memberStore, clock, memberListeners, session, storeHere,
                operationLog);
        CardStore cardStore = new CardStore();
        org.memberdesk.cards.CardProductStore cardProductStore = new org.memberdesk.cards.CardProductStore();
        org.memberdesk.cards.PaymentStore paymentStore = new org.memberdesk.cards.PaymentStore();
        org.memberdesk.cards.VisitStore visitStore = new org.memberdesk.cards.VisitStore();
        // the one rule of where a card works (a product limited to one store), and the store its rows belong to
        org.memberdesk.cards.StoreLimit storeLimit = new org.memberdesk.cards.StoreLimit(storeHere,
                new org.memberdesk.stores.StoreStore());
        PaymentPlanner paymentPlanner = new PaymentPlanner(cardStore, storeLimit);
        // The purchase pipeline: what every purchase does besides being stored, in this order, whether it comes
        // from the counter, the command line or an import (DEVELOPERS.md "The purchase pipeline").
        List<PurchaseEffect> purchaseEffects = List.of(
                new MemberStatistics(),
                new KeptTotals(),
                // points first: a sale earns at the tier the member had when paying, then may upgrade them
                new GrowthListener(new PointsEarner(pointsStore, pointsRules), tierStore),
                new CouponRedemption(couponStore),
                // how it was paid; the part from a stored-value card taken off its balance (never below zero)
                new StoredValuePayments(cardStore, paymentStore, session, storeLimit),
                // a sale that sold a card is given back by refunding the card, and voided only while unused
                new CardsSold(cardStore),
                new RuleTagsAfterPurchases(tags));
        this.purchases = new PurchaseService(database, purchaseStore, memberStore, clock, purchaseEffects, session,
                storeHere, operationLog);
        this.rfm = new RfmService(database);
        this.lifecycle = new LifecycleService(database, session, operationLog);
        // a backup before anything is read, rule tags refreshed after anything was stored
        List<ImportListener> importListeners = List.of(new BackupBeforeImport(backups), new TagRefresher(tags));
        this.memberImporter = new MemberImporter(database, members, memberStore, importListeners, outputFiles,
                session, operationLog);
        this.importHistory = new org.memberdesk.io.ImportHistory(database);
        this.purchaseImporter = new PurchaseImporter(database, purchases, members, memberStore, importListeners,
                outputFiles, session, operationLog);
        this.exporter = new Exporter(database, outputFiles, session, operationLog);
        this.shopProfile = new ShopProfileService(database, new ShopProfileStore(), session, operationLog);
        this.importMappings = new org.memberdesk.shop.ImportMappings(database, new ShopProfileStore(), session,
                operationLog);
        this.cardReports = new CardReports(database, clock);
        this.analytics = new AnalyticsService(database, new AnalyticsStore(), clock, rules, rfm, lifecycle,
                cardReports, session, tierStore);
        this.analyticsCharts = new ChartExport(analytics, outputFiles, session, operationLog);
        this.dashboardPdf = new DashboardPdf(analytics, clock, outputFiles, session, operationLog);
        this.savedFunnels = new org.memberdesk.analytics.SavedFunnels(database,
                new org.memberdesk.analytics.SavedFunnelStore(), rules, clock, session, operationLog);
        CampaignStore campaignStore = new CampaignStore();
        this.campaigns = new CampaignService(database, couponStore, campaignStore, new TargetStore(),
                new SegmentTargets(rfm, lifecycle, rules, clock),
                clock, session, operationLog);
        this.checkout = new CheckoutService(memberStore, couponStore, clock);
        this.counterSales = new CounterSales(database, purchases, purchaseStore, memberStore, checkout, tierStore,
                paymentPlanner, clock, session, operationLog);
        // a card or visit changes what rules see (visits, stored value, sessions, days left): rule tags out of date
        org.memberdesk.cards.CardChanges cardChanges = (connection, what) ->
                tags.markStale(connection, what + " " + System.nanoTime());
        this.cardProducts = new org.memberdesk.cards.CardProducts(database, cardProductStore, clock, session,
                operationLog, new org.memberdesk.stores.StoreStore());
        this.cards = new CardService(database, cardStore, cardProductStore, paymentStore, visitStore, paymentPlanner, purchases, purchaseStore, memberStore,
                tierStore, clock, cardChanges, session, operationLog, storeLimit);
        this.checkIns = new CheckIns(database, cardStore, visitStore, memberStore, cards, cardChanges, session,
                operationLog, storeLimit);
        this.cardImporter = new org.memberdesk.io.CardImporter(database, cardStore, cardProductStore, memberStore, importListeners,
                outputFiles, clock, session, operationLog, storeHere);
        this.cardPrinter = new CardPrinter(database, memberStore, cardStore, cardReports, shopProfile::name, clock,
                outputFiles, session, operationLog);
        this.memberPhotos = new MemberPhotos(database, memberStore, clock, session, operationLog);
        this.demoCards = new DemoCards(database, cardProducts, cards, checkIns, members, storeHere, clock);
        this.campaignReports = new CampaignReports(database, campaignStore, couponStore, new ResultsStore(),
                outputFiles, session, operationLog);
        this.couponPrinter = new CouponPrinter(database, campaignStore, couponStore, clock, outputFiles, session,
                operationLog);
        this.diagnostics = new Diagnostics(database, backups, purchases, DataFolder.forCurrentUser(), clock);
    }

    /** Who is at the computer now (permissions, masked phones, the operation log's "who"). */
    public org.memberdesk.staff.StaffSession session() {
        return session;
    }

    /** The operation log (操作日志). */
    public org.memberdesk.staff.OperationLog operationLog() {
        return operationLog;
    }

    /** Staff (员工), their PINs and the staff settings. */
    public org.memberdesk.staff.StaffService staff() {
        return staff;
    }

    /** Staff performance (员工业绩); holds nothing of its own, so it is built when asked. */
    public org.memberdesk.staff.StaffPerformance staffPerformance() {
        return new org.memberdesk.staff.StaffPerformance(database, session);
    }

    /** Staff performance to CSV or Excel. */
    public org.memberdesk.io.StaffPerformanceExport staffPerformanceExport() {
        return new org.memberdesk.io.StaffPerformanceExport(outputFiles, operationLog, stores::all);
    }

    /** The operation log to CSV or Excel (the owner). */
    public org.memberdesk.io.OperationLogExport operationLogExport() {
        return new org.memberdesk.io.OperationLogExport(outputFiles, operationLog);
    }

    /** The shop's stores (门店), and which one this computer works in. */
    public org.memberdesk.stores.StoreService stores() {
        return stores;
    }

    /** The store this computer works in, as the writes that happen somewhere read it. */
    public org.memberdesk.stores.StoreHere storeHere() {
        return storeHere;
    }

    public Database database() {
        return database;
    }

    /**
     * Fills a demo database (the windows' demo, the command line's {@code demo}) through the importers, as a shop's
     * own files would be.
     */
    public org.memberdesk.demo.DemoLoader demoLoader(Clock clock) {
        return new org.memberdesk.demo.DemoLoader(memberImporter, purchaseImporter, demoCards, stores(),
                shopProfile(), clock, outputFiles);
    }

    /** Where the data is, for the windows to show: the file, or the server's address (never its password). */
    public String databaseLocation() {
        return database.describeLocation();
    }

    /** True when the data is on a PostgreSQL server shared by several counters (docs/multi-store.md). */
    public boolean onServer() {
        return database.server().isPresent();
    }

    /** The open database's file, for the windows to show (they know nothing of {@code db}). */
    public java.nio.file.Path databaseFile() {
        return database.file();
    }

    public CardService cards() {
        return cards;
    }

    /** The cards the shop sells and the top-up bonus ladder. */
    public org.memberdesk.cards.CardProducts cardProducts() {
        return cardProducts;
    }

    public CheckIns checkIns() {
        return checkIns;
    }

    public CardReports cardReports() {
        return cardReports;
    }

    public CardPrinter cardPrinter() {
        return cardPrinter;
    }

    public MemberPhotos memberPhotos() {
        return memberPhotos;
    }

    /** The demo's member cards (the demo command and the windows' demo database). */
    public DemoCards demoCards() {
        return demoCards;
    }

    public Clock clock() {
        return clock;
    }

    /** Churn, CLV and renewal forecasts (BG/NBD, Gamma-Gamma). */
    public Predictions predictions() {
        return predictions;
    }

    public MemberService members() {
        return members;
    }

    public PurchaseService purchases() {
        return purchases;
    }

    public org.memberdesk.io.ImportHistory importHistory() {
        return importHistory;
    }

    public MemberImporter memberImporter() {
        return memberImporter;
    }

    public PurchaseImporter purchaseImporter() {
        return purchaseImporter;
    }

    public org.memberdesk.io.CardImporter cardImporter() {
        return cardImporter;
    }

    public Exporter exporter() {
        return exporter;
    }

    /** The column mappings the import wizard remembers by a file's header. */
    public org.memberdesk.shop.ImportMappings importMappings() {
        return importMappings;
    }

    public ShopProfileService shopProfile() {
        return shopProfile;
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

    public org.memberdesk.analytics.SavedFunnels savedFunnels() {
        return savedFunnels;
    }

    public CampaignService campaigns() {
        return campaigns;
    }

    /** The counter's sales (tier discount, coupon), returns and voids. */
    public CounterSales counterSales() {
        return counterSales;
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

    public PointsService points() {
        return points;
    }

    public TierService tiers() {
        return tiers;
    }

    /** Points rules, item categories and tier ladder of a business template, in one transaction. */
    public GrowthTemplates growthTemplates() {
        return growthTemplates;
    }

    public Backups backups() {
        return backups;
    }

    /** Copies this shop's data to another engine (a PostgreSQL server, a new SQLite file): `migrate`, Settings → Data. */
    /** Settings → Data's move of this shop onto a server or into a new file (the same as {@code migrate --to}). */
    public org.memberdesk.moving.ShopMove shopMove() {
        return new org.memberdesk.moving.ShopMove(databaseMove, database);
    }

    public org.memberdesk.moving.DatabaseMove databaseMove() {
        return databaseMove;
    }

    /** Backups taken and restored by a person: the owner's only, each one logged. */
    public org.memberdesk.backup.BackupService backupService() {
        return backupService;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The guard every file written for a person goes through (exports, charts, PDFs, reports). */
    public OutputFiles outputFiles() {
        return outputFiles;
    }

    /**
     * Refuses, with a {@link org.memberdesk.common.ValidationException} in the shop's words, a file that must
     * not be written (the database, a backup …). The windows ask this as soon as a file is picked, before
     * anything is touched; the writing itself checks again.
     */
    public void checkOutputFile(Path file) {
        outputFiles.check(file);
    }
}

package org.memberdesk;

import java.time.Clock;
import java.util.List;
import org.memberdesk.db.Backups;
import org.memberdesk.db.DataFolder;
import org.memberdesk.db.Database;
import org.memberdesk.io.BackupBeforeImport;
import org.memberdesk.io.Exporter;
import org.memberdesk.io.ImportListener;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PurchaseListener;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;
import org.memberdesk.support.Diagnostics;
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
    private final Backups backups;
    private final Diagnostics diagnostics;
    private final ShopProfileService shopProfile;

    public AppContext(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.backups = new Backups(database, clock);
        this.memberStore = new MemberStore();
        this.purchaseStore = new PurchaseStore();
        this.members = new MemberService(database, memberStore, clock);
        List<PurchaseListener> purchaseListeners = List.of();
        this.purchases = new PurchaseService(database, purchaseStore, memberStore, clock, purchaseListeners);
        List<ImportListener> importListeners = List.of(new BackupBeforeImport(backups));
        this.memberImporter = new MemberImporter(database, members, memberStore, importListeners);
        this.purchaseImporter = new PurchaseImporter(database, purchases, members, memberStore, importListeners);
        this.exporter = new Exporter(database);
        this.diagnostics = new Diagnostics(database, backups, purchases, DataFolder.forCurrentUser(), clock);
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

    public Backups backups() {
        return backups;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public ShopProfileService shopProfile() {
        return shopProfile;
    }
}

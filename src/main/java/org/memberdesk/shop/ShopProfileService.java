package org.memberdesk.shop;

import java.util.Optional;
import org.memberdesk.db.Database;
import org.memberdesk.demo.Business;
import org.memberdesk.demo.BusinessSetting;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * What kind of business this database belongs to. It lives in the database (not the user's
 * preferences) because it describes the shop: another computer opening the file sees the same.
 * No business recorded yet means the first-run setup has not been done for this file.
 */
public final class ShopProfileService implements BusinessSetting {
    static final String BUSINESS = "shop.business";
    /** Present in a database the windows filled with demo data: it is never a shop's own file. */
    static final String DEMO = "shop.demo";
    /** The shop's name as printed on member cards. */
    static final String NAME = "shop.name";

    private final Database database;
    private final ShopProfileStore store;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * Changing the shop's profile is the owner's ({@link Permission#SETTINGS}), logged before → after in the same
     * transaction; reading it is anyone's, and marking a demo file is the app's own.
     */
    public ShopProfileService(Database database, ShopProfileStore store, StaffSession session, OperationLog log) {
        this.database = database;
        this.store = store;
        this.session = session;
        this.log = log;
    }

    /** Stores a setting of the profile and logs it, unless it is what was there. */
    private void change(String key, String subject, String value) {
        session.require(Permission.SETTINGS);
        database.write(connection -> {
            String before = store.get(connection, key).orElse("");
            if (!before.equals(value)) {
                store.put(connection, key, value);
                log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, subject,
                        (before.isEmpty() ? "(none)" : before) + " → " + (value.isEmpty() ? "(none)" : value)));
            }
            return null;
        });
    }

    @Override
    public Optional<Business> business() {
        return database.read(connection -> store.get(connection, BUSINESS)).map(Business::parse);
    }

    @Override
    public void setBusiness(Business business) {
        change(BUSINESS, "kind of business", business.code());
    }

    /** The shop's name (printed on member cards), when one was given. */
    public Optional<String> name() {
        return database.read(connection -> store.get(connection, NAME)).map(String::strip)
                .filter(name -> !name.isEmpty());
    }

    public void setName(String name) {
        change(NAME, "shop name", name == null ? "" : name.strip());
    }

    /** Whether this database is new, holds a shop's data, is demo data: one query. */
    public ShopState state() {
        return database.read(connection -> store.state(connection, BUSINESS, DEMO));
    }

    /** Marks this database as demo data (the windows' demo file); its window says so in the title bar. */
    public void markDemo() {
        database.write(connection -> {
            store.put(connection, DEMO, "yes");
            return null;
        });
    }
}

package org.memberdesk.shop;

import java.util.Optional;
import org.memberdesk.db.Database;
import org.memberdesk.demo.Business;

/**
 * What kind of business this database belongs to. It lives in the database (not the user's
 * preferences) because it describes the shop: another computer opening the file sees the same.
 * No business recorded yet means the first-run setup has not been done for this file.
 */
public final class ShopProfileService {
    static final String BUSINESS = "shop.business";

    private final Database database;
    private final ShopProfileStore store;

    public ShopProfileService(Database database, ShopProfileStore store) {
        this.database = database;
        this.store = store;
    }

    public Optional<Business> business() {
        return database.read(connection -> store.get(connection, BUSINESS)).map(Business::parse);
    }

    public void setBusiness(Business business) {
        database.write(connection -> {
            store.put(connection, BUSINESS, business.code());
            return null;
        });
    }

    /** True until someone has said what kind of business this is (first run). */
    public boolean needsSetup() {
        return business().isEmpty();
    }
}

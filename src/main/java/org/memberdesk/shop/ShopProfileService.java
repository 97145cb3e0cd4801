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
    /** Present in a database the windows filled with demo data: it is never a shop's own file. */
    static final String DEMO = "shop.demo";
    /** The shop's name as printed on member cards. */
    static final String NAME = "shop.name";

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

    /** The shop's name (printed on member cards), when one was given. */
    public Optional<String> name() {
        return database.read(connection -> store.get(connection, NAME)).map(String::strip)
                .filter(name -> !name.isEmpty());
    }

    public void setName(String name) {
        database.write(connection -> {
            store.put(connection, NAME, name == null ? "" : name.strip());
            return null;
        });
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

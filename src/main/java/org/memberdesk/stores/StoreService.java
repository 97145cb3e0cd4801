package org.memberdesk.stores;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * The shop's stores (门店): listed, added and renamed by the owner (each logged), found by the name a person types,
 * and which one this computer works in ({@link StoreHere}, kept by {@link StoreSetting}).
 */
public final class StoreService {
    /** The longest store name (characters), as V15's CHECK. */
    public static final int NAME_LIMIT = 40;

    private final Database database;
    private final StoreStore store;
    private final StoreHere here;
    private final StoreSetting setting;
    private final StaffSession session;
    private final OperationLog log;
    private final Clock clock;

    public StoreService(Database database, StoreStore store, StoreHere here, StoreSetting setting,
                        StaffSession session, OperationLog log, Clock clock) {
        this.database = database;
        this.store = store;
        this.here = here;
        this.setting = setting;
        this.session = session;
        this.log = log;
        this.clock = clock;
    }

    /** Every store, store 1 first. */
    public List<Store> all() {
        return database.read(store::all);
    }

    /** More than one store: only then do the windows and reports show stores at all. */
    public boolean isChain() {
        return all().size() > 1;
    }

    /** The store this computer works in. */
    public Store here() {
        return here.current();
    }

    /**
     * The store this computer works in, when the shop has more than one (the status bar shows it then); empty for a
     * single shop, which never sees stores. One read.
     */
    public Optional<Store> hereInChain() {
        return isChain() ? Optional.of(here.current()) : Optional.empty();
    }

    /**
     * At start: this computer's store is the one {@code named} (the command line's {@code --store}), else the one
     * its setting names, else store 1. A name that is no store is refused with the names there are; a setting that
     * names no store (a file copied from another shop's computer) falls back to store 1.
     */
    public Store settle(Optional<String> named) {
        Optional<String> typed = named.filter(name -> !name.isBlank());
        Store chosen = typed.isPresent() ? find(typed.get()) : database.read(connection -> {
            java.util.OptionalLong saved = setting.storeId();
            Optional<Store> found = saved.isPresent() ? store.byId(connection, saved.getAsLong()) : Optional.empty();
            return found.isPresent() ? found.get() : mainStore(connection);
        });
        here.become(chosen);
        return chosen;
    }

    /** Sets this computer's store (the owner, in Settings): kept on this computer, logged in the shared log. */
    public Store workHere(long storeId) {
        session.require(Permission.SETTINGS);
        Store chosen = database.write(connection -> {
            Store found = store.byId(connection, storeId)
                    .orElseThrow(() -> new ValidationException(Problem.of("store", "store.unknown", storeId, "")));
            log.record(connection, OperationLog.Entry.of(Operation.STORES, null, found.name(), "this computer"));
            return found;
        });
        setting.save(chosen.id());
        here.become(chosen);
        return chosen;
    }

    /**
     * The store a person named: its name as stored, or for store 1 while it keeps its seeded name also "Main store"
     * (its English name; any case). Refused with the names there are when none matches.
     */
    public Store find(String name) {
        String wanted = name == null ? "" : name.strip();
        return database.read(connection -> {
            Optional<Store> exact = store.byName(connection, wanted);
            if (exact.isPresent()) {
                return exact.get();
            }
            Store main = mainStore(connection);
            if (main.isMainStoreWord(wanted)) {
                return main;
            }
            String known = store.all(connection).stream().map(Store::name).collect(Collectors.joining(", "));
            throw new ValidationException(Problem.of("store", "store.unknown", wanted, known));
        });
    }

    /** A new store (the owner's). Names are unique, 1 to {@link #NAME_LIMIT} characters. */
    public Store add(String name) {
        session.require(Permission.SETTINGS);
        String checked = checkName(name);
        return database.write(connection -> {
            refuseTaken(connection, checked);
            long id = store.insert(connection, checked, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            log.record(connection, OperationLog.Entry.of(Operation.STORES, null, checked, "+ store"));
            return new Store(id, checked);
        });
    }

    /** A store's new name (the owner's): what happened there keeps belonging to it. */
    public Store rename(long storeId, String name) {
        session.require(Permission.SETTINGS);
        String checked = checkName(name);
        Store renamed = database.write(connection -> {
            Store before = store.byId(connection, storeId)
                    .orElseThrow(() -> new ValidationException(Problem.of("store", "store.unknown", storeId, "")));
            if (before.name().equals(checked)) {
                return before;
            }
            refuseTaken(connection, checked);
            store.rename(connection, storeId, checked);
            log.record(connection, OperationLog.Entry.of(Operation.STORES, null, checked,
                    before.name() + " → " + checked));
            return new Store(storeId, checked);
        });
        if (here.id() == renamed.id()) {
            here.become(renamed);
        }
        return renamed;
    }

    private void refuseTaken(Connection connection, String name) throws SQLException {
        if (store.byName(connection, name).isPresent()) {
            throw new ValidationException(Problem.of("name", "store.name.taken", name));
        }
    }

    private Store mainStore(Connection connection) throws SQLException {
        return store.byId(connection, Store.MAIN).orElseThrow(() -> new IllegalStateException("store 1 is missing"));
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        boolean control = stripped.codePoints().anyMatch(Character::isISOControl);
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > NAME_LIMIT || control) {
            throw new ValidationException(Problem.of("name", "store.name.invalid", NAME_LIMIT));
        }
        return stripped;
    }
}

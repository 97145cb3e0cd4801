package org.memberdesk.io;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.memberdesk.common.Problem;
import org.memberdesk.io.MemberImporter.FieldException;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreStore;

/**
 * The shop's stores (门店) by the names a file's store column gives them, read once per import (a batch never asks the
 * database per row), and matched as {@link org.memberdesk.stores.StoreService#find} matches a typed name: the name
 * as stored, spaces around it ignored; store 1 while it keeps its seeded name also as "Main store" (any case).
 * Immutable: the reading thread and the writing thread share it.
 */
final class StoreNames {
    /** The store column's field, in every importer's FIELDS. */
    static final String FIELD = "store";
    /**
     * The header names a store column is recognised by — only in a chain: a single shop's file with a 门店 column
     * (its own name for itself, or its supplier's) goes on importing as before; it can still map one by hand.
     */
    static final List<String> ALIASES = List.of(FIELD, "门店", "门店名称", "店铺", "分店", "store_name", "branch");

    private final Map<String, Long> byName;
    private final Map<Long, Store> byId;
    /** Store 1, which may also be named by its word ({@link Store#isMainStoreWord}). */
    private final Store main;
    private final String known;
    private final boolean chain;

    private StoreNames(List<Store> stores) {
        Map<String, Long> names = new HashMap<>();
        Map<Long, Store> ids = new HashMap<>();
        Store first = null;
        for (Store store : stores) {
            names.put(store.name(), store.id());
            ids.put(store.id(), store);
            if (store.isMain()) {
                first = store;
            }
        }
        this.byName = Map.copyOf(names);
        this.byId = Map.copyOf(ids);
        this.main = first;
        this.known = stores.stream().map(Store::name).collect(Collectors.joining(", "));
        this.chain = stores.size() > 1;
    }

    static StoreNames of(List<Store> stores) {
        return new StoreNames(stores);
    }

    /** The stores as they are now, on the import's connection. */
    static StoreNames read(Connection connection) throws SQLException {
        return of(new StoreStore().all(connection));
    }

    /** More than one store: only then is a store column recognised by its header. */
    boolean chain() {
        return chain;
    }

    /**
     * The store a cell names: its id, or null for an empty cell (this computer's store). A name that is no store
     * is the cell's problem, naming the stores there are.
     */
    Long idOf(String raw) {
        String wanted = raw == null ? "" : raw.strip();
        if (wanted.isEmpty()) {
            return null;
        }
        Long id = byName.get(wanted);
        if (id == null && main != null && main.isMainStoreWord(wanted)) {
            id = main.id();
        }
        if (id == null) {
            throw new FieldException(Problem.of(FIELD, "store.unknown", wanted, known));
        }
        return id;
    }

    /** The store of an id these stores have (a card product's, this computer's), by its number if none. */
    Store store(long id) {
        Store store = byId.get(id);
        return store != null ? store : new Store(id, "#" + id);
    }

    /**
     * An importer's fields as this shop reads them: in a chain as given, else with the store column known only by
     * a person's choice (the wizard, {@code --map store=…}), never by its header alone.
     */
    Map<String, List<String>> fields(Map<String, List<String>> fields) {
        if (chain || !fields.containsKey(FIELD)) {
            return fields;
        }
        Map<String, List<String>> single = new LinkedHashMap<>(fields);
        single.put(FIELD, List.of());
        return single;
    }
}

package org.memberdesk.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * The stores core (issue 21, item 2): added and renamed by the owner (logged), found by name or, for an unrenamed
 * 本店, as "Main store"; this computer's store settled from --store, its setting file, or store 1; V15's triggers
 * refuse a store id that is no store. (A store is never deleted: the app has no way to; moving a shop clears a new
 * target's seeded store row, so no trigger guards it.)
 */
@BothEngines
class StoreServiceTest {
    @TempDir
    Path folder;
    AppContext app;
    StoreService stores;

    @BeforeEach
    void shop() {
        app = new AppContext(TestDatabase.database(folder), TestDatabase.clock());
        stores = app.stores();
    }

    private List<String> column(String sql) {
        return app.database().read(connection -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private void execute(String sql) {
        app.database().write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    @Test
    void aNewShopHasOneStoreThatIsNoChainAndShowsAsMainStoreInEnglish() {
        assertEquals(List.of(new Store(1, "本店")), stores.all());
        assertEquals(false, stores.isChain());
        assertEquals(Optional.empty(), stores.hereInChain(), "a single shop's status bar says nothing of stores");
        assertEquals("Main store", stores.all().get(0).shownName(Messages.english()));
        assertEquals("本店", stores.all().get(0).shownName(Messages.chinese()));
    }

    @Test
    void theOwnerAddsAndRenamesStoresEachLogged() {
        Store second = stores.add("  二店 ");
        assertEquals(new Store(2, "二店"), second, "the name is kept without the spaces around it");
        assertEquals(List.of(new Store(1, "本店"), new Store(2, "二店")), stores.all());
        assertTrue(stores.isChain());
        assertEquals(Optional.of(new Store(1, "本店")), stores.hereInChain());

        assertEquals(new Store(2, "南门店"), stores.rename(2, "南门店"));
        assertEquals(new Store(2, "南门店"), stores.find("南门店"));
        assertEquals(List.of("stores|二店|+ store", "stores|南门店|二店 → 南门店"),
                column("SELECT action || '|' || subject || '|' || summary FROM operation_log"
                        + " WHERE action = 'stores' ORDER BY id"));
    }

    @Test
    void namesAreUniqueAndOneToFortyCharacters() {
        stores.add("二店");
        ValidationException taken = assertThrows(ValidationException.class, () -> stores.add("二店"));
        assertEquals("store.name.taken", taken.problems().get(0).key());
        assertEquals("store.name.taken", assertThrows(ValidationException.class,
                () -> stores.rename(1, "二店")).problems().get(0).key());
        assertEquals("store.name.invalid", assertThrows(ValidationException.class,
                () -> stores.add("  ")).problems().get(0).key());
        // 40 characters pass, 41 do not (code points: 店 is one)
        assertEquals(40, stores.add("店".repeat(40)).name().length());
        assertEquals("store.name.invalid", assertThrows(ValidationException.class,
                () -> stores.add("铺".repeat(41))).problems().get(0).key());
        assertEquals(3, stores.all().size(), "本店, 二店 and the 40-character one");
    }

    @Test
    void mainStoreFindsTheUnrenamedFirstStoreInEitherLanguageUntilItIsRenamed() {
        Store main = new Store(1, "本店");
        assertEquals(main, stores.find("本店"));
        assertEquals(main, stores.find("Main store"));
        assertEquals(main, stores.find(" main STORE "), "any case, spaces around");

        stores.rename(1, "总店");
        assertEquals(new Store(1, "总店"), stores.find("总店"));
        ValidationException unknown = assertThrows(ValidationException.class, () -> stores.find("Main store"));
        assertEquals("store.unknown", unknown.problems().get(0).key());
        assertEquals("There is no store named \"Main store\". The stores are: 总店.",
                unknown.problems().get(0).describe(Messages.english()));
    }

    @Test
    void aCashierMayNotAddRenameOrSetThisComputersStore() {
        stores.add("二店");
        app.staff().add("小王", Role.CASHIER, "1234");
        app.session().become(app.staff().check("小王", "1234"));
        assertThrows(NotAllowedException.class, () -> stores.add("三店"));
        assertThrows(NotAllowedException.class, () -> stores.rename(2, "三店"));
        assertThrows(NotAllowedException.class, () -> stores.workHere(2));
        assertEquals(List.of(new Store(1, "本店"), new Store(2, "二店")), stores.all());
    }

    @Test
    void workHereIsKeptOnThisComputerAndTheNextStartSettlesOnIt() throws Exception {
        stores.add("二店");
        assertEquals(new Store(1, "本店"), stores.here());
        stores.workHere(2);
        assertEquals(new Store(2, "二店"), stores.here());
        assertEquals(2, app.storeHere().id());
        StoreSetting setting = new StoreSetting(app.database().file());
        assertTrue(Files.readString(setting.file()).contains("store=2"));

        // the next start on this computer: a new context on the same database, store 1 until settled
        AppContext next = new AppContext(app.database(), TestDatabase.clock());
        assertEquals(1, next.storeHere().id());
        assertEquals(new Store(2, "二店"), next.stores().settle(Optional.empty()));
        assertEquals(2, next.storeHere().id());

        // a rename keeps this computer's store (the setting holds the id)
        stores.rename(2, "南门店");
        assertEquals(new Store(2, "南门店"), stores.here());
        assertEquals(new Store(2, "南门店"), new AppContext(app.database(), TestDatabase.clock()).stores()
                .settle(Optional.empty()));
    }

    @Test
    void settleTakesTheNamedStoreFirstThenTheSettingThenStoreOne() {
        stores.add("二店");
        stores.add("三店");
        stores.workHere(3);
        AppContext next = new AppContext(app.database(), TestDatabase.clock());
        assertEquals(new Store(2, "二店"), next.stores().settle(Optional.of("二店")), "--store wins over the setting");
        assertEquals(new Store(1, "本店"), next.stores().settle(Optional.of("Main store")));
        assertEquals(new Store(3, "三店"), next.stores().settle(Optional.of("  ")), "a blank name is none");
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> next.stores().settle(Optional.of("四店")));
        assertEquals("store.unknown", unknown.problems().get(0).key());

        // a setting naming no store here (copied from another shop's computer) falls back to store 1
        new StoreSetting(app.database().file()).save(99);
        assertEquals(new Store(1, "本店"), next.stores().settle(Optional.empty()));
    }

    @Test
    void aDamagedSettingCountsAsNone() throws Exception {
        stores.add("二店");
        StoreSetting setting = new StoreSetting(app.database().file());
        Files.writeString(setting.file(), "store=two\n");
        assertEquals(new Store(1, "本店"), stores.settle(Optional.empty()));
    }

    @Test
    void theTriggersRefuseAStoreIdThatIsNoStoreOnEveryEngine() {
        stores.add("二店");
        long cashier = app.staff().add("小王", Role.CASHIER, "1234").id();
        // store 2 exists: accepted; 9 does not: refused, on insert and on update
        execute("UPDATE staff SET store_id = 2 WHERE id = " + cashier);
        assertEquals(List.of("2"), column("SELECT store_id FROM staff WHERE id = " + cashier));
        RuntimeException changed = assertThrows(RuntimeException.class,
                () -> execute("UPDATE staff SET store_id = 9 WHERE id = " + cashier));
        assertTrue(String.valueOf(changed.getMessage()).contains("not a store"), changed.getMessage());
        RuntimeException inserted = assertThrows(RuntimeException.class, () -> execute(
                "INSERT INTO staff (name, role, pin_hash, created_at, store_id)"
                        + " VALUES ('小李', 'cashier', 'x', '2026-11-22 12:00:00', 9)"));
        assertTrue(String.valueOf(inserted.getMessage()).contains("not a store"), inserted.getMessage());
        assertEquals(List.of("2"), column("SELECT store_id FROM staff WHERE id = " + cashier));
        assertEquals(List.of("0"), column("SELECT count(*) FROM staff WHERE name = '小李'"), "no 小李 was written");
        // the service refuses it in words before the trigger would
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> app.staff().add("小李", Role.CASHIER, "1234", 9));
        assertEquals("store.unknown", unknown.problems().get(0).key());
    }
}

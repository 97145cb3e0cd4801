package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/**
 * Stores (issue 21, item 2): a staff member works in one store; a cashier or manager signs in only at a computer of
 * their store, the owner anywhere. The refusal is logged but is not a wrong PIN (no lock-out); a wrong PIN is judged
 * first and counted wherever it is typed. A single shop sees nothing of it.
 */
@BothEngines
class SignInAtAStoreTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void aChainOfTwo() {
        app = new AppContext(TestDatabase.database(folder), TestDatabase.clock());
        app.stores().add("二店");
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

    @Test
    void staffAddedWithoutAStoreWorkInThisComputersStore() {
        assertEquals(1, app.staff().add("小王", Role.CASHIER, "1234").storeId());
        app.stores().settle(Optional.of("二店"));
        assertEquals(2, app.staff().add("王芳", Role.CASHIER, "1234").storeId());
        assertEquals(1, app.staff().add("李店长", Role.MANAGER, "1234", 1).storeId(), "or the store given");
    }

    @Test
    void aCashierOfAnotherStoreIsRefusedInBothLanguagesLoggedAndNotLockedOut() {
        Staff wang = app.staff().add("王芳", Role.CASHIER, "1234", 2);
        // this computer is in store 1 (本店, unrenamed)
        for (int i = 0; i < 4; i++) {
            NotAllowedException refused = assertThrows(NotAllowedException.class,
                    () -> app.staff().switchTo("王芳", "1234"));
            assertEquals("staff.signIn.otherStore", refused.textKey());
            assertArrayEquals(new Object[] {"王芳", "二店", "store.main"}, refused.args());
            assertEquals("王芳 works at 二店; this computer is in Main store. Sign in at a computer of 二店, or ask the"
                    + " owner to move 王芳 to this store.", refused.getMessage());
            assertEquals(refused.getMessage(), refused.describe(Messages.english()));
            assertEquals("王芳 在二店工作，这台电脑属于本店。请在二店的电脑上登录，或请店主把 王芳 调到这家门店。",
                    refused.describe(Messages.chinese()));
        }
        assertEquals(Actor.commandLine(), app.session().current(), "no one was signed in");
        // four refusals, each logged naming 王芳; none counted as a wrong PIN (four wrong PINs would lock)
        assertEquals(List.of("4"), column("SELECT count(*) FROM operation_log WHERE action = 'refused'"
                + " AND staff_name = '王芳' AND subject = 'sign-in'"));
        assertEquals(List.of("0 -"), column(
                "SELECT failed_pins || ' ' || coalesce(locked_until, '-') FROM staff WHERE name = '王芳'"));

        // at a computer of 二店 she signs in at once
        app.stores().settle(Optional.of("二店"));
        assertEquals(new Actor(wang.id(), "王芳", Role.CASHIER), app.staff().switchTo("王芳", "1234"));
    }

    @Test
    void aWrongPinAtAnotherStoresComputerIsAWrongPinAndCounted() {
        app.staff().add("王芳", Role.CASHIER, "1234", 2);
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> app.staff().check("王芳", "9999"));
        assertEquals("staff.signIn.wrongPin", refused.textKey(), "the store is not told to one who lacks the PIN");
        assertEquals(List.of("1"), column("SELECT failed_pins FROM staff WHERE name = '王芳'"));
    }

    @Test
    void aManagerToo_butTheOwnerSignsInAnywhere() {
        app.staff().add("李店长", Role.MANAGER, "5678", 2);
        Staff owner = app.staff().add("老板", Role.OWNER, "4321", 2);
        assertEquals("staff.signIn.otherStore", assertThrows(NotAllowedException.class,
                () -> app.staff().check("李店长", "5678")).textKey());
        assertEquals(new Actor(owner.id(), "老板", Role.OWNER), app.staff().check("老板", "4321"));
    }

    @Test
    void aRenamedMainStoreIsNamedAsItIsNow() {
        app.stores().rename(1, "总店");
        app.staff().add("王芳", Role.CASHIER, "1234", 2);
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> app.staff().check("王芳", "1234"));
        assertArrayEquals(new Object[] {"王芳", "二店", "总店"}, refused.args());
        assertEquals("王芳 在二店工作，这台电脑属于总店。请在二店的电脑上登录，或请店主把 王芳 调到这家门店。",
                refused.describe(Messages.chinese()));
    }

    @Test
    void theOwnerMovesAStaffMemberToAnotherStoreInOneLoggedChange() {
        Staff wang = app.staff().add("王芳", Role.CASHIER, "1234", 2);
        Staff moved = app.staff().change(wang.id(), Role.CASHIER, true, 1);
        assertEquals(1, moved.storeId());
        assertEquals(List.of("王芳|cashier → cashier, 二店 → 本店"), column(
                "SELECT subject || '|' || summary FROM operation_log WHERE action = 'staff' ORDER BY id DESC"
                        + " LIMIT 1"));
        assertEquals(new Actor(wang.id(), "王芳", Role.CASHIER), app.staff().check("王芳", "1234"));
        // a change of role alone keeps the store
        assertEquals(1, app.staff().change(wang.id(), Role.MANAGER, true).storeId());
    }

    private List<String> offered() {
        return app.staff().signInChoices().stream().map(Staff::name).toList();
    }

    @Test
    void theSignInOffersTheOwnerAndThisStoresActiveStaff_whoAloneCanSignInHere() {
        app.staff().add("老板", Role.OWNER, "4321", 2);             // an owner of 二店: signs in anywhere
        app.staff().add("小王", Role.CASHIER, "1234", 1);
        app.staff().add("李店长", Role.MANAGER, "5678", 2);
        Staff zhao = app.staff().add("小赵", Role.CASHIER, "2468", 1);
        app.staff().add("王芳", Role.CASHIER, "1357", 2);
        app.staff().change(zhao.id(), Role.CASHIER, false, 1);       // left: offered nowhere
        // this computer is in 本店 (1): the owner, then 小王; not 李店长 nor 王芳 of 二店, not 小赵 who left
        assertEquals(List.of("老板", "小王"), offered());
        for (String name : offered()) {
            String pin = name.equals("老板") ? "4321" : "1234";
            assertEquals(name, app.staff().check(name, pin).name(), "everyone offered can sign in here");
        }
        assertEquals("staff.signIn.otherStore", assertThrows(NotAllowedException.class,
                () -> app.staff().check("王芳", "1357")).textKey(), "and the ones left out cannot");

        app.stores().settle(Optional.of("二店"));
        assertEquals(List.of("老板", "李店长", "王芳"), offered());
    }
}

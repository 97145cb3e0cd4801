package org.memberdesk.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.demo.Business;
import org.memberdesk.BothEngines;

/** Which database the first-run questions are for: only one never set up that holds nothing. */
@BothEngines
class ShopStateTest {
    @TempDir
    Path folder;

    @Test
    void onlyANewEmptyDatabaseIsNew() {
        AppContext shop = TestDatabase.open(folder);
        // the defaults a new file is made with (points rules, tier ladder, totals row) are no shop's data
        assertEquals(new ShopState(false, false, false), shop.shopProfile().state());
        assertTrue(shop.shopProfile().state().isNew());

        shop.members().add(TestDatabase.member(null, "王芳", "13900000001"));
        assertEquals(new ShopState(false, true, false), shop.shopProfile().state());
        assertFalse(shop.shopProfile().state().isNew(), "members, and no business chosen: the command line's file");
    }

    @Test
    void aTagAloneOrAChosenBusinessIsSomebodysShop() {
        AppContext tagged = TestDatabase.open(folder.resolve("a"));
        tagged.tags().create("VIP", "purchases >= 1");
        assertFalse(tagged.shopProfile().state().isNew());

        AppContext setUp = TestDatabase.open(folder.resolve("b"));
        setUp.shopProfile().setBusiness(Business.GYM);
        assertEquals(new ShopState(true, false, false), setUp.shopProfile().state());
        assertFalse(setUp.shopProfile().state().isNew());

        setUp.shopProfile().markDemo();
        assertTrue(setUp.shopProfile().state().demo());
    }
}

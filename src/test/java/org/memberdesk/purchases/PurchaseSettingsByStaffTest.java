package org.memberdesk.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/** Settings → Purchase limits and the default item name are the owner's, and each change is logged (issue 18). */
@BothEngines
class PurchaseSettingsByStaffTest {
    @TempDir
    Path folder;

    @Test
    void finding1_aManagerMayNotChangeTheLimitsOrTheDefaultItem_nothingChanged() {
        AppContext app = TestDatabase.open(folder);
        LoggedActions.become(app, "李姐", Role.MANAGER);
        assertThrows(NotAllowedException.class,
                () -> app.purchases().saveLimits(new PurchaseLimits(50_000, 100_000, 10)));
        assertThrows(NotAllowedException.class, () -> app.purchases().saveDefaultItemName("门票"));
        assertEquals(PurchaseLimits.DEFAULT, app.purchases().limits());
        assertEquals(Optional.empty(), app.purchases().defaultItemName());
        assertEquals(List.of(), LoggedActions.of(app.database(), "settings"));
    }

    @Test
    void finding2_theOwnersChangesAreLoggedBeforeToAfter_andSavingTheSameAgainLogsNothing() {
        AppContext app = TestDatabase.open(folder);
        LoggedActions.become(app, "老板", Role.OWNER);
        app.purchases().saveLimits(new PurchaseLimits(50_000, 100_000, 10));
        app.purchases().saveLimits(new PurchaseLimits(50_000, 100_000, 10));
        app.purchases().saveDefaultItemName("门票");
        // DEFAULT is ¥1,000,000.00 a line and a purchase and 10,000 pieces
        assertEquals(List.of(
                "老板|settings|purchase limits|line ¥1,000,000.00 → ¥500.00, purchase ¥1,000,000.00 → ¥1,000.00,"
                        + " quantity 10000 → 10",
                "老板|settings|default item| → 门票"), LoggedActions.of(app.database(), "settings"));
    }
}

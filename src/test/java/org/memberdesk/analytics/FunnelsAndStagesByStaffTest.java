package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.segments.LifecycleSettings;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;
import org.memberdesk.BothEngines;

/**
 * Saved funnels are a report (the manager's), the lifecycle stage limits a setting (the owner's); each change is
 * one log entry (issue 18: "settings and rule changes" carry who did them).
 */
@BothEngines
class FunnelsAndStagesByStaffTest {
    @TempDir
    Path folder;

    @Test
    void finding2_aManagersFunnelIsLogged_aCashierMayNotSaveOrDelete() {
        AppContext app = TestDatabase.open(folder);
        LoggedActions.become(app, "小王", Role.CASHIER);
        assertThrows(NotAllowedException.class, () -> app.savedFunnels().save("复购", List.of("消费次数 >= 2")));
        LoggedActions.become(app, "李姐", Role.MANAGER);
        SavedFunnel funnel = app.savedFunnels().save("复购", List.of("消费次数 >= 2", "累计消费 >= 300"));
        app.savedFunnels().save("复购", List.of("消费次数 >= 3"));
        LoggedActions.become(app, "小王", Role.CASHIER);
        assertThrows(NotAllowedException.class, () -> app.savedFunnels().delete(funnel.id()));
        LoggedActions.become(app, "李姐", Role.MANAGER);
        app.savedFunnels().delete(funnel.id());
        assertEquals(List.of(
                "李姐|rules|funnel 复购|saved: 消费次数 >= 2 → 累计消费 >= 300",
                "李姐|rules|funnel 复购|steps replaced: 消费次数 >= 3",
                "李姐|rules|funnel 复购|deleted"), LoggedActions.of(app.database(), "rules"));
    }

    @Test
    void finding2_theStageLimitsAreTheOwnersAndLoggedBeforeToAfter() {
        AppContext app = TestDatabase.open(folder);
        LoggedActions.become(app, "李姐", Role.MANAGER);
        assertThrows(NotAllowedException.class, () -> app.lifecycle().save(new LifecycleSettings(14, 60, 120)));
        assertEquals(LifecycleSettings.DEFAULT, app.lifecycle().settings());
        LoggedActions.become(app, "老板", Role.OWNER);
        app.lifecycle().save(new LifecycleSettings(14, 60, 120));
        app.lifecycle().save(new LifecycleSettings(14, 60, 120)); // the same again: nothing to log
        assertEquals(List.of("老板|settings|lifecycle stages|new 30 / active 90 / dormant 180 days → new 14 / active 60"
                + " / dormant 120 days"), LoggedActions.of(app.database(), "settings"));
    }
}

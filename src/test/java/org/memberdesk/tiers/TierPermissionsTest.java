package org.memberdesk.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.points.Growth;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.LogEntry;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/** Issue 18: the tier ladder and reviews by hand are the owner's; the start-up review is the app's; all logged. */
@BothEngines
class TierPermissionsTest {
    @TempDir
    Path folder;

    @Test
    void finding1_aManagerMayNotChangeTheLadderOrReviewTheOwnerIsLoggedAndTheAppsReviewIsSystem() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 4, 1, 9, 0));
        Actor manager = new Actor(g.app.staff().add("李姐", Role.MANAGER, "5678").id(), "李姐", Role.MANAGER);
        Ladder ladder = g.app.tiers().ladder();
        Ladder gym = TierTemplates.of("gym");

        g.app.session().become(manager);
        assertThrows(NotAllowedException.class, () -> g.app.tiers().saveLadder(gym));
        assertThrows(NotAllowedException.class, () -> g.app.tiers().review(LocalDate.of(2026, 4, 1)));
        assertThrows(NotAllowedException.class,
                () -> g.app.growthTemplates().apply(org.memberdesk.points.PointsTemplate.of("gym")));
        assertEquals(ladder, g.app.tiers().ladder(), "nothing changed");

        g.app.session().become(Actor.NOBODY); // the desktop's start-up work, before anyone signs in
        assertTrue(g.app.tiers().reviewIfDue().isPresent());
        g.app.session().become(Actor.commandLine("boss"));
        g.app.tiers().saveLadder(gym);

        List<LogEntry> log = g.app.operationLog().find(new LogFilter(null, null, null, "rules", null), 100);
        assertEquals("tier ladder", log.get(0).subject());
        assertEquals("cli:boss", log.get(0).staffName());
        assertEquals(TierService.describe(ladder) + " → " + TierService.describe(gym), log.get(0).summary());
        assertEquals("tier review 2026-04-01", log.get(1).subject());
        assertEquals("system", log.get(1).staffName());
        assertEquals("0 up, 0 down, 0 kept by protection", log.get(1).summary());
    }
}

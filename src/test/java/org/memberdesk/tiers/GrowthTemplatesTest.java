package org.memberdesk.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.members.Member;
import org.memberdesk.points.Growth;
import org.memberdesk.points.PointsTemplate;

/** A template sets the points rules, the item categories and the ladder together. */
@BothEngines
class GrowthTemplatesTest {
    @TempDir
    Path folder;

    @Test
    void theGymTemplateSetsRulesCategoriesAndLadder() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        g.app.growthTemplates().apply(PointsTemplate.gym());
        assertEquals(Map.of("课程包", 150, "会籍卡", 100, "签到", 300, "零售", 100),
                g.app.points().rules().categoryPercents());
        assertEquals("签到", g.app.points().itemCategories().get("单次入场"));
        assertEquals(List.of(0L, 200_000L, 600_000L, 1_500_000L),
                g.app.tiers().ladder().tiers().stream().map(Tier::threshold).toList());
        // a ¥30 check-in at 300 %: 3000 × 300 × 1 × 100 × 100 / 10^8 = 90 points, and 100 for the first purchase
        Member m = g.member("M1", null);
        g.sale(m, "S1", LocalDateTime.of(2026, 3, 2, 10, 0), "单次入场", 3_000);
        assertEquals(190, g.sql("SELECT sum(points) FROM points_ledger WHERE purchase_id IS NOT NULL"));
        assertEquals(200, g.sql("SELECT points FROM points_ledger WHERE reason = 'signup'"));
    }
}

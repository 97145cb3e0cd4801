package org.memberdesk.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.common.ValidationException;
import org.memberdesk.demo.Business;
import org.memberdesk.tags.TestShop;

/**
 * <pre>
 * As of 2026-06-30, limits 30 / 90 / 180 days. All joined 2025-01-01 except L8 (joined 2026-06-30).
 *  L1 one purchase 2026-05-31 → 30 days  → new (first purchase ≤ 30 days ago)
 *  L2 one purchase 2026-05-30 → 31 days  → active (last ≤ 90)
 *  L3 one purchase 2026-04-01 → 29+31+30 = 90 → active
 *  L4 one purchase 2026-03-31 → 91       → dormant (≤ 180)
 *  L5 one purchase 2026-01-01 → 31+28+31+30+31+29 = 180 → dormant
 *  L6 one purchase 2025-12-31 → 181      → lost
 *  L7 no purchase → prospect;  L8 joined today, no purchase → prospect
 * </pre>
 */
@BothEngines
class LifecycleServiceTest {
    @TempDir
    static Path folder;
    static TestShop shop;
    static LifecycleService lifecycle;

    @BeforeAll
    static void buildShop() {
        shop = new TestShop(folder);
        String[] days = {"2026-05-31", "2026-05-30", "2026-04-01", "2026-03-31", "2026-01-01", "2025-12-31"};
        for (int i = 0; i < days.length; i++) {
            long id = shop.member("L" + (i + 1), null, null, "2025-01-01", null, null);
            shop.purchase(id, days[i], "年卡", 10000);
        }
        shop.member("L7", null, null, "2025-01-01", null, null);
        shop.member("L8", null, null, "2026-06-30", null, null);
        lifecycle = shop.context().lifecycle();
    }

    @AfterEach
    void defaultLimits() {
        lifecycle.save(LifecycleSettings.DEFAULT);
    }

    @Test
    void stagesAtTheBoundaries() {
        assertCounts(lifecycle.counts(TestShop.TODAY), 2, 1, 2, 2, 1);
    }

    @Test
    void anEarlierDate() {
        // as of 2026-05-31: L8 has not joined. L1 0 days and L2 1 day → new; L3 60, L4 61 → active;
        // L5 150, L6 151 → dormant; L7 prospect
        assertCounts(lifecycle.counts(LocalDate.of(2026, 5, 31)), 1, 2, 2, 2, 0);
    }

    @Test
    void movesSinceADate() {
        // 05-31 → 06-30: L2 new→active, L4 active→dormant, L6 dormant→lost, L8 joined; L1, L3, L5, L7 stay
        LifecycleMoves moves = lifecycle.moves(LocalDate.of(2026, 5, 31), TestShop.TODAY);
        assertEquals(4, moves.moved());
        assertEquals(1, moves.fromTo().get(LifecycleStage.NEW).get(LifecycleStage.ACTIVE));
        assertEquals(1, moves.fromTo().get(LifecycleStage.NEW).get(LifecycleStage.NEW));
        assertEquals(1, moves.fromTo().get(LifecycleStage.ACTIVE).get(LifecycleStage.DORMANT));
        assertEquals(1, moves.fromTo().get(LifecycleStage.DORMANT).get(LifecycleStage.LOST));
        assertEquals(1, moves.joined().get(LifecycleStage.PROSPECT));
    }

    @Test
    void theIndexCountsAgreeWithTheStageOfEachMember() {
        // counts() answers today from index slices; moves() classifies each member with one CASE
        for (LifecycleSettings settings : new LifecycleSettings[] {LifecycleSettings.DEFAULT,
                new LifecycleSettings(100, 30, 90), new LifecycleSettings(0, 1, 2)}) {
            lifecycle.save(settings);
            LifecycleCounts counts = lifecycle.counts(TestShop.TODAY);
            LifecycleMoves same = lifecycle.moves(TestShop.TODAY, TestShop.TODAY);
            assertEquals(0, same.moved());
            for (LifecycleStage stage : LifecycleStage.values()) {
                assertEquals(counts.stages().get(stage), same.fromTo().get(stage).get(stage), stage + " " + settings);
            }
        }
    }

    @Test
    void withoutSavedLimitsTheKindOfBusinessDecides() {
        shop.sql("DELETE FROM settings WHERE key = 'lifecycle.stages'");
        assertEquals(LifecycleSettings.DEFAULT, lifecycle.settings(), "made from the command line");
        shop.context().shopProfile().setBusiness(Business.GYM);
        assertEquals(new LifecycleSettings(30, 30, 90, true), lifecycle.settings());
        shop.sql("DELETE FROM settings WHERE key = 'shop.business'");
    }

    @Test
    void limitsPerBusinessAreStoredInSettings() {
        lifecycle.save(LifecycleSettings.forBusiness(Business.GYM));
        assertEquals(new LifecycleSettings(30, 30, 90, true), lifecycle.settings());
        // gym limits 30 / 30 / 90: L1 new; L2 (31) and L3 (90) dormant; L4, L5, L6 lost
        assertCounts(lifecycle.counts(TestShop.TODAY), 2, 1, 0, 2, 3);
        assertThrows(ValidationException.class, () -> lifecycle.save(new LifecycleSettings(30, 90, 90)));
    }

    @Test
    void stageRulesSelectTheSameMembers() {
        for (LifecycleSettings settings : new LifecycleSettings[] {LifecycleSettings.DEFAULT,
                LifecycleSettings.forBusiness(Business.GYM)}) {
            lifecycle.save(settings);
            LifecycleCounts counts = lifecycle.counts(TestShop.TODAY);
            for (LifecycleStage stage : LifecycleStage.values()) {
                assertEquals(counts.stages().get(stage), shop.context().rules()
                        .count(LifecycleService.stageRule(stage, settings), TestShop.TODAY), stage + " " + settings);
            }
        }
    }

    private static void assertCounts(LifecycleCounts counts, long prospect, long fresh, long active, long dormant,
                                     long lost) {
        Map<LifecycleStage, Long> stages = counts.stages();
        assertEquals(prospect, stages.get(LifecycleStage.PROSPECT), "prospect");
        assertEquals(fresh, stages.get(LifecycleStage.NEW), "new");
        assertEquals(active, stages.get(LifecycleStage.ACTIVE), "active");
        assertEquals(dormant, stages.get(LifecycleStage.DORMANT), "dormant");
        assertEquals(lost, stages.get(LifecycleStage.LOST), "lost");
    }
}

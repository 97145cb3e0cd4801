package org.memberdesk.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.demo.Business;
import org.memberdesk.members.Member;

/**
 * Activity includes visits where the business counts them: lifecycle stages by the later of the last purchase and
 * the last visit. As of 2026-11-22 (TestDatabase's clock), limits 30 / 30 / 90 (the gym's):
 * <ul>
 * <li>A1 bought a 私教 card on 06-01 (174 days ago) and came on 11-20 (2 days ago): lost by purchases, active with
 * visits;</li>
 * <li>A2 bought on 06-01 and came on 09-23 (60 days ago): lost by purchases, dormant with visits;</li>
 * <li>A3 bought on 06-01 and never came: lost either way;</li>
 * <li>A4 has only an opening card (no purchase) and came on 11-21: a prospect by purchases, active with visits;</li>
 * <li>A5 did nothing: a prospect either way.</li>
 * </ul>
 */
@BothEngines
class LifecycleVisitsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;
    AppContext app;
    LifecycleService lifecycle;

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    @BeforeEach
    void history() {
        app = TestDatabase.open(folder);
        lifecycle = app.lifecycle();
        long card = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "私教50节", 500_000, 0, 50, 365,
                null, 0, 0, true, false));
        Member[] members = new Member[5];
        for (int i = 0; i < 5; i++) {
            members[i] = app.members().add(TestDatabase.member("A" + (i + 1), "会员" + (i + 1), "1370000000" + i));
        }
        for (int i = 0; i < 3; i++) {
            app.cards().sell(members[i].id(), card, Pay.CASH, null, at(6, 1));
        }
        app.checkIns().checkIn("A1", null, at(11, 20));
        app.checkIns().checkIn("A2", null, at(9, 23));
        // A4's card came from another system (an opening balance): no purchase here, only visits
        app.database().write(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        -- the card's id one past the highest, as the app numbers cards on either engine
                        INSERT INTO cards (id, card_no, member_id, product_id, kind, paid_cents, sold_at, valid_from,
                                           base_valid_to, valid_to, sessions_sold, sessions_left)
                        SELECT coalesce(max(id), 0) + 1, 'C900001', %d, %d, 'sessions', 0, '2026-11-01 09:00:00',
                               '2026-11-01', '2027-10-31', '2027-10-31', 10, 10 FROM cards""".formatted(members[3].id(),
                        card));
                statement.execute("""
                        INSERT INTO card_entries (card_id, time, kind, sessions)
                        SELECT id, sold_at, 'opening', 10 FROM cards WHERE card_no = 'C900001'""");
            }
            return null;
        });
        app.checkIns().checkIn("A4", "C900001", at(11, 21));
    }

    @Test
    void aMemberWhoComesButDoesNotBuyIsActiveWithTheSettingOnAndLostWithItOff() {
        LifecycleSettings gym = LifecycleSettings.forBusiness(Business.GYM);
        assertTrue(gym.visitsCount());
        assertFalse(LifecycleSettings.forBusiness(Business.SHOP).visitsCount());

        lifecycle.save(gym.withVisitsCount(false));
        // prospect A4, A5; lost A1, A2, A3
        assertStages(lifecycle.counts(TODAY), 2, 0, 0, 0, 3);
        assertRulesAgree(gym.withVisitsCount(false));

        lifecycle.save(gym);
        // prospect A5; active A1 (2 days), A4 (1 day); dormant A2 (60 days); lost A3 (174 days)
        assertStages(lifecycle.counts(TODAY), 1, 0, 2, 1, 1);
        assertRulesAgree(gym);
        assertEquals(gym, lifecycle.settings());
    }

    @Test
    void movesAndEarlierDatesSeeOnlyTheVisitsMadeByThen() {
        lifecycle.save(LifecycleSettings.forBusiness(Business.GYM));
        // as of 11-19: A1's visit of 11-20 and A4's of 11-21 had not happened; A2 came 57 days before
        LifecycleCounts before = lifecycle.counts(LocalDate.of(2026, 11, 19));
        assertStages(before, 2, 0, 0, 1, 2);
        LifecycleMoves moves = lifecycle.moves(LocalDate.of(2026, 11, 19), TODAY);
        assertEquals(1, moves.fromTo().get(LifecycleStage.LOST).get(LifecycleStage.ACTIVE)); // A1
        assertEquals(1, moves.fromTo().get(LifecycleStage.PROSPECT).get(LifecycleStage.ACTIVE)); // A4
        assertEquals(2, moves.moved());
    }

    @Test
    void withoutSavedLimitsTheGymCountsVisitsAndOlderSavedLimitsFollowTheBusiness() {
        app.shopProfile().setBusiness(Business.GYM);
        assertTrue(lifecycle.settings().visitsCount());
        // limits saved before the setting existed (no visits_count) follow the kind of business
        app.database().write(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)")) {
                statement.setString(1, LifecycleService.SETTING);
                statement.setString(2, "{\"new_days\":30,\"active_days\":60,\"dormant_days\":120}");
                statement.executeUpdate();
            }
            return null;
        });
        assertEquals(new LifecycleSettings(30, 60, 120, true), lifecycle.settings());
        app.shopProfile().setBusiness(Business.SHOP);
        assertEquals(new LifecycleSettings(30, 60, 120, false), lifecycle.settings());
    }

    private void assertRulesAgree(LifecycleSettings settings) {
        LifecycleCounts counts = lifecycle.counts(TODAY);
        for (LifecycleStage stage : LifecycleStage.values()) {
            long[] ids = app.rules().members(LifecycleService.stageRule(stage, settings), TODAY);
            assertEquals(counts.stages().get(stage), (long) ids.length, stage + " " + Arrays.toString(ids));
        }
    }

    private static void assertStages(LifecycleCounts counts, long prospect, long fresh, long active, long dormant,
                                     long lost) {
        Map<LifecycleStage, Long> stages = counts.stages();
        assertEquals(prospect, stages.get(LifecycleStage.PROSPECT), "prospect");
        assertEquals(fresh, stages.get(LifecycleStage.NEW), "new");
        assertEquals(active, stages.get(LifecycleStage.ACTIVE), "active");
        assertEquals(dormant, stages.get(LifecycleStage.DORMANT), "dormant");
        assertEquals(lost, stages.get(LifecycleStage.LOST), "lost");
    }
}

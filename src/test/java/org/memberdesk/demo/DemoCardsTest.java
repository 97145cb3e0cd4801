package org.memberdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardReports;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Progress;

/**
 * The demo's member cards, made through the card services (clock at 2026-11-22, TestDatabase): products, cards,
 * renewals, freezes and visits for a gym and a scenic area, every card's ledger adding up, none for a shop.
 */
class DemoCardsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    private AppContext load(Business business) throws IOException {
        AppContext app = TestDatabase.open(folder.resolve(business.code()));
        DemoLoader loader = app.demoLoader(app.clock());
        DemoLoader.Loaded loaded = loader.load(business, 300, 3, Progress.NONE, Messages.chinese());
        assertEquals(300, loaded.members());
        assertEquals(app.cardReports().check().cards(), loaded.cards().cards());
        return app;
    }

    @Test
    void aGymDemoSellsPassesAndPersonalTrainingRenewsFreezesAndChecksMembersIn() throws Exception {
        AppContext app = load(Business.GYM);
        Set<String> products = app.cardProducts().products().stream().map(CardProduct::name).collect(Collectors.toSet());
        assertEquals(Set.of("月卡", "季卡", "年卡", "私教课10节", "充1000送200"), products);
        assertEquals(3, app.cardProducts().topupSteps().size());
        assertMadeWell(app);
        // about half of the cards that ended in the demo's three years were renewed (52 % chosen per card)
        CardReports.Renewal renewal = app.cardReports().renewal(TODAY.minusYears(3), TODAY);
        assertTrue(renewal.ended() > 50, renewal.toString());
        assertTrue(renewal.rate() > 0.3 && renewal.rate() < 0.7, renewal.toString());
        try (var connection = app.database().connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM card_freezes), (SELECT count(*) FROM card_entries
                      WHERE kind = 'topup'), (SELECT count(*) FROM purchases p JOIN cards c ON c.purchase_id = p.id)""")) {
            rs.next();
            assertTrue(rs.getLong(1) > 0, "some passes were frozen");
            assertTrue(rs.getLong(2) > 0, "some stored value was topped up");
            assertTrue(rs.getLong(3) > 0, "passes are sold as purchases");
        }
        assertEquals(new DemoCards.Made(0, 0, 0, 0, 0, 0), app.demoCards().make(Business.SHOP, 300, 3,
                Progress.NONE), "a shop gets no cards");
    }

    @Test
    void aScenicDemoSellsAnnualPassesAndRecordsAFewVisitsAYear() throws IOException {
        AppContext app = load(Business.SCENIC);
        Set<String> products = app.cardProducts().products().stream().map(CardProduct::name).collect(Collectors.toSet());
        assertEquals(Set.of("年卡", "家庭年卡", "次卡 5 次", "充500送50"), products);
        assertMadeWell(app);
    }

    private static void assertMadeWell(AppContext app) {
        CardReports.CardCheck check = app.cardReports().check();
        assertTrue(check.ok(), check.problems().toString());
        assertTrue(check.cards() > 30, "cards sold: " + check.cards());
        assertNotNull(app.cardReports().renewal(TODAY.minusYears(3), TODAY).rate(), "cards ended in three years");
        assertTrue(app.cardReports().liability(TODAY).validPasses() > 0);
        try (var connection = app.database().connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*), count(DISTINCT member_id) FROM visits")) {
            rs.next();
            assertTrue(rs.getLong(1) > rs.getLong(2) && rs.getLong(2) > 5, "visits " + rs.getLong(1));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}

package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.tags.Rule;
import org.memberdesk.BothEngines;

/**
 * The CDNOW sample imported as a shop would (members.csv, purchases.csv through the import) and fitted by the
 * service: the stored model has the published parameters, and the scores the rule fields read are the model's.
 */
@BothEngines
class PredictionsTest {
    private static final LocalDate CALIBRATION_END = Cdnow.CALIBRATION_END;
    @TempDir
    static Path folder;
    private static AppContext app;
    private static PredictionModel model;

    @BeforeAll
    static void importAndFit() throws IOException {
        app = TestDatabase.open(folder);
        ImportResult members = app.memberImporter().importFile(copy("members.csv"), ImportOptions.defaults(),
                Progress.NONE, Messages.english());
        assertEquals(2357, members.imported());
        ImportResult purchases = app.purchaseImporter().importFile(copy("purchases.csv"), ImportOptions.defaults(),
                Progress.NONE, Messages.english());
        assertEquals(0, purchases.rejected());
        model = app.predictions().fit(CALIBRATION_END, TimeUnit.WEEK);
    }

    private static Path copy(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = PredictionsTest.class.getResourceAsStream("/cdnow/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theStoredModelHasThePublishedParameters() {
        PredictionModel stored = app.predictions().model(CALIBRATION_END, TimeUnit.WEEK).orElseThrow();
        assertEquals(model, stored);
        assertEquals(2357, stored.buyers());
        assertEquals(946, stored.repeatBuyers());
        assertEquals(0.243, stored.bgnbd().r(), 0.001);
        assertEquals(4.414, stored.bgnbd().alpha(), 0.001);
        assertEquals(0.793, stored.bgnbd().a(), 0.001);
        assertEquals(2.426, stored.bgnbd().b(), 0.001);
        assertEquals(-9582.43, stored.logLikelihood(), 0.01);
        assertEquals(6.25, stored.spend().p(), 0.01);
        assertEquals(3.74, stored.spend().q(), 0.01);
        assertEquals(15.45, stored.spend().v(), 0.01);
        assertEquals(946, stored.spendBuyers());
        assertTrue(stored.scored());
    }

    @Test
    void customer1516ThroughTheDatabase() {
        long id = app.members().byNumber("C1516").orElseThrow().id();
        // 52 weeks = 364 days; at the fitted parameters (BTYD's to 5 digits): 0.9688523 and 25.75659
        MemberPrediction c1516 = app.predictions().member(id, model, 364, 0).orElseThrow();
        assertEquals(26, c1516.frequency());
        assertEquals(216, c1516.recencyDays());
        assertEquals(217, c1516.ageDays());
        assertEquals(0.96885, c1516.pAlive(), 1e-4);
        assertEquals(25.7566, c1516.expectedPurchases(), 0.002);
        // the stored score is over 90 days and the CLV over 365; CLV = spend per purchase × expected purchases
        MemberPrediction stored = app.predictions().storedScore(model, id).orElseThrow();
        MemberPrediction year = app.predictions().member(id, model, 365, 0).orElseThrow();
        assertEquals(year.clvCents(), stored.clvCents());
        assertEquals(Math.round(year.expectedSpendCents() / 100.0 * year.expectedPurchases() * 100),
                (double) year.clvCents(), 1.0);
    }

    @Test
    void aMonthlyDiscountLowersTheValue() {
        long id = app.members().byNumber("C1516").orElseThrow().id();
        long plain = app.predictions().member(id, model, 365, 0).orElseThrow().clvCents();
        long discounted = app.predictions().member(id, model, 365, 0.01).orElseThrow().clvCents();
        assertTrue(discounted < plain, discounted + " < " + plain);
        // 1% a month over a year takes off less than 12%
        assertTrue(discounted > plain * 0.88, discounted + " > 0.88 × " + plain);
    }

    @Test
    void aMemberWhoHadNotBoughtHasNoPrediction() {
        long id = app.members().byNumber("C1516").orElseThrow().id();
        PredictionModel early = new PredictionModel(0, LocalDate.of(1996, 12, 31), TimeUnit.WEEK, model.fittedAt(),
                0, 0, model.bgnbd(), 0, 0, null, null, null, null, 365, 0, false);
        assertEquals(Optional.empty(), app.predictions().member(id, early, 365, 0));
    }

    @Test
    void theRuleFieldsReadTheStoredScores() {
        Rule rule = Rule.parse("p_alive < 0.3");
        long expected = 0;
        Buyers buyers = Cdnow.buyers(CALIBRATION_END);
        for (int i = 0; i < buyers.size(); i++) {
            if (model.bgnbd().pAlive(buyers.frequency(i), buyers.recencyDays(i) / 7.0, buyers.ageDays(i) / 7.0) < 0.3) {
                expected++;
            }
        }
        assertNotEquals(0, expected);
        assertEquals(expected, app.rules().count(rule, CALIBRATION_END));
        // a one-time buyer is alive by construction: p_alive = 1 for the 1,411 of them
        assertTrue(app.rules().count(Rule.parse("p_alive = 1"), CALIBRATION_END) >= 1411);
        // not: members with no value (none here: everyone bought) and those at or above 0.3
        assertEquals(2357 - expected, app.rules().count(Rule.parse("not p_alive < 0.3"), CALIBRATION_END));
        assertTrue(app.rules().count(Rule.parse("predicted_clv >= 100 and expected_purchases_90d > 0.5"),
                CALIBRATION_END) > 0);
    }

    @Test
    void theFitCheckCountsAsBtydDoes() {
        FitCheck check = app.predictions().fitCheck(model);
        assertArrayEquals(new long[] {1411, 439, 214, 100, 62, 38, 29, 64}, check.actual());
        double total = 0;
        for (double p : check.predicted()) {
            total += p;
        }
        // each buyer's probabilities over 0 … 6, 7+ add up to one
        assertEquals(2357, total, 1e-6);
        // BTYD's plot: the model predicts about 1,400 with x = 0 and within a few percent elsewhere
        assertEquals(1411, check.predicted()[0], 0.03 * 1411);
        assertEquals(439, check.predicted()[1], 0.1 * 439);
    }

    @Test
    void theWinBackListIsSlippingRepeatBuyersByValue() {
        var list = app.predictions().slipping(model, 20);
        assertFalse(list.isEmpty());
        for (int i = 0; i < list.size(); i++) {
            assertTrue(list.get(i).pAlive() < 0.5);
            assertTrue(list.get(i).frequency() > 0);
            if (i > 0) {
                assertTrue(list.get(i - 1).clvCents() >= list.get(i).clvCents());
            }
        }
        long[] tenths = app.predictions().pAliveTenths(model);
        assertEquals(946, java.util.Arrays.stream(tenths).sum());
    }

    @Test
    void aRuleTagOnTheScoresIsFilledAndARefitMarksItForRefresh() {
        var tag = app.tags().create("高价值流失", "predicted_clv >= 50 and p_alive < 0.5");
        assertEquals(app.rules().count(Rule.parse("predicted_clv >= 50 and p_alive < 0.5"), CALIBRATION_END),
                tag.members());
        assertTrue(tag.members() > 0);
        app.tags().refreshIfStale();
        assertFalse(app.tags().refreshIfStale(), "nothing out of date");
        // a refit stores new scores: the rule tags are out of date until refreshed
        PredictionModel refit = app.predictions().fit(CALIBRATION_END, TimeUnit.WEEK);
        // the refit replaced the model of that date (the other tests read the one now stored)
        assertNotEquals(model.id(), refit.id());
        assertEquals(model.bgnbd(), refit.bgnbd(), "the same buyers give the same fit");
        model = refit;
        assertTrue(app.tags().refreshIfStale());
        app.tags().delete("高价值流失");
    }

    @Test
    void finding4_theTopFifthOfRepeatBuyersByValueStartsAtTheStoredValueOfRank189() {
        // 946 repeat buyers: the top 20% is rank ⌊946 × 20 / 100⌋ = 189; the scores computed here from the CSV
        // (not through the store) and sorted by value give that buyer's value
        List<Long> values = new java.util.ArrayList<>();
        for (MemberPrediction p : Scoring.score(Cdnow.buyers(CALIBRATION_END), model.bgnbd(), model.spend(),
                TimeUnit.WEEK, 365, 0)) {
            if (p.frequency() > 0) {
                values.add(p.clvCents());
            }
        }
        assertEquals(946, values.size());
        values.sort(java.util.Comparator.reverseOrder());
        long top = app.predictions().topClvCents(model, 20).orElseThrow();
        assertEquals(values.get(188), top);
        assertTrue(values.get(0) > top && top > values.get(945), top + " inside the range");
        // the whole list: its least value; the first percent: rank ⌊9.46⌋ = 9
        assertEquals(values.get(945), app.predictions().topClvCents(model, 100).orElseThrow());
        assertEquals(values.get(8), app.predictions().topClvCents(model, 1).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> app.predictions().topClvCents(model, 0));
    }

    @Test
    void aFutureDateIsRefused() {
        assertThrows(PredictionRefused.class, () -> app.predictions().fit(TestDatabase.NOW.toLocalDate().plusDays(1),
                TimeUnit.WEEK));
    }
}

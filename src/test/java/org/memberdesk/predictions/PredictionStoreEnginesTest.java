package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Database;

/**
 * Issue 21, item 1: the prediction models' SQL answers the same on both engines — the buyers' days, the models kept
 * with their scores (only the latest {@link PredictionStore#SCORED_MODELS} scored), and the figures read from the
 * scores, the doubles exactly as stored. Purchases are written as plain rows so that only this SQL is under test.
 */
@BothEngines
class PredictionStoreEnginesTest {
    private static final LocalDate AS_OF = LocalDate.of(1997, 1, 31);

    @TempDir
    Path folder;
    private Database database;
    private final PredictionStore store = new PredictionStore();

    @BeforeEach
    void rows() {
        database = TestDatabase.database(folder);
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO members (id, member_no, name, join_date)
                        VALUES (1, 'C1', 'a', '1960-01-01'), (2, 'C2', 'b', '1960-01-01')""");
                statement.execute("""
                        INSERT INTO purchases (id, purchase_no, member_id, time, kind, total_cents, refund_of)
                        VALUES (1, 'P1', 1, '1997-01-01 10:00:00', 'sale', 1000, NULL),
                               (2, 'P2', 1, '1997-01-01 15:00:00', 'sale', 500, NULL),
                               (3, 'P3', 1, '1997-01-08 09:00:00', 'sale', 2000, NULL),
                               (4, 'R1', 1, '1997-01-09 10:00:00', 'return', -500, 3),
                               (5, 'P4', 1, '1997-02-01 09:00:00', 'sale', 700, NULL),
                               (6, 'P5', 2, '1969-12-31 23:00:00', 'sale', 3000, NULL),
                               (7, 'P6', 2, '1997-01-05 12:00:00', 'sale', 1000, NULL)""");
            }
            return null;
        });
    }

    @Test
    void finding1_theBuyersDaysAreTheSameOnBothEngines() {
        Buyers buyers = database.read(connection -> store.buyers(connection, AS_OF, null));
        assertEquals(2, buyers.size());
        // C1: 01-01 (1000 + 500 on one day) and 01-08 (2000 less the 500 given back on 01-09); P4 is after the date:
        // one repeat day 7 days after the first, 30 days before the as-of date; the repeat day's mean ¥15.00
        assertEquals(1, buyers.memberId(0));
        assertEquals(1, buyers.frequency(0));
        assertEquals(7, buyers.recencyDays(0));
        assertEquals(30, buyers.ageDays(0));
        assertEquals(15.0, buyers.monetary(0));
        // C2 bought the day before 1970-01-01 (epoch day −1) and on 1997-01-05 (epoch day 9866): 9867 days apart,
        // 9893 days before 1997-01-31 (epoch day 9892); the repeat day ¥10.00
        assertEquals(2, buyers.memberId(1));
        assertEquals(9867, buyers.recencyDays(1));
        assertEquals(9893, buyers.ageDays(1));
        assertEquals(10.0, buyers.monetary(1));
        Buyers one = database.read(connection -> store.buyers(connection, AS_OF, 1L));
        assertEquals(1, one.size());
        assertEquals(7, one.recencyDays(0));
    }

    @Test
    void finding1_theLatestThreeModelsKeepTheirScoresAndTheFiguresReadFromThemAgree() {
        // four fits a month apart: the fourth leaves the first with its parameters only
        long[] ids = new long[4];
        for (int i = 0; i < 4; i++) {
            LocalDate asOf = AS_OF.plusMonths(i);
            PredictionModel model = new PredictionModel(0, asOf, TimeUnit.WEEK, asOf.atTime(23, 0), 5, 4,
                    new BgNbd(0.243, 4.414, 0.793, 2.426), -9582.429, 57, new GammaGamma(6.25, 3.74, 15.44),
                    -4035.121, 946, null, 365, 0.01, true);
            ids[i] = database.write(connection -> store.insert(connection, model, scores()));
        }
        List<PredictionModel> models = database.read(store::models);
        assertEquals(List.of(ids[3], ids[2], ids[1], ids[0]), models.stream().map(PredictionModel::id).toList());
        assertEquals(List.of(true, true, true, false), models.stream().map(PredictionModel::scored).toList());
        assertEquals(Optional.empty(), database.read(connection -> store.score(connection, ids[0], 1)));
        // the doubles come back exactly as stored
        PredictionModel latest = models.get(0);
        assertEquals(new BgNbd(0.243, 4.414, 0.793, 2.426), latest.bgnbd());
        assertEquals(new GammaGamma(6.25, 3.74, 15.44), latest.spend());
        assertEquals(-9582.429, latest.logLikelihood());
        assertEquals(-4035.121, latest.spendLogLikelihood());
        assertEquals(946, latest.spendBuyers());
        assertEquals(0.01, latest.monthlyDiscount());
        assertEquals(LocalDateTime.of(1997, 4, 30, 23, 0), latest.fittedAt());
        // as of 02-15 only the first model was fitted, and it is no longer scored
        assertTrue(database.read(connection -> store.latestScored(connection, LocalDate.of(1997, 2, 15))).isEmpty());
        assertEquals(ids[1], database.read(connection -> store.latestScored(connection, LocalDate.of(1997, 3, 15)))
                .orElseThrow().id());

        long model = ids[3];
        assertEquals(new MemberPrediction(2, 2, 30, 40, 0.37, 1.25, null, null),
                database.read(connection -> store.score(connection, model, 2)).orElseThrow());
        // repeat buyers (member 5 bought once) by tenth of P(alive): 0.08 → [0, 0.1), 0.37 → [0.3, 0.4),
        // 0.96 and 1.0 → [0.9, 1]
        assertArrayEquals(new long[] {1, 0, 0, 1, 0, 0, 0, 0, 0, 2},
                database.read(connection -> store.pAliveTenths(connection, model)));
        // slipping (P(alive) < 0.5, repeat buyers): member 1 (CLV 5000) before member 2 (none, counted as 0)
        assertEquals(List.of(1L, 2L), database.read(connection -> store.slipping(connection, model, 0.5, 10))
                .stream().map(MemberPrediction::memberId).toList());
        // repeat buyers with a CLV: 9000, 5000, 1000; the top 50 %: rank max(1, 3 × 50 / 100 = 1) → 9000
        assertEquals(Optional.of(9000L), database.read(connection -> store.topClvCents(connection, model, 50)));
    }

    @Test
    void finding1_aModelWithoutASpendModelIsReadBackWithItsScores() {
        PredictionModel refused = new PredictionModel(0, AS_OF, TimeUnit.DAY, AS_OF.atTime(23, 0), 5, 4,
                new BgNbd(0.243, 4.414, 0.793, 2.426), -9582.429, 57, null, null, null, "predictions.spend.tooFew",
                365, 0.0, true);
        long id = database.write(connection -> store.insert(connection, refused,
                List.of(new MemberPrediction(2, 2, 30, 40, 0.37, 1.25, null, null))));
        PredictionModel stored = database.read(connection -> store.model(connection, AS_OF, TimeUnit.DAY))
                .orElseThrow();
        assertEquals(new PredictionModel(id, AS_OF, TimeUnit.DAY, AS_OF.atTime(23, 0), 5, 4,
                new BgNbd(0.243, 4.414, 0.793, 2.426), -9582.429, 57, null, null, null, "predictions.spend.tooFew",
                365, 0.0, true), stored);
        // no spend model: no expected spend, no CLV (read as absent, not as 0)
        assertEquals(new MemberPrediction(2, 2, 30, 40, 0.37, 1.25, null, null),
                database.read(connection -> store.score(connection, id, 2)).orElseThrow());
    }

    private static List<MemberPrediction> scores() {
        return List.of(new MemberPrediction(1, 1, 7, 30, 0.08, 0.5, 2000L, 5000L),
                new MemberPrediction(2, 2, 30, 40, 0.37, 1.25, null, null),
                new MemberPrediction(3, 1, 3, 10, 0.96, 0.75, 3000L, 9000L),
                new MemberPrediction(4, 3, 20, 25, 1.0, 2.0, 500L, 1000L),
                new MemberPrediction(5, 0, 0, 12, 0.5, 0.1, 100L, 200L));
    }
}

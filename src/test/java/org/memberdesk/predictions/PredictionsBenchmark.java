package org.memberdesk.predictions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.memberdesk.db.Database;

/**
 * The parts of {@code predict} timed one by one inside one JVM on a real database: reading the buyers, the BG/NBD
 * fit, the Gamma-Gamma fit, scoring and storing. Run by bench/predictions.sh:
 * {@code PredictionsBenchmark DB AS_OF}. Not a test; it stores a model in DB (run it on a copy: bench/predictions.sh does).
 */
public final class PredictionsBenchmark {
    private PredictionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.open(Path.of(args[0]));
        LocalDate asOf = LocalDate.parse(args[1]);
        PredictionStore store = new PredictionStore();
        long start = System.nanoTime();
        Buyers buyers = database.read(connection -> store.buyers(connection, asOf, null));
        lap("read buyers (" + buyers.size() + ", " + buyers.repeatBuyers() + " repeat)", start);
        start = System.nanoTime();
        BgNbd.Groups groups = BgNbd.Groups.of(buyers);
        lap("group histories (" + groups.size() + " distinct)", start);
        start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            groups.logLikelihood(new BgNbd(0.5 + i * 0.01, 10, 0.8, 2.5), TimeUnit.WEEK);
        }
        lap("10 BG/NBD likelihood evaluations", start);
        start = System.nanoTime();
        BgNbd.Fit fit = BgNbd.fit(buyers, TimeUnit.WEEK);
        lap("BG/NBD fit " + fit, start);
        start = System.nanoTime();
        GammaGamma.Fit spend = GammaGamma.fit(buyers);
        lap("Gamma-Gamma fit " + spend, start);
        start = System.nanoTime();
        List<MemberPrediction> scores = Scoring.score(buyers, fit.model(), spend.model(), TimeUnit.WEEK, 365, 0);
        lap("score " + scores.size(), start);
        Predictions predictions = new Predictions(database, store, new RenewalStore(), java.time.Clock.systemDefaultZone(),
                connection -> { });
        PredictionModel model = predictions.fit(buyers, asOf, TimeUnit.WEEK);
        for (int run = 1; run <= 2; run++) {
            start = System.nanoTime();
            database.write(connection -> store.insert(connection, model, scores));
            lap("store the scores computed above (run " + run + "; each replaces the one before)", start);
        }
        start = System.nanoTime();
        database.write(connection -> store.insert(connection, model, Scoring.scoreWhileStoring(buyers, fit.model(),
                spend.model(), TimeUnit.WEEK, 365, 0)));
        lap("score while storing (what predict does)", start);
    }

    private static void lap(String what, long start) {
        System.out.printf("%-100s %8.2f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}

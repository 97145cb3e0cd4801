package org.memberdesk.predictions;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Who is still a customer and what they are worth: fits BG/NBD and Gamma-Gamma at an as-of date, keeps the model
 * with every buyer's scores (what the rule fields read), and answers for one member. A fit is refused with fewer
 * than {@link #LEAST_REPEAT_BUYERS} repeat buyers or when it does not converge; a refused fit stores nothing.
 */
public final class Predictions {
    /** Fewer repeat buyers than this and the parameters are noise (Klaviyo asks for 500). */
    public static final int LEAST_REPEAT_BUYERS = 50;
    /** The CLV horizon of the stored scores and of {@code predict member} by default. */
    public static final int DEFAULT_HORIZON_DAYS = 365;
    /** The win-back list and the "valuable but slipping" template: repeat buyers with P(alive) below this. */
    public static final double SLIPPING_BELOW = 0.5;

    private final Database database;
    private final PredictionStore store;
    private final RenewalStore renewals;
    private final Clock clock;
    private final StaffSession session;
    private final ModelChanges changes;

    /** Told inside the transaction that stores a new model: what reads the scores (rule tags) is out of date. */
    @FunctionalInterface
    public interface ModelChanges {
        void modelStored(Connection connection) throws SQLException;
    }

    /** Without a person: every fit is the app's own (benchmarks, tools). */
    public Predictions(Database database, PredictionStore store, RenewalStore renewals, Clock clock,
                       ModelChanges changes) {
        this(database, store, renewals, clock, changes, new StaffSession(org.memberdesk.staff.Actor.SYSTEM));
    }

    /**
     * {@code session}: a fit a person asks for ({@link #refit}) is a report, a manager's or the owner's; the app's
     * own fits (the daily refit, the model a rule needs) are not checked.
     */
    public Predictions(Database database, PredictionStore store, RenewalStore renewals, Clock clock,
                       ModelChanges changes, StaffSession session) {
        this.session = session;
        this.database = database;
        this.store = store;
        this.renewals = renewals;
        this.clock = clock;
        this.changes = changes;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Fits the models at the date from the purchases on or before it, scores every buyer and keeps it as the model
     * of that date and unit (replacing an earlier fit of the same date).
     * @throws PredictionRefused too few repeat buyers, or no convergence
     * @throws IllegalArgumentException a date after today
     */
    public PredictionModel fit(LocalDate asOf, TimeUnit unit) {
        return fit(asOf, unit, FitProgress.NONE);
    }

    /**
     * {@link #fit(LocalDate, TimeUnit)} reporting its steps, for a refit a person started and may cancel.
     * @throws CancellationException cancelled before the scores were stored (nothing stored)
     */
    /**
     * {@link #fit(LocalDate, TimeUnit, FitProgress)} asked for by a person ("Refit now", {@code predict fit}): refused
     * below a manager ({@link Permission#REPORTS}). Not logged: a fit changes no one's data, only the forecasts.
     */
    public PredictionModel refit(LocalDate asOf, TimeUnit unit, FitProgress progress) {
        session.require(Permission.REPORTS);
        return fit(asOf, unit, progress);
    }

    public PredictionModel fit(LocalDate asOf, TimeUnit unit, FitProgress progress) {
        if (asOf.isAfter(today())) {
            throw new PredictionRefused("predict.futureDate", asOf);
        }
        Buyers buyers = database.read(connection -> store.buyers(connection, asOf, null));
        step(progress, 1);
        PredictionModel fitted = fit(buyers, asOf, unit);
        step(progress, 2);
        // scored part by part while the parts before are stored, in the transaction below
        Iterable<MemberPrediction> scores = Scoring.scoreWhileStoring(buyers, fitted.bgnbd(), fitted.spend(), unit,
                fitted.horizonDays(), fitted.monthlyDiscount());
        if (progress.cancelled()) {
            throw new CancellationException("refit cancelled");
        }
        long id = database.write(connection -> {
            long stored = store.insert(connection, fitted, scores);
            changes.modelStored(connection);
            return stored;
        });
        progress.step(FitProgress.STEPS);
        return withId(fitted, id);
    }

    private static void step(FitProgress progress, int done) {
        if (progress.cancelled()) {
            throw new CancellationException("refit cancelled");
        }
        progress.step(done);
    }

    /** The fit itself, on buyers already summarised (the engine tests and the benchmark call it directly). */
    PredictionModel fit(Buyers buyers, LocalDate asOf, TimeUnit unit) {
        int repeat = buyers.repeatBuyers();
        if (repeat < LEAST_REPEAT_BUYERS) {
            throw new PredictionRefused("predict.tooFewRepeatBuyers", repeat, LEAST_REPEAT_BUYERS);
        }
        BgNbd.Fit bgnbd = BgNbd.fit(buyers, unit);
        GammaGamma.Fit spend = null;
        String refused = null;
        try {
            spend = GammaGamma.fit(buyers);
            if (spend.buyers() < LEAST_REPEAT_BUYERS) {
                spend = null;
                refused = "predict.tooFewSpenders";
            }
        } catch (PredictionRefused e) {
            refused = e.problems().get(0).key();
        }
        return new PredictionModel(0, asOf, unit, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                buyers.size(), repeat, bgnbd.model(), bgnbd.logLikelihood(), bgnbd.evaluations(),
                spend == null ? null : spend.model(), spend == null ? null : spend.logLikelihood(),
                spend == null ? null : spend.buyers(), refused, DEFAULT_HORIZON_DAYS, 0, true);
    }

    private static PredictionModel withId(PredictionModel m, long id) {
        return new PredictionModel(id, m.asOf(), m.unit(), m.fittedAt(), m.buyers(), m.repeatBuyers(), m.bgnbd(),
                m.logLikelihood(), m.evaluations(), m.spend(), m.spendLogLikelihood(), m.spendBuyers(),
                m.spendRefused(), m.horizonDays(), m.monthlyDiscount(), m.scored());
    }

    /** The stored model of that date and unit. */
    public Optional<PredictionModel> model(LocalDate asOf, TimeUnit unit) {
        return database.read(connection -> store.model(connection, asOf, unit));
    }

    /** The model of that date and unit, fitted now if there is none. */
    public PredictionModel modelOrFit(LocalDate asOf, TimeUnit unit) {
        return model(asOf, unit).orElseGet(() -> fit(asOf, unit));
    }

    /** Every stored model, the latest date first. */
    public List<PredictionModel> models() {
        return database.read(store::models);
    }

    /** The model the rule fields read at a date: the latest scored one as of that date or earlier. */
    public Optional<PredictionModel> forRules(LocalDate asOf) {
        return database.read(connection -> store.latestScored(connection, asOf));
    }

    /**
     * Makes sure a rule at this date has a model to read, fitting one in the default unit when needed: with
     * {@code thatDate} (a rule given an explicit as-of date) the model of exactly that date, otherwise any scored
     * model as of the date or earlier ("the latest model").
     */
    public PredictionModel ensureForRules(LocalDate asOf, boolean thatDate) {
        Optional<PredictionModel> latest = forRules(asOf);
        if (latest.isPresent() && (!thatDate || latest.get().asOf().equals(asOf))) {
            return latest.get();
        }
        return fit(asOf, TimeUnit.WEEK);
    }

    /**
     * The desktop's daily refit: today's model in weeks, unless one was fitted today already. Returns the fitted
     * model, or empty when none was due. A refused fit throws, and the caller shows why.
     */
    public Optional<PredictionModel> refitIfDue() {
        LocalDate today = today();
        if (model(today, TimeUnit.WEEK).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(fit(today, TimeUnit.WEEK));
    }

    /**
     * One member under a model, over {@code horizonDays} (discounted monthly at {@code monthlyDiscount}; 0 for
     * none), from their purchases as of the model's date. Empty when they had not bought by then.
     */
    public Optional<MemberPrediction> member(long memberId, PredictionModel model, int horizonDays,
                                             double monthlyDiscount) {
        if (horizonDays <= 0 || monthlyDiscount < 0) {
            throw new IllegalArgumentException("horizon > 0 days and discount >= 0: " + horizonDays + ", "
                    + monthlyDiscount);
        }
        Buyers one = database.read(connection -> store.buyers(connection, model.asOf(), memberId));
        if (one.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(Scoring.one(one, 0, model.bgnbd(), model.spend(), model.unit(), horizonDays,
                monthlyDiscount));
    }

    /** The stored score of a member under a scored model (what the rule fields see). */
    public Optional<MemberPrediction> storedScore(PredictionModel model, long memberId) {
        return database.read(connection -> store.score(connection, model.id(), memberId));
    }

    /** The win-back list: repeat buyers with P(alive) &lt; 0.5, the highest CLV first. */
    public List<MemberPrediction> slipping(PredictionModel model, int limit) {
        return database.read(connection -> store.slipping(connection, model.id(), SLIPPING_BELOW, limit));
    }

    /**
     * The predicted value (cents) the top {@code percent}% of the model's repeat buyers reach, for "high value"
     * thresholds; empty without a spend model. {@code percent} is 1 … 100.
     */
    public Optional<Long> topClvCents(PredictionModel model, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent 1 … 100: " + percent);
        }
        return database.read(connection -> store.topClvCents(connection, model.id(), percent));
    }

    /** Repeat buyers per tenth of P(alive) (one-time buyers are 1 by construction and left out). */
    public long[] pAliveTenths(PredictionModel model) {
        return database.read(connection -> store.pAliveTenths(connection, model.id()));
    }

    /**
     * BTYD's calibration check: for x = 0 … 6 and 7+, how many buyers had x repeat transaction days by the model's
     * date, and how many the model predicts given each buyer's age T.
     */
    public FitCheck fitCheck(PredictionModel model) {
        Buyers buyers = database.read(connection -> store.buyers(connection, model.asOf(), null));
        return FitCheck.of(buyers, model.bgnbd(), model.unit());
    }

    // ---------------------------------------------------------------- renewal forecast (sBG)

    /**
     * The renewal forecast of every period pass still sold that has a cohort observed for a whole period, as known
     * today (see {@link RenewalHistory} for cohorts and survivors). A product without such history, or whose fit does
     * not converge ({@code renewal.notConverged}), is left out.
     */
    public List<RenewalForecast> renewalForecasts() {
        LocalDate today = today();
        record History(RenewalStore.Product product, List<RenewalHistory.Cohort> cohorts) {
        }
        List<History> histories = database.read(connection -> {
            List<History> all = new java.util.ArrayList<>();
            for (RenewalStore.Product product : renewals.passProducts(connection)) {
                all.add(new History(product, RenewalHistory.cohorts(renewals.passes(connection, product.id(), today),
                        product.days(), today)));
            }
            return all;
        });
        List<RenewalForecast> forecasts = new java.util.ArrayList<>();
        for (History history : histories) {
            if (!history.cohorts().isEmpty()) {
                try {
                    forecasts.add(forecast(history.product(), history.cohorts()));
                } catch (PredictionRefused e) {
                    // not converged: never shown as a forecast
                }
            }
        }
        return forecasts;
    }

    /**
     * The renewal forecast of one period pass as known today.
     * @throws PredictionRefused {@code renewal.notAPass} for no such product or one that is not a period pass,
     *     {@code renewal.noHistory} when no cohort has been observed for a whole period, {@code
     *     renewal.notConverged} when the fit does not converge
     */
    public RenewalForecast renewalForecast(long productId) {
        LocalDate today = today();
        record History(RenewalStore.Product product, List<RenewalHistory.Cohort> cohorts) {
        }
        History history = database.read(connection -> {
            RenewalStore.Product product = renewals.product(connection, productId)
                    .filter(RenewalStore.Product::isPass)
                    .orElseThrow(() -> new PredictionRefused("renewal.notAPass", String.valueOf(productId)));
            return new History(product, RenewalHistory.cohorts(renewals.passes(connection, productId, today),
                    product.days(), today));
        });
        if (history.cohorts().isEmpty()) {
            throw new PredictionRefused("renewal.noHistory");
        }
        return forecast(history.product(), history.cohorts());
    }

    private static RenewalForecast forecast(RenewalStore.Product product, List<RenewalHistory.Cohort> history) {
        List<long[]> cohorts = history.stream().map(RenewalHistory.Cohort::survivors).toList();
        // the cohort observed for the most periods, then the larger, then the earlier (the list is earliest first)
        long[] longest = cohorts.get(0);
        for (long[] cohort : cohorts) {
            if (cohort.length > longest.length || (cohort.length == longest.length && cohort[0] > longest[0])) {
                longest = cohort;
            }
        }
        return forecast(product.id(), product.name(), cohorts, longest);
    }

    /**
     * The forecast of a survivor series given by hand (holders at the start of periods 0, 1, …, n).
     * @throws IllegalArgumentException a series that is empty, grows or is negative
     * @throws PredictionRefused {@code renewal.noHistory} for a series of one period or starting at 0, {@code
     *     renewal.notConverged} when the fit does not converge
     */
    public static RenewalForecast renewalForecast(long[] survivors) {
        if (survivors == null || survivors.length == 0) {
            throw new IllegalArgumentException("a survivor series needs at least one number");
        }
        long[] series = survivors.clone();
        return forecast(null, null, List.of(series), series);
    }

    private static RenewalForecast forecast(Long productId, String product, List<long[]> cohorts, long[] survivors) {
        ShiftedBetaGeometric.Fit fit;
        try {
            fit = ShiftedBetaGeometric.fit(cohorts);
        } catch (PredictionRefused e) {
            if ("predict.notConverged".equals(e.problems().get(0).key())) {
                // in renewals' words: the sBG's chance of leaving only falls with the periods held, so renewals
                // where it rises (all leave after about the same number of periods) push α and β without bound
                throw new PredictionRefused("renewal.notConverged");
            }
            throw e;
        }
        if (survivors.length < 2 || survivors[0] == 0) {
            throw new PredictionRefused("renewal.noHistory");
        }
        int n = survivors.length - 1;
        ShiftedBetaGeometric model = fit.model();
        return new RenewalForecast(productId, product, cohorts, survivors, model, fit.logLikelihood(),
                model.survival(n + RenewalForecast.PERIODS_AHEAD),
                model.projected(survivors[0], n, RenewalForecast.PERIODS_AHEAD));
    }
}

package org.memberdesk.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.memberdesk.common.Money;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import org.memberdesk.predictions.GammaGamma;
import org.memberdesk.predictions.MemberPrediction;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.PredictionRefused;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.tags.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Predictions on the command line (issue 20): {@code predict} fits BG/NBD and Gamma-Gamma at a date and keeps the
 * model for it; {@code predict member} answers for one member under the model of a date. A refused fit (too few
 * repeat buyers, no convergence, a date after today) is exit 3 with the reason on stderr; nothing is stored then.
 */
final class PredictCommands {
    /** Beyond ten years a shop's CLV says nothing; the bound also keeps the cents far from overflowing. */
    static final int MOST_HORIZON_DAYS = 3650;

    private PredictCommands() {
    }

    /**
     * Evaluates rules at a date. A date the person gave ({@code --as-of}, a funnel's {@code --to}) means the model of
     * exactly that date, fitted first when there is none; without one the rule service takes the latest model itself.
     * A refused fit is exit 3 with the reason, as {@code predict} says it.
     */
    static <T> T withModels(Cli cli, LocalDate givenDate, List<Rule> rules, Supplier<T> evaluate) {
        try {
            if (givenDate != null && rules.stream().anyMatch(Rule::readsPredictions)) {
                // before the rule's read: a fit writes, and a read already open would not see the new model
                cli.context().predictions().ensureForRules(givenDate, true);
            }
            return evaluate.get();
        } catch (PredictionRefused e) {
            throw CounterCommands.refused(cli, e);
        }
    }

    /** {@code week} or {@code day}; anything else is a usage error. */
    static final class Unit implements CommandLine.ITypeConverter<TimeUnit> {
        @Override
        public TimeUnit convert(String text) {
            try {
                return TimeUnit.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a unit: week or day");
            }
        }
    }

    @Command(name = "predict", subcommands = PredictMember.class,
            description = {"Fit the prediction models at a date from the purchases on or before it and keep them as"
                    + " that date's model (replacing an earlier fit of the same date and unit): BG/NBD (is a member"
                    + " still buying, how often) and Gamma-Gamma (spend per purchase). The rule fields p_alive,"
                    + " expected_purchases_90d and predicted_clv read the latest model.",
                    "Refused (exit 3, nothing stored) with fewer than 50 repeat buyers, a fit that does not"
                            + " converge, or a date after today.",
                    "`predict member MEMBER_NO` answers for one member."},
            footer = {"", "Examples:",
                    "  memberdesk predict --json",
                    "  memberdesk predict --as-of 2026-09-30 --unit day --json",
                    "  memberdesk predict member M000123 --horizon-days 180 --json", ""})
    static final class Predict implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Fit from the purchases on or before this day, YYYY-MM-DD (default: today),"
                        + " e.g. --as-of 2026-09-30.")
        LocalDate asOf;

        @Option(names = "--unit", paramLabel = "week|day", converter = Unit.class,
                description = "The unit the models count time in (default: week), e.g. --unit day for members who"
                        + " come back within days.")
        TimeUnit unit;

        @Override
        public Integer call() {
            Predictions predictions = cli.context().predictions();
            PredictionModel model;
            try {
                model = predictions.refit(asOf != null ? asOf : predictions.today(), unit != null ? unit : TimeUnit.WEEK,
                        org.memberdesk.predictions.FitProgress.NONE);
            } catch (ValidationException e) {
                throw CounterCommands.refused(cli, e);
            }
            if (cli.json()) {
                cli.print(describe(cli, model));
            } else {
                summary(cli, model);
            }
            return 0;
        }
    }

    /** The keys the issue names first, in its order; then what else a script may want. */
    private static Map<String, Object> describe(Cli cli, PredictionModel model) {
        Map<String, Object> bgnbd = Cli.object();
        bgnbd.put("r", model.bgnbd().r());
        bgnbd.put("alpha", model.bgnbd().alpha());
        bgnbd.put("a", model.bgnbd().a());
        bgnbd.put("b", model.bgnbd().b());
        bgnbd.put("log_likelihood", model.logLikelihood());
        Map<String, Object> spend = null;
        if (model.spend() != null) {
            spend = Cli.object();
            spend.put("p", model.spend().p());
            spend.put("q", model.spend().q());
            spend.put("v", model.spend().v());
        }
        Map<String, Object> out = Cli.object();
        out.put("buyers", model.buyers());
        out.put("repeat_buyers", model.repeatBuyers());
        out.put("bgnbd", bgnbd);
        out.put("gamma_gamma", spend);
        out.put("as_of", model.asOf().toString());
        out.put("unit", model.unit().code());
        // a fit that does not converge is refused and never stored: a model printed here always converged
        out.put("converged", true);
        out.put("evaluations", model.evaluations());
        out.put("spend_buyers", model.spendBuyers());
        out.put("spend_note", spendNote(cli, model));
        return out;
    }

    /**
     * Why there is no spend model, in the shop's words; null when there is one. A model keeps only the key of the
     * spend model's refusal, not its arguments: "did not converge" has a wording of its own here, without the count.
     */
    static String spendNote(Cli cli, PredictionModel model) {
        if (model.spend() != null || model.spendRefused() == null) {
            return null;
        }
        return cli.messages().get(model.spendRefused().equals("predict.notConverged") ? "predict.spendNotConverged"
                : model.spendRefused());
    }

    private static void summary(Cli cli, PredictionModel model) {
        var out = cli.out();
        out.printf(Locale.ROOT, "Model as of %s, in %ss: %d buyers, %d of them repeat buyers.%n", model.asOf(),
                model.unit().code(), model.buyers(), model.repeatBuyers());
        out.printf(Locale.ROOT, "BG/NBD (still buying? how often?): r %.4f, alpha %.4f, a %.4f, b %.4f;"
                        + " log-likelihood %.2f, converged after %d evaluations.%n", model.bgnbd().r(),
                model.bgnbd().alpha(), model.bgnbd().a(), model.bgnbd().b(), model.logLikelihood(),
                model.evaluations());
        GammaGamma spend = model.spend();
        if (spend != null) {
            out.printf(Locale.ROOT, "Gamma-Gamma (spend per purchase): p %.4f, q %.4f, v %.4f, from %d repeat"
                    + " buyers.%n", spend.p(), spend.q(), spend.v(), model.spendBuyers());
        } else {
            out.println("No spend model: " + spendNote(cli, model));
        }
        out.flush();
    }

    @Command(name = "member",
            description = {"What the model of a date expects of one member: P(alive) (the chance they are still a"
                    + " customer), purchases expected over the horizon, spend per purchase and value (CLV) in cents."
                    + " Uses the model of that date and unit, fitted first when there is none.",
                    "expected_spend_cents and clv_cents are null when the model has no spend model. A member with no"
                            + " purchase by the model's date is refused (exit 3)."},
            footer = {"", "Examples:",
                    "  memberdesk predict member M000123 --json",
                    "  memberdesk predict member 13800138000 --as-of 2026-09-30 --json",
                    "  memberdesk predict member M000123 --horizon-days 364 --unit day --json",
                    "  memberdesk predict member M000123 --monthly-discount 0.01 --json", ""})
    static final class PredictMember implements Callable<Integer> {
        @ParentCommand
        Predict parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MEMBER_NO", description = "The member's number or phone.")
        String memberNo;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "The model of this day, YYYY-MM-DD (default: today), e.g. --as-of 2026-09-30.")
        LocalDate asOf;

        @Option(names = "--unit", paramLabel = "week|day", converter = Unit.class,
                description = "The model in this unit (default: week), e.g. --unit day.")
        TimeUnit unit;

        @Option(names = "--horizon-days", paramLabel = "N", defaultValue = "" + Predictions.DEFAULT_HORIZON_DAYS,
                description = "How many days ahead to count purchases and value (default: ${DEFAULT-VALUE};"
                        + " 1 to " + MOST_HORIZON_DAYS + "), e.g. --horizon-days 90.")
        int horizonDays;

        @Option(names = "--monthly-discount", paramLabel = "RATE", defaultValue = "0",
                description = "Discount the value by this rate a month (default: 0, none), e.g. --monthly-discount"
                        + " 0.01 for 1%% a month.")
        double monthlyDiscount;

        @Override
        public Integer call() {
            if (horizonDays < 1 || horizonDays > MOST_HORIZON_DAYS) {
                throw Cli.usage(spec, "--horizon-days must be 1 to " + MOST_HORIZON_DAYS + ", not " + horizonDays);
            }
            if (!(monthlyDiscount >= 0 && monthlyDiscount < 1)) {
                throw Cli.usage(spec, "--monthly-discount is a rate a month from 0 to below 1 (0.01 = 1%), not "
                        + monthlyDiscount);
            }
            Cli cli = parent.cli;
            Member member = PointsCommands.member(cli, memberNo);
            Predictions predictions = cli.context().predictions();
            PredictionModel model;
            try {
                // `predict --as-of D member M` reads as `predict member M --as-of D`
                LocalDate date = asOf != null ? asOf : parent.asOf != null ? parent.asOf : predictions.today();
                TimeUnit in = unit != null ? unit : parent.unit != null ? parent.unit : TimeUnit.WEEK;
                model = predictions.modelOrFit(date, in);
            } catch (ValidationException e) {
                throw CounterCommands.refused(cli, e);
            }
            MemberPrediction prediction = predictions.member(member.id(), model, horizonDays, monthlyDiscount)
                    .orElseThrow(() -> new CliFailure(CounterCommands.REFUSED, cli.messages().get(
                            "predict.member.noPurchase", member.memberNo(), model.asOf().toString())));
            Map<String, Object> out = Cli.object();
            out.put("p_alive", prediction.pAlive());
            out.put("expected_purchases", prediction.expectedPurchases());
            out.put("expected_spend_cents", prediction.expectedSpendCents());
            out.put("clv_cents", prediction.clvCents());
            out.put("member", member.memberNo());
            out.put("as_of", model.asOf().toString());
            out.put("unit", model.unit().code());
            out.put("horizon_days", horizonDays);
            out.put("monthly_discount", monthlyDiscount);
            out.put("frequency", prediction.frequency());
            out.put("recency_days", prediction.recencyDays());
            out.put("age_days", prediction.ageDays());
            if (cli.json()) {
                cli.print(out);
            } else {
                summary(cli, member, model, horizonDays, prediction);
            }
            return 0;
        }
    }

    private static void summary(Cli cli, Member member, PredictionModel model, int horizonDays,
                                MemberPrediction prediction) {
        var out = cli.out();
        out.printf(Locale.ROOT, "%s under the model of %s (in %ss), over the next %d days:%n", member.memberNo(),
                model.asOf(), model.unit().code(), horizonDays);
        out.printf(Locale.ROOT, "P(alive) %.4f; expected purchases %.2f", prediction.pAlive(),
                prediction.expectedPurchases());
        if (prediction.clvCents() != null) {
            out.printf(Locale.ROOT, "; spend per purchase %s; value (CLV) %s", Money.display(
                    prediction.expectedSpendCents()), Money.display(prediction.clvCents()));
        } else {
            out.print("; no spend model, so no value (CLV)");
        }
        out.printf(Locale.ROOT, ".%nHistory: repeat purchase days %d; days from the first purchase to the last %d,"
                + " to the model's date %d.%n", prediction.frequency(), prediction.recencyDays(),
                prediction.ageDays());
        out.flush();
    }
}

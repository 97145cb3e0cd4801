package org.memberdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.predictions.PredictionRefused;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.predictions.RenewalForecast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code renewal-forecast}: the shifted-beta-geometric model (Fader &amp; Hardie 2007) fitted to a pass's renewals —
 * a survivor series given by hand, or a period-pass product's cohorts as known today — and the expected holders of
 * the next five periods. Read only. A bad series is a usage error (exit 2); no history, not a pass or a fit that
 * does not converge is refused (exit 3) with the reason.
 */
@Command(name = "renewal-forecast", description = "Fit the renewal model (sBG: α, β) to a survivor series or to a"
        + " period pass's history and project the holders of the next 5 periods (on the scale of the series).",
        footer = {"", "Examples:",
                "  memberdesk renewal-forecast --survivors 1000,631,468,382,326,289,262,241",
                "  memberdesk renewal-forecast --product 3 --json",
                "",
                "With --product the cohorts are the members who first bought the pass in the same period; a member"
                        + " survives a period when they renewed it (bought it again from 30 days before to 30 days"
                        + " after its end, as the renewal rate counts). \"survivors\" is the cohort observed for the"
                        + " most periods."})
final class RenewalForecastCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--survivors", paramLabel = "N,N,…",
            description = "Holders at the start of periods 0, 1, 2, … (whole numbers ≥ 0, never growing), e.g."
                    + " 1000,631,468.")
    String survivors;

    @Option(names = "--product", paramLabel = "ID", description = "A period pass's product id (see `card-product list`).")
    Long product;

    @Override
    public Integer call() {
        if ((survivors == null) == (product == null)) {
            throw Cli.usage(spec, "give exactly one of --survivors N,N,… and --product ID");
        }
        RenewalForecast forecast;
        try {
            forecast = survivors != null ? Predictions.renewalForecast(series(spec, survivors))
                    : cli.context().predictions().renewalForecast(product);
        } catch (PredictionRefused e) {
            throw CounterCommands.refused(cli, e);
        }
        cli.print(json(forecast));
        return 0;
    }

    /**
     * {@code 1000,631,468}: whole numbers ≥ 0 that never grow; anything else is a usage error. A series without a
     * whole period (one number, or starting at 0) is the service's refusal (no history, exit 3).
     */
    static long[] series(CommandSpec spec, String text) {
        String[] parts = text.split("[,，]", -1);
        long[] series = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                series[i] = Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw Cli.usage(spec, "--survivors must be whole numbers separated by commas (e.g."
                        + " 1000,631,468), not '" + part + "'");
            }
            if (series[i] < 0) {
                throw Cli.usage(spec, "--survivors cannot be negative: " + series[i]);
            }
            if (i > 0 && series[i] > series[i - 1]) {
                throw Cli.usage(spec, "--survivors never grow (holders of a later period are some of the earlier"
                        + " ones): " + series[i - 1] + " then " + series[i]);
            }
        }
        return series;
    }

    static Map<String, Object> json(RenewalForecast forecast) {
        Map<String, Object> out = Cli.object();
        out.put("alpha", forecast.model().alpha());
        out.put("beta", forecast.model().beta());
        out.put("projected", list(forecast.projected()));
        out.put("log_likelihood", forecast.logLikelihood());
        out.put("periods", forecast.periods());
        out.put("survivors", list(forecast.survivors()));
        out.put("survival", list(forecast.survival()));
        if (forecast.productId() != null) {
            out.put("product_id", forecast.productId());
            out.put("product", forecast.product());
            out.put("cohorts", forecast.cohorts().stream().map(RenewalForecastCommand::list).toList());
        }
        return out;
    }

    private static List<Long> list(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}

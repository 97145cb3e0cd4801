package org.memberdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.CardFigures;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.analytics.Dashboard;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Metrics;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.StoreFigures;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.stores.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The analytics commands: report, funnel, cohorts and chart. Keys exactly as issue 7 names them. */
final class AnalyticsCommands {
    private AnalyticsCommands() {
    }

    /** --from and --to as whole days, both included. */
    abstract static class PeriodCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (YYYY-MM-DD).")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, included (YYYY-MM-DD).")
        LocalDate to;

        Period period() {
            if (to.isBefore(from)) {
                throw Cli.usage(spec,
                        "--to " + to + " is before --from " + from);
            }
            return new Period(from, to);
        }
    }

    @Command(name = "report", description = "Key numbers of a period: members, buyers, revenue, rates, retention."
            + " With --store, of that store; a chain's report also lists each store's figures (stores).")
    static final class Report extends PeriodCommand {
        @Option(names = "--pdf", paramLabel = "FILE",
                description = "Also write the one-page dashboard PDF (printable) of the period to FILE.")
        Path pdf;

        @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
                description = "Language of the PDF (default: en).")
        String lang;

        @Override
        public Integer call() throws java.io.IOException {
            Period period = period();
            Messages messages = language(spec, lang);
            Optional<Store> at = cli.storeFilter();
            AnalyticsService.Report report;
            if (pdf != null) {
                System.setProperty("java.awt.headless", "true");
                // the PDF's numbers and the printed ones come from the same read, so they always agree
                Dashboard dashboard = cli.context().analytics().dashboard(period, Granularity.suiting(period), at);
                report = new AnalyticsService.Report(dashboard.current(), dashboard.cards(), dashboard.stores());
                cli.context().dashboardPdf().write(dashboard, at.map(store -> store.shownName(messages)), messages,
                        pdf);
            } else {
                report = cli.context().analytics().report(period, at);
            }
            Map<String, Object> out = reportJson(report);
            at.ifPresent(store -> out.put("store", store.name()));
            cli.print(out);
            return 0;
        }
    }

    static Messages language(CommandSpec spec, String lang) {
        return switch (lang) {
            case "en" -> Messages.english();
            case "zh" -> Messages.chinese();
            default -> throw Cli.usage(spec,
                    "--lang must be en or zh, not " + lang);
        };
    }

    /** The report's object; a rate with an empty base is null (the key is always there). */
    static Map<String, Object> reportJson(AnalyticsService.Report report) {
        Metrics metrics = report.metrics();
        Map<String, Object> out = Cli.object();
        out.put("new_members", metrics.newMembers());
        out.put("active_members", metrics.activeMembers());
        out.put("new_buyers", metrics.newBuyers());
        out.put("returning_members", metrics.returningMembers());
        out.put("purchases", metrics.purchases());
        out.put("revenue_cents", metrics.revenueCents());
        out.put("avg_order_cents", metrics.avgOrderCents());
        out.put("repurchase_rate", metrics.repurchase().share());
        out.put("paid_conversion", metrics.paidConversion().share());
        Map<String, Object> retention = Cli.object();
        for (int days : Metrics.RETENTION_DAYS) {
            retention.put("d" + days, metrics.retention(days).share());
        }
        out.put("retention", retention);
        // issue 16: what cards and visits add (stored value is money moved, not received: not in cash_in)
        CardFigures cards = report.cards();
        out.put("renewal_rate", cards.renewalRate());
        out.put("cash_in_cents", cards.cashInCents());
        Map<String, Object> byMethod = Cli.object();
        byMethod.putAll(cards.cashInByMethod());
        out.put("cash_in_by_method", byMethod);
        out.put("visits", cards.visits());
        out.put("visitors", cards.visitors());
        // issue 21: a chain's report has each store's column (they add up to the figures above); one store's has none
        if (!report.stores().isEmpty()) {
            List<Map<String, Object>> stores = new ArrayList<>();
            for (StoreFigures column : report.stores()) {
                Map<String, Object> item = Cli.object();
                // the name as stored (本店 too): a key a script can pass back to --store
                item.put("store", column.store().name());
                item.put("new_members", column.newMembers());
                item.put("purchases", column.purchases());
                item.put("revenue_cents", column.revenueCents());
                item.put("cash_in_cents", column.cashInCents());
                item.put("visits", column.visits());
                stores.add(item);
            }
            out.put("stores", stores);
        }
        return out;
    }

    @Command(name = "funnel", description = "The AARRR funnel of the members who joined in the period (with"
            + " --store, who joined there),"
            + " or a custom one with --steps.")
    static final class FunnelCommand extends PeriodCommand {
        @Option(names = "--steps", paramLabel = "RULE;RULE;...",
                description = "Custom steps after \"joined\": rules of the rule language, evaluated as of --to.")
        String steps;

        @Option(names = "--min-spent", paramLabel = "YUAN", defaultValue = "500",
                description = "The AARRR revenue step: total spent of at least this many yuan (default: 500).")
        String minSpent;

        @Override
        public Integer call() {
            Period period = period();
            Funnel funnel;
            if (steps == null) {
                long cents;
                try {
                    cents = Money.parseYuan(minSpent);
                } catch (IllegalArgumentException e) {
                    throw Cli.usage(spec,
                            "--min-spent: " + e.getMessage());
                }
                if (cents < 0) {
                    throw Cli.usage(spec, "--min-spent must not be negative");
                }
                funnel = cli.context().analytics().aarrr(period, cents, cli.storeFilter());
            } else {
                List<String> rules = Arrays.stream(steps.split(";")).map(String::strip)
                        .filter(rule -> !rule.isEmpty()).toList();
                if (rules.isEmpty()) {
                    throw Cli.usage(spec, "--steps names no rule");
                }
                List<org.memberdesk.tags.Rule> parsed;
                try {
                    parsed = rules.stream().map(org.memberdesk.tags.Rule::parse).toList();
                } catch (org.memberdesk.tags.RuleException e) {
                    throw Cli.usage(spec,
                            "bad rule in --steps: " + e.describe(cli.messages()));
                }
                // the steps are evaluated as of --to: a date given, so the model of exactly that date
                funnel = PredictCommands.withModels(cli, period.to(), parsed,
                        () -> cli.context().analytics().custom(period, rules, cli.storeFilter()));
            }
            List<Map<String, Object>> stepList = new ArrayList<>();
            for (Funnel.Step step : funnel.steps()) {
                Map<String, Object> item = Cli.object();
                item.put("name", step.name());
                item.put("count", step.count());
                stepList.add(item);
            }
            Map<String, Object> out = Cli.object();
            out.put("steps", stepList);
            cli.storeFilter().ifPresent(store -> out.put("store", store.name()));
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "cohorts", description = "Monthly cohorts by month of first purchase, and how many bought"
            + " again in each of the 12 months after.")
    static final class Cohorts implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
        YearMonth from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM")
        YearMonth to;

        @Override
        public Integer call() {
            if (to.isBefore(from)) {
                throw Cli.usage(spec,
                        "--to " + to + " is before --from " + from);
            }
            List<Map<String, Object>> cohorts = new ArrayList<>();
            Optional<Store> at = cli.storeFilter();
            for (Cohort cohort : cli.context().analytics().cohorts(from, to, at)) {
                Map<String, Object> item = Cli.object();
                item.put("month", cohort.month().toString());
                item.put("size", cohort.size());
                item.put("active", cohort.active());
                cohorts.add(item);
            }
            Map<String, Object> out = Cli.object();
            out.put("cohorts", cohorts);
            at.ifPresent(store -> out.put("store", store.name()));
            cli.print(out);
            return 0;
        }
    }

    /** The charts the chart command draws. */
    enum ChartKind { DASHBOARD, FUNNEL, COHORTS, RFM, TIERS, STAGES, CHANNELS, SPEND }

    @Command(name = "chart", description = "Draw a chart to a PNG file: dashboard, funnel, cohorts, rfm, tiers"
            + " (also stages, channels, spend). RFM segments and stages are as of --to. With --store, the dashboard,"
            + " funnel and cohorts of that store (the others are of the members every store shares).")
    static final class Chart extends PeriodCommand {
        @CommandLine.Parameters(index = "0", paramLabel = "dashboard|funnel|cohorts|rfm|tiers|stages|channels|spend")
        ChartKind kind;

        @Option(names = "--png", required = true, paramLabel = "FILE")
        Path png;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the chart's numbers as CSV.")
        Path csv;

        @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
                description = "Language of the chart's text (default: en).")
        String lang;

        @Option(names = "--width", defaultValue = "1200", paramLabel = "PX")
        int width;

        @Option(names = "--height", defaultValue = "700", paramLabel = "PX")
        int height;

        @Override
        public Integer call() throws java.io.IOException {
            Period period = period();
            if (width < 200 || height < 150 || width > 8000 || height > 8000) {
                throw Cli.usage(spec,
                        "--width and --height must be between 200×150 and 8000×8000");
            }
            Messages messages = language(spec, lang);
            // charts are drawn off screen; a missing display must not matter
            System.setProperty("java.awt.headless", "true");
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            // a usage error before any file is looked at
            Optional<Store> at = cli.storeFilter();
            if (at.isPresent() && !ChartExport.takesAStore(name)) {
                throw Cli.usage(spec, "--store: the " + name + " chart is of the members every store shares, not"
                        + " of one store; the charts of one store are " + String.join(", ", ChartExport.STORE_KINDS));
            }
            ChartExport export = cli.context().analyticsCharts();
            // both files are checked before either is written: a refusal leaves nothing touched
            cli.context().checkOutputFile(png);
            if (csv != null) {
                cli.context().checkOutputFile(csv);
            }
            ChartExport.ChartData data = export.data(name, period, at);
            export.writePng(export.chart(data, messages), png, width, height);
            if (csv != null) {
                export.csv(data, csv);
            }
            Map<String, Object> out = Cli.object();
            out.put("chart", kind.name().toLowerCase(java.util.Locale.ROOT));
            out.put("png", png.toAbsolutePath().toString());
            if (csv != null) {
                out.put("csv", csv.toAbsolutePath().toString());
            }
            at.ifPresent(store -> out.put("store", store.name()));
            cli.print(out);
            return 0;
        }
    }
}

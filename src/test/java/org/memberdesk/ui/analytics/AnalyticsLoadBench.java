package org.memberdesk.ui.analytics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.memberdesk.app.AppContext;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.db.Database;

/**
 * Times the background work the Analytics screen starts for a period, on a real database (not a
 * test: run by {@code bench/analytics-screen.sh}). Each piece is a task of its own on screen; the
 * FX thread only receives the results.
 *
 * <pre>java -cp target/memberdesk.jar:target/test-classes org.memberdesk.ui.analytics.AnalyticsLoadBench DB FROM TO</pre>
 */
public final class AnalyticsLoadBench {
    private AnalyticsLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Period period = Period.of(args[1], args[2]);
        long opened = System.nanoTime();
        AppContext app = new AppContext(Database.open(file), Clock.systemDefaultZone());
        System.out.printf("open: %.2f s%n", seconds(opened));
        YearMonth last = YearMonth.from(period.to());
        LocalDate asOf = period.to();
        Period day = new Period(asOf, asOf);
        double total = 0;
        double longest = 0;
        List<Object[]> pieces = List.of(
                piece("funnel: AARRR of the period's joiners", () -> app.analytics().aarrr(period,
                        ChartExport.DEFAULT_MIN_SPENT_CENTS).steps().get(0).count() + " joined"),
                piece("cohorts: the 12 months ending " + last, () -> app.analytics().cohorts(last.minusMonths(11), last)
                        .size() + " cohorts"),
                piece("distribution: tiers", () -> app.analyticsCharts().data("tiers", day)),
                piece("distribution: rfm as of " + asOf, () -> app.analyticsCharts().data("rfm", day)),
                piece("distribution: stages as of " + asOf, () -> app.analyticsCharts().data("stages", day)),
                piece("distribution: channels", () -> app.analyticsCharts().data("channels", day)),
                piece("distribution: spend bands", () -> app.analyticsCharts().data("spend", day)),
                piece("saved funnels", () -> app.savedFunnels().all().size() + " saved"));
        for (Object[] p : pieces) {
            @SuppressWarnings("unchecked")
            Callable<Object> work = (Callable<Object>) p[1];
            long start = System.nanoTime();
            Object result = work.call();
            double s = seconds(start);
            total += s;
            longest = Math.max(longest, s);
            String shown = String.valueOf(result);
            System.out.printf("%-48s %6.2f s  (%s)%n", p[0], s, shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
        }
        System.out.printf("sum of the tasks: %.2f s; the longest: %.2f s%n", total, longest);
    }

    private static Object[] piece(String name, Callable<Object> work) {
        return new Object[] {name, work};
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

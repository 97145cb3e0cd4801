package org.memberdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.memberdesk.staff.StaffFigures;
import org.memberdesk.staff.StaffPerformance;
import org.memberdesk.stores.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code staff-report}: staff performance (员工业绩) for a period, the basis for commission (manager and owner). */
@Command(name = "staff-report", description = "Per staff member and period: sales and returns of goods, cards sold"
        + " (apart from goods), top-ups and check-ins served. With --out, also a CSV, or Excel when the name ends"
        + " with .xlsx. With --store, what was done at that store; a chain's report says each row's store.")
final class StaffReportCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, YYYY-MM-DD (included).")
    LocalDate to;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the table to this CSV or .xlsx file.")
    Path out;

    @Override
    public Integer call() {
        if (out != null) {
            cli.context().outputFiles().check(out);
        }
        Optional<Store> at = cli.storeFilter();
        StaffPerformance.Report report = cli.context().staffPerformance().report(from, to,
                at.map(store -> OptionalLong.of(store.id())).orElse(OptionalLong.empty()));
        // a chain's report seen whole says where each row's work was done (the name as stored, as --store takes it)
        Map<Long, String> storeNames = new HashMap<>();
        if (report.staff().stream().anyMatch(row -> row.storeId() != null)) {
            cli.context().stores().all().forEach(store -> storeNames.put(store.id(), store.name()));
        }
        if (out != null) {
            cli.context().staffPerformanceExport().write(report, out, cli.messages());
        }
        List<Map<String, Object>> staff = new ArrayList<>();
        for (StaffFigures row : report.staff()) {
            Map<String, Object> figures = Cli.object();
            // null name and role: the command line as the owner, imports, and work from before staff existed
            figures.put("name", row.name());
            figures.put("role", row.role() == null ? null : row.role().code());
            if (row.storeId() != null) {
                figures.put("store", storeNames.get(row.storeId()));
            }
            figures.put("sales", row.sales());
            figures.put("sales_cents", row.salesCents());
            figures.put("returns", row.returns());
            figures.put("returns_cents", row.returnsCents());
            figures.put("net_cents", row.netCents());
            figures.put("cards_sold", row.cardsSold());
            figures.put("cards_sold_cents", row.cardsSoldCents());
            figures.put("topups", row.topups());
            figures.put("topups_cents", row.topupsCents());
            figures.put("checkins", row.checkins());
            staff.add(figures);
        }
        Map<String, Object> result = Cli.object();
        result.put("from", report.from().toString());
        result.put("to", report.to().toString());
        at.ifPresent(store -> result.put("store", store.name()));
        result.put("staff", staff);
        cli.print(result);
        return 0;
    }
}

package org.memberdesk.ui.staff;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;
import org.memberdesk.analytics.charts.StaffCharts;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.io.StaffPerformanceExport;
import org.memberdesk.staff.StaffFigures;
import org.memberdesk.staff.StaffPerformance;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * 员工业绩: a period's figures per staff member as a table and a bar chart, and the same table to CSV or Excel.
 * The period starts as this month so far; every read and the export run in the background.
 */
public final class StaffReportViewModel {
    /** A staff member's figures as the table shows them: counts as numbers, money as ¥. */
    public record Row(String name, String role, long sales, String salesAmount, long returns, String returnsAmount,
                      String net, long cardsSold, String cardsAmount, long topups, String topupsAmount,
                      long checkins) {
    }

    private final StaffPerformance performance;
    private final StaffPerformanceExport export;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StaffPerformance.Report> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** {@code today}: the shop's date now; the period starts as this month so far. */
    public StaffReportViewModel(StaffPerformance performance, StaffPerformanceExport export, TaskExecutor tasks,
                                Messages messages, LocalDate today) {
        this.performance = performance;
        this.export = export;
        this.tasks = tasks;
        this.messages = messages;
        from.set(today.withDayOfMonth(1));
        to.set(today);
    }

    /** Input: the period's first day. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Input: the period's last day. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The report shown (null until read): what the export writes. */
    public ReadOnlyObjectProperty<StaffPerformance.Report> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the period picked; a period that ends before it starts is refused with the reason. */
    public void load() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null) {
            status.set(messages.get("staffReport.ui.pickPeriod"));
            return;
        }
        busy.set(true);
        StaffCharts charts = new StaffCharts(messages);
        tasks.execute(BackgroundTask.of(() -> {
            StaffPerformance.Report read = performance.report(first, last);
            return new Shown(read, charts.performance(read));
        })
                .onSuccess(this::show)
                .onFailure(error -> {
                    rows.clear();
                    report.set(null);
                    chart.set(null);
                    status.set(ErrorText.describe(error, messages));
                })
                .onFinished(() -> busy.set(false)));
    }

    private record Shown(StaffPerformance.Report report, JFreeChart chart) {
    }

    private void show(Shown shown) {
        List<StaffFigures> figures = shown.report().staff();
        rows.setAll(figures.stream().map(this::row).toList());
        report.set(shown.report());
        chart.set(shown.chart());
        StaffFigures total = StaffPerformance.total(figures);
        status.set(messages.get("staffReport.ui.total", Money.display(total.netCents()),
                Money.display(total.cardsSoldCents()), Money.display(total.topupsCents()), total.checkins()));
    }

    private Row row(StaffFigures f) {
        String name = f.staffId() == null ? messages.get("staffReport.nobody")
                : f.active() ? f.name() : messages.get("staffReport.ui.left", f.name());
        return new Row(name, f.role() == null ? "" : messages.get(f.role().textKey()), f.sales(),
                Money.display(f.salesCents()), f.returns(), Money.display(f.returnsCents()), Money.display(f.netCents()),
                f.cardsSold(), Money.display(f.cardsSoldCents()), f.topups(), Money.display(f.topupsCents()),
                f.checkins());
    }

    /** Writes the report shown to {@code file}: CSV, or Excel when the name ends with .xlsx. */
    public void export(Path file) {
        StaffPerformance.Report shown = report.get();
        if (shown == null) {
            return;
        }
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> export.write(shown, file,
                        messages))
                .onSuccess(count -> status.set(messages.get("staffReport.ui.exported", count, file.toString())))
                .onFailure(error -> status.set(ErrorText.describe(error, messages)))
                .onFinished(() -> busy.set(false)));
    }
}

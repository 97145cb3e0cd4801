package org.memberdesk.ui.staff;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
import org.memberdesk.stores.StoreService;
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
                      long checkins, String store) {

        /** A row that names no store (a shop of one store, or one store's report). */
        public Row(String name, String role, long sales, String salesAmount, long returns, String returnsAmount,
                   String net, long cardsSold, String cardsAmount, long topups, String topupsAmount, long checkins) {
            this(name, role, sales, salesAmount, returns, returnsAmount, net, cardsSold, cardsAmount, topups,
                    topupsAmount, checkins, "");
        }
    }

    /** One choice of the store picker: a store's id and name, or (id null) all stores. */
    public record StoreChoice(Long storeId, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final StaffPerformance performance;
    private final StaffPerformanceExport export;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<StaffPerformance.Report> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StoreService stores;
    private final ObservableList<StoreChoice> storeChoices = FXCollections.observableArrayList();
    private final ObservableList<StoreChoice> shownStoreChoices =
            FXCollections.unmodifiableObservableList(storeChoices);
    private final ObjectProperty<StoreChoice> store = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper chain = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper storeColumn = new ReadOnlyBooleanWrapper(false);

    /** {@code today}: the shop's date now; the period starts as this month so far. */
    public StaffReportViewModel(StaffPerformance performance, StaffPerformanceExport export, TaskExecutor tasks,
                                Messages messages, LocalDate today) {
        this(performance, null, export, tasks, messages, today);
    }

    /** {@code stores} null: no store picker and no store column (the whole shop, as before stores). */
    public StaffReportViewModel(StaffPerformance performance, StoreService stores, StaffPerformanceExport export,
                                TaskExecutor tasks, Messages messages, LocalDate today) {
        this.performance = performance;
        this.stores = stores;
        store.set(new StoreChoice(null, messages.get("reports.store.all")));
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
        return shownRows;
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

    /** Input: whose work is shown — one store's, or (id null) every store's, each row saying where. */
    public ObjectProperty<StoreChoice> storeProperty() {
        return store;
    }

    /** All stores, then each store (read with every report). */
    public ObservableList<StoreChoice> storeChoices() {
        return shownStoreChoices;
    }

    /** Two or more stores: only then is the picker shown. */
    public ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The rows say their store (a chain seen whole): only then is the store column shown. */
    public ReadOnlyBooleanProperty storeColumnProperty() {
        return storeColumn.getReadOnlyProperty();
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
        Long at = store.get() == null ? null : store.get().storeId();
        tasks.execute(BackgroundTask.of(() -> {
            List<StoreChoice> choices = new ArrayList<>();
            choices.add(new StoreChoice(null, messages.get("reports.store.all")));
            if (stores != null) {
                stores.all().forEach(one -> choices.add(new StoreChoice(one.id(), one.shownName(messages))));
            }
            StaffPerformance.Report read = performance.report(first, last,
                    at == null ? OptionalLong.empty() : OptionalLong.of(at));
            return new Shown(read, charts.performance(read), choices);
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

    private record Shown(StaffPerformance.Report report, JFreeChart chart, List<StoreChoice> stores) {
    }

    private void show(Shown shown) {
        if (!storeChoices.equals(shown.stores())) {
            storeChoices.setAll(shown.stores());
        }
        chain.set(shown.stores().size() > 2);
        Map<Long, String> names = new HashMap<>();
        shown.stores().forEach(choice -> names.put(choice.storeId(), choice.name()));
        List<StaffFigures> figures = shown.report().staff();
        storeColumn.set(figures.stream().anyMatch(f -> f.storeId() != null));
        rows.setAll(figures.stream().map(f -> row(f, f.storeId() == null ? "" : names.getOrDefault(f.storeId(), "")))
                .toList());
        report.set(shown.report());
        chart.set(shown.chart());
        StaffFigures total = StaffPerformance.total(figures);
        status.set(messages.get("staffReport.ui.total", Money.display(total.netCents()),
                Money.display(total.cardsSoldCents()), Money.display(total.topupsCents()), total.checkins()));
    }

    private Row row(StaffFigures f, String storeName) {
        String name = f.staffId() == null ? messages.get("staffReport.nobody")
                : f.active() ? f.name() : messages.get("staffReport.ui.left", f.name());
        return new Row(name, f.role() == null ? "" : messages.get(f.role().textKey()), f.sales(),
                Money.display(f.salesCents()), f.returns(), Money.display(f.returnsCents()), Money.display(f.netCents()),
                f.cardsSold(), Money.display(f.cardsSoldCents()), f.topups(), Money.display(f.topupsCents()),
                f.checkins(), storeName);
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

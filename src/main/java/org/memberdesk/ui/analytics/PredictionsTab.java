package org.memberdesk.ui.analytics;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.Money;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.predictions.RenewalForecast;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.ChartViewers;

/**
 * The Predictions tab (预测): the latest model's status and parameters with "Refit now" (progress and cancel in
 * the tab, a refusal in the shop's words), repeat buyers per tenth of P(alive), BTYD's fit check, and the
 * win-back list with phones masked, then every period pass's renewal curve. With no model yet it says what the tab does and what it needs.
 */
final class PredictionsTab {
    private static final DateTimeFormatter FITTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UiContext context;
    private final PredictionsViewModel model;
    private final NumberFormat counts;

    PredictionsTab(UiContext context, PredictionsViewModel model) {
        this.context = context;
        this.model = model;
        Locale locale = context.messages().locale() == Locale.ROOT ? Locale.ENGLISH : context.messages().locale();
        this.counts = NumberFormat.getIntegerInstance(locale);
    }

    Node view() {
        VBox shown = new VBox(16, status(), charts(), winBack());
        shown.visibleProperty().bind(model.modelProperty().isNotNull());
        shown.managedProperty().bind(shown.visibleProperty());
        VBox page = new VBox(12, refitBar(), emptyState(), shown, renewals());
        page.setId("analytics-predictions");
        return page;
    }

    /** "Refit now", its progress and cancel while it runs, and what it did or why it was refused. */
    private Node refitBar() {
        Button refit = new Button(context.text("predict.ui.refit"), new FontIcon(Feather.REFRESH_CW));
        refit.setId("predictions-refit");
        refit.disableProperty().bind(model.refittingProperty());
        refit.setOnAction(e -> model.refit());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(160);
        bar.progressProperty().bind(model.progressProperty());
        Label step = new Label();
        step.setId("predictions-refit-step");
        step.textProperty().bind(model.progressTextProperty());
        Button cancel = new Button(context.text("common.cancel"));
        cancel.setId("predictions-refit-cancel");
        cancel.setOnAction(e -> model.cancelRefit());
        HBox running = new HBox(8, bar, step, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.refittingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label message = new Label();
        message.setId("predictions-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(model.messageProperty());
        HBox line = new HBox(12, refit, running, message);
        line.setAlignment(Pos.CENTER_LEFT);
        Label refused = shownWhenSet("predictions-refused", model.refusedProperty());
        refused.getStyleClass().add("warning");
        Label problem = shownWhenSet("predictions-problem", model.problemProperty());
        problem.getStyleClass().add("danger");
        return new VBox(6, line, refused, problem);
    }

    private static Label shownWhenSet(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node emptyState() {
        Label title = new Label(context.text("predict.ui.empty.title"));
        title.getStyleClass().add("title-3");
        Label text = new Label(context.text("predict.ui.empty.text", Predictions.LEAST_REPEAT_BUYERS));
        text.setWrapText(true);
        text.setMaxWidth(760);
        VBox box = new VBox(8, title, text);
        box.setId("predictions-empty");
        box.visibleProperty().bind(model.emptyProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The model's date, size, parameters and convergence, in a grid of label and value; then what it means. */
    private Node status() {
        GridPane grid = new GridPane();
        grid.setId("predictions-status");
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        row(grid, 0, "predict.ui.asOf", "predictions-as-of", m -> context.text("predict.ui.asOfValue",
                m.asOf().toString(), context.text("predict.ui.unit." + m.unit().code())));
        row(grid, 1, "predict.ui.fittedAt", "predictions-fitted-at", m -> m.fittedAt().format(FITTED));
        row(grid, 2, "predict.ui.buyers", "predictions-buyers", m -> context.text("predict.ui.buyersValue",
                m.buyers(), counts.format(m.repeatBuyers())));
        row(grid, 3, "predict.ui.bgnbd", "predictions-bgnbd", m -> context.text("predict.ui.bgnbdValue",
                three(m.bgnbd().r()), three(m.bgnbd().alpha()), three(m.bgnbd().a()), three(m.bgnbd().b()),
                String.format(Locale.ROOT, "%,.2f", m.logLikelihood())));
        row(grid, 4, "predict.ui.spend", "predictions-spend", m -> m.spend() == null
                // the reason's own numbers are not stored with the model; a dash stands for them
                ? context.text(m.spendRefused() == null ? "predict.tooFewSpenders" : m.spendRefused(), "—")
                : context.text("predict.ui.spendValue", two(m.spend().p()), two(m.spend().q()), two(m.spend().v()),
                        counts.format(m.spendBuyers() == null ? 0 : m.spendBuyers())));
        row(grid, 5, "predict.ui.converged", "predictions-converged", m -> context.text("predict.ui.convergedValue"));
        Label explain = new Label();
        explain.setId("predictions-explain");
        explain.getStyleClass().add("text-muted");
        explain.setWrapText(true);
        explain.textProperty().bind(Bindings.createStringBinding(() -> model.modelProperty().get() == null ? ""
                : context.text("predict.ui.explain", model.modelProperty().get().horizonDays()),
                model.modelProperty()));
        Label title = new Label(context.text("predict.ui.status.title"));
        title.getStyleClass().add("title-4");
        return new VBox(8, title, grid, explain);
    }

    private void row(GridPane grid, int row, String nameKey, String id, Function<PredictionModel, String> value) {
        Label name = new Label(context.text(nameKey));
        name.getStyleClass().add("text-muted");
        Label shown = new Label();
        shown.setId(id);
        shown.setWrapText(true);
        shown.textProperty().bind(Bindings.createStringBinding(() -> model.modelProperty().get() == null ? ""
                : value.apply(model.modelProperty().get()), model.modelProperty()));
        grid.add(name, 0, row);
        grid.add(shown, 1, row);
    }

    private static String three(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The P(alive) distribution and the fit check, side by side. */
    private Node charts() {
        ChartViewer alive = ChartViewers.viewer(context, model.pAliveChartProperty()::get);
        alive.setId("predictions-palive");
        ChartViewer check = ChartViewers.viewer(context, model.fitCheckChartProperty()::get);
        check.setId("predictions-fitcheck");
        for (ChartViewer viewer : new ChartViewer[] {alive, check}) {
            viewer.setPrefHeight(340);
            viewer.setMinHeight(280);
        }
        model.pAliveChartProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ChartViewers.show(alive, context.app().analyticsCharts().chart(now, context.messages()));
            }
        });
        model.fitCheckChartProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ChartViewers.show(check, context.app().analyticsCharts().chart(now, context.messages()));
            }
        });
        Label checking = new Label(context.text("predict.ui.checking"));
        checking.getStyleClass().add("text-muted");
        checking.visibleProperty().bind(model.checkingProperty());
        GridPane grid = ChartGrid.twoColumns("predictions-charts");
        ChartFiles files = new ChartFiles(context);
        grid.add(new VBox(4, tools(files.buttons("predictions-palive-export", "p-alive", model.pAliveChartProperty())),
                alive), 0, 0);
        grid.add(new VBox(4, tools(files.buttons("predictions-fitcheck-export", "fit-check",
                model.fitCheckChartProperty())), check, checking), 1, 0);
        return grid;
    }

    private static Node tools(Node buttons) {
        HBox tools = new HBox(buttons);
        tools.setAlignment(Pos.CENTER_RIGHT);
        return tools;
    }

    /** The most valuable slipping repeat buyers: member, masked phone, P(alive), purchases in 90 days, value. */
    private Node winBack() {
        Label title = new Label(context.text("predict.ui.winBack.title"));
        title.getStyleClass().add("title-4");
        Label note = new Label(context.text("predict.ui.winBack.note", PredictionsViewModel.WIN_BACK_ROWS));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        TableView<PredictionsViewModel.WinBack> table = new TableView<>(model.winBack());
        table.setId("predictions-winback");
        table.setPrefHeight(300);
        table.setPlaceholder(new Label(context.text("predict.ui.winBack.none")));
        table.getColumns().add(column("predict.ui.col.memberNo", 100, PredictionsViewModel.WinBack::memberNo));
        table.getColumns().add(column("predict.ui.col.name", 110, PredictionsViewModel.WinBack::name));
        table.getColumns().add(column("predict.ui.col.phone", 110, PredictionsViewModel.WinBack::phone));
        table.getColumns().add(column("predict.ui.col.pAlive", 80, w -> three(w.pAlive())));
        table.getColumns().add(column("predict.ui.col.expected", 170, w -> two(w.expectedPurchases())));
        table.getColumns().add(column("predict.ui.col.clv", 120, w -> w.clvCents() == null ? "—"
                : Money.display(w.clvCents())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return new VBox(6, title, note, table);
    }

    /** Each period pass's renewals: observed holders, the fitted sBG curve and the projection, two charts a row. */
    private Node renewals() {
        Label title = new Label(context.text("predict.ui.renewal.title"));
        title.getStyleClass().add("title-4");
        Label note = new Label(context.text("predict.ui.renewal.about", RenewalForecast.PERIODS_AHEAD));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        Label none = new Label(context.text("predict.ui.renewal.none"));
        none.setId("predictions-renewals-none");
        none.setWrapText(true);
        GridPane grid = ChartGrid.twoColumns("predictions-renewals");
        Runnable fill = () -> {
            grid.getChildren().clear();
            ChartFiles files = new ChartFiles(context);
            for (int i = 0; i < model.renewals().size(); i++) {
                RenewalForecast forecast = model.renewals().get(i);
                String id = "predictions-renewal-" + (forecast.productId() == null ? i : forecast.productId());
                ChartExport.ChartData data = new ChartExport.RenewalData(forecast);
                ChartViewer viewer = ChartViewers.viewer(context, () -> data);
                viewer.setId(id);
                viewer.setPrefHeight(320);
                viewer.setMinHeight(260);
                ChartViewers.show(viewer, context.app().analyticsCharts().chart(data, context.messages()));
                grid.add(new VBox(4, tools(files.buttons(id + "-export", "renewal-" + (forecast.productId() == null
                        ? i : forecast.productId()), new ReadOnlyObjectWrapper<>(data))), viewer), i % 2, i / 2);
            }
            none.setVisible(model.renewals().isEmpty());
            none.setManaged(none.isVisible());
        };
        model.renewals().addListener((ListChangeListener<RenewalForecast>) change -> fill.run());
        fill.run();
        return new VBox(6, title, note, none, grid);
    }

    private TableColumn<PredictionsViewModel.WinBack, String> column(String key, double width,
            Function<PredictionsViewModel.WinBack, String> value) {
        TableColumn<PredictionsViewModel.WinBack, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}

package org.memberdesk.ui.analytics;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.memberdesk.analytics.AnalyticsService;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.ui.common.UiContext;

/**
 * The Cohorts tab: the months to follow, the retention heatmap (one row a cohort, one cell a month after
 * the first purchase; the colour and the text are the share buying again, hovering shows the counts)
 * and the table of the counts themselves. A grid of cells rather than a chart on screen, so every cell
 * can carry its own tooltip; the exported PNG is the engine's heatmap chart.
 */
final class CohortsTab {
    private static final Color EMPTY = Color.web("#ffffff");
    private static final Color FULL = Color.web("#0969da");

    private final UiContext context;
    private final CohortsViewModel model;
    private final NumberFormat counts;
    private final NumberFormat percent;
    private final Label hovered = new Label();

    CohortsTab(UiContext context, CohortsViewModel model) {
        this.context = context;
        this.model = model;
        Locale locale = context.messages().locale() == Locale.ROOT ? Locale.ENGLISH : context.messages().locale();
        this.counts = NumberFormat.getIntegerInstance(locale);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
    }

    Node view() {
        TextField from = new TextField();
        from.setId("cohorts-from");
        from.setPrefColumnCount(7);
        from.textProperty().bindBidirectional(model.fromProperty());
        TextField to = new TextField();
        to.setId("cohorts-to");
        to.setPrefColumnCount(7);
        to.textProperty().bindBidirectional(model.toProperty());
        Button apply = new Button(context.text("analytics.ui.apply"));
        apply.setId("cohorts-apply");
        apply.setOnAction(e -> model.load());
        from.setOnAction(e -> model.load());
        to.setOnAction(e -> model.load());
        Label problem = new Label();
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox picker = StorePickerRow.build(context, "cohorts-store", model.storeChoices(), model.storeProperty(),
                model.chainProperty(), model::load);
        HBox bar = new HBox(8, new Label(context.text("analytics.cohorts.months")), from, new Label("…"), to, picker,
                apply, problem, gap, new ChartFiles(context).buttons("cohorts-export", "cohorts", model.chartDataProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label(context.text("analytics.chart.cohorts.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        GridPane heatmap = new GridPane();
        heatmap.setId("cohorts-heatmap");
        heatmap.setHgap(2);
        heatmap.setVgap(2);
        hovered.setId("cohorts-hovered");
        hovered.getStyleClass().add("text-muted");
        hovered.setText(context.text("analytics.cohorts.hoverHint"));
        TableView<Cohort> table = table();
        // months without a first purchase: said in words rather than a grid of dashes
        Label empty = new Label(context.text("analytics.empty.cohorts"));
        empty.setId("cohorts-empty");
        empty.getStyleClass().add("title-4");
        empty.setWrapText(true);
        empty.setVisible(false);
        empty.managedProperty().bind(empty.visibleProperty());
        model.cohortsProperty().addListener((obs, old, now) -> {
            fill(heatmap, now == null ? List.of() : now);
            table.getItems().setAll(now == null ? List.of() : now);
            empty.setVisible(now != null && now.stream().allMatch(cohort -> cohort.size() == 0));
        });
        VBox page = new VBox(10, bar, note, empty, heatmap, hovered, table);
        page.setId("analytics-cohorts");
        return page;
    }

    private void fill(GridPane grid, List<Cohort> cohorts) {
        grid.getChildren().clear();
        grid.add(header(context.text("analytics.cohorts.cohort"), Pos.CENTER_LEFT, 76), 0, 0);
        grid.add(header(context.text("analytics.cohorts.size"), Pos.CENTER_RIGHT, 64), 1, 0);
        for (int k = 1; k <= AnalyticsService.COHORT_MONTHS; k++) {
            grid.add(header(context.text("analytics.cohorts.month", k), Pos.CENTER, 64), k + 1, 0);
        }
        double highest = 0.0001;
        for (Cohort cohort : cohorts) {
            for (int k = 1; k <= cohort.active().size(); k++) {
                Double share = cohort.share(k);
                highest = Math.max(highest, share == null ? 0 : share);
            }
        }
        for (int row = 0; row < cohorts.size(); row++) {
            Cohort cohort = cohorts.get(row);
            grid.add(new Label(cohort.month().toString()), 0, row + 1);
            Label size = header(counts.format(cohort.size()), Pos.CENTER_RIGHT, 64);
            // a little air between the cohort's size and its first month
            size.setPadding(new javafx.geometry.Insets(0, 10, 0, 0));
            grid.add(size, 1, row + 1);
            for (int k = 1; k <= cohort.active().size(); k++) {
                grid.add(cell(cohort, k, highest), k + 1, row + 1);
            }
        }
    }

    private static Label header(String text, Pos alignment, double width) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setAlignment(alignment);
        label.setPrefWidth(width);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Label cell(Cohort cohort, int k, double highest) {
        Double share = cohort.share(k);
        Label cell = new Label(share == null ? "—" : percent.format(share));
        cell.setId("cohort-" + cohort.month() + "-" + k);
        cell.setAlignment(Pos.CENTER);
        cell.setPrefSize(64, 28);
        cell.setMinWidth(Region.USE_PREF_SIZE);
        double strength = share == null ? 0 : share / highest;
        Color fill = EMPTY.interpolate(FULL, strength);
        Color ink = strength > 0.5 ? Color.WHITE : Color.web("#24292f");
        cell.setStyle("-fx-background-color: " + web(fill) + "; -fx-text-fill: " + web(ink)
                + "; -fx-border-color: #d8dee4; -fx-border-width: 0.5;");
        String text = context.text("analytics.cohort.tooltip", cohort.month().toString(), k,
                counts.format(cohort.active().get(k - 1)), counts.format(cohort.size()),
                share == null ? "—" : percent.format(share));
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(cell, tip);
        cell.setOnMouseEntered(e -> hovered.setText(text));
        return cell;
    }

    private static String web(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
    }

    private TableView<Cohort> table() {
        TableView<Cohort> table = new TableView<>();
        table.setId("cohorts-table");
        table.setPlaceholder(org.memberdesk.ui.common.Placeholders.of(context.text("analytics.cohorts.none")));
        table.setPrefHeight(260);
        TableColumn<Cohort, String> month = new TableColumn<>(context.text("analytics.cohorts.cohort"));
        month.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().month().toString()));
        TableColumn<Cohort, String> size = new TableColumn<>(context.text("analytics.cohorts.size"));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(counts.format(c.getValue().size())));
        table.getColumns().add(month);
        table.getColumns().add(size);
        for (int k = 1; k <= AnalyticsService.COHORT_MONTHS; k++) {
            int offset = k;
            TableColumn<Cohort, String> column = new TableColumn<>(context.text("analytics.cohorts.month", k));
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(offset <= c.getValue().active().size()
                    ? counts.format(c.getValue().active().get(offset - 1)) : ""));
            column.setPrefWidth(60);
            table.getColumns().add(column);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }
}

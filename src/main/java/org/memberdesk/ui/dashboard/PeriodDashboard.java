package org.memberdesk.ui.dashboard;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.charts.AnalyticsCharts;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;

/**
 * The period part of the dashboard: the period picker, KPI cards with the change against the previous
 * period, the revenue decomposition, the trend chart (exportable to PNG) and the AARRR funnel whose
 * steps open their members. All numbers come from {@link DashboardViewModel}, computed off the FX thread.
 */
final class PeriodDashboard {
    private static final int STEP_MEMBERS_SHOWN = 200;

    private final UiContext context;
    private final DashboardViewModel model;
    private final AnalyticsCharts charts;

    PeriodDashboard(UiContext context, DashboardViewModel model) {
        this.context = context;
        this.model = model;
        this.charts = new AnalyticsCharts(context.messages());
    }

    Node view() {
        VBox page = new VBox(16, periodBar(), cards(), decomposition(), trend(), funnel());
        page.setId("period-dashboard");
        return page;
    }

    private Node periodBar() {
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox();
        choices.getStyleClass().add("segmented-button");
        for (DashboardViewModel.Range range : DashboardViewModel.Range.values()) {
            ToggleButton button = new ToggleButton(context.text("analytics.ui.range." + range.name().toLowerCase()));
            button.setId("period-" + range.name().toLowerCase());
            button.setToggleGroup(group);
            button.setSelected(model.rangeProperty().get() == range);
            button.setOnAction(e -> {
                button.setSelected(true);
                if (range != DashboardViewModel.Range.CUSTOM) {
                    model.choose(range);
                } else {
                    model.rangeProperty().set(range);
                }
            });
            model.rangeProperty().addListener((obs, old, now) -> button.setSelected(now == range));
            choices.getChildren().add(button);
        }
        DatePicker from = IsoDates.picker();
        from.setId("period-from");
        DatePicker to = IsoDates.picker();
        to.setId("period-to");
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        Button apply = new Button(context.text("analytics.ui.apply"));
        apply.setId("period-apply");
        apply.setOnAction(e -> model.chooseDays(from.getValue(), to.getValue()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("dashboard-loading");
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.loadingProperty());
        Label problem = new Label();
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button export = new Button(context.text("analytics.ui.exportPng"));
        export.setId("dashboard-export-png");
        export.disableProperty().bind(model.dashboardProperty().isNull());
        export.setOnAction(e -> context.dialogs().chooseSaveFile(context.text("analytics.ui.exportPng"),
                        "dashboard.png", "PNG", "*.png")
                .ifPresent(file -> model.exportTrend(file, written -> context.dialogs().showInfo(
                        context.text("analytics.ui.exportPng"), context.text("analytics.ui.exported", written)))));
        HBox bar = new HBox(10, choices, new Label(context.text("analytics.ui.from")), from,
                new Label(context.text("analytics.ui.to")), to, apply, busy, problem, gap, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node cards() {
        FlowPane pane = new FlowPane(12, 12);
        pane.setId("dashboard-cards");
        model.cards().addListener((ListChangeListener<DashboardViewModel.Card>) change -> {
            pane.getChildren().clear();
            for (DashboardViewModel.Card card : model.cards()) {
                pane.getChildren().add(card(card));
            }
        });
        return pane;
    }

    private Node card(DashboardViewModel.Card card) {
        Label title = new Label(card.title());
        title.getStyleClass().add("text-muted");
        Label value = new Label(card.value());
        value.setId("kpi-" + card.id() + "-value");
        value.getStyleClass().add("tile-value");
        // a big revenue must show whole, never as "¥95,083…."
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label change = new Label(context.text("analytics.ui.vsPrevious", card.change()));
        change.setId("kpi-" + card.id() + "-change");
        change.getStyleClass().add(card.direction() > 0 ? "success" : card.direction() < 0 ? "danger" : "text-muted");
        VBox box = new VBox(6, title, value, change);
        box.setId("kpi-" + card.id());
        box.getStyleClass().add("tile");
        box.setPrefWidth(210);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node decomposition() {
        Label line = new Label();
        line.setId("dashboard-decomposition");
        line.setWrapText(true);
        line.textProperty().bind(model.decompositionProperty());
        return line;
    }

    private Node trend() {
        ChartViewer viewer = chartViewer();
        viewer.setId("dashboard-trend");
        viewer.setPrefHeight(420);
        viewer.setMinHeight(320);
        model.dashboardProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewer.setChart(onScreen(charts.dashboard(now)));
            }
        });
        return viewer;
    }

    private Node funnel() {
        ChartViewer viewer = chartViewer();
        viewer.setId("dashboard-funnel");
        viewer.setPrefSize(720, 360);
        ListView<String> steps = new ListView<>();
        steps.setId("funnel-steps");
        steps.setPrefSize(320, 220);
        Button members = new Button(context.text("analytics.ui.stepMembers"));
        members.setId("funnel-show-members");
        members.disableProperty().bind(steps.getSelectionModel().selectedItemProperty().isNull());
        members.setOnAction(e -> showMembers(steps.getSelectionModel().getSelectedIndex()));
        steps.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && steps.getSelectionModel().getSelectedIndex() >= 0) {
                showMembers(steps.getSelectionModel().getSelectedIndex());
            }
        });
        model.funnelProperty().addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            viewer.setChart(onScreen(charts.funnel(now)));
            steps.getItems().clear();
            for (int i = 0; i < now.steps().size(); i++) {
                Funnel.Step step = now.steps().get(i);
                steps.getItems().add((i + 1) + ". " + charts.stepLabel(step.name()) + " — "
                        + String.format("%,d", step.count()));
            }
        });
        VBox side = new VBox(8, new Label(context.text("analytics.ui.funnelSteps")), steps, members);
        HBox row = new HBox(16, viewer, side);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        return row;
    }

    /** A chart viewer on white: where the chart leaves the canvas clear, the page must not show through dark. */
    private static ChartViewer chartViewer() {
        ChartViewer viewer = new ChartViewer();
        viewer.setStyle("-fx-background-color: white;");
        return viewer;
    }

    /**
     * The viewer paints the page (white) behind the chart: under the software pipeline the canvas showed
     * the chart's own full-area background fill as black.
     */
    private static org.jfree.chart.JFreeChart onScreen(org.jfree.chart.JFreeChart chart) {
        chart.setBackgroundPaint(null);
        return chart;
    }

    private void showMembers(int step) {
        Funnel shown = model.funnelProperty().get();
        String name = charts.stepLabel(shown.steps().get(step).name());
        long total = shown.steps().get(step).count();
        model.stepMembers(step, STEP_MEMBERS_SHOWN, members -> openList(step, name, total, members));
    }

    private void openList(int stepIndex, String step, long total, List<Member> members) {
        ListView<String> list = new ListView<>();
        list.setId("funnel-members-list");
        for (Member member : members) {
            list.getItems().add(member.details().memberNo() + "  " + member.details().name()
                    + (member.details().phone() == null ? "" : "  " + member.details().phone()));
        }
        list.setPrefSize(420, 360);
        Label note = new Label(context.text("analytics.ui.stepMembersNote", String.format("%,d", total),
                members.size()));
        note.getStyleClass().add("text-muted");
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(step);
        dialog.setHeaderText(step);
        TextField tag = new TextField();
        tag.setId("funnel-tag-name");
        tag.setPromptText(context.text("analytics.ui.tagName"));
        Button tagAll = new Button(context.text("analytics.ui.tagStep", String.format("%,d", total)));
        tagAll.setId("funnel-tag-step");
        tagAll.disableProperty().bind(tag.textProperty().isEmpty());
        Label tagged = new Label();
        tagged.setId("funnel-tagged");
        tagAll.setOnAction(e -> model.tagStep(stepIndex, tag.getText().strip(),
                count -> tagged.setText(context.text("analytics.ui.tagged", count, tag.getText().strip()))));
        HBox tagging = new HBox(8, tag, tagAll);
        tagging.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, note, list, tagging, tagged);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}

package org.memberdesk.ui.analytics;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.ChartViewers;

/** The Distributions tab: tiers, RFM segments, lifecycle stages, channels and spend bands, two charts a row. */
final class DistributionsTab {
    private final UiContext context;
    private final DistributionsViewModel model;

    DistributionsTab(UiContext context, DistributionsViewModel model) {
        this.context = context;
        this.model = model;
    }

    Node view() {
        GridPane grid = ChartGrid.twoColumns("analytics-distributions");
        for (int i = 0; i < DistributionsViewModel.KINDS.size(); i++) {
            grid.add(chart(DistributionsViewModel.KINDS.get(i)), i % 2, i / 2);
        }
        javafx.scene.control.Label problem = new javafx.scene.control.Label();
        problem.setId("distributions-problem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(8, problem, grid);
    }

    private Node chart(String kind) {
        ChartViewer viewer = ChartViewers.viewer(context, model.chartProperty(kind)::get);
        viewer.setId("distribution-" + kind);
        viewer.setPrefHeight(320);
        viewer.setMinHeight(260);
        model.chartProperty(kind).addListener((obs, old, now) -> {
            if (now != null) {
                ChartViewers.show(viewer, context.app().analyticsCharts().chart(now, context.messages()));
            }
        });
        HBox tools = new HBox(new ChartFiles(context).buttons("distribution-" + kind + "-export", kind,
                model.chartProperty(kind)));
        tools.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(4, tools, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        return box;
    }
}

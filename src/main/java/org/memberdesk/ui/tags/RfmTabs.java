package org.memberdesk.ui.tags;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.memberdesk.segments.LifecycleCounts;
import org.memberdesk.segments.LifecycleMoves;
import org.memberdesk.segments.LifecycleSettings;
import org.memberdesk.segments.LifecycleStage;
import org.memberdesk.segments.RfmResult;
import org.memberdesk.segments.RfmSegment;
import org.memberdesk.tags.Rule;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;

/** The RFM tab (eight segments, R×F heatmap) and the lifecycle tab; a click opens the members as a segment. */
final class RfmTabs {
    private final UiContext context;
    private final RfmViewModel model;
    private final BiConsumer<Rule, LocalDate> open;

    RfmTabs(UiContext context, RfmViewModel model, BiConsumer<Rule, LocalDate> open) {
        this.context = context;
        this.model = model;
        this.open = open;
    }

    Tab rfmTab() {
        var asOf = IsoDates.picker();
        asOf.setId("rfm-as-of");
        asOf.valueProperty().bindBidirectional(model.asOfProperty());
        Button compute = new Button(context.text("rfm.compute"));
        compute.setId("rfm-compute");
        compute.setOnAction(e -> model.computeRfm());
        Label total = new Label();
        total.setId("rfm-members");
        GridPane segments = new GridPane();
        segments.setId("rfm-segments");
        segments.setHgap(16);
        segments.setVgap(4);
        GridPane grid = new GridPane();
        grid.setId("rfm-grid");
        grid.setHgap(3);
        grid.setVgap(3);
        model.rfmProperty().addListener((o, a, result) -> {
            total.setText(context.text("rfm.members", result.members()));
            fillSegments(segments, result);
            fillGrid(grid, result);
        });
        VBox box = new VBox(12, new HBox(10, new Label(context.text("segments.asOf")), asOf, compute), total,
                segments, new Label(context.text("rfm.grid")), grid);
        box.setPadding(new Insets(12));
        // the 5 × 5 grid under the segments is taller than a 700 px window leaves: it scrolls
        Tab tab = new Tab(context.text("rfm.tab"), scrolled(box));
        tab.setId("tab-rfm");
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && model.rfmProperty().get() == null) {
                model.computeRfm();
            }
        });
        return tab;
    }

    private void fillSegments(GridPane pane, RfmResult result) {
        pane.getChildren().clear();
        pane.addRow(0, new Label(context.text("rfm.col.segment")), new Label(context.text("rfm.col.members")),
                new Label(context.text("rfm.col.share")), new Label(context.text("rfm.col.spendShare")));
        int row = 1;
        for (RfmSegment segment : RfmSegment.values()) {
            RfmResult.SegmentTotals totals = result.segments().get(segment);
            Button name = new Button(context.text("rfm.segment." + segment.key()));
            name.setId("rfm-segment-" + segment.key());
            name.getStyleClass().add("flat");
            name.setOnAction(e -> model.segmentRule(segment).ifPresent(rule -> open.accept(rule, result.asOf())));
            Label members = new Label(String.format(Locale.ROOT, "%,d", totals.members()));
            members.setId("rfm-count-" + segment.key());
            pane.addRow(row++, name, members, new Label(RfmViewModel.share(totals.members(), result.members())),
                    new Label(RfmViewModel.share(totals.netCents(), result.netCents())));
        }
    }

    private void fillGrid(GridPane grid, RfmResult result) {
        grid.getChildren().clear();
        long most = 1;
        for (long[] row : result.grid()) {
            for (long n : row) {
                most = Math.max(most, n);
            }
        }
        grid.add(new Label("R \\ F"), 0, 0);
        for (int f = 1; f <= 5; f++) {
            grid.add(new Label(Integer.toString(f)), f, 0);
        }
        for (int r = 1; r <= 5; r++) {
            grid.add(new Label(Integer.toString(r)), 0, r);
            for (int f = 1; f <= 5; f++) {
                long n = result.grid()[r - 1][f - 1];
                Button cell = new Button(String.format(Locale.ROOT, "%,d", n));
                cell.setId("rfm-cell-" + r + "-" + f);
                cell.setPrefSize(96, 44);
                // darker blue for more members: the heatmap
                long alpha = 8 + 80 * n / most;
                cell.setStyle("-fx-background-color: rgba(31, 111, 235, 0." + String.format("%02d", Math.min(alpha, 99))
                        + "); -fx-text-fill: " + (alpha > 50 ? "white" : "black") + ";");
                final int rs = r;
                final int fs = f;
                cell.setOnAction(e -> model.cellRule(rs, fs).ifPresent(rule -> open.accept(rule, result.asOf())));
                grid.add(cell, f, r);
            }
        }
    }

    Tab lifecycleTab() {
        var asOf = IsoDates.picker();
        asOf.setId("lifecycle-as-of");
        asOf.valueProperty().bindBidirectional(model.asOfProperty());
        var since = IsoDates.picker();
        since.setId("lifecycle-since");
        since.valueProperty().bindBidirectional(model.sinceProperty());
        Button compute = new Button(context.text("rfm.compute"));
        compute.setId("lifecycle-compute");
        compute.setOnAction(e -> model.computeLifecycle());
        HBox stages = new HBox(10);
        stages.setId("lifecycle-stages");
        Label moved = new Label();
        moved.setId("lifecycle-moved");
        model.stagesProperty().addListener((o, a, counts) -> fillStages(stages, counts));
        model.movesProperty().addListener((o, a, moves) -> moved.setText(movedText(moves)));
        VBox box = new VBox(12, new HBox(10, new Label(context.text("segments.asOf")), asOf,
                new Label(context.text("lifecycle.since")), since, compute), stages, moved, limitsRow());
        box.setPadding(new Insets(12));
        Tab tab = new Tab(context.text("lifecycle.tab"), scrolled(box));
        tab.setId("tab-lifecycle");
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && model.stagesProperty().get() == null) {
                model.loadLimits();
                model.computeLifecycle();
            }
        });
        return tab;
    }

    /** Day limits of the stages, kept per database (defaults follow the kind of business). */
    private javafx.scene.layout.FlowPane limitsRow() {
        Spinner<Integer> fresh = new Spinner<>(0, 3650, 30);
        Spinner<Integer> active = new Spinner<>(0, 3650, 90);
        Spinner<Integer> dormant = new Spinner<>(1, 3650, 180);
        fresh.setId("limit-new");
        active.setId("limit-active");
        dormant.setId("limit-dormant");
        for (Spinner<Integer> spinner : List.of(fresh, active, dormant)) {
            spinner.setEditable(true);
            spinner.setPrefWidth(90);
        }
        // gyms and scenic areas: a member who comes in (签到) is active even when not buying that month
        javafx.scene.control.CheckBox visits = new javafx.scene.control.CheckBox(
                context.text("lifecycle.visitsCount"));
        visits.setId("limit-visits-count");
        visits.setSelected(model.limitsProperty().get().visitsCount());
        model.limitsProperty().addListener((o, a, limits) -> {
            visits.setSelected(limits.visitsCount());
            fresh.getValueFactory().setValue(limits.newDays());
            active.getValueFactory().setValue(limits.activeDays());
            dormant.getValueFactory().setValue(limits.dormantDays());
        });
        Button save = new Button(context.text("lifecycle.limits.save"));
        save.setId("limits-save");
        save.setOnAction(e -> model.saveLimits(new LifecycleSettings(fresh.getValue(), active.getValue(),
                dormant.getValue(), visits.isSelected())));
        // each stage with its days stays together; the groups wrap onto a second line on a narrow window
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(12, 8,
                whole(new Label(context.text("lifecycle.limits"))),
                whole(new Label(context.text("lifecycle.stage.new")), fresh),
                whole(new Label(context.text("lifecycle.stage.active")), active),
                whole(new Label(context.text("lifecycle.stage.dormant")), dormant), whole(visits), whole(save));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static HBox whole(javafx.scene.Node... nodes) {
        HBox group = new HBox(6, nodes);
        group.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        group.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (javafx.scene.Node node : nodes) {
            if (node instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return group;
    }

    private static javafx.scene.control.ScrollPane scrolled(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private void fillStages(HBox box, LifecycleCounts counts) {
        box.getChildren().clear();
        for (LifecycleStage stage : LifecycleStage.values()) {
            Button button = new Button(context.text("lifecycle.stage." + stage.key()) + "\n"
                    + String.format(Locale.ROOT, "%,d", counts.stages().get(stage)));
            button.setId("stage-" + stage.key());
            button.setPrefSize(130, 64);
            button.setOnAction(e -> model.stageRule(stage).ifPresent(rule -> open.accept(rule, counts.asOf())));
            box.getChildren().add(button);
        }
    }

    private String movedText(LifecycleMoves moves) {
        StringBuilder text = new StringBuilder(context.text("lifecycle.moved", moves.since(),
                moves.moved()));
        moves.fromTo().forEach((from, to) -> to.forEach((stage, n) -> {
            if (from != stage && n > 0) {
                text.append("\n").append(context.text("lifecycle.move", context.text("lifecycle.stage." + from.key()),
                        context.text("lifecycle.stage." + stage.key()), n));
            }
        }));
        return text.toString();
    }
}

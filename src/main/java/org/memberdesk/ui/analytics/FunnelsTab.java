package org.memberdesk.ui.analytics;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.SavedFunnel;
import org.memberdesk.analytics.charts.AnalyticsCharts;
import org.memberdesk.coupons.Target;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.ChartViewers;
import org.memberdesk.ui.dashboard.StepMembersDialog;

/**
 * The Funnels tab: on the left the funnel's definition (AARRR with its spend amount, or custom steps
 * as rules with the parser's message under each, saved funnels); on the right the chart, whose bars
 * (and the step list beside it) open a step's members.
 */
final class FunnelsTab {
    private final UiContext context;
    private final FunnelsViewModel model;
    private final Supplier<Period> period;
    private final Consumer<Target> campaign;
    private final AnalyticsCharts charts;

    FunnelsTab(UiContext context, FunnelsViewModel model, Supplier<Period> period, Consumer<Target> campaign) {
        this.context = context;
        this.model = model;
        this.period = period;
        this.campaign = campaign;
        this.charts = new AnalyticsCharts(context.messages());
    }

    Node view() {
        VBox left = new VBox(12, kindChoice(), aarrr(), custom(), stepList());
        left.setPrefWidth(400);
        left.setMinWidth(360);
        Node right = chart();
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox page = new HBox(20, left, right);
        // the chart keeps its own height however long the list of steps on the left grows
        page.setFillHeight(false);
        page.setId("analytics-funnels");
        return page;
    }

    private Node kindChoice() {
        ToggleGroup group = new ToggleGroup();
        RadioButton aarrr = new RadioButton(context.text("analytics.funnels.aarrr"));
        aarrr.setId("funnel-kind-aarrr");
        // "AARRR" is jargon: the stages it stands for, in the shop's words, where the name is shown
        aarrr.setTooltip(new javafx.scene.control.Tooltip(context.text("analytics.funnel.aarrrExplained")));
        RadioButton custom = new RadioButton(context.text("analytics.funnels.custom"));
        custom.setId("funnel-kind-custom");
        aarrr.setToggleGroup(group);
        custom.setToggleGroup(group);
        Runnable sync = () -> (model.kindProperty().get() == FunnelsViewModel.Kind.AARRR ? aarrr : custom)
                .setSelected(true);
        sync.run();
        model.kindProperty().addListener((obs, old, now) -> sync.run());
        aarrr.setOnAction(e -> choose(FunnelsViewModel.Kind.AARRR));
        custom.setOnAction(e -> choose(FunnelsViewModel.Kind.CUSTOM));
        Button compute = new Button(context.text("analytics.funnels.compute"), new FontIcon(Feather.PLAY));
        compute.setId("funnel-compute");
        compute.getStyleClass().add("accent");
        compute.setOnAction(e -> compute());
        Label problem = new Label();
        problem.setId("funnel-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        collapseWhenEmpty(problem);
        Label message = new Label();
        message.setId("funnel-message");
        message.getStyleClass().add("success");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        collapseWhenEmpty(message);
        HBox kinds = new HBox(16, aarrr, custom);
        // a chain's funnel of the members who joined at one store; a single shop never sees it
        HBox store = StorePickerRow.build(context, "funnel-store", model.storeChoices(), model.storeProperty(),
                model.chainProperty(), this::compute);
        return new VBox(8, kinds, store, compute, problem, message);
    }

    private void choose(FunnelsViewModel.Kind kind) {
        model.kindProperty().set(kind);
        compute();
    }

    private void compute() {
        Period chosen = period.get();
        if (chosen != null) {
            model.compute(chosen);
        }
    }

    private Node aarrr() {
        TextField amount = new TextField();
        amount.setId("funnel-min-spent");
        amount.setPrefColumnCount(8);
        amount.textProperty().bindBidirectional(model.minSpentProperty());
        amount.setOnAction(e -> compute());
        HBox row = new HBox(8, new Label(context.text("analytics.funnels.minSpent")), amount);
        row.setAlignment(Pos.CENTER_LEFT);
        Label explained = new Label(context.text("analytics.funnel.aarrrExplained"));
        explained.setId("funnel-aarrr-explained");
        explained.setWrapText(true);
        Label note = new Label(context.text("analytics.funnels.aarrrNote"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox box = new VBox(6, row, explained, note);
        showFor(box, FunnelsViewModel.Kind.AARRR);
        return box;
    }

    private Node custom() {
        TextField name = new TextField();
        name.setId("funnel-name");
        name.setPromptText(context.text("analytics.funnels.namePrompt"));
        name.textProperty().bindBidirectional(model.nameProperty());
        Label first = new Label("1. " + context.text("analytics.funnel.joined"));
        first.getStyleClass().add("text-muted");
        VBox rows = new VBox(6);
        rows.setId("funnel-step-rows");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < model.steps().size(); i++) {
                rows.getChildren().add(stepRow(i, model.steps().get(i)));
            }
        };
        rebuild.run();
        model.steps().addListener((ListChangeListener<FunnelStep>) change -> rebuild.run());
        Button add = new Button(context.text("analytics.funnels.addStep"), new FontIcon(Feather.PLUS));
        add.setId("funnel-add-step");
        add.setOnAction(e -> model.addStep(""));
        Label hint = new Label(context.text("analytics.funnels.ruleHint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Button save = new Button(context.text("analytics.funnels.save"), new FontIcon(Feather.SAVE));
        save.setId("funnel-save");
        save.setOnAction(e -> model.save());
        ComboBox<SavedFunnel> saved = new ComboBox<>(model.saved());
        saved.setId("funnel-saved");
        saved.setPromptText(context.text("analytics.funnels.savedPrompt"));
        saved.setCellFactory(list -> savedCell());
        saved.setButtonCell(savedCell());
        saved.setPrefWidth(200);
        Button open = new Button(context.text("analytics.funnels.open"));
        open.setId("funnel-open");
        open.disableProperty().bind(saved.valueProperty().isNull());
        open.setOnAction(e -> model.open(saved.getValue(), period.get()));
        Button delete = new Button(context.text("analytics.funnels.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("funnel-delete");
        delete.disableProperty().bind(saved.valueProperty().isNull());
        delete.setOnAction(e -> {
            if (context.dialogs().confirm(context.text("analytics.funnels.delete"),
                    context.text("analytics.funnels.deleteConfirm", saved.getValue().name()))) {
                model.delete(saved.getValue());
            }
        });
        HBox nameRow = new HBox(8, new Label(context.text("analytics.funnels.name")), name, save);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox savedRow = new HBox(8, saved, open, delete);
        savedRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, savedRow, nameRow, first, rows, add, hint);
        showFor(box, FunnelsViewModel.Kind.CUSTOM);
        return box;
    }

    private Node stepRow(int index, FunnelStep step) {
        Label number = new Label((index + 2) + ".");
        number.setMinWidth(22);
        TextField rule = new TextField();
        rule.setId("funnel-step-" + index);
        rule.textProperty().bindBidirectional(step.ruleProperty());
        rule.setOnAction(e -> compute());
        HBox.setHgrow(rule, Priority.ALWAYS);
        Button up = iconButton("funnel-step-" + index + "-up", Feather.ARROW_UP, "analytics.funnels.up",
                () -> model.moveStep(index, -1));
        up.setDisable(index == 0);
        Button down = iconButton("funnel-step-" + index + "-down", Feather.ARROW_DOWN, "analytics.funnels.down",
                () -> model.moveStep(index, 1));
        down.setDisable(index == model.steps().size() - 1);
        Button remove = iconButton("funnel-step-" + index + "-remove", Feather.X, "analytics.funnels.remove",
                () -> model.removeStep(index));
        HBox line = new HBox(4, number, rule, up, down, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("funnel-step-" + index + "-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(step.errorProperty());
        error.visibleProperty().bind(step.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(2, line, error);
    }

    private Button iconButton(String id, Feather icon, String tipKey, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll("button-icon", "flat");
        button.setTooltip(new javafx.scene.control.Tooltip(context.text(tipKey)));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void showFor(Node node, FunnelsViewModel.Kind kind) {
        node.visibleProperty().bind(model.kindProperty().isEqualTo(kind));
        node.managedProperty().bind(node.visibleProperty());
    }

    private ListCell<SavedFunnel> savedCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SavedFunnel item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " (" + item.steps().size() + ")");
            }
        };
    }

    private Node chart() {
        ChartViewer viewer = ChartViewers.viewer(context, model.chartDataProperty()::get);
        viewer.setId("analytics-funnel-chart");
        viewer.setPrefHeight(460);
        viewer.setMinHeight(340);
        // drawn from the chart data, as its PNG is: a store's funnel is titled with the store it was read for
        model.chartDataProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ChartViewers.show(viewer, context.app().analyticsCharts().chart(now, context.messages()));
            }
        });
        // a click on a step's bar opens its members, like the step list
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof CategoryItemEntity bar) {
                    showMembers(bar.getDataset().getColumnIndex(bar.getColumnKey()));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        HBox tools = new HBox(8, new ChartFiles(context).buttons("funnel-export", "funnel", model.chartDataProperty()));
        tools.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(6, tools, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        return box;
    }

    private Node stepList() {
        ListView<String> steps = new ListView<>();
        steps.setId("analytics-funnel-steps");
        steps.setPlaceholder(org.memberdesk.ui.common.Placeholders.of(context.text("analytics.funnel.noSteps")));
        steps.setPrefHeight(190);
        model.funnelProperty().addListener((obs, old, now) -> {
            steps.getItems().clear();
            if (now == null) {
                return;
            }
            for (int i = 0; i < now.steps().size(); i++) {
                Funnel.Step step = now.steps().get(i);
                var conversion = now.conversion(i);
                steps.getItems().add((i + 1) + ". " + charts.stepLabel(step.name()) + " — "
                        + String.format("%,d", step.count())
                        + (conversion == null || conversion.isAbsent() ? ""
                        : String.format(java.util.Locale.ROOT, "  (%.1f%%)", conversion.share() * 100)));
            }
        });
        steps.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && steps.getSelectionModel().getSelectedIndex() >= 0) {
                showMembers(steps.getSelectionModel().getSelectedIndex());
            }
        });
        Button members = new Button(context.text("analytics.ui.stepMembers"), new FontIcon(Feather.USERS));
        members.setId("analytics-funnel-members");
        members.disableProperty().bind(steps.getSelectionModel().selectedItemProperty().isNull());
        members.setOnAction(e -> showMembers(steps.getSelectionModel().getSelectedIndex()));
        Label title = new Label(context.text("analytics.funnels.steps"));
        title.getStyleClass().add("text-muted");
        return new VBox(6, title, steps, members);
    }

    private void showMembers(int index) {
        Funnel shown = model.funnelProperty().get();
        if (shown == null || index < 0 || index >= shown.steps().size()) {
            return;
        }
        Funnel.Step step = shown.steps().get(index);
        StepMembersDialog.open(context, (index + 1) + ". " + charts.stepLabel(step.name()), step.memberIds(),
                campaign);
    }
}

package org.memberdesk.ui.tiers;

import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.tiers.TierProgram;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/** 等级 Tiers: the ladder editor and a chart of how many members sit in each tier. */
public final class TiersScreen implements Screen {
    private final UiContext context;
    private final TiersViewModel model;
    private final GridPane ladder = new GridPane();
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public TiersScreen(UiContext context) {
        this.context = context;
        this.model = new TiersViewModel(context.app().tiers(), context.app().clock(), context.tasks(),
                context.messages(), context.changes());
    }

    @Override
    public String id() {
        return "tiers";
    }

    @Override
    public String titleKey() {
        return "nav.tiers";
    }

    @Override
    public Ikon icon() {
        return Feather.AWARD;
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.tiers"));
        title.getStyleClass().add("title-2");

        ComboBox<TierProgram.Basis> basis = new ComboBox<>();
        basis.setId("tiers-basis");
        basis.getItems().setAll(TierProgram.Basis.values());
        basis.setCellFactory(list -> basisCell());
        basis.setButtonCell(basisCell());
        basis.valueProperty().bindBidirectional(model.basisProperty());
        HBox program = new HBox(10, muted("tiers.ui.basis"), basis,
                muted("tiers.ui.window"), number("tiers-window", model.windowMonthsProperty()),
                muted("tiers.ui.protection"), number("tiers-protection", model.protectionMonthsProperty()));
        program.setAlignment(Pos.CENTER_LEFT);

        ladder.setId("tiers-ladder");
        ladder.setHgap(8);
        ladder.setVgap(6);
        model.rows().addListener((ListChangeListener<TiersViewModel.Row>) change -> rebuildLadder());
        rebuildLadder();

        Button add = button("tiers-add", "tiers.ui.add", model::addTier);
        Button remove = button("tiers-remove", "tiers.ui.remove", model::removeTopTier);
        Button save = button("tiers-save", "tiers.ui.save", model::save);
        save.getStyleClass().add("accent");
        Button review = button("tiers-review", "tiers.ui.review", model::reviewToday);
        HBox actions = new HBox(8, add, remove, save, review);

        Label problem = new Label();
        problem.setId("tiers-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Label status = new Label();
        status.setId("tiers-status");
        status.getStyleClass().add("success");
        status.textProperty().bind(model.statusProperty());

        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId("tiers-chart");
        chart.setTitle(context.text("tiers.ui.chart"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getData().add(series);
        chart.setPrefHeight(260);
        model.counts().addListener((ListChangeListener<Map.Entry<String, Long>>) change -> {
            series.getData().clear();
            for (Map.Entry<String, Long> count : model.counts()) {
                series.getData().add(new XYChart.Data<>(count.getKey(), count.getValue()));
            }
        });

        VBox page = new VBox(14, title, program, ladder, actions, problem, status, chart);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return scroll;
    }

    @Override
    public void shown() {
        model.load();
    }

    public TiersViewModel model() {
        return model;
    }

    private void rebuildLadder() {
        ladder.getChildren().clear();
        ladder.addRow(0, muted("tiers.ui.col.name"), muted("tiers.ui.col.threshold"), muted("tiers.ui.col.points"),
                muted("tiers.ui.col.discount"), muted("tiers.ui.col.perks"));
        // the column titles stay whole ("Discount %" was "Discoun…"); the perks field gives way
        ladder.getChildren().forEach(title -> ((Label) title).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        for (int i = 0; i < model.rows().size(); i++) {
            TiersViewModel.Row row = model.rows().get(i);
            TextField perks = text("tier-perks-" + i, row.perks(), 28);
            ladder.addRow(i + 1, text("tier-name-" + i, row.name(), 8), text("tier-threshold-" + i, row.threshold(), 10),
                    text("tier-points-" + i, row.pointsPercent(), 5), text("tier-discount-" + i, row.discountPercent(), 5),
                    perks);
        }
    }

    private ListCell<TierProgram.Basis> basisCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TierProgram.Basis item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : context.text("tiers.basis." + item.code()));
            }
        };
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextField number(String id, javafx.beans.property.StringProperty property) {
        return text(id, property, 3);
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(context.text(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private Label muted(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-muted");
        return label;
    }
}

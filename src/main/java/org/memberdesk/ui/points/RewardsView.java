package org.memberdesk.ui.points;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.points.Reward;
import org.memberdesk.ui.common.FieldProblems;
import org.memberdesk.ui.common.UiContext;

/** The rewards catalog: the list (archived ones muted) and the form that adds or edits a reward. */
final class RewardsView {
    private final UiContext context;
    private final RewardsModel model;
    private final FieldProblems problems;
    private final ValidationSupport validation = new ValidationSupport();

    RewardsView(UiContext context, RewardsModel model) {
        this.context = context;
        this.model = model;
        this.problems = new FieldProblems(model::problem, "reward-error-", 280);
    }

    Node view() {
        Label title = new Label(context.text("points.rewards.title"));
        title.getStyleClass().add("title-3");

        TableView<Reward> table = new TableView<>(model.rewards());
        table.setId("rewards-table");
        table.setPrefHeight(220);
        table.setPlaceholder(new Label(context.text("points.rewards.none")));
        table.getColumns().add(column("points.rewards.col.name", Reward::name, 120));
        table.getColumns().add(column("points.rewards.col.gives", model::gives, 150));
        table.getColumns().add(column("points.rewards.col.cost", r -> String.format("%,d", r.costPoints()), 70));
        table.getColumns().add(column("points.rewards.col.state",
                r -> context.text(r.active() ? "points.rewards.active" : "points.rewards.archivedState"), 70));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Reward item, boolean empty) {
                super.updateItem(item, empty);
                setOpacity(item != null && !item.active() ? 0.55 : 1);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> model.edit(chosen));

        TextField name = PointsSettingsView.field("reward-name", model.nameProperty(), 12);
        ComboBox<Reward.Kind> kind = new ComboBox<>();
        kind.setId("reward-kind");
        kind.getItems().setAll(Reward.Kind.values());
        kind.setCellFactory(list -> kindCell());
        kind.setButtonCell(kindCell());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        TextField cost = PointsSettingsView.field("reward-cost", model.costProperty(), 6);
        TextField value = PointsSettingsView.field("reward-value", model.valueProperty(), 6);
        ComboBox<RewardsModel.CouponChoice> coupon = new ComboBox<>(model.choices());
        coupon.setId("reward-coupon");
        coupon.setPromptText(context.text("points.rewards.pickCoupon"));
        coupon.valueProperty().bindBidirectional(model.couponProperty());
        coupon.setMaxWidth(260);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, label("points.rewards.col.name"), cell("name", name));
        form.addRow(1, label("points.rewards.kind"), kind);
        form.addRow(2, label("points.rewards.col.cost"), cell("cost_points", cost));
        Label valueLabel = label("points.rewards.value");
        Node valueCell = cell("value", value);
        form.addRow(3, valueLabel, valueCell);
        Label couponLabel = label("points.rewards.coupon");
        Node couponCell = cell("coupon", coupon);
        form.addRow(4, couponLabel, couponCell);
        for (Node node : new Node[] {valueLabel, valueCell}) {
            node.visibleProperty().bind(model.kindProperty().isEqualTo(Reward.Kind.CASH));
            node.managedProperty().bind(node.visibleProperty());
        }
        for (Node node : new Node[] {couponLabel, couponCell}) {
            node.visibleProperty().bind(model.kindProperty().isEqualTo(Reward.Kind.COUPON));
            node.managedProperty().bind(node.visibleProperty());
        }

        Button startNew = new Button(context.text("points.rewards.new"), new FontIcon(Feather.PLUS));
        startNew.setId("reward-new");
        startNew.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            model.startNew();
        });
        Button save = new Button(context.text("points.rewards.save"), new FontIcon(Feather.CHECK));
        save.setId("reward-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Button archive = new Button(context.text("points.rewards.archive"), new FontIcon(Feather.ARCHIVE));
        archive.setId("reward-archive");
        archive.disableProperty().bind(model.editingProperty().isNull());
        model.editingProperty().addListener((obs, old, reward) -> archive.setText(context.text(
                reward != null && !reward.active() ? "points.rewards.restore" : "points.rewards.archive")));
        archive.setOnAction(e -> model.toggleArchived(model.editingProperty().get()));
        HBox actions = new HBox(8, startNew, save, archive);

        Label status = PointsSettingsView.bound("rewards-status", model.statusProperty(), "text-muted");
        status.setWrapText(true);
        model.revisionProperty().addListener((obs, old, now) -> showProblems());

        VBox box = new VBox(12, title, table, form, actions, status);
        box.setPrefWidth(440);
        box.setMinWidth(400);
        box.setPadding(new Insets(0));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private void showProblems() {
        problems.show();
        validation.revalidate();
    }

    private VBox cell(String field, Control control) {
        return problems.cell(validation, field, control);
    }

    private ListCell<Reward.Kind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Reward.Kind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : context.text("points.rewards.kind." + item.code()));
            }
        };
    }

    private TableColumn<Reward, String> column(String key, Function<Reward, String> value, double width) {
        TableColumn<Reward, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Label label(String key) {
        Label label = new Label(context.text(key));
        label.setPadding(new Insets(5, 0, 0, 0));
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }
}

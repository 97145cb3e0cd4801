package org.memberdesk.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.UiContext;

/** The Purchase limits part of Settings: largest line, purchase and quantity, and a Save button. */
final class LimitsSection {
    private final UiContext context;
    private final LimitsViewModel model;

    LimitsSection(UiContext context, LimitsViewModel model) {
        this.context = context;
        this.model = model;
    }

    Node view() {
        Label title = new Label(context.text("settings.limits"));
        title.getStyleClass().add("title-3");
        Label note = new Label(context.text("settings.limits.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(16);
        form.setVgap(10);
        form.addRow(0, new Label(context.text("settings.limits.line")), field("limits-line", model.lineProperty()));
        form.addRow(1, new Label(context.text("settings.limits.purchase")),
                field("limits-purchase", model.purchaseProperty()));
        form.addRow(2, new Label(context.text("settings.limits.quantity")),
                field("limits-quantity", model.quantityProperty()));

        Button save = new Button(context.text("settings.limits.save"), new FontIcon(Feather.CHECK));
        save.setId("limits-save");
        save.setOnAction(event -> model.save());

        Label status = new Label();
        status.setId("limits-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.refusedProperty().addListener((obs, was, refused) -> {
            status.getStyleClass().remove("field-error");
            if (refused) {
                status.getStyleClass().add("field-error");
            }
        });

        VBox box = new VBox(12, title, note, form, save, status, defaultItem());
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** The item name lines of a purchase file without an item column get (issue 17). */
    private Node defaultItem() {
        Label label = new Label(context.text("settings.defaultItem"));
        Label note = new Label(context.text("settings.defaultItem.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        TextField name = field("default-item", model.defaultItemProperty());
        name.setPromptText(context.text("import.defaultItem"));
        Button save = new Button(context.text("settings.defaultItem.save"), new FontIcon(Feather.CHECK));
        save.setId("default-item-save");
        save.setOnAction(event -> model.saveDefaultItem());
        Label status = new Label();
        status.setId("default-item-status");
        status.setWrapText(true);
        status.textProperty().bind(model.defaultItemStatusProperty());
        GridPane row = new GridPane();
        row.setHgap(16);
        row.addRow(0, label, name, save);
        VBox box = new VBox(8, row, note, status);
        box.setPadding(new Insets(16, 0, 0, 0));
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(14);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}

package org.memberdesk.ui.settings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.common.UiContext;

/**
 * Settings → 门店 Stores: the list of stores, a new store, the chosen one renamed, and "This computer works in"
 * (kept on this computer). Stores are renamed, never deleted.
 */
final class StoresSection {
    private final UiContext context;
    private final StoresSettingsModel model;

    StoresSection(UiContext context, StoresSettingsModel model) {
        this.context = context;
        this.model = model;
    }

    Node view() {
        Label title = new Label(context.text("stores.settings.title"));
        title.getStyleClass().add("title-3");
        Label note = new Label(context.text("stores.settings.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);

        ListView<Store> list = new ListView<>(model.stores());
        list.setId("stores-list");
        list.setPrefHeight(150);
        list.setMaxWidth(420);
        list.setCellFactory(view -> storeCell());

        TextField name = new TextField();
        name.setId("stores-new-name");
        name.setPrefColumnCount(14);
        name.textProperty().bindBidirectional(model.newNameProperty());
        Button add = new Button(context.text("stores.settings.add"), new FontIcon(Feather.PLUS));
        add.setId("stores-add");
        add.setOnAction(event -> model.add());

        TextField renameTo = new TextField();
        renameTo.setId("stores-rename-to");
        renameTo.setPrefColumnCount(14);
        renameTo.textProperty().bindBidirectional(model.renameToProperty());
        Button rename = new Button(context.text("stores.settings.rename"), new FontIcon(Feather.EDIT_2));
        rename.setId("stores-rename");
        rename.setOnAction(event -> model.rename(list.getSelectionModel().getSelectedItem()));
        renameTo.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());

        ComboBox<Store> here = new ComboBox<>(model.stores());
        here.setId("stores-here");
        here.setCellFactory(view -> storeCell());
        here.setButtonCell(storeCell());
        here.valueProperty().bindBidirectional(model.hereProperty());
        Button useHere = new Button(context.text("stores.settings.useHere"), new FontIcon(Feather.MAP_PIN));
        useHere.setId("stores-here-save");
        useHere.setOnAction(event -> model.workHere());

        GridPane form = new GridPane();
        form.setHgap(16);
        form.setVgap(10);
        form.addRow(0, new Label(context.text("stores.settings.new")), new HBox(12, name, add));
        form.addRow(1, new Label(context.text("stores.settings.renameTo")), new HBox(12, renameTo, rename));
        form.addRow(2, new Label(context.text("stores.settings.here")), new HBox(12, here, useHere));
        // on a narrow window the text field gives way, never a label, a button or the store chosen
        for (Node row : form.getChildren()) {
            if (row instanceof HBox box) {
                box.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().stream().filter(node -> !(node instanceof TextField))
                        .forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
            } else if (row instanceof Label label) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        here.setPrefWidth(220);

        Label status = new Label();
        status.setId("stores-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.refusedProperty().addListener((obs, was, refused) -> {
            status.getStyleClass().remove("field-error");
            if (refused) {
                status.getStyleClass().add("field-error");
            }
        });

        VBox page = new VBox(14, title, note, list, form, status);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ListCell<Store> storeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Store item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.shown(item));
            }
        };
    }
}

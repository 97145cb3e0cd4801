package org.memberdesk.ui.settings;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.staff.Role;
import org.memberdesk.staff.Staff;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.staff.PinField;

/**
 * Settings → 员工 Staff: the staff table; for the one chosen, their role, whether they still work here and a new
 * PIN; a new staff member; the idle lock and the manager's points limit.
 */
final class StaffSection {
    private final UiContext context;
    private final StaffSettingsModel model;

    StaffSection(UiContext context, StaffSettingsModel model) {
        this.context = context;
        this.model = model;
    }

    Node view() {
        Label title = new Label(context.text("staff.settings.title"));
        title.getStyleClass().add("title-3");
        Label note = new Label(context.text("staff.settings.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);

        TableView<Staff> table = new TableView<>(model.staff());
        table.setId("staff-table");
        table.setPrefHeight(170);
        Label none = new Label(context.text("staff.settings.none"));
        none.setId("staff-table-empty");
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("staff.name", staff -> staff.name()));
        table.getColumns().add(column("staff.role", staff -> context.text(staff.role().textKey())));
        table.getColumns().add(column("staff.state",
                staff -> context.text(staff.active() ? "staff.active" : "staff.inactive")));
        // where each one works: only when the shop has several stores
        TableColumn<Staff, String> store = column("staff.store", model::storeName);
        store.visibleProperty().bind(model.chainProperty());
        // a fourth column on a narrow window: its heading stays one word on one line
        store.setMinWidth(80);
        table.getColumns().add(store);

        Label status = new Label();
        status.setId("staff-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.refusedProperty().addListener((obs, was, refused) -> {
            status.getStyleClass().remove("field-error");
            if (refused) {
                status.getStyleClass().add("field-error");
            }
        });

        // the table with the new staff form beside it, what was done right under them
        HBox.setHgrow(table, javafx.scene.layout.Priority.ALWAYS);
        HBox listAndNew = new HBox(24, table, adding());
        VBox page = new VBox(14, title, note, listAndNew, status, chosen(table), settings());
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The staff member chosen in the table: role, active, a new PIN. */
    private Node chosen(TableView<Staff> table) {
        ComboBox<Role> role = roles("staff-edit-role");
        CheckBox active = new CheckBox(context.text("staff.active"));
        active.setId("staff-edit-active");
        ComboBox<Store> store = stores("staff-edit-store");
        Button save = new Button(context.text("staff.settings.change"), new FontIcon(Feather.CHECK));
        save.setId("staff-edit-save");
        var reset = PinField.of("staff-reset-pin", model.resetPinProperty());
        var again = PinField.of("staff-reset-pin-again", model.resetPinAgainProperty());
        Button resetButton = new Button(context.text("staff.settings.resetPin"), new FontIcon(Feather.KEY));
        resetButton.setId("staff-reset-pin-button");
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                role.setValue(now.role());
                active.setSelected(now.active());
                store.setValue(model.store(now.storeId()).orElse(null));
            }
        });
        save.setOnAction(event -> {
            Staff member = table.getSelectionModel().getSelectedItem();
            if (member != null) {
                model.change(member, role.getValue(), active.isSelected(), store.getValue());
            }
        });
        resetButton.setOnAction(event -> {
            Staff member = table.getSelectionModel().getSelectedItem();
            if (member != null) {
                model.resetPin(member);
            }
        });
        Node[] editing = {role, active, store, save, reset, again, resetButton};
        for (Node node : editing) {
            node.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        GridPane grid = grid();
        grid.addRow(0, new Label(context.text("staff.role")), new HBox(12, role, store, active, save));
        grid.addRow(1, new Label(context.text("staff.settings.newPin")), new HBox(12, reset, again, resetButton));
        return section("staff.settings.chosen", grid);
    }

    private Node adding() {
        TextField name = new TextField();
        name.setId("staff-new-name");
        name.setPrefColumnCount(12);
        name.textProperty().bindBidirectional(model.newNameProperty());
        ComboBox<Role> role = roles("staff-new-role");
        role.valueProperty().bindBidirectional(model.newRoleProperty());
        Button add = new Button(context.text("staff.settings.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("staff-add");
        add.setOnAction(event -> model.add());
        GridPane grid = grid();
        grid.addRow(0, new Label(context.text("staff.name")), name);
        grid.addRow(1, new Label(context.text("staff.role")), role);
        grid.addRow(2, new Label(context.text("staff.pin")), PinField.of("staff-new-pin", model.newPinProperty()));
        grid.addRow(3, new Label(context.text("staff.pin.again")),
                PinField.of("staff-new-pin-again", model.newPinAgainProperty()));
        ComboBox<Store> store = stores("staff-new-store");
        store.valueProperty().bindBidirectional(model.newStoreProperty());
        Label storeLabel = new Label(context.text("staff.store"));
        for (Node node : new Node[] {store, storeLabel}) {
            node.visibleProperty().bind(model.chainProperty());
            node.managedProperty().bind(model.chainProperty());
        }
        grid.addRow(4, storeLabel, store);
        grid.add(add, 1, 5);
        return section("staff.settings.new", grid);
    }

    private Node settings() {
        TextField idle = new TextField();
        idle.setId("staff-idle-minutes");
        idle.setPrefColumnCount(6);
        idle.textProperty().bindBidirectional(model.idleMinutesProperty());
        TextField limit = new TextField();
        limit.setId("staff-points-limit");
        limit.setPrefColumnCount(10);
        limit.textProperty().bindBidirectional(model.pointsLimitProperty());
        Button save = new Button(context.text("staff.settings.save"), new FontIcon(Feather.CHECK));
        save.setId("staff-settings-save");
        save.setOnAction(event -> model.saveSettings());
        GridPane grid = grid();
        grid.addRow(0, new Label(context.text("staff.settings.idleLock")), idle);
        grid.addRow(1, new Label(context.text("staff.settings.pointsLimit")), limit);
        grid.add(save, 1, 2);
        return section("staff.settings.rules", grid);
    }

    private Node section(String key, Node body) {
        Label heading = new Label(context.text(key));
        heading.getStyleClass().add("text-bold");
        VBox box = new VBox(8, heading, body);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private ComboBox<Role> roles(String id) {
        ComboBox<Role> role = new ComboBox<>();
        role.setId(id);
        role.getItems().setAll(Role.values());
        role.setCellFactory(list -> roleCell());
        role.setButtonCell(roleCell());
        role.setValue(Role.CASHIER);
        return role;
    }

    /** A choice of store, shown only when the shop has several. */
    private ComboBox<Store> stores(String id) {
        ComboBox<Store> store = new ComboBox<>(model.stores());
        store.setId(id);
        store.setCellFactory(list -> storeCell());
        store.setButtonCell(storeCell());
        store.visibleProperty().bind(model.chainProperty());
        store.managedProperty().bind(model.chainProperty());
        return store;
    }

    private ListCell<Store> storeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Store item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.shownName(context.messages()));
            }
        };
    }

    private ListCell<Role> roleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Role item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : context.text(item.textKey()));
            }
        };
    }

    private TableColumn<Staff, String> column(String key, java.util.function.Function<Staff, String> value) {
        TableColumn<Staff, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        return grid;
    }
}

package org.memberdesk.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.backup.BackupService;
import org.memberdesk.ui.about.AboutDialog;
import org.memberdesk.ui.common.UiContext;

/** The Data part of Settings: backups, restore, integrity check, About and diagnostics. */
final class DataSection {
    private final UiContext context;
    private final DataSettingsViewModel model;

    DataSection(UiContext context, DataSettingsViewModel model) {
        this.context = context;
        this.model = model;
    }

    Node view() {
        Label title = new Label(context.text("settings.data"));
        title.getStyleClass().add("title-3");
        Label folder = new Label();
        folder.setId("backup-folder");
        folder.textProperty().bind(model.besideFolderProperty());
        folder.setWrapText(true);
        folder.getStyleClass().add("text-muted");

        ListView<DataSettingsViewModel.BackupRow> list = new ListView<>(model.backups());
        list.setId("backup-list");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(context.text("backup.none")));
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(DataSettingsViewModel.BackupRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
            }
        });

        Button backUp = button("backup-now", "backup.now", Feather.SAVE, model::backUpNow);
        Button restore = button("backup-restore", "backup.restore", Feather.ROTATE_CCW,
                () -> model.restore(list.getSelectionModel().getSelectedItem()));
        restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        Button restoreFile = button("backup-restore-file", "backup.restore.file", Feather.FOLDER,
                model::restoreFromFile);
        Button check = button("backup-check", "backup.check", Feather.SHIELD, model::checkIntegrity);
        backUp.disableProperty().bind(model.busyProperty());
        check.disableProperty().bind(model.busyProperty());

        Spinner<Integer> keep = new Spinner<>(1, BackupService.MAX_KEEP, BackupService.DEFAULT_KEEP);
        keep.setId("backup-keep");
        keep.setEditable(true);
        keep.setPrefWidth(100);
        model.keepProperty().addListener((obs, old, value) -> keep.getValueFactory().setValue(value.intValue()));
        keep.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value != model.keepProperty().get()) {
                model.keepProperty().set(value);
                model.saveKeep();
            }
        });
        HBox keepRow = new HBox(10, new Label(context.text("backup.keep")), keep);
        keepRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Button about = button("about-open", "about.title", Feather.INFO,
                () -> new AboutDialog(context, windowOf(list)).show());
        Button copy = button("diagnostics-copy", "about.diagnostics.copy", Feather.CLIPBOARD,
                () -> model.collectDiagnostics(() -> copyToClipboard(model.diagnosticsProperty().get())));

        Label status = new Label();
        status.setId("backup-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        VBox box = new VBox(12, title, folder, list, flow(backUp, restore, restoreFile, check), copyRow(), keepRow,
                flow(about, copy), status);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /**
     * The backup folder for a second copy (a USB drive, another disk): where it is, choose, stop, and a warning in
     * words when it is not there now.
     */
    private Node copyRow() {
        Label label = new Label(context.text("backup.copy.label"));
        Label chosen = new Label();
        chosen.setId("backup-copy-folder");
        chosen.setWrapText(true);
        chosen.textProperty().bind(model.copyFolderProperty());
        chosen.getStyleClass().add("text-bold");
        Button choose = button("backup-copy-choose", "backup.copy.choose", Feather.HARD_DRIVE, model::chooseCopyFolder);
        choose.disableProperty().bind(model.busyProperty());
        Button stop = button("backup-copy-stop", "backup.copy.stop", Feather.X, model::stopCopying);
        stop.disableProperty().bind(model.busyProperty().or(model.copyingProperty().not()));
        Label warning = new Label();
        warning.setId("backup-copy-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("danger");
        warning.textProperty().bind(model.copyWarningProperty());
        warning.visibleProperty().bind(model.copyWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        return new VBox(6, label, chosen, flow(choose, stop), warning);
    }

    /** Buttons side by side, wrapping to the next line in a narrow window rather than cut off. */
    private static FlowPane flow(Node... nodes) {
        FlowPane row = new FlowPane(10, 8, nodes);
        row.setPrefWrapLength(400);
        return row;
    }

    private Button button(String id, String key, Feather icon, Runnable action) {
        Button button = new Button(context.text(key), new FontIcon(icon));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Window windowOf(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}

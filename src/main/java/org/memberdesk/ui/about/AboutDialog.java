package org.memberdesk.ui.about;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.support.AppVersion;
import org.memberdesk.ui.common.AppIcon;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/** About MemberDesk: version, where the database, the data folder and the log are; copy diagnostics for support. */
public final class AboutDialog {
    private final UiContext context;
    private final Window owner;

    public AboutDialog(UiContext context, Window owner) {
        this.context = context;
        this.owner = owner;
    }

    public void show() {
        Alert alert = new Alert(Alert.AlertType.NONE);
        alert.initOwner(owner);
        alert.setTitle(context.text("about.title"));
        alert.setHeaderText(context.text("about.header", AppVersion.current()));
        alert.setGraphic(new ImageView(AppIcon.images().get(4)));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(context.text("about.database")), value("about-database",
                context.app().databaseLocation()));
        grid.addRow(1, new Label(context.text("about.dataFolder")), value("about-data-folder",
                context.app().diagnostics().dataFolder().toString()));
        grid.addRow(2, new Label(context.text("about.log")), value("about-log",
                context.app().diagnostics().logFile().toString()));
        grid.addRow(3, new Label(context.text("about.java")), value("about-java",
                System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.runtime.version", "")));
        alert.getDialogPane().setContent(grid);
        ButtonType copy = new ButtonType(context.text("about.diagnostics.copy"), ButtonBar.ButtonData.LEFT);
        ButtonType close = new ButtonType(context.text("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(copy, close);
        alert.getDialogPane().lookupButton(copy).setId("about-copy");
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            event.consume(); // copying keeps the dialog open
            context.tasks().execute(BackgroundTask.of(() -> context.app().diagnostics().text()).onSuccess(text -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            }));
        });
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            AppIcon.applyTo(stage);
        }
        alert.show();
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }
}

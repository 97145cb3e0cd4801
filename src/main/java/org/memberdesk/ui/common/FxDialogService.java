package org.memberdesk.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.memberdesk.common.Messages;

/** The real dialogs, owned by the main window, in the current language. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;
    private File lastFolder;

    public FxDialogService(Supplier<Window> owner, Supplier<Messages> messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void showError(Throwable error) {
        showError(messages.get().get("error.title"), ErrorText.describe(error, messages.get()));
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        return alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        alert.getDialogPane().setContent(text);
        Messages m = messages.get();
        alert.getButtonTypes().setAll(type == Alert.AlertType.CONFIRMATION
                ? new ButtonType[] {new ButtonType(m.get("common.ok"), ButtonBar.ButtonData.OK_DONE),
                    new ButtonType(m.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE)}
                : new ButtonType[] {new ButtonType(m.get("common.ok"), ButtonBar.ButtonData.OK_DONE)});
        return alert;
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterName, String... extensions) {
        File file = chooser(title, filterName, extensions).showOpenDialog(owner.get());
        return remember(file);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, String filterName, String... extensions) {
        FileChooser chooser = chooser(title, filterName, extensions);
        chooser.setInitialFileName(initialName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(owner.get());
        return Optional.ofNullable(folder).map(File::toPath);
    }

    private FileChooser chooser(String title, String filterName, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }

    @Override
    public void showProgress(String title, BackgroundTask<?> task) {
        Messages m = messages.get();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        dialog.getDialogPane().setContent(new VBox(10, bar, message));
        ButtonType cancel = new ButtonType(m.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel);
        dialog.getDialogPane().lookupButton(cancel).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            task.cancel();
            message.textProperty().unbind();
            message.setText(m.get("task.cancelling"));
            event.consume();
        });
        task.doneProperty().addListener((obs, was, now) -> {
            if (now) {
                dialog.setResult(null);
                dialog.close();
            }
        });
        if (!task.doneProperty().get()) {
            dialog.show();
        }
    }
}

package org.memberdesk.ui;

import org.memberdesk.ui.common.AppIcon;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.memberdesk.common.Messages;

/**
 * What the windows say when the database cannot be opened (another build's file, a failed upgrade, a damaged or
 * unreachable file): why, and the ways on — put one of its backups back, open another file, or quit. Restoring is
 * first: the file is the shop's, and a backup of it is the usual way back (issue 14: a shop can always go back to a
 * backup, from the windows too, not only from the command line).
 */
final class OpenFailureDialog {
    /** What the owner chose. */
    enum Choice { RESTORE, OTHER, SERVER, QUIT }

    private final Alert alert;
    private final ButtonType restore;
    private final ButtonType other;
    private final ButtonType server;

    OpenFailureDialog(Messages messages, String why) {
        this(messages, why, false);
    }

    /**
     * {@code onServer}: the database that failed is on a PostgreSQL server (unreachable, a refused login …): the way
     * on is to connect again (another address, the password), not to restore a backup file over it.
     */
    OpenFailureDialog(Messages messages, String why, boolean onServer) {
        restore = new ButtonType(messages.get("error.open.restore"), ButtonBar.ButtonData.YES);
        other = new ButtonType(messages.get("error.open.other"), ButtonBar.ButtonData.OK_DONE);
        server = new ButtonType(messages.get("error.open.server"), ButtonBar.ButtonData.OTHER);
        ButtonType quit = new ButtonType(messages.get("menu.file.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert = onServer ? new Alert(Alert.AlertType.ERROR, why, server, other, quit)
                : new Alert(Alert.AlertType.ERROR, why, restore, other, server, quit);
        alert.setHeaderText(messages.get("error.open"));
        alert.getDialogPane().setId("open-failure");
        if (alert.getDialogPane().lookupButton(restore) != null) {
            alert.getDialogPane().lookupButton(restore).setId("open-failure-restore");
        }
        alert.getDialogPane().lookupButton(server).setId("open-failure-server");
        alert.getDialogPane().lookupButton(other).setId("open-failure-other");
        alert.getDialogPane().lookupButton(quit).setId("open-failure-quit");
        // in the order of the way back: restore, another file, quit; each label whole, in both languages
        if (alert.getDialogPane().lookup(".button-bar") instanceof ButtonBar bar) {
            bar.setButtonOrder(ButtonBar.BUTTON_ORDER_NONE);
        }
        for (ButtonType type : alert.getButtonTypes()) {
            ButtonBar.setButtonUniformSize(alert.getDialogPane().lookupButton(type), false);
            if (alert.getDialogPane().lookupButton(type) instanceof javafx.scene.control.Button button) {
                button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        alert.getDialogPane().setMinWidth(640);
        AppIcon.applyTo((Stage) alert.getDialogPane().getScene().getWindow());
    }

    /** Shows the dialog and waits for the owner's choice (closing it is quitting). */
    Choice ask() {
        ButtonType chosen = alert.showAndWait().orElse(ButtonType.CANCEL);
        return chosen == restore ? Choice.RESTORE : chosen == other ? Choice.OTHER
                : chosen == server ? Choice.SERVER : Choice.QUIT;
    }
}

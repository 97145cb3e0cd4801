package org.memberdesk.ui.common;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.app.Startup;
import org.memberdesk.common.Messages;

/**
 * File → Connect to a server…: the address of a PostgreSQL database several counters share
 * (docs/multi-store.md) and, when the address, PGPASSWORD, the keyring or .pgpass do not give it, the password.
 * The password stays in memory for this run unless the person ticks "remember": then this computer's keyring keeps
 * it (never a file of the app's); the address is remembered without it.
 */
public final class ServerConnectDialog {
    /**
     * What was typed: the address, the password (empty: from PGPASSWORD, the keyring or .pgpass) and whether this
     * computer's keyring is to keep it.
     */
    public record Login(String location, String password, boolean remember) {
    }

    private final Dialog<Login> dialog = new Dialog<>();
    private final TextField address = new TextField();
    private final PasswordField password = new PasswordField();
    private final javafx.scene.control.CheckBox remember = new javafx.scene.control.CheckBox();

    public ServerConnectDialog(Messages messages, Window owner, String remembered) {
        this(messages, owner, remembered, "server.connect.title", "server.connect.header", "server.connect.button",
                true);
    }

    /**
     * The same dialog for another purpose (moving the shop onto a server): its own title, header and button, and
     * "remember the password" only where this computer goes on connecting to that server ({@code offerRemember}).
     */
    public ServerConnectDialog(Messages messages, Window owner, String remembered, String titleKey, String headerKey,
                               String buttonKey, boolean offerRemember) {
        dialog.setTitle(messages.get(titleKey));
        dialog.setHeaderText(messages.get(headerKey));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ButtonType connect = new ButtonType(messages.get(buttonKey), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        dialog.getDialogPane().setId("server-connect");
        address.setId("server-address");
        address.setPromptText("postgresql://memberdesk@192.168.1.10:5432/memberdesk");
        address.setText(remembered == null ? "" : remembered);
        address.setPrefColumnCount(36);
        password.setId("server-password");
        remember.setId("server-remember");
        // offered where the computer has a keyring (Windows, macOS, a Linux desktop); elsewhere said why not
        boolean keyring = Startup.keyringAvailable();
        remember.setText(messages.get(keyring ? "server.connect.remember" : "server.connect.noKeyring"));
        remember.setDisable(!keyring);
        remember.setVisible(offerRemember);
        remember.setManaged(offerRemember);
        remember.setWrapText(true);
        Label passwordHint = new Label(messages.get("server.connect.passwordHint"));
        passwordHint.setWrapText(true);
        Label help = new Label(messages.get("server.connect.help"));
        help.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        Label addressLabel = new Label(messages.get("server.connect.address"));
        Label passwordLabel = new Label(messages.get("server.connect.password"));
        for (Label label : new Label[] {addressLabel, passwordLabel}) {
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field gives way, never the words
        }
        addressLabel.setLabelFor(address);
        passwordLabel.setLabelFor(password);
        grid.addRow(0, addressLabel, address);
        grid.addRow(1, passwordLabel, password);
        grid.add(remember, 1, 2);
        grid.add(passwordHint, 1, 3);
        grid.add(help, 0, 4, 2, 1);
        GridPane.setHgrow(address, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setMinWidth(560);
        dialog.getDialogPane().lookupButton(connect).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Startup.isServerLocation(address.getText().strip()), address.textProperty()));
        dialog.setResultConverter(button -> button == connect
                ? new Login(address.getText().strip(), password.getText(), remember.isSelected()) : null);
        dialog.setOnShown(event -> (address.getText().isEmpty() ? address : password).requestFocus());
        AppIcon.applyTo((Stage) dialog.getDialogPane().getScene().getWindow());
    }

    /** Shows the dialog and waits: the address and password, or empty when cancelled. */
    public Optional<Login> ask() {
        return dialog.showAndWait();
    }
}

package org.memberdesk.ui;

import org.memberdesk.ui.common.ServerConnectDialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * File → Connect to a server… (issue 21): the owner types the shared database's address and, when needed, its
 * password; Connect stays off until the address is a server's; a failed start on a server offers to connect again
 * instead of restoring a backup file over it.
 */
class ServerConnectDialogTest extends FxRobot {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private CompletableFuture<Optional<ServerConnectDialog.Login>> show(Messages messages, String remembered) {
        CompletableFuture<Optional<ServerConnectDialog.Login>> login = new CompletableFuture<>();
        Platform.runLater(() -> login.complete(new ServerConnectDialog(messages, null, remembered).ask()));
        UiFixture.waitUntil(() -> lookup("#server-address").tryQuery().isPresent());
        return login;
    }

    private Node connectButton() {
        DialogPane pane = lookup("#server-connect").queryAs(DialogPane.class);
        return pane.lookupButton(pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .findFirst().orElseThrow());
    }

    @Test
    void theAddressAndPasswordAreTypedAndConnectWaitsForAServerAddress() throws Exception {
        CompletableFuture<Optional<ServerConnectDialog.Login>> login = show(Messages.english(), "");
        clickOn("#server-address").write("shop.db");
        assertTrue(connectButton().isDisabled(), "a file name is not a server's address");
        TextField address = lookup("#server-address").queryAs(TextField.class);
        interact(address::clear);
        clickOn("#server-address").write("postgresql://memberdesk@192.168.1.10:5432/memberdesk");
        assertFalse(connectButton().isDisabled());
        clickOn("#server-password").write("s3cret");
        javafx.scene.control.CheckBox remember = lookup("#server-remember").queryAs(javafx.scene.control.CheckBox.class);
        boolean keyring = org.memberdesk.app.Startup.keyringAvailable();
        // offered where the computer has a keyring; this build machine has none, and the box says so
        assertEquals(!keyring, remember.isDisabled());
        assertEquals(Messages.english().get(keyring ? "server.connect.remember" : "server.connect.noKeyring"),
                remember.getText());
        if (keyring) {
            clickOn(remember);
        }
        clickOn(connectButton());
        ServerConnectDialog.Login typed = login.get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals("postgresql://memberdesk@192.168.1.10:5432/memberdesk", typed.location());
        assertEquals("s3cret", typed.password());
        assertEquals(keyring, typed.remember());
    }

    @Test
    void theRememberedAddressIsFilledInAndCancelConnectsNowhere() throws Exception {
        CompletableFuture<Optional<ServerConnectDialog.Login>> login = show(Messages.chinese(),
                "postgresql://memberdesk@10.0.0.2:5432/shop");
        assertEquals("postgresql://memberdesk@10.0.0.2:5432/shop",
                lookup("#server-address").queryAs(TextField.class).getText());
        assertEquals("连接", ((javafx.scene.control.Button) connectButton()).getText());
        DialogPane pane = lookup("#server-connect").queryAs(DialogPane.class);
        clickOn(pane.lookupButton(ButtonType.CANCEL));
        assertTrue(login.get(10, TimeUnit.SECONDS).isEmpty());
    }

    @Test
    void aServerThatFailedToOpenIsOfferedAgainNotARestore() throws Exception {
        CompletableFuture<OpenFailureDialog.Choice> choice = new CompletableFuture<>();
        Platform.runLater(() -> choice.complete(new OpenFailureDialog(Messages.english(),
                "Cannot reach the PostgreSQL server at 10.0.0.2:5432", true).ask()));
        UiFixture.waitUntil(() -> lookup("#open-failure-server").tryQuery().isPresent());
        assertTrue(lookup("#open-failure-restore").tryQuery().isEmpty(), "no backup file is restored over a server");
        clickOn("#open-failure-server");
        assertEquals(OpenFailureDialog.Choice.SERVER, choice.get(10, TimeUnit.SECONDS));
    }
}

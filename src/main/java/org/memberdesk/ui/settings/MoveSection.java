package org.memberdesk.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.ServerConnectDialog;
import org.memberdesk.ui.common.UiContext;

/** Settings → Data → Move the data: onto a PostgreSQL server shared by several counters, or back into a file. */
final class MoveSection {
    private final UiContext context;
    private final MoveDataViewModel model;

    MoveSection(UiContext context, MoveDataViewModel model) {
        this.context = context;
        this.model = model;
    }

    Node view() {
        Label title = new Label(context.text("move.section"));
        title.getStyleClass().add("title-4");
        Label explain = new Label(context.text(model.fromServer() ? "move.explain.server" : "move.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("text-muted");
        Button move = model.fromServer()
                ? new Button(context.text("move.toFile"), new FontIcon(Feather.FILE))
                : new Button(context.text("move.toServer"), new FontIcon(Feather.SERVER));
        move.setId(model.fromServer() ? "move-to-file" : "move-to-server");
        move.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        move.disableProperty().bind(model.busyProperty());
        move.setOnAction(event -> {
            if (model.fromServer()) {
                model.moveToFile();
            } else {
                new ServerConnectDialog(context.messages(), move.getScene() == null ? null : move.getScene().getWindow(),
                        "", "move.server.title", "move.server.header", "move.server.button", false).ask()
                        .ifPresent(login -> model.moveToServer(login.location(), login.password()));
            }
        });
        Label status = new Label();
        status.setId("move-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        return new VBox(8, title, explain, move, status);
    }
}

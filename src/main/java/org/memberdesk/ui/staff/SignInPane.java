package org.memberdesk.ui.staff;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.staff.Staff;
import org.memberdesk.ui.common.UiContext;

/**
 * What covers the window while nobody is signed in: the new shop's owner form, or the staff names and a PIN
 * field (Enter signs in). Opaque, so nothing of the screens behind it shows, and it takes every click.
 */
final class SignInPane {
    private final UiContext context;
    private final SignInModel model;
    private final StackPane root = new StackPane();
    private final VBox card = new VBox(14);
    private PasswordField pinField;

    SignInPane(UiContext context, SignInModel model) {
        this.context = context;
        this.model = model;
        root.setId("sign-in");
        root.getStyleClass().add("sign-in");
        root.setVisible(false); // until the gate finds nobody signed in
        card.setId("sign-in-card");
        card.getStyleClass().add("sign-in-card");
        card.setMaxSize(440, Control.USE_PREF_SIZE);
        root.getChildren().setAll(card);
        StackPane.setAlignment(card, Pos.CENTER);
        model.modeProperty().addListener((obs, was, now) -> fill(now));
        fill(model.modeProperty().get());
    }

    Node root() {
        return root;
    }

    /** Puts the keyboard in the PIN field (or the owner's name), as soon as the form is there. */
    void focus() {
        Platform.runLater(() -> {
            if (pinField != null && model.modeProperty().get() == SignInModel.Mode.SIGN_IN) {
                pinField.requestFocus();
            } else {
                card.lookupAll(".text-field").stream().findFirst().ifPresent(Node::requestFocus);
            }
        });
    }

    private void fill(SignInModel.Mode mode) {
        FontIcon icon = new FontIcon(Feather.LOCK);
        icon.getStyleClass().add("brand-icon");
        Label title = new Label(context.text(mode == SignInModel.Mode.OWNER ? "staff.owner.title" : "staff.signIn.title"),
                icon);
        title.getStyleClass().add("title-3");
        title.setId("sign-in-title");
        Node form = switch (mode) {
            case LOADING -> new ProgressIndicator();
            case OWNER -> ownerForm();
            case SIGN_IN -> signInForm();
        };
        card.getChildren().setAll(title, form, status());
        focus();
    }

    private Node signInForm() {
        ComboBox<String> names = new ComboBox<>();
        names.setId("sign-in-name");
        names.setMaxWidth(Double.MAX_VALUE);
        model.choices().forEach(staff -> names.getItems().add(staff.name()));
        names.setCellFactory(list -> nameCell());
        names.setButtonCell(nameCell());
        names.valueProperty().bindBidirectional(model.nameProperty());
        names.setOnAction(event -> {
            if (pinField != null) {
                pinField.requestFocus();
            }
        });
        pinField = pinField("sign-in-pin", model.pinProperty());
        pinField.setOnAction(event -> model.signIn());
        Button go = new Button(context.text("staff.signIn.button"), new FontIcon(Feather.LOG_IN));
        go.setId("sign-in-button");
        go.setDefaultButton(true);
        go.setMinWidth(Control.USE_PREF_SIZE);
        go.disableProperty().bind(model.busyProperty());
        go.setOnAction(event -> model.signIn());
        GridPane grid = grid();
        grid.addRow(0, new Label(context.text("staff.name")), names);
        grid.addRow(1, new Label(context.text("staff.pin")), pinField);
        return new VBox(12, grid, new HBox(8, go, busy()));
    }

    private Node ownerForm() {
        Label note = new Label(context.text("staff.owner.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        TextField name = new TextField();
        name.setId("owner-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        pinField = pinField("owner-pin", model.pinProperty());
        PasswordField again = pinField("owner-pin-again", model.pinAgainProperty());
        name.setOnAction(event -> pinField.requestFocus());
        pinField.setOnAction(event -> again.requestFocus());
        again.setOnAction(event -> model.createOwner());
        Button create = new Button(context.text("staff.owner.create"), new FontIcon(Feather.USER_CHECK));
        create.setId("owner-create");
        create.setDefaultButton(true);
        create.setMinWidth(Control.USE_PREF_SIZE);
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(event -> model.createOwner());
        GridPane grid = grid();
        grid.addRow(0, new Label(context.text("staff.name")), name);
        grid.addRow(1, new Label(context.text("staff.pin")), pinField);
        grid.addRow(2, new Label(context.text("staff.pin.again")), again);
        return new VBox(12, note, grid, new HBox(8, create, busy()));
    }

    private static PasswordField pinField(String id, javafx.beans.property.StringProperty value) {
        return PinField.of(id, value);
    }

    private Node busy() {
        ProgressIndicator checking = new ProgressIndicator();
        checking.setId("sign-in-busy");
        checking.setPrefSize(22, 22);
        checking.visibleProperty().bind(model.busyProperty());
        Label text = new Label(context.text("staff.signIn.checking"));
        text.visibleProperty().bind(model.busyProperty());
        HBox box = new HBox(6, checking, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(model.busyProperty());
        return box;
    }

    private Node status() {
        Label refusal = new Label();
        refusal.setId("sign-in-refusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().add("field-error");
        refusal.textProperty().bind(model.refusalProperty());
        return refusal;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        return grid;
    }

    private ListCell<String> nameCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                Staff staff = model.choices().stream().filter(s -> s.name().equals(item)).findFirst().orElse(null);
                setText(staff == null ? item : item + " · " + context.text(staff.role().textKey()));
            }
        };
    }
}

package org.memberdesk.ui.counter;

import java.io.ByteArrayInputStream;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.UiContext;

/**
 * The check-in strip across the top of the counter: the field, then the big result (green: the member, their photo
 * when there is one, the card and what is left; red: why not, in one line). Enter checks in; the field stays focused.
 */
final class CheckInPane {
    private final UiContext context;
    private final CheckInViewModel model;
    private final TextField who = new TextField();

    CheckInPane(UiContext context, CheckInViewModel model) {
        this.context = context;
        this.model = model;
    }

    /** F3 from anywhere on the counter. */
    void focus() {
        who.requestFocus();
        who.selectAll();
    }

    Node view() {
        FontIcon icon = new FontIcon(Feather.LOG_IN);
        icon.getStyleClass().add("tile-icon");
        Label title = new Label(context.text("checkin.title"), icon);
        title.getStyleClass().addAll("section-title", "title-4");
        title.setMinWidth(Label.USE_PREF_SIZE);
        who.setId("checkin-who");
        who.setPromptText(context.text("checkin.prompt"));
        who.setPrefColumnCount(15);
        who.setMinWidth(160);
        who.textProperty().bindBidirectional(model.whoProperty());
        who.setOnAction(event -> model.enter());

        // the member's photo, shown with a green result: read from the photo store by the view model
        ImageView photo = new ImageView();
        photo.setId("checkin-photo");
        photo.setFitWidth(54);
        photo.setFitHeight(68);
        photo.setPreserveRatio(true);
        photo.imageProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() ->
                model.photoProperty().get() == null ? null
                        : new Image(new ByteArrayInputStream(model.photoProperty().get())), model.photoProperty()));
        photo.visibleProperty().bind(photo.imageProperty().isNotNull());
        photo.managedProperty().bind(photo.visibleProperty());

        Label headline = new Label();
        headline.setId("checkin-headline");
        headline.getStyleClass().add("checkin-headline");
        headline.setWrapText(true);
        Label detail = new Label();
        detail.setId("checkin-detail");
        detail.getStyleClass().add("checkin-detail");
        detail.setWrapText(true);
        headline.setMinWidth(0);
        detail.setMinWidth(0);
        VBox words = new VBox(2, headline, detail);
        words.setMinWidth(0);
        HBox result = new HBox(12, photo, words);
        result.setId("checkin-result");
        result.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setVisible(false);
        model.resultProperty().addListener((obs, old, now) -> {
            result.setVisible(now != null);
            result.getStyleClass().removeAll("checkin-admitted", "checkin-refused");
            if (now != null) {
                result.getStyleClass().add(now.admitted() ? "checkin-admitted" : "checkin-refused");
                headline.setText(now.headline());
                detail.setText(now.detail());
            }
        });
        HBox strip = new HBox(12, title, who, result);
        strip.setId("checkin-strip");
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setMinHeight(64);
        return strip;
    }
}

package org.memberdesk.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;

/**
 * What an empty table or list says in place of JavaFX's "No content in table": in the shop's words, what will
 * appear there and how to start. Muted, wrapped, centred, so a long sentence stays whole in a narrow list.
 */
public final class Placeholders {
    /** Wide enough for a sentence on two lines, narrow enough to read at a glance. */
    private static final double WIDTH = 420;

    private Placeholders() {
    }

    public static Label of(String text) {
        Label label = new Label(text);
        style(label);
        return label;
    }

    /** A placeholder whose words follow the screen's state (nothing yet, or nothing matching a filter). */
    public static Label bound(ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        style(label);
        return label;
    }

    private static void style(Label label) {
        label.getStyleClass().addAll("text-muted", "placeholder-text");
        label.setWrapText(true);
        label.setMaxWidth(WIDTH);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
    }
}

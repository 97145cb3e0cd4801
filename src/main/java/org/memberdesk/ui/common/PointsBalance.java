package org.memberdesk.ui.common;

import javafx.scene.control.Label;
import org.memberdesk.common.Messages;

/**
 * How a member's points balance reads wherever it is shown: the number, or below zero what the member owes
 * ("欠 30 积分", in red). Only a return makes a balance negative; later purchases repay it first.
 */
public final class PointsBalance {
    /** The style class that shows text in the theme's red. */
    public static final String OWED_STYLE = "danger";

    private PointsBalance() {
    }

    public static String text(long balance, Messages messages) {
        return balance < 0 ? messages.get("points.owed", -balance)
                : String.format("%,d", balance);
    }

    /** Puts the balance on a label, red while points are owed. */
    public static void show(Label label, long balance, Messages messages) {
        label.setText(text(balance, messages));
        label.getStyleClass().remove(OWED_STYLE);
        if (balance < 0) {
            label.getStyleClass().add(OWED_STYLE);
        }
    }

    /** A label showing the balance. */
    public static Label label(long balance, Messages messages) {
        Label label = new Label();
        show(label, balance, messages);
        return label;
    }
}

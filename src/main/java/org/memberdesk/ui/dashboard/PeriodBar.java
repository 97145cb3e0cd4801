package org.memberdesk.ui.dashboard;

import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;

/**
 * The period picker of the Dashboard and the Analytics screen: this week / month / quarter, custom days
 * with Apply, a busy sign while the numbers load, the period's problem, then whatever the screen adds
 * on the right; each group wraps onto the next line whole when the window is too narrow for one line.
 * Ids start with the given prefix ({@code period-week}, {@code period-from}, …).
 */
public final class PeriodBar {
    private PeriodBar() {
    }

    /**
     * @param chosen runs with a quick range chosen (the screen sets the choice and loads)
     * @param apply runs when Apply is pressed on custom days typed into the pickers
     */
    public static FlowPane build(UiContext context, PeriodChoice choice, String idPrefix,
                             java.util.function.Consumer<PeriodChoice.Range> chosen, Runnable apply,
                             ObservableBooleanValue busy, ObservableStringValue problem, Node... right) {
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox();
        choices.getStyleClass().add("segmented-button");
        for (PeriodChoice.Range range : PeriodChoice.Range.values()) {
            String name = range.name().toLowerCase(Locale.ROOT);
            ToggleButton button = new ToggleButton(context.text("analytics.ui.range." + name));
            button.setId(idPrefix + "-" + name);
            button.setToggleGroup(group);
            button.setSelected(choice.rangeProperty().get() == range);
            button.setOnAction(e -> {
                button.setSelected(true);
                if (range != PeriodChoice.Range.CUSTOM) {
                    chosen.accept(range);
                } else {
                    choice.rangeProperty().set(range);
                }
            });
            choice.rangeProperty().addListener((obs, old, now) -> button.setSelected(now == range));
            choices.getChildren().add(button);
        }
        DatePicker from = IsoDates.picker();
        from.setId(idPrefix + "-from");
        DatePicker to = IsoDates.picker();
        to.setId(idPrefix + "-to");
        from.valueProperty().bindBidirectional(choice.fromProperty());
        to.valueProperty().bindBidirectional(choice.toProperty());
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        Button applyButton = new Button(context.text("analytics.ui.apply"));
        applyButton.setId(idPrefix + "-apply");
        applyButton.setOnAction(e -> apply.run());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setId(idPrefix + "-loading");
        loading.setPrefSize(22, 22);
        loading.visibleProperty().bind(busy);
        Label trouble = new Label();
        trouble.getStyleClass().add("danger");
        trouble.textProperty().bind(problem);
        trouble.setWrapText(true);
        trouble.setMaxWidth(520);
        // groups that stay whole and wrap as a whole onto the next line when the window is narrow (a 1024 px
        // screen, English words): a word is never cut to "…"
        FlowPane bar = new FlowPane(16, 8, whole(choices),
                whole(new Label(context.text("analytics.ui.from")), from,
                        new Label(context.text("analytics.ui.to")), to, applyButton, loading),
                trouble);
        if (right.length > 0) {
            bar.getChildren().add(whole(right));
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId(idPrefix + "-bar");
        for (Node node : choices.getChildren()) {
            ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    /** A row of controls each kept at its own width (never shortened to "…"). */
    private static HBox whole(Node... nodes) {
        HBox row = new HBox(10, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(Region.USE_PREF_SIZE);
        for (Node node : nodes) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }
}

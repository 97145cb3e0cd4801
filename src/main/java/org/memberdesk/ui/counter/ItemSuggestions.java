package org.memberdesk.ui.counter;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import impl.org.controlsfx.skin.AutoCompletePopup;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * The item field's suggestions: the names sold before, those starting with what was typed first. ↓ picks one and
 * Enter takes it; either way Enter goes on to the amount, like Enter in the field without suggestions — the popup
 * must not keep the keyboard in the item field, or the amount typed next lands in the name (issue 19, defect 3).
 */
final class ItemSuggestions {
    /** Up to this many names are suggested. */
    static final int SHOWN = 10;

    /**
     * The colours ControlsFX's popup stylesheet looks up are Modena's, which the AtlantaFX theme does not define as
     * colours (each popup logged "ClassCastException ... while converting value for '-fx-background-color'"): they
     * are given here, from the theme's own palette.
     */
    private static final String THEME_COLOURS = "-fx-color: -color-bg-default;"
            + " -fx-control-inner-background: -color-bg-default;"
            + " -fx-selection-bar-non-focused: -color-accent-subtle;"
            + " -fx-selection-bar: -color-accent-muted;"
            + " -fx-accent: -color-accent-muted;";

    private ItemSuggestions() {
    }

    static void attach(TextField item, CounterViewModel model) {
        AutoCompletionBinding<String> binding = TextFields.bindAutoCompletion(item, request -> {
            String typed = request.getUserText().strip();
            return typed.isEmpty() ? List.of() : suggest(model.itemNames(), typed);
        });
        binding.setOnAutoCompleted(event -> model.itemEntered());
        AutoCompletePopup<String> popup = binding.getAutoCompletionPopup();
        popup.setStyle(THEME_COLOURS);
        // Enter with the suggestions shown takes the highlighted one — the first, as ControlsFX highlights it once the
        // list is on screen; when Enter comes before that highlight (a fast cashier, a busy computer) the first
        // suggestion is still what the cashier saw on top, so it is taken too — and the keyboard moves on
        popup.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && nothingPicked(popup)) {
                if (!popup.getSuggestions().isEmpty()) {
                    item.setText(popup.getSuggestions().get(0));
                    item.end();
                }
                popup.hide();
                model.itemEntered();
                event.consume();
            }
        });
    }

    /** Names starting with what was typed first, then names containing it. */
    static List<String> suggest(List<String> names, String typed) {
        return Stream.concat(names.stream().filter(n -> n.startsWith(typed)),
                names.stream().filter(n -> !n.startsWith(typed) && n.contains(typed))).limit(SHOWN).toList();
    }

    private static boolean nothingPicked(AutoCompletePopup<String> popup) {
        return !(popup.getSkin() != null && popup.getSkin().getNode() instanceof ListView<?> list)
                || list.getSelectionModel().getSelectedItem() == null;
    }
}

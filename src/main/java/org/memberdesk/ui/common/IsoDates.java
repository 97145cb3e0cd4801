package org.memberdesk.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date pickers show and accept dates as the rest of the app writes them (2026-03-15), whatever the
 * system locale, instead of the JDK's locale format (3/15/2026) that reads wrong in China.
 */
public final class IsoDates {
    private IsoDates() {
    }

    public static DatePicker picker() {
        DatePicker picker = new DatePicker();
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip().replace('/', '-').replace('.', '-'));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        });
        picker.setPromptText("YYYY-MM-DD");
        return picker;
    }
}

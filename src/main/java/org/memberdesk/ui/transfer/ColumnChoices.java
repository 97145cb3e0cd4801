package org.memberdesk.ui.transfer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.io.FieldColumns;

/**
 * The column chosen for each field of the wizard's mapping step: pre-filled from the mapping the person chose the
 * last time a file with the same header was imported, else guessed from the header's names (the importer's own
 * aliases, {@link FieldColumns}); a choice the person makes wins over both.
 */
final class ColumnChoices {
    private final Map<String, ObjectProperty<String>> chosen = new LinkedHashMap<>();

    /**
     * Pre-fills every field of the kind. {@code remembered} (field → column, "" for "not in the file") wins over the
     * guess for the fields it names. Only a {@code chain} has a store field. Returns whether a remembered mapping
     * was used.
     */
    boolean reset(ImportKind kind, List<String> header, Map<String, String> remembered, Runnable changed,
                  boolean chain) {
        Map<String, String> guessed = header.isEmpty() ? Map.of()
                : FieldColumns.resolve(header, kind.fields(chain), Map.of()).asNames();
        boolean useRemembered = !header.isEmpty() && !remembered.isEmpty()
                && kind.fields().keySet().containsAll(remembered.keySet());
        chosen.clear();
        for (String field : kind.fieldNames(chain)) {
            String column = guessed.get(field);
            if (useRemembered && remembered.containsKey(field)) {
                String earlier = remembered.get(field);
                column = earlier.isEmpty() ? null : earlier;
            }
            ObjectProperty<String> property = new SimpleObjectProperty<>(column);
            property.addListener((obs, old, now) -> changed.run());
            chosen.put(field, property);
        }
        return useRemembered;
    }

    /** The column chosen for a field; null means "not in the file". */
    ObjectProperty<String> column(String field, ImportKind kind) {
        ObjectProperty<String> column = chosen.get(field);
        if (column == null) {
            throw new IllegalArgumentException("no field " + field + " for " + kind);
        }
        return column;
    }

    /** Field → the file's column, for the fields mapped. */
    Map<String, String> mapped() {
        Map<String, String> columns = new LinkedHashMap<>();
        chosen.forEach((field, column) -> {
            if (column.get() != null) {
                columns.put(field, column.get());
            }
        });
        return columns;
    }

    /**
     * Every field: its column, or a blank name for "not in the file", so a column that happens to carry that field's
     * standard name is not read after all. What the importer is told, and what is remembered.
     */
    Map<String, String> all() {
        Map<String, String> columns = new LinkedHashMap<>();
        chosen.forEach((field, column) -> columns.put(field, column.get() == null ? "" : column.get()));
        return columns;
    }

    /** The first reason the mapping cannot be imported ({@code text}: key and arguments to words), or "". */
    String problem(ImportKind kind, Function<String, String> label, Texts text) {
        for (String field : kind.required()) {
            if (column(field, kind).get() == null) {
                return text.get("wizard.problem.required", label.apply(field));
            }
        }
        if (kind.needsMemberColumn() && column("member_no", kind).get() == null
                && column("phone", kind).get() == null) {
            return text.get("wizard.problem.member");
        }
        if (kind.needsAmountColumn() && column("amount", kind).get() == null
                && column("unit_price", kind).get() == null) {
            return text.get("wizard.problem.amount");
        }
        Map<String, String> fieldByColumn = new HashMap<>();
        for (Map.Entry<String, ObjectProperty<String>> entry : chosen.entrySet()) {
            String column = entry.getValue().get();
            if (column == null) {
                continue;
            }
            String other = fieldByColumn.putIfAbsent(column, entry.getKey());
            if (other != null) {
                return text.get("wizard.problem.twice", column, label.apply(other), label.apply(entry.getKey()));
            }
        }
        return "";
    }

    /** A bundle text with its arguments. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... args);
    }
}

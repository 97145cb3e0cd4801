package org.memberdesk.ui.transfer;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.io.ImportPreview;
import org.memberdesk.io.ImportPreview.Outcome;
import org.memberdesk.io.ImportPreview.Row;
import org.memberdesk.ui.common.UiContext;

/**
 * The check page: the first rows as the import will store them — member, time as read, item, quantity, amount in
 * yuan, a return marked — or the reason a row would be rejected, before anything is written.
 */
final class CheckPane {
    private final UiContext context;
    private final TableView<Row> table = new TableView<>();
    private final Label caption = new Label();
    private final VBox root;

    CheckPane(UiContext context, ImportWizardModel model) {
        this.context = context;
        table.setId("wizard-check");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(context.text("wizard.preview.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        caption.setId("wizard-check-caption");
        caption.setWrapText(true);
        root = new VBox(10, caption, table);
        root.setId("wizard-check-page");
        model.checkProperty().addListener((obs, old, now) -> show(now));
        show(model.checkProperty().get());
    }

    VBox root() {
        return root;
    }

    private void show(ImportPreview preview) {
        table.getColumns().clear();
        if (preview == null) {
            table.getItems().clear();
            caption.setText("");
            return;
        }
        table.getColumns().add(column(context.text("wizard.check.line"), row -> Long.toString(row.line()), 56));
        List<String> fields = preview.columns();
        for (int i = 0; i < fields.size(); i++) {
            int index = i;
            String field = fields.get(i);
            table.getColumns().add(column(context.text("wizard.field." + field),
                    row -> index < row.values().size() ? row.values().get(index) : "", width(field)));
        }
        TableColumn<Row, String> result = column(context.text("wizard.check.result"), this::result, 300);
        result.setId("wizard-check-result");
        // a reason is a sentence: wrapped in its cell, so it is read whole, not cut off
        result.setCellFactory(column -> new TableCell<>() {
            private final Label words = new Label();

            {
                words.setWrapText(true);
                words.setMinHeight(Region.USE_PREF_SIZE);
                words.prefWidthProperty().bind(column.widthProperty().subtract(16));
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(null);
                words.getStyleClass().removeAll("danger", "warning", "text-muted");
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || text == null) {
                    setGraphic(null);
                    return;
                }
                words.setText(text);
                words.getStyleClass().add(row.outcome() == Outcome.REJECTED ? "danger"
                        : row.isReturn() ? "warning" : "text-muted");
                setGraphic(words);
            }
        });
        table.getColumns().add(result);
        table.getItems().setAll(preview.rows());
        long rejected = preview.rows().stream().filter(row -> row.outcome() == Outcome.REJECTED).count();
        caption.setText(context.text("wizard.check.caption", preview.rows().size(), preview.rows().size() - rejected,
                rejected));
    }

    /** What becomes of the row, in words: stored (a return, with a new member, already there) or why not. */
    private String result(Row row) {
        return switch (row.outcome()) {
            case REJECTED -> row.reason();
            case DUPLICATE -> context.text("wizard.check.duplicate");
            case NEW_MEMBER -> context.text(row.isReturn() ? "wizard.check.returnNewMember" : "wizard.check.newMember");
            case STORED -> context.text(row.isReturn() ? "wizard.check.return" : "wizard.check.stored");
        };
    }

    private static double width(String field) {
        return switch (field) {
            case "time" -> 160;
            case "item", "product", "name" -> 130;
            case "quantity", "sessions_left" -> 80;
            case "member_no" -> 130;
            case "phone" -> 120;
            default -> 100;
        };
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value,
                                                   double width) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(width); // a narrow column shows its title as "…"
        column.setSortable(false);
        return column;
    }
}

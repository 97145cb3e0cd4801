package org.memberdesk.ui.transfer;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
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
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("wizard-rejected-row");
                if (!empty && row != null && row.outcome() == Outcome.REJECTED) {
                    getStyleClass().add("wizard-rejected-row");
                }
            }
        });
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
        TableColumn<Row, String> result = column(context.text("wizard.check.result"), this::result, 260);
        result.setId("wizard-check-result");
        result.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll("danger", "warning", "text-muted");
                setText(empty ? null : text);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getStyleClass().add(row.outcome() == Outcome.REJECTED ? "danger"
                            : row.isReturn() ? "warning" : "text-muted");
                }
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
            case "time" -> 150;
            case "item", "product", "name" -> 130;
            case "quantity", "sessions_left" -> 70;
            default -> 100;
        };
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value,
                                                   double width) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}

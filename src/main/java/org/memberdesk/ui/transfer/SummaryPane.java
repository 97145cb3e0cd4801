package org.memberdesk.ui.transfer;

import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.ImportResult.RejectedReason;
import org.memberdesk.ui.common.UiContext;

/**
 * The summary page: what was imported, skipped and rejected, and why rows were rejected — each reason with how many
 * rows and the first of their lines — with the link to the rejected-rows report.
 */
final class SummaryPane {
    private final UiContext context;
    private final ImportWizardModel model;
    private final VBox root = new VBox(14);

    SummaryPane(UiContext context, ImportWizardModel model) {
        this.context = context;
        this.model = model;
        root.setId("wizard-summary");
        root.setPadding(new Insets(12, 0, 0, 0));
    }

    /** The page for the last result, built afresh. */
    VBox root(String fileName) {
        ImportResult result = model.resultProperty().get();
        root.getChildren().clear();
        if (result == null) {
            return root;
        }
        Label title = new Label(context.text(result.cancelled() ? "wizard.summary.cancelled" : "wizard.summary.done",
                fileName));
        title.setId("wizard-summary-title");
        title.getStyleClass().addAll("title-4", result.cancelled() ? "warning" : "success");
        title.setWrapText(true);
        GridPane counts = new GridPane();
        counts.setHgap(40);
        counts.setVgap(2);
        counts.addColumn(0, count("wizard-imported", result.imported(), "success"),
                caption("wizard.summary.imported"));
        counts.addColumn(1, count("wizard-duplicates", result.duplicates(), "text-muted"),
                caption("wizard.summary.duplicates"));
        counts.addColumn(2, count("wizard-rejected", result.rejected(), result.rejected() > 0 ? "danger" : "text-muted"),
                caption("wizard.summary.rejected"));
        root.getChildren().addAll(title, counts);
        if (result.cancelled()) {
            Label cancelled = new Label(context.text("wizard.summary.cancelledNote"));
            cancelled.setId("wizard-summary-cancelled");
            cancelled.setWrapText(true);
            root.getChildren().add(cancelled);
        }
        if (result.alreadyImportedRows() > 0) {
            // rows an earlier run of this same file stored: skipped, so a re-run after a crash finishes the file
            Label earlier = new Label(context.text(result.resumed() ? "wizard.summary.resumed"
                    : "wizard.summary.alreadyImported", result.alreadyImportedRows()));
            earlier.setId("wizard-summary-earlier");
            earlier.setWrapText(true);
            root.getChildren().add(earlier);
        }
        if (model.hasReport()) {
            Label explain = new Label(context.text("wizard.summary.reportNote", result.rejected()));
            explain.setWrapText(true);
            Hyperlink link = new Hyperlink(context.text("wizard.summary.report"));
            link.setId("wizard-report");
            link.setOnAction(event -> model.openReport());
            Label where = new Label(result.report().toString());
            where.getStyleClass().addAll("text-muted", "text-small");
            where.setWrapText(true);
            VBox report = new VBox(6, explain, reasons(), link, where);
            VBox.setVgrow(report, Priority.ALWAYS);
            root.getChildren().add(report);
        }
        return root;
    }

    /** Reason · rows · first lines, most frequent first. */
    private TableView<RejectedReason> reasons() {
        TableView<RejectedReason> table = new TableView<>(model.rejectedReasons());
        table.setId("wizard-reasons");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(context.text("wizard.reasons.none")));
        TableColumn<RejectedReason, String> reason = column("wizard.reasons.reason", RejectedReason::reason);
        reason.setPrefWidth(420);
        TableColumn<RejectedReason, String> rows = column("wizard.reasons.rows", r -> String.format("%,d", r.rows()));
        rows.setPrefWidth(70);
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<RejectedReason, String> lines = column("wizard.reasons.lines", r -> r.firstLines().stream()
                .map(String::valueOf).collect(Collectors.joining(", ")) + (r.rows() > r.firstLines().size() ? ", …" : ""));
        lines.setPrefWidth(200);
        table.getColumns().setAll(java.util.List.of(reason, rows, lines));
        table.setPrefHeight(150);
        table.setMinHeight(110);
        return table;
    }

    private TableColumn<RejectedReason, String> column(String key,
                                                       java.util.function.Function<RejectedReason, String> value) {
        TableColumn<RejectedReason, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private Label count(String id, long value, String style) {
        Label label = new Label(String.format("%,d", value));
        label.setId(id);
        label.getStyleClass().addAll("title-1", style);
        return label;
    }

    private Label caption(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-muted");
        return label;
    }
}

package org.memberdesk.ui.sales;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.memberdesk.ui.common.UiContext;

/**
 * 作废 Void…: the sale's number (filled in from where it was opened), the reason, who; Enter voids, Esc
 * cancels. A refusal stays in the dialog in the shop's words; the result is true once the sale was voided.
 */
public final class VoidDialog {
    private final VoidViewModel model;
    private final Dialog<Boolean> dialog = new Dialog<>();

    /** The dialog's view model on this window's services (the tests build it so too). */
    public static VoidViewModel model(UiContext context, String saleNumber, long memberId) {
        return new VoidViewModel(context.app().counterSales(), context.app().purchases(), context.tasks(),
                context.messages(), context.changes(), context.app().session().current().name(), saleNumber, memberId);
    }

    public VoidDialog(Window owner, UiContext context, String saleNumber, long memberId) {
        this.model = model(context, saleNumber, memberId);
        dialog.initOwner(owner);
        dialog.setTitle(context.text("void.title"));
        dialog.setHeaderText(context.text("void.header"));

        TextField saleNo = field("void-sale-no", model.saleNoProperty());
        TextField reason = field("void-reason", model.reasonProperty());
        reason.setPromptText(context.text("void.reason.prompt"));
        TextField by = field("void-by", model.byProperty());
        by.setEditable(false);
        Label problem = new Label();
        problem.setId("void-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problemProperty()));

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(340);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, label(context, "void.sale", saleNo), saleNo);
        form.addRow(1, label(context, "void.reason", reason), reason);
        form.addRow(2, label(context, "void.by", by), by);
        form.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setId("void-dialog");

        ButtonType go = new ButtonType(context.text("void.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel);
        Node goButton = dialog.getDialogPane().lookupButton(go);
        goButton.setId("void-go");
        goButton.disableProperty().bind(model.workingProperty());
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.voidSale(() -> {
                dialog.setResult(true);
                dialog.close();
            });
        });
        dialog.getDialogPane().lookupButton(cancel).setId("void-cancel");
        dialog.setResultConverter(button -> model.voidedProperty().get());
        Platform.runLater(saleNumber == null || saleNumber.isBlank() ? saleNo::requestFocus : reason::requestFocus);
    }

    /** Shows the dialog and waits; true when the sale was voided. */
    public boolean showAndWait() {
        return dialog.showAndWait().orElse(false);
    }

    public VoidViewModel model() {
        return model;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label label(UiContext context, String key, Node field) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }
}

package org.memberdesk.ui.cards;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.memberdesk.cards.CardEntry;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.Freeze;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;

/** The member pane's card dialogs: 请假 freeze, 退卡 refund (the amount shown before confirming) and the history. */
final class CardDialogs {
    private CardDialogs() {
    }

    static void freeze(Window owner, UiContext context, String cardNo, long memberId) {
        FreezeViewModel model = new FreezeViewModel(context.app().cards(), context.tasks(), context.messages(),
                context.changes(), cardNo, memberId);
        TextField days = field("card-freeze-days", model.daysProperty());
        DatePicker from = IsoDates.picker();
        from.setId("card-freeze-from");
        from.setPromptText(context.text("cards.freeze.today"));
        from.valueProperty().bindBidirectional(model.fromProperty());
        TextField reason = field("card-freeze-reason", model.reasonProperty());
        GridPane form = grid();
        form.addRow(0, new Label(context.text("cards.freeze.days")), days);
        form.addRow(1, new Label(context.text("cards.freeze.from")), from);
        form.addRow(2, new Label(context.text("cards.freeze.reason")), reason);
        form.add(problem("card-freeze-problem", model.problemProperty()), 0, 3, 2, 1);
        Dialog<Boolean> dialog = dialog(owner, context, "card-freeze-dialog",
                context.text("cards.freeze.title", cardNo), form, "cards.freeze.go", "card-freeze-go",
                model.workingProperty(), model::freeze);
        keyboard(dialog, days, from);
        dialog.showAndWait();
    }

    static void refund(Window owner, UiContext context, String cardNo, long memberId) {
        RefundViewModel model = new RefundViewModel(context.app().cards(), context.tasks(), context.messages(),
                context.changes(), cardNo, memberId);
        Label preview = new Label();
        preview.setId("card-refund-preview");
        preview.setWrapText(true);
        preview.setPrefWidth(440);
        preview.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        preview.getStyleClass().add("text-bold");
        preview.textProperty().bind(model.previewProperty());
        TextField reason = field("card-refund-reason", model.reasonProperty());
        GridPane form = grid();
        form.add(preview, 0, 0, 2, 1);
        form.addRow(1, new Label(context.text("cards.refund.reason")), reason);
        form.add(problem("card-refund-problem", model.problemProperty()), 0, 2, 2, 1);
        Dialog<Boolean> dialog = dialog(owner, context, "card-refund-dialog",
                context.text("cards.refund.title", cardNo), form, "cards.refund.go", "card-refund-go",
                model.workingProperty(), model::refund);
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).disableProperty()
                .bind(model.workingProperty().or(model.refundableProperty().not()));
        // the preview arrives after the dialog is laid out: let the dialog grow to its wrapped lines
        preview.textProperty().addListener((obs, was, now) -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        model.loadPreview();
        keyboard(dialog, reason, null);
        dialog.showAndWait();
    }

    static void history(Window owner, UiContext context, String cardNo) {
        TableView<CardEntry> entries = new TableView<>();
        entries.setId("card-history-entries");
        entries.setPrefSize(780, 260);
        entries.setPlaceholder(new Label(context.text("cards.history.noEntries")));
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.getColumns().setAll(List.of(
                column(context, "cards.history.time", (CardEntry e) -> IsoTimes.text(e.time())),
                column(context, "cards.history.what", (CardEntry e) -> entryKind(context, e.kind())),
                column(context, "cards.history.principal", (CardEntry e) -> money(e.principalCents())),
                column(context, "cards.history.bonus", (CardEntry e) -> money(e.bonusCents())),
                column(context, "cards.history.sessions", (CardEntry e) -> e.sessions() == 0 ? ""
                        : String.format("%+d", e.sessions())),
                column(context, "cards.history.sale", (CardEntry e) -> e.purchaseNo() == null ? "" : e.purchaseNo()),
                column(context, "cards.history.note", (CardEntry e) -> e.note() == null ? "" : e.note())));
        widths(entries, 140, 90, 90, 80, 70, 150, 140);
        TableView<Freeze> freezes = new TableView<>();
        freezes.setId("card-history-freezes");
        freezes.setPrefSize(780, 130);
        freezes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        freezes.setPlaceholder(new Label(context.text("cards.history.noFreezes")));
        freezes.getColumns().setAll(List.of(
                column(context, "cards.freeze.from", (Freeze f) -> f.from() + " – " + f.lastDay()),
                column(context, "cards.freeze.days", (Freeze f) -> Integer.toString(f.days())),
                column(context, "cards.freeze.reason", (Freeze f) -> f.reason() == null ? "" : f.reason()),
                column(context, "cards.history.ended", (Freeze f) -> f.endedAt() == null ? ""
                        : IsoTimes.text(f.endedAt()))));
        widths(freezes, 220, 70, 240, 160);
        Label freezesTitle = new Label(context.text("cards.history.freezes"));
        freezesTitle.getStyleClass().add("text-bold");
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(context.text("cards.history.title", cardNo));
        dialog.setHeaderText(context.text("cards.history.title", cardNo));
        dialog.getDialogPane().setContent(new VBox(10, entries, freezesTitle, freezes));
        dialog.getDialogPane().setId("card-history-dialog");
        dialog.getDialogPane().setPrefWidth(820);
        dialog.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(context.text("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        context.tasks().execute(BackgroundTask.of(() -> context.app().cards().history(cardNo))
                .onSuccess((CardService.History history) -> {
                    entries.getItems().setAll(history.entries());
                    freezes.getItems().setAll(history.freezes());
                }));
        dialog.show();
    }

    private static void widths(TableView<?> table, double... widths) {
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
    }

    private static String entryKind(UiContext context, String kind) {
        String key = "cards.entry." + kind;
        return context.messages().bundle().containsKey(key) ? context.text(key) : kind;
    }

    private static String money(long cents) {
        return cents == 0 ? "" : Money.display(cents);
    }

    private static <T> TableColumn<T, String> column(UiContext context, String key,
                                                    java.util.function.Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** A dialog whose first button runs {@code go} and closes the dialog only when the work is done. */
    private static Dialog<Boolean> dialog(Window owner, UiContext context, String id, String title, Node content,
                                          String goKey, String goId, ReadOnlyBooleanProperty working,
                                          Consumer<Runnable> go) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        ButtonType goType = new ButtonType(context.text(goKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(goType, cancel);
        Node goButton = dialog.getDialogPane().lookupButton(goType);
        goButton.setId(goId);
        goButton.disableProperty().bind(working);
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            go.accept(() -> {
                dialog.setResult(true);
                dialog.close();
            });
        });
        dialog.getDialogPane().lookupButton(cancel).setId(id + "-cancel");
        dialog.setResultConverter(button -> false);
        return dialog;
    }

    /**
     * As the counter's dialogs: the keyboard starts in the first field once the dialog is up, Tab goes from field to
     * field, Enter in any field confirms (a date typed into {@code date} is taken first, as the picker would take it
     * only on its own Enter), Escape cancels (the Cancel button is the dialog's cancel button).
     */
    private static void keyboard(Dialog<Boolean> dialog, Node first, DatePicker date) {
        dialog.setOnShown(event -> Platform.runLater(() -> {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
            first.requestFocus();
        }));
        javafx.scene.control.Button go = (javafx.scene.control.Button) dialog.getDialogPane()
                .lookupButton(dialog.getDialogPane().getButtonTypes().get(0));
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != javafx.scene.input.KeyCode.ENTER) {
                return;
            }
            Node focused = dialog.getDialogPane().getScene().getFocusOwner();
            if (focused instanceof javafx.scene.control.Button || date != null && date.isShowing()) {
                return;
            }
            event.consume();
            if (date != null && date.isEditable()) {
                date.setValue(date.getConverter().fromString(date.getEditor().getText()));
            }
            if (!go.isDisabled()) {
                go.fire();
            }
        });
    }

    private static GridPane grid() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        return form;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(24);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Label problem(String id, ReadOnlyStringProperty text) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(440);
        problem.textProperty().bind(text);
        problem.visibleProperty().bind(Bindings.isNotEmpty(text));
        return problem;
    }
}

package org.memberdesk.ui.members;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.memberdesk.members.Gender;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.UiContext;

/**
 * Add or edit a member. Each field's problem shows right under it (and as a ControlsFX marker on
 * the field); Save stays in the dialog until the member is stored.
 */
public final class MemberFormDialog {
    private final UiContext context;
    private final MemberFormViewModel model;
    private final Dialog<Member> dialog = new Dialog<>();
    private final ValidationSupport validation = new ValidationSupport();
    private final Map<String, Label> errors = new HashMap<>();
    private final GridPane form = new GridPane();
    private int row;

    public MemberFormDialog(Window owner, UiContext context, Member editing, List<String> channels) {
        this.context = context;
        this.model = MemberFormDialog.model(context, editing);
        dialog.initOwner(owner);
        dialog.setTitle(context.text(editing == null ? "member.add" : "member.edit"));
        dialog.setHeaderText(editing == null ? context.text("member.add.header")
                : context.text("member.edit.header", editing.name(), editing.memberNo()));

        TextField name = text("name", model.nameProperty());
        TextField phone = text("phone", model.phoneProperty());
        phone.setPromptText("13812341234");
        ComboBox<Gender> gender = new ComboBox<>();
        gender.getItems().setAll(null, Gender.FEMALE, Gender.MALE);
        gender.setCellFactory(list -> genderCell());
        gender.setButtonCell(genderCell());
        gender.valueProperty().bindBidirectional(model.genderProperty());
        gender.setId("member-gender");
        DatePicker birthday = date("birthday", model.birthdayProperty());
        DatePicker joinDate = date("join_date", model.joinDateProperty());
        TextField channel = text("channel", model.channelProperty());
        TextFields.bindAutoCompletion(channel, channels);
        TextField referrer = text("referrer_no", model.referrerNoProperty());
        TextField memberNo = text("member_no", model.memberNoProperty());
        memberNo.setPromptText(context.text("member.number.auto"));
        TextArea notes = new TextArea();
        notes.setId("member-notes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(model.notesProperty());

        form.setHgap(12);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(320);
        form.getColumnConstraints().setAll(labels, fields);
        add("name", name, true);
        add("phone", phone, false);
        add("gender", gender, false);
        add("birthday", birthday, false);
        add("join_date", joinDate, false);
        add("channel", channel, false);
        add("referrer_no", referrer, false);
        add("member_no", memberNo, false);
        add("notes", notes, false);

        ButtonType save = new ButtonType(context.text("common.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().setId("member-form");
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("member-save");
        saveButton.disableProperty().bind(model.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(member -> {
                dialog.setResult(member);
                dialog.close();
            });
        });
        dialog.setResultConverter(button -> null);
        model.revisionProperty().addListener((obs, old, now) -> showProblems());
        Platform.runLater(name::requestFocus);
    }

    /** Shows the dialog and waits; the stored member, or empty when cancelled. */
    public Optional<Member> showAndWait() {
        return dialog.showAndWait();
    }

    public MemberFormViewModel model() {
        return model;
    }

    private void showProblems() {
        errors.forEach((field, label) -> {
            Optional<String> problem = model.problem(field);
            label.setText(problem.orElse(""));
            label.setVisible(problem.isPresent());
            label.setManaged(problem.isPresent());
        });
        validation.revalidate();
    }

    private TextField text(String field, javafx.beans.property.StringProperty property) {
        TextField input = new TextField();
        input.setId("member-" + field.replace('_', '-'));
        input.textProperty().bindBidirectional(property);
        return input;
    }

    private DatePicker date(String field, javafx.beans.property.ObjectProperty<java.time.LocalDate> property) {
        DatePicker picker = org.memberdesk.ui.common.IsoDates.picker();
        picker.setId("member-" + field.replace('_', '-'));
        picker.valueProperty().bindBidirectional(property);
        picker.setMaxWidth(Double.MAX_VALUE);
        return picker;
    }

    private void add(String field, Control control, boolean required) {
        Label label = new Label(context.text("member.field." + field) + (required ? " *" : ""));
        label.setLabelFor(control);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setId("error-" + field.replace('_', '-'));
        error.setVisible(false);
        error.setManaged(false);
        error.setWrapText(true);
        // clear of the ControlsFX marker drawn on the field's lower-left corner
        error.setPadding(new javafx.geometry.Insets(1, 0, 0, 14));
        errors.put(field, error);
        control.setMaxWidth(Double.MAX_VALUE);
        VBox cell = new VBox(2, control, error);
        form.addRow(row++, label, cell);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        validation.registerValidator(control, false, (Control c, Object value) -> {
            Optional<String> problem = model.problem(field);
            return ValidationResult.fromErrorIf(c, problem.orElse(""), problem.isPresent());
        });
    }

    private ListCell<Gender> genderCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Gender item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? context.text("member.gender.unknown")
                        : context.text(item == Gender.FEMALE ? "member.gender.female" : "member.gender.male"));
            }
        };
    }

    /** The view model, built with the services it uses. */
    static MemberFormViewModel model(UiContext context, Member editing) {
        return new MemberFormViewModel(context.app().members(), context.app().clock(), context.app().session(), context.tasks(), context.messages(), context.changes(), context.dialogs(), editing);
    }
}

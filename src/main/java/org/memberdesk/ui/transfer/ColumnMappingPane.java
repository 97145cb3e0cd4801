package org.memberdesk.ui.transfer;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.UiContext;

/**
 * The mapping page: one row per field with a choice of the file's columns, and a sample value from
 * the first row so the person sees at a glance whether the choice is right.
 */
final class ColumnMappingPane {
    private final UiContext context;
    private final ImportWizardModel model;
    private final GridPane grid = new GridPane();
    private final VBox root;
    private final CheckBox returns;
    private final CheckBox createMembers;

    ColumnMappingPane(UiContext context, ImportWizardModel model) {
        this.context = context;
        this.model = model;
        grid.setHgap(14);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 12, 4, 4));
        ColumnConstraints field = new ColumnConstraints();
        field.setMinWidth(150);
        ColumnConstraints choice = new ColumnConstraints();
        choice.setMinWidth(200);
        choice.setPrefWidth(220);
        ColumnConstraints sample = new ColumnConstraints();
        sample.setHgrow(Priority.ALWAYS);
        sample.setMinWidth(120);
        grid.getColumnConstraints().setAll(field, choice, sample);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label intro = new Label(context.text("wizard.map.intro"));
        intro.setWrapText(true);
        returns = new CheckBox(context.text("wizard.map.returns"));
        returns.setId("wizard-returns");
        returns.selectedProperty().bindBidirectional(model.allowReturnsProperty());
        createMembers = new CheckBox(context.text("wizard.map.createMembers"));
        createMembers.setId("wizard-create-members");
        createMembers.selectedProperty().bindBidirectional(model.createMembersProperty());
        // the person's earlier choice for a file with these columns, not a guess: say so, so it is checked as such
        Label remembered = new Label(context.text("wizard.map.remembered"));
        remembered.setId("wizard-map-remembered");
        remembered.setWrapText(true);
        remembered.getStyleClass().add("accent");
        remembered.visibleProperty().bind(model.mappingRememberedProperty());
        remembered.managedProperty().bind(remembered.visibleProperty());
        root = new VBox(10, intro, remembered, scroll, returns, createMembers);
        root.setId("wizard-map");
        model.mappingRevisionProperty().addListener((obs, old, now) -> rebuild());
        model.previewRows().addListener((javafx.collections.ListChangeListener<List<String>>) change -> rebuild());
        rebuild();
    }

    VBox root() {
        return root;
    }

    private void rebuild() {
        grid.getChildren().clear();
        boolean purchases = model.kindProperty().get() == ImportKind.PURCHASES;
        returns.setVisible(purchases);
        returns.setManaged(purchases);
        createMembers.setVisible(purchases);
        createMembers.setManaged(purchases);
        Label fieldHeading = heading("wizard.map.field");
        Label columnHeading = heading("wizard.map.column");
        Label sampleHeading = heading("wizard.map.sample");
        grid.addRow(0, fieldHeading, columnHeading, sampleHeading);
        List<String> firstRow = model.previewRows().isEmpty() ? List.of() : model.previewRows().get(0);
        int row = 1;
        for (String field : model.fields()) {
            ImportKind kind = model.kindProperty().get();
            Label name = new Label(model.fieldLabel(field) + (kind.isMarked(field) ? " *" : ""));
            if (kind.isMarked(field)) {
                name.getStyleClass().add("text-bolder");
            }
            ComboBox<String> column = columnChoice(field);
            Label sample = new Label();
            sample.getStyleClass().add("text-muted");
            sample.setId("wizard-sample-" + field);
            Runnable showSample = () -> {
                int index = model.header().indexOf(column.getValue());
                sample.setText(index >= 0 && index < firstRow.size() ? firstRow.get(index) : "");
            };
            column.valueProperty().addListener((obs, old, now) -> showSample.run());
            showSample.run();
            grid.addRow(row++, name, column, sample);
        }
    }

    private Label heading(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().addAll("text-muted", "text-small");
        return label;
    }

    private ComboBox<String> columnChoice(String field) {
        ComboBox<String> column = new ComboBox<>();
        column.setId("wizard-map-" + field);
        column.setMaxWidth(Double.MAX_VALUE);
        List<String> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(model.header());
        column.getItems().setAll(choices);
        column.setCellFactory(list -> new ColumnCell());
        column.setButtonCell(new ColumnCell());
        column.valueProperty().bindBidirectional(model.column(field));
        return column;
    }

    /** Shows the "not in the file" choice (null) in words. */
    private final class ColumnCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("text-muted");
            if (item == null) {
                setText(context.text("wizard.map.none"));
                getStyleClass().add("text-muted");
            } else {
                setText(item);
            }
        }
    }
}

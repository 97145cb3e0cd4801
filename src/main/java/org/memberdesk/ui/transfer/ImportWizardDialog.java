package org.memberdesk.ui.transfer;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.io.TextEncoding;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.transfer.ImportWizardModel.Step;

/**
 * The import wizard: choose → preview → map columns → run → summary, in one dialog owned by the
 * main window like the app's other dialogs. All state and rules live in {@link ImportWizardModel}.
 */
public final class ImportWizardDialog {
    private final UiContext context;
    private final ImportWizardModel model;
    private final Dialog<Void> dialog = new Dialog<>();
    private final BorderPane body = new BorderPane();
    private final HBox steps = new HBox(6);
    private final Label problem = new Label();
    private final Button back;
    private final Button next;
    private final Button close;
    private final VBox choosePage;
    private final VBox previewPage;
    private final ColumnMappingPane mapPage;
    private final CheckPane checkPage;
    private final VBox runPage;
    private final SummaryPane summaryPage;
    private final TableView<List<String>> preview = new TableView<>();

    public ImportWizardDialog(Window owner, UiContext context, ImportWizardModel model) {
        this.context = context;
        this.model = model;
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        dialog.setTitle(context.text("wizard.title"));
        ButtonType backType = new ButtonType(context.text("wizard.back"), ButtonBar.ButtonData.BACK_PREVIOUS);
        ButtonType nextType = new ButtonType(context.text("wizard.next"), ButtonBar.ButtonData.NEXT_FORWARD);
        ButtonType closeType = new ButtonType(context.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(backType, nextType, closeType);
        dialog.getDialogPane().setId("import-wizard");
        back = (Button) dialog.getDialogPane().lookupButton(backType);
        next = (Button) dialog.getDialogPane().lookupButton(nextType);
        close = (Button) dialog.getDialogPane().lookupButton(closeType);
        back.setId("wizard-back");
        next.setId("wizard-next");
        close.setId("wizard-close");
        next.setDefaultButton(true);
        // "Start import" is longer than the other buttons: never cut to "Start i…"
        ButtonBar.setButtonUniformSize(next, false);
        next.setMinWidth(Region.USE_PREF_SIZE);
        back.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.back();
        });
        next.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.next();
        });
        next.disableProperty().bind(model.canGoNextProperty().not());
        close.addEventFilter(ActionEvent.ACTION, event -> {
            if (model.isRunning()) {
                event.consume();
                model.cancel();
            }
        });
        dialog.setOnCloseRequest(event -> {
            if (model.isRunning()) {
                event.consume();
                model.cancel();
            }
        });

        choosePage = choosePage();
        previewPage = previewPage();
        mapPage = new ColumnMappingPane(context, model);
        checkPage = new CheckPane(context, model);
        runPage = runPage();
        summaryPage = new SummaryPane(context, model);

        problem.setId("wizard-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        steps.setId("wizard-steps");
        steps.setAlignment(Pos.CENTER_LEFT);
        body.setTop(steps);
        BorderPane.setMargin(steps, new Insets(0, 0, 14, 0));
        body.setBottom(problem);
        BorderPane.setMargin(problem, new Insets(10, 0, 0, 0));
        problem.managedProperty().bind(problem.visibleProperty());
        body.setPrefSize(740, 470);
        body.setMinSize(740, 470);
        dialog.getDialogPane().setPrefWidth(780);
        dialog.getDialogPane().setContent(body);
        model.stepProperty().addListener((obs, old, now) -> show(now));
        show(model.stepProperty().get());
    }

    public void show() {
        dialog.show();
    }

    public ImportWizardModel model() {
        return model;
    }

    private void show(Step step) {
        dialog.setHeaderText(context.text(model.kindProperty().get().titleKey()) + " — "
                + context.text("wizard.step." + step.name().toLowerCase(java.util.Locale.ROOT)));
        body.setCenter(switch (step) {
            case CHOOSE -> choosePage;
            case PREVIEW -> previewPage;
            case MAP -> mapPage.root();
            case CHECK -> checkPage.root();
            case RUN -> runPage;
            case SUMMARY -> summaryPage.root(fileName());
        });
        showSteps(step);
        boolean before = step.ordinal() <= Step.CHECK.ordinal();
        back.setVisible(model.canGoBack());
        back.setManaged(model.canGoBack());
        next.setVisible(before);
        next.setManaged(before);
        next.setText(context.text(step == Step.CHECK ? "wizard.start" : "wizard.next"));
        close.setText(context.text(switch (step) {
            case RUN -> "wizard.stop";
            case SUMMARY -> "common.close";
            default -> "common.cancel";
        }));
        close.setDefaultButton(step == Step.SUMMARY);
    }

    /** 1 Choose › 2 Preview › … with the current step stressed: where you are, and how far to go. */
    private void showSteps(Step current) {
        steps.getChildren().clear();
        for (Step step : Step.values()) {
            if (step.ordinal() > 0) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add("text-muted");
                steps.getChildren().add(arrow);
            }
            Label label = new Label((step.ordinal() + 1) + " " + context.text("wizard.step."
                    + step.name().toLowerCase(java.util.Locale.ROOT)));
            label.getStyleClass().add(step == current ? "accent" : "text-muted");
            if (step == current) {
                label.getStyleClass().add("text-bolder");
            }
            steps.getChildren().add(label);
        }
    }

    private VBox choosePage() {
        ToggleGroup kinds = new ToggleGroup();
        RadioButton members = new RadioButton(context.text("wizard.kind.members"));
        members.setId("wizard-kind-members");
        members.setToggleGroup(kinds);
        members.setUserData(ImportKind.MEMBERS);
        RadioButton purchases = new RadioButton(context.text("wizard.kind.purchases"));
        purchases.setId("wizard-kind-purchases");
        purchases.setToggleGroup(kinds);
        purchases.setUserData(ImportKind.PURCHASES);
        RadioButton cards = new RadioButton(context.text("wizard.kind.cards"));
        cards.setId("wizard-kind-cards");
        cards.setToggleGroup(kinds);
        cards.setUserData(ImportKind.CARDS);
        kinds.getToggles().stream().filter(t -> t.getUserData() == model.kindProperty().get()).findFirst()
                .ifPresent(kinds::selectToggle);
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.kindProperty().set((ImportKind) now.getUserData());
            }
        });
        Label kindHint = new Label();
        kindHint.getStyleClass().add("text-muted");
        kindHint.setWrapText(true);
        kindHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                context.text("wizard.kind." + model.kindProperty().get().code() + ".hint"), model.kindProperty()));

        TextField file = new TextField();
        file.setId("wizard-file");
        file.setPromptText(context.text("wizard.file.prompt"));
        file.textProperty().bindBidirectional(model.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(context.text("wizard.file.browse"));
        browse.setId("wizard-browse");
        browse.setOnAction(event -> model.chooseFile());
        HBox fileRow = new HBox(8, file, browse);
        Label fileHint = new Label(context.text("wizard.file.hint"));
        fileHint.getStyleClass().add("text-muted");
        fileHint.setWrapText(true);

        VBox page = new VBox(10, sectionTitle("wizard.kind"), new HBox(24, members, purchases, cards), kindHint,
                spacer(8), sectionTitle("wizard.file"), fileRow, fileHint);
        page.setId("wizard-choose");
        return page;
    }

    private VBox previewPage() {
        ComboBox<TextEncoding> encoding = new ComboBox<>();
        encoding.setId("wizard-encoding");
        encoding.getItems().setAll(TextEncoding.values());
        encoding.setCellFactory(list -> new EncodingCell());
        encoding.setButtonCell(new EncodingCell());
        encoding.valueProperty().bindBidirectional(model.encodingProperty());
        Label encodingLabel = new Label(context.text("wizard.encoding"));
        encodingLabel.setLabelFor(encoding);
        Label caption = new Label();
        caption.getStyleClass().add("text-muted");
        Label encodingHint = new Label(context.text("wizard.encoding.hint"));
        encodingHint.getStyleClass().add("text-muted");
        encodingHint.setWrapText(true);
        // a workbook has sheets and no encoding: the sheet picker instead of the encoding choice
        ComboBox<String> sheet = new ComboBox<>(model.sheets());
        sheet.setId("wizard-sheet");
        sheet.valueProperty().bindBidirectional(model.sheetProperty());
        Label sheetLabel = new Label(context.text("wizard.sheet"));
        sheetLabel.setLabelFor(sheet);
        javafx.beans.binding.BooleanBinding workbook = javafx.beans.binding.Bindings.isNotEmpty(model.sheets());
        for (Node node : List.of(sheetLabel, sheet)) {
            node.visibleProperty().bind(workbook);
            node.managedProperty().bind(workbook);
        }
        for (Node node : List.of(encodingLabel, encoding, encodingHint)) {
            node.visibleProperty().bind(workbook.not());
            node.managedProperty().bind(workbook.not());
        }
        HBox encodingRow = new HBox(10, encodingLabel, encoding, sheetLabel, sheet, caption);
        encodingRow.setAlignment(Pos.CENTER_LEFT);

        preview.setId("wizard-preview");
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        preview.setPlaceholder(new Label(context.text("wizard.preview.empty")));
        preview.setItems(model.previewRows());
        VBox.setVgrow(preview, Priority.ALWAYS);
        Runnable columns = () -> {
            preview.getColumns().clear();
            List<String> header = model.header();
            for (int i = 0; i < header.size(); i++) {
                int index = i;
                TableColumn<List<String>, String> column = new TableColumn<>(header.get(i));
                column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                        index < cell.getValue().size() ? cell.getValue().get(index) : ""));
                column.setPrefWidth(columnWidth(header.get(i), index));
                column.setSortable(false);
                preview.getColumns().add(column);
            }
            caption.setText(context.text("wizard.preview.caption", model.previewRows().size(),
                    fileName(), sizeText(model.fileSize())));
        };
        model.header().addListener((javafx.collections.ListChangeListener<String>) change -> columns.run());
        model.previewRows().addListener((javafx.collections.ListChangeListener<List<String>>) change -> columns.run());
        // the file may have been read before this page was built (the step shows once reading is done): its columns
        // are made now, not only on the next change — else the preview showed rows without columns, now and then
        columns.run();
        // an earlier import of this same file: interrupted (importing again finishes it) or done
        Label earlier = new Label();
        earlier.setId("wizard-earlier-import");
        earlier.getStyleClass().add("warning");
        earlier.setWrapText(true);
        earlier.textProperty().bind(model.earlierImportProperty());
        earlier.visibleProperty().bind(model.earlierImportProperty().isNotEmpty());
        earlier.managedProperty().bind(earlier.visibleProperty());
        VBox page = new VBox(10, encodingRow, encodingHint, earlier, preview);
        page.setId("wizard-preview-page");
        return page;
    }

    /** Wide enough for the header and the values shown, within reason; CJK characters are about twice as wide. */
    private double columnWidth(String name, int index) {
        double widest = textWidth(name);
        for (List<String> row : model.previewRows()) {
            if (index < row.size()) {
                widest = Math.max(widest, textWidth(row.get(index)));
            }
        }
        return Math.max(70, Math.min(240, widest + 30));
    }

    private static double textWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) < 0x2E80 ? 8.5 : 14.5;
        }
        return width;
    }

    private VBox runPage() {
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                context.text("wizard.run.title", fileName()), model.fileProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("wizard-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("wizard-progress-text");
        text.textProperty().bind(model.progressTextProperty());
        Label note = new Label(context.text("wizard.run.note", ImportOptions.DEFAULT_BATCH));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox page = new VBox(14, title, bar, text, spacer(10), note);
        page.setId("wizard-run");
        page.setPadding(new Insets(30, 0, 0, 0));
        return page;
    }

    private Label sectionTitle(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-bolder");
        return label;
    }

    private static Node spacer(double height) {
        Region region = new Region();
        region.setMinHeight(height);
        return region;
    }

    private String fileName() {
        String text = model.fileProperty().get().strip().replace("\"", "");
        try {
            Path name = Path.of(text).getFileName();
            return name == null ? text : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return text;
        }
    }

    private static String sizeText(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%,d KB", Math.max(1, (bytes + 1023) / 1024));
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Encodings by what the person knows them as. */
    private final class EncodingCell extends ListCell<TextEncoding> {
        @Override
        protected void updateItem(TextEncoding item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : context.text("wizard.encoding." + item.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }
}

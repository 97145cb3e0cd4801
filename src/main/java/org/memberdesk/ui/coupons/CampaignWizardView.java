package org.memberdesk.ui.coupons;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.tags.Tag;
import org.memberdesk.ui.common.UiContext;

/** The campaign wizard's steps as panes; one is shown at a time, driven by {@link CampaignWizardModel}. */
final class CampaignWizardView {
    /** Where the wizard's last step saves: the save dialog for a campaign's list or slips. */
    interface FileChooser {
        Optional<Path> choose(Campaign campaign, CouponPrinter.Kind kind);
    }

    /** How the wizard's last step prints: campaign id, kind, paper, file, and what to do once it is written. */
    interface Printer {
        void print(long campaignId, CouponPrinter.Kind kind, Paper paper, Path file, IntConsumer afterwards);
    }

    private final UiContext context;
    private final CampaignWizardModel model;
    private final FileChooser files;
    private final Printer printer;

    CampaignWizardView(UiContext context, CampaignWizardModel model, FileChooser files, Printer printer) {
        this.context = context;
        this.model = model;
        this.files = files;
        this.printer = printer;
    }

    Node view() {
        Label stepLabel = new Label();
        stepLabel.setId("wizard-step");
        stepLabel.getStyleClass().add("title-4");
        StackPane steps = new StackPane(couponStep(), targetStep(), controlStep(), printStep());
        Runnable show = () -> {
            CampaignWizardModel.Step step = model.stepProperty().get();
            for (int i = 0; i < steps.getChildren().size(); i++) {
                boolean visible = i == step.ordinal();
                steps.getChildren().get(i).setVisible(visible);
                steps.getChildren().get(i).setManaged(visible);
            }
            stepLabel.setText(context.text("coupons.wizard.step", step.ordinal() + 1,
                    CampaignWizardModel.Step.values().length,
                    context.text("coupons.wizard.step." + step.name().toLowerCase(Locale.ROOT))));
        };
        model.stepProperty().addListener((obs, old, now) -> show.run());
        show.run();
        Label error = new Label();
        error.setId("wizard-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        VBox page = new VBox(14, stepLabel, steps, error);
        page.setPadding(new Insets(16));
        return page;
    }

    private Node couponStep() {
        ComboBox<CouponKind> kind = new ComboBox<>();
        kind.setId("wizard-kind");
        kind.getItems().setAll(CouponKind.values());
        kind.setCellFactory(list -> kindCell());
        kind.setButtonCell(kindCell());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        Label valueHint = new Label();
        valueHint.getStyleClass().add("text-muted");
        valueHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> context.text(
                "coupons.wizard.valueHint." + model.kindProperty().get().code()), model.kindProperty()));
        GridPane form = form();
        form.addRow(0, new Label(context.text("coupons.wizard.name")), field("wizard-name", model.nameProperty()));
        form.addRow(1, new Label(context.text("coupons.wizard.kind")), kind);
        form.addRow(2, new Label(context.text("coupons.wizard.value")),
                new HBox(8, field("wizard-value", model.valueProperty()), valueHint));
        form.addRow(3, new Label(context.text("coupons.wizard.minSpend")), field("wizard-min-spend",
                model.minSpendProperty()));
        form.addRow(4, new Label(context.text("coupons.wizard.cap")), field("wizard-cap", model.capProperty()));
        form.addRow(5, new Label(context.text("coupons.wizard.items")), field("wizard-items", model.itemsProperty()));
        form.addRow(6, new Label(context.text("coupons.wizard.validDays")), field("wizard-valid-days",
                model.validDaysProperty()));
        Button next = button("wizard-coupon-next", "coupons.wizard.next", model::couponNext);
        return new VBox(14, form, next);
    }

    private Node targetStep() {
        ComboBox<CampaignWizardModel.TargetKind> kind = new ComboBox<>();
        kind.setId("wizard-target-kind");
        kind.getItems().setAll(CampaignWizardModel.TargetKind.values());
        kind.setCellFactory(list -> targetCell());
        kind.setButtonCell(targetCell());
        kind.valueProperty().bindBidirectional(model.targetKindProperty());
        TextArea text = new TextArea();
        text.setId("wizard-target");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.targetTextProperty());
        Label hint = new Label();
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> context.text(
                "coupons.wizard.targetHint." + model.targetKindProperty().get().name().toLowerCase(Locale.ROOT)),
                model.targetKindProperty()));
        Node tags = tagPicker();
        BooleanBinding byTag = model.targetKindProperty().isEqualTo(CampaignWizardModel.TargetKind.TAG);
        tags.visibleProperty().bind(byTag);
        tags.managedProperty().bind(byTag);
        text.visibleProperty().bind(byTag.not());
        text.managedProperty().bind(byTag.not());
        Label preview = new Label();
        preview.setId("wizard-preview");
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewTextProperty());
        GridPane form = form();
        form.addRow(0, new Label(context.text("coupons.wizard.targetKind")), kind);
        form.addRow(1, new Label(context.text("coupons.wizard.target")), new VBox(4, tags, text, hint));
        form.addRow(2, new Label(context.text("coupons.wizard.skipDays")), field("wizard-skip-days",
                model.skipDaysProperty()));
        Button previewButton = button("wizard-preview-button", "coupons.wizard.previewButton", model::preview);
        previewButton.disableProperty().bind(model.busyProperty());
        return new VBox(14, form, new HBox(8, button("wizard-target-back", "coupons.wizard.back", model::back),
                previewButton, button("wizard-target-next", "coupons.wizard.next", model::targetNext)), preview);
    }

    /** The shop's tags with how many members each holds, narrowed by what is typed above them; a click picks one. */
    private Node tagPicker() {
        TextField filter = new TextField();
        filter.setId("wizard-tag-filter");
        filter.setPromptText(context.text("coupons.wizard.tagFilter"));
        filter.textProperty().bindBidirectional(model.tagFilterProperty());
        ListView<Tag> list = new ListView<>(model.tags());
        list.setId("wizard-tag-list");
        list.setPrefHeight(150);
        list.setPlaceholder(new Label(context.text("coupons.wizard.noTags")));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Tag tag, boolean empty) {
                super.updateItem(tag, empty);
                setText(empty || tag == null ? null : context.text("coupons.wizard.tagLine", tag.name(), tag.members()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.pickTag(now));
        // the picked tag stays marked when the list is filtered or read again
        model.targetTextProperty().addListener((obs, old, now) -> model.tags().stream()
                .filter(tag -> tag.name().equals(now)).findFirst().ifPresent(list.getSelectionModel()::select));
        Label chosen = new Label();
        chosen.setId("wizard-tag-chosen");
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.targetTextProperty().get() == null || model.targetTextProperty().get().isBlank() ? ""
                        : context.text("coupons.wizard.tagChosen", model.targetTextProperty().get()),
                model.targetTextProperty()));
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        return new VBox(6, filter, list, chosen);
    }

    private Node controlStep() {
        Spinner<Integer> percent = new Spinner<>(0, 90, 10, 5);
        percent.setId("wizard-control");
        percent.setEditable(true);
        percent.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.controlPercentProperty().set(now);
            }
        });
        model.controlPercentProperty().addListener((obs, old, now) -> percent.getValueFactory().setValue(
                now.intValue()));
        Label explain = new Label(context.text("coupons.wizard.controlExplain"));
        explain.getStyleClass().add("text-muted");
        explain.setWrapText(true);
        GridPane form = form();
        form.addRow(0, new Label(context.text("coupons.wizard.control")), percent);
        form.addRow(1, new Label(context.text("coupons.wizard.seed")), field("wizard-seed", model.seedProperty()));
        Button issue = button("wizard-issue", "coupons.wizard.issue", model::createAndIssue);
        issue.getStyleClass().add("accent");
        issue.disableProperty().bind(model.busyProperty());
        return new VBox(14, form, explain, new HBox(8, button("wizard-control-back", "coupons.wizard.back",
                model::back), issue));
    }

    private Node printStep() {
        Label result = new Label();
        result.setId("wizard-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        ComboBox<Paper> paper = new ComboBox<>();
        paper.setId("wizard-paper");
        paper.getItems().setAll(Paper.values());
        paper.setCellFactory(list -> paperCell());
        paper.setButtonCell(paperCell());
        paper.valueProperty().bindBidirectional(model.paperProperty());
        Button list = button("wizard-print-list", "coupons.print.list", () -> print(CouponPrinter.Kind.LIST));
        Button slips = button("wizard-print-slips", "coupons.print.slips", () -> print(CouponPrinter.Kind.SLIPS));
        Button again = button("wizard-new", "coupons.campaigns.new", model::reset);
        return new VBox(14, result, new HBox(8, new Label(context.text("coupons.wizard.paper")), paper),
                new HBox(8, list, slips, again));
    }

    private void print(CouponPrinter.Kind kind) {
        Campaign campaign = model.campaignProperty().get();
        if (campaign == null) {
            return;
        }
        files.choose(campaign, kind).ifPresent(file -> printer.print(campaign.id(), kind, model.paperProperty().get(),
                file, rows -> model.printed(rows, file)));
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        return form;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(20);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(context.text(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private ListCell<CouponKind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(CouponKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : context.text("coupons.kind." + item.code()));
            }
        };
    }

    private ListCell<CampaignWizardModel.TargetKind> targetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(CampaignWizardModel.TargetKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : context.text("coupons.target." + item.name().toLowerCase(Locale.ROOT)));
            }
        };
    }

    private ListCell<Paper> paperCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Paper item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : context.text("coupons.paper." + item.code()));
            }
        };
    }
}

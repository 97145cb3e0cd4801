package org.memberdesk.ui.coupons;

import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/** The campaign wizard's steps as panes; one is shown at a time, driven by {@link CampaignWizardModel}. */
final class CampaignWizardView {
    /** How the wizard's last step prints: campaign id, kind, paper, file → the running task. */
    interface Printer {
        BackgroundTask<Integer> print(long campaignId, CouponPrinter.Kind kind, Paper paper, Path file);
    }

    private final UiContext context;
    private final CampaignWizardModel model;
    private final Printer printer;

    CampaignWizardView(UiContext context, CampaignWizardModel model, Printer printer) {
        this.context = context;
        this.model = model;
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
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> context.text(
                "coupons.wizard.targetHint." + model.targetKindProperty().get().name().toLowerCase(Locale.ROOT)),
                model.targetKindProperty()));
        Label preview = new Label();
        preview.setId("wizard-preview");
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewTextProperty());
        GridPane form = form();
        form.addRow(0, new Label(context.text("coupons.wizard.targetKind")), kind);
        form.addRow(1, new Label(context.text("coupons.wizard.target")), new VBox(4, text, hint));
        form.addRow(2, new Label(context.text("coupons.wizard.skipDays")), field("wizard-skip-days",
                model.skipDaysProperty()));
        Button previewButton = button("wizard-preview-button", "coupons.wizard.previewButton", model::preview);
        previewButton.disableProperty().bind(model.busyProperty());
        return new VBox(14, form, new HBox(8, button("wizard-target-back", "coupons.wizard.back", model::back),
                previewButton, button("wizard-target-next", "coupons.wizard.next", model::targetNext)), preview);
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
        if (model.campaignProperty().get() == null) {
            return;
        }
        long id = model.campaignProperty().get().id();
        context.chooseOutputFile(context.text("coupons.print.list"), "coupons-" + id + ".pdf", "PDF", "*.pdf")
                .ifPresent(file -> printer.print(id, kind, model.paperProperty().get(), file).onSuccess(rows ->
                        model.resultProperty().set(context.text("coupons.print.done", rows, file.toString()))));
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

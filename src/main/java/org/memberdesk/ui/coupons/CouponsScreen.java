package org.memberdesk.ui.coupons;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignReports;
import org.memberdesk.coupons.CampaignResults;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponText;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.SystemPrint;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/**
 * 优惠券 Coupons: the campaigns with their results (funnel, treatment against control), the
 * campaign wizard, the counter's coupon field, and a member's coupons.
 */
public final class CouponsScreen implements Screen {
    private final UiContext context;
    private final CampaignsModel campaigns;
    private final CampaignWizardModel wizard;
    private final RedeemModel redeem;
    private TabPane tabs;

    public CouponsScreen(UiContext context) {
        this.context = context;
        this.campaigns = new CampaignsModel(context);
        this.wizard = new CampaignWizardModel(context, campaigns::load);
        this.redeem = new RedeemModel(context);
    }

    @Override
    public String id() {
        return "coupons";
    }

    @Override
    public String titleKey() {
        return "nav.coupons";
    }

    @Override
    public Ikon icon() {
        return Feather.GIFT;
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.coupons"));
        title.getStyleClass().add("title-2");
        tabs = new TabPane(
                tab("coupons-tab-campaigns", "coupons.tab.campaigns", campaignsPage()),
                tab("coupons-tab-wizard", "coupons.tab.wizard", new CampaignWizardView(context, wizard,
                        this::printFile).view()),
                tab("coupons-tab-templates", "coupons.tab.templates", templatesPage()),
                tab("coupons-tab-redeem", "coupons.tab.redeem", redeemPage()),
                tab("coupons-tab-member", "coupons.tab.member", memberPage()));
        tabs.setId("coupons-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox page = new VBox(12, title, tabs);
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        return page;
    }

    @Override
    public void shown() {
        campaigns.load();
    }

    /**
     * Starts a new campaign for members chosen elsewhere (a funnel step, a list): the wizard opens on
     * its first step with the target already filled in. Call after the screen is shown.
     */
    public void startCampaign(org.memberdesk.coupons.Target target) {
        wizard.reset();
        wizard.targetKindProperty().set(CampaignWizardModel.TargetKind.valueOf(target.kind().name()));
        wizard.targetTextProperty().set(target.value());
        if (tabs != null) {
            tabs.getTabs().stream().filter(t -> "coupons-tab-wizard".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
    }

    private static Tab tab(String id, String key, Node content, UiContext context) {
        Tab tab = new Tab(context.text(key), content);
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    private Tab tab(String id, String key, Node content) {
        return tab(id, key, content, context);
    }

    private Node campaignsPage() {
        Button create = new Button(context.text("coupons.campaigns.new"));
        create.setId("coupons-new");
        create.setOnAction(e -> {
            wizard.reset();
            selectTab(create, "coupons-tab-wizard");
        });
        ListView<Campaign> list = new ListView<>(campaigns.campaigns());
        list.setId("coupons-campaign-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Campaign item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "#" + item.id() + "  " + item.name() + "  · "
                        + (item.issued() ? context.text("coupons.campaigns.issuedOn", item.issuedAt().toLocalDate()
                        .toString()) : context.text("coupons.campaigns.notIssued")));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> campaigns.selectedProperty()
                .set(now));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, create, list);
        left.setMinWidth(240);

        GridPane figures = new GridPane();
        figures.setId("coupons-results");
        figures.setHgap(16);
        figures.setVgap(6);
        VBox chart = new VBox();
        chart.setMinHeight(240);
        VBox.setVgrow(chart, Priority.ALWAYS);
        campaigns.resultsProperty().addListener((obs, old, now) -> {
            figures.getChildren().clear();
            chart.getChildren().clear();
            if (now != null) {
                fillResults(figures, now);
                ChartViewer viewer = new ChartViewer(CampaignReports.funnelChart(now, context.messages()));
                viewer.setId("coupons-funnel");
                VBox.setVgrow(viewer, Priority.ALWAYS);
                chart.getChildren().add(viewer);
            }
        });
        Button issue = new Button(context.text("coupons.campaigns.issue"));
        issue.setId("coupons-issue");
        issue.setOnAction(e -> campaigns.issue());
        Button printList = new Button(context.text("coupons.print.list"));
        printList.setId("coupons-print-list");
        printList.setOnAction(e -> printSelected(CouponPrinter.Kind.LIST, false));
        Button printSlips = new Button(context.text("coupons.print.slips"));
        printSlips.setId("coupons-print-slips");
        printSlips.setOnAction(e -> printSelected(CouponPrinter.Kind.SLIPS, false));
        Button printDialog = new Button(context.text("coupons.print.dialog"));
        printDialog.setId("coupons-print-dialog");
        printDialog.setOnAction(e -> printSelected(CouponPrinter.Kind.LIST, true));
        Button export = new Button(context.text("coupons.campaigns.export"));
        export.setId("coupons-export");
        export.setOnAction(e -> context.chooseOutputFile(context.text("coupons.campaigns.export"),
                "campaign-results.csv", "CSV", "*.csv").ifPresent(campaigns::exportCsv));
        issue.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                campaigns.selectedProperty().get() == null || campaigns.selectedProperty().get().issued(),
                campaigns.selectedProperty()));
        for (Button button : new Button[] {printList, printSlips, printDialog, export}) {
            button.disableProperty().bind(campaigns.selectedProperty().isNull());
        }
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, issue, printList, printSlips,
                printDialog, export);
        Label message = new Label();
        message.setId("coupons-message");
        message.setWrapText(true);
        message.textProperty().bind(campaigns.messageProperty());
        VBox right = new VBox(12, actions, message, figures, chart);
        right.setPadding(new Insets(0, 0, 0, 12));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.3);
        return split;
    }

    private void fillResults(GridPane grid, CampaignResults r) {
        int row = 0;
        row = figure(grid, row, "targeted", Integer.toString(r.targeted()));
        row = figure(grid, row, "control", Integer.toString(r.control()));
        row = figure(grid, row, "issued", Integer.toString(r.issued()));
        row = figure(grid, row, "redeemed", Integer.toString(r.redeemed()));
        row = figure(grid, row, "rate", percent(r.redemptionRate()));
        row = figure(grid, row, "revenue", Money.display(r.revenueCents()));
        row = figure(grid, row, "share", percent(r.treatmentGroup().share()) + " / "
                + percent(r.controlGroup().share()));
        row = figure(grid, row, "spend", Money.display(r.treatmentGroup().spendPerMemberCents()) + " / "
                + Money.display(r.controlGroup().spendPerMemberCents()));
        figure(grid, row, "uplift", String.format("%+.1f pp · %s", r.upliftShare() * 100,
                Money.display(r.upliftSpendPerMemberCents())));
    }

    private int figure(GridPane grid, int row, String key, String value) {
        Label name = new Label(context.text("coupons.results." + key));
        name.getStyleClass().add("text-muted");
        Label figure = new Label(value);
        figure.setId("coupons-results-" + key);
        grid.addRow(row, name, figure);
        return row + 1;
    }

    private static String percent(double ratio) {
        return String.format("%.1f%%", ratio * 100);
    }

    /** Prints the chosen campaign to a PDF the person picks, or to a temporary PDF sent to the print dialog. */
    private void printSelected(CouponPrinter.Kind kind, boolean throughDialog) {
        Campaign chosen = campaigns.selectedProperty().get();
        if (chosen == null) {
            return;
        }
        Path file;
        if (throughDialog) {
            try {
                file = Files.createTempFile("memberdesk-coupons", ".pdf");
            } catch (java.io.IOException e) {
                context.dialogs().showError(e);
                return;
            }
        } else {
            file = context.chooseOutputFile(context.text("coupons.print.list"), "coupons-" + chosen.id()
                    + ".pdf", "PDF", "*.pdf").orElse(null);
            if (file == null) {
                return;
            }
        }
        BackgroundTask<Integer> task = printFile(chosen.id(), kind, Paper.A4, file);
        if (throughDialog) {
            task.onSuccess(rows -> context.tasks().execute(BackgroundTask.of(() ->
                    SystemPrint.print(file, chosen.name()))));
        }
    }

    /** Writes a campaign's PDF in the background, with a progress dialog that can cancel it. */
    BackgroundTask<Integer> printFile(long campaignId, CouponPrinter.Kind kind, Paper paper, Path file) {
        CouponPrinter printer = context.app().couponPrinter();
        BackgroundTask<Integer> task = BackgroundTask.of(progress -> printer.print(campaignId, kind, paper, file,
                context.messages(), progress));
        task.words((done, total, count) -> context.text("coupons.print.progress", done, total)).onSuccess(rows -> campaigns.messageProperty().set(context.text("coupons.print.done", rows,
                file.toString())));
        context.tasks().execute(task);
        context.dialogs().showProgress(context.text("coupons.print.list"), task);
        return task;
    }

    private Node templatesPage() {
        ListView<Coupon> list = new ListView<>(campaigns.templates());
        list.setId("coupons-template-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Coupon item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                String conditions = CouponText.conditions(item, context.messages());
                String validity = item.validity().days() != null
                        ? context.text("coupons.templates.days", item.validity().days())
                        : context.text("coupons.templates.until", item.validity().to().toString());
                setText(item.name() + "  ·  " + CouponText.describe(item, context.messages())
                        + (conditions.isEmpty() ? "" : "  ·  " + conditions) + "  ·  " + validity);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button use = new Button(context.text("coupons.templates.use"));
        use.setId("coupons-template-use");
        use.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(e -> {
            wizard.useTemplate(list.getSelectionModel().getSelectedItem());
            selectTab(use, "coupons-tab-wizard");
        });
        Label note = new Label(context.text("coupons.templates.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox page = new VBox(10, note, list, use);
        page.setPadding(new Insets(16));
        return page;
    }

    private Node redeemPage() {
        TextField member = field("coupons-redeem-member", redeem.memberProperty());
        TextField amount = field("coupons-redeem-amount", redeem.amountProperty());
        TextField item = field("coupons-redeem-item", redeem.itemProperty());
        item.setPromptText(org.memberdesk.coupons.CheckoutService.COUNTER_ITEM);
        TextField code = field("coupons-redeem-code", redeem.codeProperty());
        code.setPromptText(context.text("coupons.redeem.codePrompt"));
        code.setOnAction(e -> redeem.check());
        Button check = new Button(context.text("coupons.redeem.check"));
        check.setId("coupons-redeem-check");
        check.setOnAction(e -> redeem.check());
        Button record = new Button(context.text("coupons.redeem.record"));
        record.setId("coupons-redeem-record");
        record.getStyleClass().add("accent");
        record.setOnAction(e -> redeem.record());
        check.disableProperty().bind(redeem.busyProperty());
        record.disableProperty().bind(redeem.busyProperty());
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(context.text("coupons.redeem.member")), member);
        form.addRow(1, new Label(context.text("coupons.redeem.amount")), amount);
        form.addRow(2, new Label(context.text("coupons.redeem.item")), item);
        form.addRow(3, new Label(context.text("coupons.redeem.code")), code);
        Label message = new Label();
        message.setId("coupons-redeem-message");
        message.setWrapText(true);
        message.textProperty().bind(redeem.messageProperty());
        redeem.refusedProperty().addListener((obs, old, now) -> {
            message.getStyleClass().removeAll("danger", "success");
            message.getStyleClass().add(now ? "danger" : "success");
        });
        VBox page = new VBox(14, form, new HBox(8, check, record), message);
        page.setPadding(new Insets(16));
        return page;
    }

    private Node memberPage() {
        TextField member = field("coupons-member-field", campaigns.memberProperty());
        member.setPromptText(context.text("coupons.redeem.member"));
        Button find = new Button(context.text("coupons.member.find"));
        find.setId("coupons-member-find");
        find.setOnAction(e -> campaigns.findMemberCoupons());
        member.setOnAction(e -> campaigns.findMemberCoupons());
        TableView<IssuedCoupon> table = new TableView<>(campaigns.memberCoupons());
        table.setId("coupons-member-table");
        table.getColumns().add(column("coupons.member.code", c -> c.code()));
        table.getColumns().add(column("coupons.member.campaign", c -> "#" + c.campaignId()));
        table.getColumns().add(column("coupons.member.validTo", c -> c.validTo().toString()));
        table.getColumns().add(column("coupons.member.state", c -> context.text("coupons.state."
                + c.state(java.time.LocalDate.now(context.app().clock())).name().toLowerCase(java.util.Locale.ROOT))));
        table.getColumns().add(column("coupons.member.discount", c -> c.discountCents() == null ? ""
                : Money.display(c.discountCents())));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(10, new HBox(8, member, find), table);
        page.setPadding(new Insets(16));
        return page;
    }

    private TableColumn<IssuedCoupon, String> column(String key, java.util.function.Function<IssuedCoupon, String> value) {
        TableColumn<IssuedCoupon, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(130);
        return column;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        field.setPrefColumnCount(18);
        return field;
    }

    private static void selectTab(Node inside, String id) {
        Node node = inside;
        while (node != null && !(node instanceof TabPane)) {
            node = node.getParent();
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
    }
}

package org.memberdesk.ui.log;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.staff.Operation;
import org.memberdesk.ui.common.IsoDates;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.Screen;

/**
 * 操作日志 Operation log: who did what, when, to which member or object, before → after and why, newest first.
 * Filters by days, staff, action and member number; entries that move money (refunds, voids, manual adjustments,
 * stored value) are highlighted, with a legend. The owner exports what the filters select; anyone here can check
 * the hash chain (intact, or changed at entry N).
 */
public final class LogScreen implements Screen {
    static final String MONEY_ROW = "log-money-row";

    private final UiContext context;
    private final LogViewModel model;
    private boolean started;

    public LogScreen(UiContext context) {
        this.context = context;
        this.model = new LogViewModel(context.app().members(), context.app().staff(), context.app().session(),
                context.app().operationLog(), context.app().operationLogExport(), context.tasks(), context.messages());
    }

    @Override
    public String id() {
        return "log";
    }

    @Override
    public String titleKey() {
        return "nav.log";
    }

    @Override
    public Ikon icon() {
        return Feather.CLIPBOARD;
    }

    public LogViewModel model() {
        return model;
    }

    @Override
    public void shown() {
        if (!started) {
            started = true;
            model.start();
        } else {
            model.search();
        }
    }

    @Override
    public Node view() {
        BorderPane page = new BorderPane(table());
        page.setTop(new VBox(filters(), actions()));
        page.getStyleClass().add("page");
        return page;
    }

    private Node filters() {
        DatePicker from = IsoDates.picker();
        from.setId("log-from");
        from.setPromptText(context.text("members.joinedFrom"));
        from.setPrefWidth(125);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = IsoDates.picker();
        to.setId("log-to");
        to.setPromptText(context.text("members.joinedTo"));
        to.setPrefWidth(125);
        to.valueProperty().bindBidirectional(model.toProperty());
        ComboBox<String> staff = new ComboBox<>(model.staffNames());
        staff.setId("log-staff");
        staff.setEditable(true);
        staff.setPromptText(context.text("log.ui.allStaff"));
        staff.setPrefWidth(130);
        staff.valueProperty().bindBidirectional(model.staffProperty());
        staff.valueProperty().addListener((o, a, b) -> model.search());
        ComboBox<Operation> action = new ComboBox<>();
        action.setId("log-action");
        action.getItems().add(null);
        action.getItems().addAll(Operation.values());
        action.setPromptText(context.text("log.ui.allActions"));
        action.setPrefWidth(130);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(Operation operation) {
                return operation == null ? context.text("log.ui.allActions") : context.text(operation.textKey());
            }

            @Override
            public Operation fromString(String text) {
                return null;
            }
        });
        action.valueProperty().bindBidirectional(model.actionProperty());
        TextField member = new TextField();
        member.setId("log-member");
        member.setPromptText(context.text("log.ui.memberPrompt"));
        member.setPrefWidth(110);
        member.textProperty().bindBidirectional(model.memberNoProperty());
        member.setOnAction(e -> model.search());
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.setId("log-clear");
        clear.setTooltip(new javafx.scene.control.Tooltip(context.text("purchases.clear")));
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> {
            from.setValue(null);
            to.setValue(null);
            staff.setValue("");
            action.setValue(null);
            member.clear();
            model.search();
        });
        Label date = new Label(context.text("purchases.date"));
        date.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(date, from, new Label("–"), to, staff, action, member, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("screen-toolbar");
        return bar;
    }

    private Node actions() {
        Region swatch = new Region();
        swatch.getStyleClass().add("log-money-swatch");
        Label legend = new Label(context.text("log.ui.moneyLegend"), swatch);
        legend.setId("log-legend");
        legend.getStyleClass().add("text-muted");
        legend.setMinWidth(Region.USE_PREF_SIZE);
        legend.setTooltip(new javafx.scene.control.Tooltip(context.text("log.ui.moneyLegend.tip")));
        Label count = new Label();
        count.setId("log-count");
        count.getStyleClass().add("text-muted");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.matchingProperty().get() < 0
                ? context.text("members.counting") : model.statusProperty().get(),
                model.matchingProperty(), model.statusProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label verified = new Label();
        verified.setId("log-verified");
        verified.textProperty().bind(model.verifiedProperty());
        model.chainBrokenProperty().addListener((o, was, broken) -> {
            verified.getStyleClass().removeAll("log-broken", "log-intact");
            verified.getStyleClass().add(broken ? "log-broken" : "log-intact");
        });
        verified.getStyleClass().add("log-intact");
        Button verify = new Button(context.text("log.ui.verify"), new FontIcon(Feather.SHIELD));
        verify.setId("log-verify");
        verify.disableProperty().bind(model.busyProperty());
        verify.setOnAction(e -> model.verify());
        Label notice = new Label();
        notice.setId("log-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        verified.setWrapText(true);
        verify.setMinWidth(Region.USE_PREF_SIZE);
        // the owner's only: left out for anyone else
        Button export = new Button(context.text("log.ui.export"), new FontIcon(Feather.DOWNLOAD));
        export.setId("log-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.visibleProperty().bind(model.mayExportProperty());
        export.managedProperty().bind(model.mayExportProperty());
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(e -> context.chooseOutputFile(context.text("log.ui.export"), "operation-log.csv",
                context.text("log.ui.exportFiles"), "*.csv", "*.xlsx").ifPresent(model::export));
        HBox bar = new HBox(12, legend, count, spacer, verify, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("screen-toolbar");
        bar.setStyle("-fx-padding: 0 18 8 18;");
        // what the check and the export said, on a line of their own (long sentences), shown once there is one
        VBox results = new VBox(4, verified, notice);
        results.setStyle("-fx-padding: 0 18 8 18;");
        results.managedProperty().bind(results.visibleProperty());
        results.visibleProperty().bind(model.verifiedProperty().isNotEmpty().or(model.noticeProperty().isNotEmpty()));
        notice.managedProperty().bind(notice.visibleProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        verified.managedProperty().bind(verified.visibleProperty());
        verified.visibleProperty().bind(model.verifiedProperty().isNotEmpty());
        return new VBox(bar, results);
    }

    private Node table() {
        TableView<LogViewModel.Row> table = new TableView<>(model.rows());
        table.setId("log-table");
        table.setFixedCellSize(32);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LogViewModel.Row, String> time = column("log.column.time", 150, LogViewModel.Row::time);
        time.setMinWidth(150); // the whole time, seconds included: entries of the same minute tell apart
        table.getColumns().setAll(List.of(
                time,
                column("log.column.staff", 70, LogViewModel.Row::staff),
                column("log.column.action", 110, LogViewModel.Row::action),
                column("log.column.member", 95, LogViewModel.Row::member),
                column("log.column.subject", 75, LogViewModel.Row::subject),
                column("log.column.change", 220, LogViewModel.Row::change),
                column("log.column.reason", 140, LogViewModel.Row::reason)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LogViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(MONEY_ROW);
                if (!empty && row != null && row.money()) {
                    getStyleClass().add(MONEY_ROW);
                }
            }
        });
        Label placeholder = new Label(context.text("log.ui.empty"));
        placeholder.getStyleClass().add("text-muted");
        table.setPlaceholder(placeholder);
        return table;
    }

    private TableColumn<LogViewModel.Row, String> column(String key, double width,
                                                         Function<LogViewModel.Row, String> value) {
        TableColumn<LogViewModel.Row, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue() == null ? "" : value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 70));
        column.setSortable(false);
        return column;
    }
}

package org.memberdesk.ui.purchases;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.memberdesk.common.Money;
import org.memberdesk.sales.VoidedSale;
import org.memberdesk.ui.common.UiContext;

/** Under the purchases of one member: their voided sales, marked, with who voided them, when and why. */
final class VoidedSales {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UiContext context;
    private final ObservableList<VoidedSale> sales;

    VoidedSales(UiContext context, ObservableList<VoidedSale> sales) {
        this.context = context;
        this.sales = sales;
    }

    Node view() {
        Label title = new Label(context.text("purchases.voided.title"));
        title.getStyleClass().add("text-bold");
        TableView<VoidedSale> table = new TableView<>(sales);
        table.setId("purchases-voided");
        table.setPlaceholder(org.memberdesk.ui.common.Placeholders.of(context.text("purchases.voided.none")));
        table.setFixedCellSize(30);
        table.setPrefHeight(130);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("purchases.voided.mark", 80, sale -> context.text("purchases.voided.mark")),
                column("purchase.column.time", 130, sale -> sale.time().format(TIME)),
                column("purchases.column.number", 150, VoidedSale::purchaseNo),
                column("purchase.column.total", 100, sale -> Money.display(sale.totalCents())),
                column("purchases.voided.at", 130, sale -> sale.voidedAt().format(TIME)),
                column("purchases.voided.by", 100, sale -> sale.voidedBy() == null ? "" : sale.voidedBy()),
                column("purchases.voided.reason", 200, sale -> sale.reason() == null ? "" : sale.reason())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VoidedSale sale, boolean empty) {
                super.updateItem(sale, empty);
                getStyleClass().remove("voided-row");
                if (!empty && sale != null) {
                    getStyleClass().add("voided-row");
                }
            }
        });
        VBox box = new VBox(6, title, table);
        box.setId("purchases-voided-box");
        box.setStyle("-fx-padding: 10 18 14 18;");
        box.visibleProperty().bind(Bindings.isNotEmpty(sales));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TableColumn<VoidedSale, String> column(String key, double width, Function<VoidedSale, String> value) {
        TableColumn<VoidedSale, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue() == null ? "" : value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}

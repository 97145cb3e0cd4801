package org.memberdesk.ui.analytics;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.DashboardViewModel.StoreChoice;

/** The store picker's row on an Analytics tab: "Store" and a combo box; only in a chain (a single shop sees none). */
final class StorePickerRow {
    private StorePickerRow() {
    }

    /** The combo box gets {@code id}; a pick runs {@code picked} (the tab recomputes). */
    static HBox build(UiContext context, String id, ObservableList<StoreChoice> choices,
                      ObjectProperty<StoreChoice> store, ReadOnlyBooleanProperty chain, Runnable picked) {
        ComboBox<StoreChoice> box = new ComboBox<>(choices);
        box.setId(id);
        box.valueProperty().bindBidirectional(store);
        box.setOnAction(e -> picked.run());
        Label label = new Label(context.text("reports.store"));
        label.setLabelFor(box);
        HBox row = new HBox(6, label, box);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(chain);
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }
}

package org.memberdesk.ui.counter;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.UiContext;

/** The counter's figures around a sale: its price lines before saving, and what to read aloud after. */
final class SaleFigures {
    private final UiContext context;
    private final CounterViewModel model;

    SaleFigures(UiContext context, CounterViewModel model) {
        this.context = context;
        this.model = model;
    }

    /** Under the lines: the total at list price, the member's tier discount, the coupon (each when it applies). */
    Node priceLines() {
        Label list = new Label();
        list.setId("counter-list-total");
        list.textProperty().bind(Bindings.createStringBinding(() -> model.pricedProperty().get() == null
                || model.pricedProperty().get().listCents() == model.pricedProperty().get().paidCents() ? ""
                : context.text("counter.total") + "  " + Money.display(model.pricedProperty().get().listCents()),
                model.pricedProperty()));
        Label tier = new Label();
        tier.setId("counter-tier-line");
        tier.textProperty().bind(Bindings.createStringBinding(() ->
                SaleAnnouncement.tierLine(model.pricedProperty().get(), context.messages()), model.pricedProperty()));
        Label coupon = new Label();
        coupon.setId("counter-coupon-line");
        coupon.textProperty().bind(Bindings.createStringBinding(() ->
                SaleAnnouncement.couponLine(model.pricedProperty().get(), context.messages()), model.pricedProperty()));
        VBox lines = new VBox(2);
        for (Label line : List.of(list, tier, coupon)) {
            line.getStyleClass().add("price-line");
            line.visibleProperty().bind(line.textProperty().isNotEmpty());
            line.managedProperty().bind(line.visibleProperty());
            lines.getChildren().add(line);
        }
        return lines;
    }

    /** After a sale, large enough to read aloud: the points it earned, the balance, the way to the next tier. */
    Node announcement() {
        Label points = new Label();
        points.setId("counter-after-points");
        points.textProperty().bind(Bindings.createStringBinding(() -> model.announcementProperty().get() == null
                ? "" : model.announcementProperty().get().points(), model.announcementProperty()));
        Label next = new Label();
        next.setId("counter-after-next");
        next.textProperty().bind(Bindings.createStringBinding(() -> model.announcementProperty().get() == null
                ? "" : model.announcementProperty().get().progress(), model.announcementProperty()));
        VBox box = new VBox(4, points, next);
        box.setId("counter-announce");
        box.getStyleClass().add("counter-announce");
        box.visibleProperty().bind(model.announcementProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}

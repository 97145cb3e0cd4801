package org.memberdesk.ui.counter;

import java.util.function.Supplier;
import javafx.stage.Window;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.sales.ReturnDialog;
import org.memberdesk.ui.sales.VoidDialog;

/**
 * The counter's corrections of sales already saved: Return… ({@code Ctrl+R}) and Void… ({@code Ctrl+D}), in the
 * dialogs shared with the purchases screen; what they changed is shown on the counter afterwards.
 */
final class SaleCorrections {
    private final UiContext context;
    private final CounterViewModel model;
    private final Supplier<Window> owner;

    SaleCorrections(UiContext context, CounterViewModel model, Supplier<Window> owner) {
        this.context = context;
        this.model = model;
        this.owner = owner;
    }

    /** Return…: a past sale, found by its number or among the served member's sales. */
    void giveBack() {
        Member served = model.memberProperty().get();
        ReturnDialog dialog = new ReturnDialog(owner.get(), context, null,
                served == null ? null : served.memberNo());
        dialog.showAndWait().ifPresent(done -> model.changed(done.purchase().memberId(),
                context.text("counter.returned", done.purchase().purchaseNo(), done.saleNo(),
                        Money.display(done.refundCents())), null));
    }

    /** Void…: the last sale saved here (the number can be changed in the dialog). */
    void voidLast() {
        Purchase last = model.lastSaleProperty().get();
        if (last == null) {
            return;
        }
        VoidDialog dialog = new VoidDialog(owner.get(), context, last.purchaseNo(),
                last.memberId());
        if (dialog.showAndWait()) {
            String number = dialog.model().saleNoProperty().get().strip();
            model.changed(last.memberId(), context.text("counter.voided", number), number);
        }
    }
}

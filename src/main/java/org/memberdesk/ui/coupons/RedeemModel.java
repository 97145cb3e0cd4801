package org.memberdesk.ui.coupons;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.coupons.CouponCodes;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Priced;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberService;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The counter's coupon field: the member, the purchase amount and item, and the typed or scanned
 * code. "Check" shows the discount (nothing stored); "Record" stores the purchase with the coupon,
 * in one transaction. A refusal says exactly why.
 */
public final class RedeemModel {
    private final MemberService members;
    private final CounterSales counter;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final StringProperty member = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public RedeemModel(MemberService members, CounterSales counter, TaskExecutor tasks, Messages messages,
                       DataChanges changes) {
        this.members = members;
        this.counter = counter;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
    }

    /** input */
    public StringProperty memberProperty() {
        return member;
    }

    /** input */
    public StringProperty amountProperty() {
        return amount;
    }

    /** input */
    public StringProperty itemProperty() {
        return item;
    }

    /** input */
    public StringProperty codeProperty() {
        return code;
    }

    /** The discount and what remains to pay, what was recorded, or why the coupon was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void check() {
        run(false);
    }

    public void record() {
        run(true);
    }

    private void run(boolean store) {
        long cents;
        try {
            cents = Money.parseYuan(amount.get());
            if (cents <= 0) {
                throw new IllegalArgumentException("not above zero");
            }
        } catch (IllegalArgumentException e) {
            refuse(messages.get("coupons.redeem.badAmount", amount.get() == null ? "" : amount.get()));
            return;
        }
        String typedMember = member.get();
        String typedCode = code.get();
        String itemName = item.get() == null || item.get().isBlank() ? CheckoutService.COUNTER_ITEM : item.get().strip();
        List<PurchaseLine> lines = List.of(new PurchaseLine(itemName, 1, cents));
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            Member found = members.byNumberOrPhone(typedMember).orElseThrow(() ->
                    new IllegalArgumentException(messages.get("coupons.redeem.noMember", typedMember)));
            // the counter's own sale: the member's tier discount first, then the coupon on what is left
            if (!store) {
                Priced priced = counter.quote(found.id(), lines, typedCode);
                if (priced.couponRefused()) {
                    throw priced.couponRefusal().refused(CouponCodes.normalize(typedCode));
                }
                return messages.get("coupons.redeem.quote", Money.display(priced.couponDiscountCents()),
                        Money.display(priced.paidCents()));
            }
            CounterSales.Sale done = counter.sell(found.id(), lines, typedCode);
            changes.memberChanged(found.id());
            return messages.get("coupons.redeem.recorded", done.purchase().purchaseNo(),
                    Money.display(done.priced().couponDiscountCents()), Money.display(done.purchase().totalCents()));
        }).onSuccess(text -> {
            refused.set(false);
            message.set(text);
            if (store) {
                code.set("");
            }
        }).onFailure(e -> refuse(e instanceof IllegalArgumentException && !(e instanceof
                org.memberdesk.common.ValidationException) ? e.getMessage() : ErrorText.describe(e, messages)))
                .onFinished(() -> busy.set(false)));
    }

    private void refuse(String why) {
        refused.set(true);
        message.set(why);
    }
}

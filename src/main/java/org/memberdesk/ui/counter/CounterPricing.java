package org.memberdesk.ui.counter;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.CouponCodes;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Priced;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The counter's prices before saving: the lines as typed priced for the member ({@link CounterSales#quote}: the
 * tier discount, then the coupon once its code is checked), and the coupon's acceptance or exact refusal. Each
 * answer comes from the background; only the answer to the latest question is kept, so a slow answer never
 * shows prices for lines that were changed since.
 */
final class CounterPricing {
    private final CounterSales sales;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Priced> priced = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Priced> quote = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper couponMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper couponRefused = new ReadOnlyBooleanWrapper(false);
    private long latestQuote;
    private long latestPrice;

    CounterPricing(CounterSales sales, TaskExecutor tasks, Messages messages) {
        this.sales = sales;
        this.tasks = tasks;
        this.messages = messages;
    }

    ReadOnlyObjectProperty<Priced> pricedProperty() {
        return priced.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Priced> quoteProperty() {
        return quote.getReadOnlyProperty();
    }

    ReadOnlyStringProperty couponMessageProperty() {
        return couponMessage.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty couponRefusedProperty() {
        return couponRefused.getReadOnlyProperty();
    }

    /** Prices the lines for the member without a coupon (nothing to price: no figures). */
    void reprice(Member served, List<PurchaseLine> typed) {
        long mine = ++latestPrice;
        priced.set(null);
        if (served == null || typed.isEmpty()) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> sales.quote(served.id(), typed, null))
                .onSuccess(found -> {
                    if (mine == latestPrice) {
                        priced.set(found);
                    }
                }).onFailure(error -> { }));
    }

    /** Checks the code against the lines; stores nothing. {@code finished} runs when the answer is shown. */
    void check(Member served, String typedCode, List<PurchaseLine> typed, Runnable finished) {
        long mine = ++latestQuote;
        long priceAsked = ++latestPrice;
        tasks.execute(BackgroundTask.of(() -> sales.quote(served.id(), typed,
                        typedCode))
                .onSuccess(checked -> {
                    if (mine != latestQuote) {
                        return;
                    }
                    if (priceAsked == latestPrice) {
                        priced.set(checked);
                    }
                    if (checked.couponRefused()) {
                        refuse(checked.couponRefusal().refused(CouponCodes.normalize(typedCode)));
                    } else {
                        quote.set(checked);
                        couponRefused.set(false);
                        couponMessage.set(messages.get("coupons.redeem.quote",
                                Money.display(checked.couponDiscountCents()), Money.display(checked.paidCents())));
                    }
                }).onFailure(error -> {
                    if (mine == latestQuote) {
                        refuse(error);
                    }
                }).onFinished(finished));
    }

    /** The coupon cannot be used: say exactly why; the next Enter checks again. */
    void refuse(Throwable error) {
        quote.set(null);
        couponRefused.set(true);
        couponMessage.set(ErrorText.describe(error, messages));
    }

    /** Drops a checked coupon (or its refusal) once what it was checked against changes. */
    void forgetCoupon() {
        latestQuote++;
        quote.set(null);
        couponMessage.set("");
        couponRefused.set(false);
    }
}

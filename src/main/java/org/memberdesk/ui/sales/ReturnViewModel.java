package org.memberdesk.ui.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseQuery;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberService;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Refunds;
import org.memberdesk.sales.ReturnRefused;
import org.memberdesk.sales.ReturnedLine;
import org.memberdesk.sales.SoldLine;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.PointsBalance;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * A return at the counter: find the sale (its number, or the member's sales of a day), type how many of each
 * line come back (or All), a reason; the first Enter shows the refund, the second gives it back through
 * {@link CounterSales#giveBack} and shows what to tell the customer. Any change after the refund was shown asks
 * for it to be shown again, so what is confirmed is what is saved.
 */
public final class ReturnViewModel {
    /** Sales listed for a member or a day. */
    public static final int SALES = 30;

    /** Where the dialog is: finding the sale, typing quantities, confirming the refund, done. */
    public enum Step { FIND, ENTER, CONFIRM, DONE }

    /** One line of the sale with the quantity the cashier typed to take back. */
    public static final class Line {
        private final SoldLine sold;
        private final StringProperty quantity = new SimpleStringProperty("");

        Line(SoldLine sold) {
            this.sold = sold;
        }

        public SoldLine sold() {
            return sold;
        }

        public StringProperty quantityProperty() {
            return quantity;
        }
    }

    private final CounterSales counterSales;
    private final PurchaseService purchases;
    private final MemberService members;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final StringProperty saleNo = new SimpleStringProperty("");
    private final StringProperty member = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObservableList<PurchaseRow> sales = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CounterSales.Returnable> sale = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refund = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper receipt = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.FIND);
    private final ReadOnlyObjectWrapper<CounterSales.Returned> returned = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private long latestFind;

    public ReturnViewModel(CounterSales sales, PurchaseService purchases, MemberService members, TaskExecutor tasks,
                           Messages messages, DataChanges changes) {
        this.counterSales = sales;
        this.purchases = purchases;
        this.members = members;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        reason.addListener((obs, old, now) -> unconfirm());
    }

    /** The sale's purchase number, typed or scanned from the receipt. */
    public StringProperty saleNoProperty() {
        return saleNo;
    }

    /** A member number or phone, to list their sales. */
    public StringProperty memberProperty() {
        return member;
    }

    /** The day to list sales of (with or without a member); null: the latest. */
    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObservableList<PurchaseRow> sales() {
        return sales;
    }

    public ReadOnlyObjectProperty<CounterSales.Returnable> saleProperty() {
        return sale.getReadOnlyProperty();
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The refund for the quantities typed, shown before it is given ("Refund ¥12.00 …"). */
    public ReadOnlyStringProperty refundProperty() {
        return refund.getReadOnlyProperty();
    }

    /** After saving: what to tell the customer (the return's number, its sale, refund, points, balance). */
    public ReadOnlyStringProperty receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The return as stored; null until then. */
    public ReadOnlyObjectProperty<CounterSales.Returned> returnedProperty() {
        return returned.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Lists the sales of the typed member and/or day, newest first (returns are not listed: they are not sold). */
    public void findSales() {
        String typedMember = member.get() == null ? "" : member.get().strip();
        LocalDate day = date.get();
        long mine = ++latestFind;
        if (typedMember.isEmpty() && day == null) {
            sales.clear();
            return;
        }
        tasks.execute(BackgroundTask.of(() -> {
            Long memberId = null;
            if (!typedMember.isEmpty()) {
                Optional<Member> found = members.byNumberOrPhone(typedMember);
                if (found.isEmpty()) {
                    return null;
                }
                memberId = found.get().id();
            }
            List<PurchaseRow> rows = purchases.search(new PurchaseQuery(day, day, memberId, null),
                    0, SALES);
            return rows.stream().filter(row -> !row.isReturn()).toList();
        }).onSuccess(found -> {
            if (mine != latestFind) {
                return;
            }
            if (found == null) {
                sales.clear();
                problem.set(messages.get("purchases.member.unknown", typedMember));
            } else {
                sales.setAll(found);
                problem.set(found.isEmpty() ? messages.get("return.sales.none") : "");
            }
        }).onFailure(error -> problem.set(ErrorText.describe(error, messages))));
    }

    /** Takes a sale from the list. */
    public void choose(PurchaseRow row) {
        if (row != null) {
            saleNo.set(row.purchaseNo());
            load();
        }
    }

    /** Reads the sale with the typed number and its lines: what was bought, already returned and is left. */
    public void load() {
        String number = saleNo.get() == null ? "" : saleNo.get().strip();
        if (number.isEmpty()) {
            problem.set(messages.get("return.sale.missing"));
            return;
        }
        working.set(true);
        tasks.execute(BackgroundTask.of(() -> counterSales.returnable(number))
                .onSuccess(found -> {
                    List<Line> loaded = new ArrayList<>();
                    for (SoldLine line : found.lines()) {
                        Line typed = new Line(line);
                        typed.quantityProperty().addListener((obs, old, now) -> unconfirm());
                        loaded.add(typed);
                    }
                    lines.setAll(loaded);
                    sale.set(found);
                    problem.set(found.lines().stream().allMatch(l -> l.quantityLeft() == 0)
                            ? messages.get("sale.return.allReturned") : "");
                    refund.set("");
                    step.set(Step.ENTER);
                }).onFailure(error -> {
                    sale.set(null);
                    lines.clear();
                    step.set(Step.FIND);
                    problem.set(ErrorText.describe(error, messages));
                }).onFinished(() -> working.set(false)));
    }

    /** All that is left of every line comes back. */
    public void all() {
        for (Line line : lines) {
            line.quantityProperty().set(Integer.toString(line.sold().quantityLeft()));
        }
    }

    /**
     * The dialog's main button (Enter): with the quantities typed, shows the refund; once shown, gives it back.
     * Done: nothing more to do (the dialog closes).
     */
    public void next() {
        switch (step.get()) {
            case FIND -> load();
            case ENTER -> showRefund();
            case CONFIRM -> giveBack();
            case DONE -> { }
        }
    }

    private void showRefund() {
        CounterSales.Returnable current = sale.get();
        Optional<Map<Integer, Integer>> asked = asked();
        if (current == null || asked.isEmpty()) {
            return;
        }
        try {
            long cents = 0;
            int units = 0;
            for (ReturnedLine line : Refunds.lines(current.lines(), asked.get())) {
                cents = Math.addExact(cents, line.refundCents());
                units = Math.addExact(units, line.quantity());
            }
            refund.set(messages.get("return.refund", Money.display(cents), units, current.sale().purchaseNo()));
            problem.set("");
            step.set(Step.CONFIRM);
        } catch (ReturnRefused | ArithmeticException refused) {
            problem.set(ErrorText.describe(refused, messages));
        }
    }

    /** Line number → quantity for each line with a quantity typed; empty (the problem shown) when none or not a number. */
    private Optional<Map<Integer, Integer>> asked() {
        Map<Integer, Integer> asked = new LinkedHashMap<>();
        for (Line line : lines) {
            String typed = line.quantityProperty().get() == null ? "" : line.quantityProperty().get().strip();
            if (typed.isEmpty()) {
                continue;
            }
            int count;
            try {
                count = Integer.parseInt(typed);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0) {
                problem.set(messages.get("return.quantity.invalid", line.sold().lineNo(), line.sold().item()));
                return Optional.empty();
            }
            if (count > 0) {
                asked.put(line.sold().lineNo(), count);
            }
        }
        if (asked.isEmpty()) {
            problem.set(messages.get("return.nothing"));
            return Optional.empty();
        }
        return Optional.of(asked);
    }

    private void giveBack() {
        CounterSales.Returnable current = sale.get();
        Optional<Map<Integer, Integer>> asked = asked();
        if (current == null || asked.isEmpty() || working.get()) {
            return;
        }
        List<CounterSales.LineReturn> back = new ArrayList<>();
        asked.get().forEach((lineNo, count) -> back.add(new CounterSales.LineReturn(lineNo, count)));
        String saleNumber = current.sale().purchaseNo();
        String why = reason.get();
        working.set(true);
        tasks.execute(BackgroundTask.of(() -> counterSales.giveBack(saleNumber, back, why))
                .onSuccess(done -> {
                    returned.set(done);
                    receipt.set(messages.get("return.receipt", done.purchase().purchaseNo(), done.saleNo(),
                            Money.display(done.refundCents()), done.pointsTaken(),
                            PointsBalance.text(done.pointsBalance(), messages)));
                    problem.set("");
                    step.set(Step.DONE);
                    changes.memberChanged(done.purchase().memberId());
                }).onFailure(error -> {
                    problem.set(ErrorText.describe(error, messages));
                    step.set(Step.ENTER);
                }).onFinished(() -> working.set(false)));
    }

    /** A quantity or the reason changed after the refund was shown: show it again before giving it. */
    private void unconfirm() {
        if (step.get() == Step.CONFIRM) {
            step.set(Step.ENTER);
            refund.set("");
        }
    }
}

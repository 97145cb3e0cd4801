package org.memberdesk.ui.counter;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.CheckoutService;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * The counter: find the member, type the lines, save. Made for the keyboard: every step is one
 * field and Enter. The member card and its recent purchases are read again after each save, so
 * what staff see is what was stored.
 *
 * <p>A coupon code typed or scanned after the items is checked first (the discount and what remains
 * to pay are shown, nothing stored); the next Enter records the purchase through
 * {@link CheckoutService#redeem}, so the coupon is marked used in the same transaction. Any change to
 * the lines or the code forgets the check, so what is saved is always what was shown.
 */
public final class CounterViewModel {
    /** Matches listed while typing the member's phone, number or name. */
    public static final int MATCHES = 8;
    /** Recent purchases on the member card. */
    public static final int RECENT = 5;

    /** Where the keyboard should go next; the view moves the focus when this changes. */
    public enum Focus { LOOKUP, MATCHES, ITEM, AMOUNT, CODE }

    private final UiContext context;
    private final StringProperty lookup = new SimpleStringProperty("");
    private final ObservableList<Member> matches = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Member> member = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Purchase> recent = FXCollections.observableArrayList();
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("1");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObservableList<PurchaseLine> lines = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Focus> focus = new SimpleObjectProperty<>(Focus.LOOKUP);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> itemNames = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<CheckoutService.Quote> quote = new ReadOnlyObjectWrapper<>();
    private final StringProperty couponMessage = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper couponRefused = new ReadOnlyBooleanWrapper(false);
    private final LongBinding total;
    private final LongBinding pay;
    private long latestLookup;
    private long latestQuote;

    public CounterViewModel(UiContext context) {
        this.context = context;
        total = Bindings.createLongBinding(() -> lines.stream().mapToLong(PurchaseLine::amountCents).sum()
                + currentLineCents().orElse(0L), lines, amount);
        pay = Bindings.createLongBinding(() -> total.get() - (quote.get() == null ? 0 : quote.get().discountCents()),
                total, quote);
        lookup.addListener((obs, old, now) -> findAsTyped());
        InvalidationListener stale = obs -> forgetCoupon();
        for (javafx.beans.Observable typed : List.of(code, lines, item, quantity, amount)) {
            typed.addListener(stale);
        }
    }

    public StringProperty lookupProperty() {
        return lookup;
    }

    public ObservableList<Member> matches() {
        return matches;
    }

    public ReadOnlyObjectProperty<Member> memberProperty() {
        return member.getReadOnlyProperty();
    }

    public ObservableList<Purchase> recent() {
        return recent;
    }

    public StringProperty itemProperty() {
        return item;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObservableList<PurchaseLine> lines() {
        return lines;
    }

    /** The lines so far plus the line being typed, in cents. */
    public LongBinding totalCents() {
        return total;
    }

    /** What is left to pay: the total less the checked coupon's discount. */
    public LongBinding payCents() {
        return pay;
    }

    /** The typed or scanned coupon code; blank for a purchase without one. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The coupon accepted for the lines as they are now; null until checked, or after any change. */
    public ReadOnlyObjectProperty<CheckoutService.Quote> quoteProperty() {
        return quote.getReadOnlyProperty();
    }

    /** Next to the code: the discount and what remains to pay, or exactly why the coupon is refused. */
    public StringProperty couponMessageProperty() {
        return couponMessage;
    }

    public ReadOnlyBooleanProperty couponRefusedProperty() {
        return couponRefused.getReadOnlyProperty();
    }

    /** What is wrong with what was typed, in words; empty when nothing is. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** The last thing that happened ("saved P…, ¥88.00 for 王芳"). */
    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Focus> focusProperty() {
        return focus;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ObservableList<String> itemNames() {
        return itemNames;
    }

    /** Loads the item suggestions; called when the screen opens. */
    public void start() {
        context.tasks().execute(BackgroundTask.of(() -> context.app().purchases().itemNames())
                .onSuccess(itemNames::setAll));
    }

    private void findAsTyped() {
        String text = lookup.get() == null ? "" : lookup.get().strip();
        long mine = ++latestLookup;
        if (text.isEmpty()) {
            matches.clear();
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> context.app().members()
                .search(MemberQuery.all().withText(text), 0, MATCHES)).onSuccess(found -> {
                    if (mine == latestLookup) {
                        matches.setAll(found);
                    }
                }).onFailure(error -> { }));
    }

    /**
     * Enter in the lookup field: an exact member number or full phone wins; otherwise a single
     * match is taken; several matches hand the keyboard to the list; none says so.
     */
    public void lookupEntered() {
        String text = lookup.get() == null ? "" : lookup.get().strip();
        if (text.isEmpty()) {
            return;
        }
        long mine = ++latestLookup;
        context.tasks().execute(BackgroundTask.of(() -> {
            Optional<Member> exact = context.app().members().byNumberOrPhone(text);
            return exact.map(List::of).orElseGet(() ->
                    context.app().members().search(MemberQuery.all().withText(text), 0, MATCHES));
        }).onSuccess(found -> {
            if (mine != latestLookup) {
                return;
            }
            matches.setAll(found);
            if (found.size() == 1) {
                choose(found.get(0));
            } else if (found.isEmpty()) {
                problem.set(context.text("counter.member.notFound", text));
            } else {
                problem.set("");
                focus.set(Focus.MATCHES);
            }
        }));
    }

    /** Serves this member: the card shows them and the keyboard goes to the first item. */
    public void choose(Member chosen) {
        member.set(chosen);
        matches.clear();
        code.set("");
        problem.set("");
        status.set("");
        loadRecent(chosen.id());
        focus.set(null);
        focus.set(Focus.ITEM);
    }

    private void loadRecent(long memberId) {
        context.tasks().execute(BackgroundTask.of(() -> context.app().purchases().history(memberId, RECENT))
                .onSuccess(found -> {
                    if (member.get() != null && member.get().id() == memberId) {
                        recent.setAll(found);
                    }
                }));
    }

    /** Enter in the item field: to the amount, or, on an empty item with lines typed, save. */
    public void itemEntered() {
        if (isBlank(item.get()) && isBlank(amount.get()) && !lines.isEmpty()) {
            save();
        } else {
            focus.set(null);
            focus.set(Focus.AMOUNT);
        }
    }

    /** Adds the typed line to the purchase; false (with the problem shown) when it is not valid. */
    public boolean addLine() {
        Optional<PurchaseLine> line = currentLine(true);
        if (line.isEmpty()) {
            return false;
        }
        lines.add(line.get());
        item.set("");
        quantity.set("1");
        amount.set("");
        problem.set("");
        focus.set(null);
        focus.set(Focus.ITEM);
        return true;
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    /** Saves the purchase (the line being typed included) in one transaction. */
    public void save() {
        if (saving.get()) {
            return;
        }
        Member served = member.get();
        if (served == null) {
            problem.set(context.text("counter.member.missing"));
            focus.set(null);
            focus.set(Focus.LOOKUP);
            return;
        }
        if (!isBlank(item.get()) || !isBlank(amount.get())) {
            if (!addLine()) {
                return;
            }
        }
        if (lines.isEmpty()) {
            problem.set(context.text("counter.lines.missing"));
            return;
        }
        List<PurchaseLine> typed = new ArrayList<>(lines);
        String typedCode = code.get() == null ? "" : code.get().strip();
        if (!typedCode.isEmpty()) {
            if (quote.get() == null) {
                checkCoupon(served, typedCode, typed);
            } else {
                redeem(served, typedCode, typed);
            }
            return;
        }
        PurchaseDraft draft = new PurchaseDraft(null, served.id(),
                LocalDateTime.now(context.app().clock()).truncatedTo(ChronoUnit.SECONDS), typed, null);
        saving.set(true);
        context.tasks().execute(BackgroundTask.of(() -> {
            Purchase stored = context.app().purchases().record(draft, false);
            Member after = context.app().members().byId(served.id()).orElse(served);
            return new Saved(stored, after, null, 0);
        }).onSuccess(saved -> {
            String done = context.text("counter.saved", saved.purchase().purchaseNo(),
                    Money.display(saved.purchase().totalCents()), saved.member().name());
            String tierAfter = saved.member().tier();
            // the growth system may have moved the member up in the same transaction: say so at the till
            if (tierAfter != null && !tierAfter.equals(served.tier())) {
                done = done + "  " + context.text("counter.upgraded", saved.member().name(), tierAfter);
            }
            status.set(done);
            afterSave(saved);
        }).onFailure(error -> problem.set(ErrorText.describe(error, context.messages())))
                .onFinished(() -> saving.set(false)));
    }

    /** Checks the code against the lines; stores nothing. The view shows the discount or the reason. */
    private void checkCoupon(Member served, String typedCode, List<PurchaseLine> typed) {
        long mine = ++latestQuote;
        saving.set(true);
        problem.set("");
        context.tasks().execute(BackgroundTask.of(() -> context.app().checkout().quote(typedCode, served.id(), typed))
                .onSuccess(accepted -> {
                    if (mine == latestQuote) {
                        quote.set(accepted);
                        couponRefused.set(false);
                        couponMessage.set(context.text("coupons.redeem.quote", Money.display(accepted.discountCents()),
                                Money.display(accepted.payCents())));
                    }
                }).onFailure(error -> {
                    if (mine == latestQuote) {
                        refuse(error);
                    }
                }).onFinished(() -> {
                    saving.set(false);
                    focus.set(null);
                    focus.set(Focus.CODE);
                }));
    }

    /** Records the purchase with the checked coupon: one transaction, or nothing stored and the reason shown. */
    private void redeem(Member served, String typedCode, List<PurchaseLine> typed) {
        saving.set(true);
        context.tasks().execute(BackgroundTask.of(() -> {
            CheckoutService.Redemption done = context.app().checkout().redeem(typedCode, served.id(), typed);
            Member after = context.app().members().byId(served.id()).orElse(served);
            return new Saved(done.purchase(), after, done.code(), done.discountCents());
        }).onSuccess(saved -> {
            status.set(context.text("counter.coupon.saved", saved.purchase().purchaseNo(),
                    Money.display(saved.purchase().totalCents()), saved.member().name(), saved.code(),
                    Money.display(saved.discountCents())));
            code.set("");
            afterSave(saved);
        }).onFailure(error -> {
            // whatever was checked no longer holds (used meanwhile, expired at midnight): check again
            quote.set(null);
            refuse(error);
            focus.set(null);
            focus.set(Focus.CODE);
        }).onFinished(() -> saving.set(false)));
    }

    private void refuse(Throwable error) {
        quote.set(null);
        couponRefused.set(true);
        couponMessage.set(ErrorText.describe(error, context.messages()));
    }

    /** Drops a checked coupon (or its refusal) once what it was checked against changes. */
    private void forgetCoupon() {
        latestQuote++;
        quote.set(null);
        couponMessage.set("");
        couponRefused.set(false);
    }

    private void afterSave(Saved saved) {
        lines.clear();
        problem.set("");
        member.set(saved.member());
        loadRecent(saved.member().id());
        context.changes().memberChanged(saved.member().id());
        // ready for the next customer: the lookup field, its text selected
        focus.set(null);
        focus.set(Focus.LOOKUP);
    }

    private record Saved(Purchase purchase, Member member, String code, long discountCents) {
    }

    /** Esc: start over for the next customer. */
    public void clear() {
        member.set(null);
        recent.clear();
        lines.clear();
        item.set("");
        quantity.set("1");
        amount.set("");
        code.set("");
        problem.set("");
        lookup.set("");
        focus.set(null);
        focus.set(Focus.LOOKUP);
    }

    /** A member was added on the spot: serve them. */
    public void added(Member created) {
        lookup.set(created.memberNo());
        choose(created);
    }

    private Optional<Long> currentLineCents() {
        try {
            return isBlank(amount.get()) ? Optional.empty() : Optional.of(Money.parseYuan(amount.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<PurchaseLine> currentLine(boolean report) {
        String name = item.get() == null ? "" : item.get().strip();
        if (name.isEmpty()) {
            return fail(report, "counter.item.missing", Focus.ITEM);
        }
        int count;
        try {
            count = Integer.parseInt(quantity.get() == null || quantity.get().isBlank() ? "1" : quantity.get().strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            return fail(report, "counter.quantity.invalid", Focus.ITEM);
        }
        long cents;
        try {
            cents = Money.parseYuan(amount.get());
        } catch (IllegalArgumentException e) {
            return fail(report, "counter.amount.invalid", Focus.AMOUNT);
        }
        if (cents <= 0) {
            return fail(report, "counter.amount.invalid", Focus.AMOUNT);
        }
        return Optional.of(new PurchaseLine(name, count, cents));
    }

    private Optional<PurchaseLine> fail(boolean report, String key, Focus where) {
        if (report) {
            problem.set(context.text(key));
            focus.set(null);
            focus.set(where);
        }
        return Optional.empty();
    }

    /** A phone number typed in the lookup, to pre-fill a new member; empty otherwise. */
    public String typedPhone() {
        String text = lookup.get() == null ? "" : lookup.get().strip();
        return org.memberdesk.members.Phones.normalize(text).orElse("");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

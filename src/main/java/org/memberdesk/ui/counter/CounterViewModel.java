package org.memberdesk.ui.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.CouponCodes;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.Priced;
import org.memberdesk.tiers.TierProgress;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The counter: find the member, type the lines, save. Made for the keyboard: every step is one
 * field and Enter. The member card and its recent purchases are read again after each save, so
 * what staff see is what was stored.
 *
 * <p>While the lines are typed they are priced for the member in the background ({@link CounterSales#quote}):
 * the tier discount shows as its own line and the big figure is what the customer pays. A coupon code typed
 * or scanned after the items is checked first (its discount and what remains to pay are shown, nothing
 * stored); the next Enter records the sale through {@link CounterSales#sell}, the coupon marked used in the
 * same transaction. Any change to the lines or the code forgets the check, so what is saved is what was
 * shown. After saving, the points earned, the new balance and the tier progress are shown to be read aloud.
 */
public final class CounterViewModel {
    /** Matches listed while typing the member's phone, number or name. */
    public static final int MATCHES = 8;
    /** Recent purchases on the member card. */
    public static final int RECENT = 5;

    /** Where the keyboard should go next; the view moves the focus when this changes. */
    public enum Focus { LOOKUP, MATCHES, ITEM, AMOUNT, CODE }

    private final CounterServices services;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final MemberLookup lookup;
    private final ReadOnlyObjectWrapper<Member> member = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Purchase> recent = FXCollections.observableArrayList();
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("1");
    private final StringProperty amount = new SimpleStringProperty("");
    private final ObservableList<PurchaseLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Focus> focus = new ReadOnlyObjectWrapper<>(Focus.LOOKUP);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> itemNames = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty("");
    private final CounterPricing pricing;
    private final ReadOnlyObjectWrapper<Purchase> lastSale = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SaleAnnouncement> announcement = new ReadOnlyObjectWrapper<>();
    private final LongBinding total;
    private final LongBinding pay;
    private final CounterCards cards;
    private final CheckInViewModel checkIn;
    /** Esc was pressed with a member or a sale loaded: the counter asks before it puts them away. */
    private final ReadOnlyBooleanWrapper confirmingClear = new ReadOnlyBooleanWrapper(false);

    public CounterViewModel(CounterServices services, TaskExecutor tasks, Messages messages, DataChanges changes) {
        this.services = services;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.pricing = new CounterPricing(services.sales(), tasks, messages);
        this.lookup = new MemberLookup(services.members(), tasks);
        total = Bindings.createLongBinding(() -> lines.stream().mapToLong(PurchaseLine::amountCents).sum()
                + TypedLine.cents(amount.get()), lines, amount);
        pay = Bindings.createLongBinding(() -> pricing.pricedProperty().get() == null ? total.get()
                : pricing.pricedProperty().get().paidCents(), total, pricing.pricedProperty());
        InvalidationListener stale = obs -> {
            pricing.forgetCoupon();
            List<PurchaseLine> typed = new ArrayList<>(lines);
            currentLine(false).ifPresent(typed::add);
            pricing.reprice(member.get(), typed);
        };
        for (javafx.beans.Observable typed : List.of(code, lines, item, quantity, amount, member)) {
            typed.addListener(stale);
        }
        cards = new CounterCards(services.cards(), services.clock(), tasks, messages, member.getReadOnlyProperty(),
                pay);
        checkIn = new CheckInViewModel(services.checkIns(), services.photos(), tasks, messages, changes,
                this::cardsMoved);
    }

    public StringProperty lookupProperty() {
        return lookup.textProperty();
    }

    public ObservableList<Member> matches() {
        return lookup.matches();
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

    /** What is left to pay: the total less the member's tier discount and the checked coupon's discount. */
    public LongBinding payCents() {
        return pay;
    }

    /** The typed or scanned coupon code; blank for a purchase without one. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The sale priced with the coupon accepted for the lines as they are now; null until checked, or after any change. */
    public ReadOnlyObjectProperty<Priced> quoteProperty() {
        return pricing.quoteProperty();
    }

    /** The lines as typed, priced for the member (tier discount, and the checked coupon); null while unknown. */
    public ReadOnlyObjectProperty<Priced> pricedProperty() {
        return pricing.pricedProperty();
    }

    /** The last sale saved at this counter (what Void… offers); null before the first. */
    public ReadOnlyObjectProperty<Purchase> lastSaleProperty() {
        return lastSale.getReadOnlyProperty();
    }

    /** After a sale: the points earned, the balance and the tier progress to read aloud; null otherwise. */
    public ReadOnlyObjectProperty<SaleAnnouncement> announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    /** Next to the code: the discount and what remains to pay, or exactly why the coupon is refused. */
    public ReadOnlyStringProperty couponMessageProperty() {
        return pricing.couponMessageProperty();
    }

    public ReadOnlyBooleanProperty couponRefusedProperty() {
        return pricing.couponRefusedProperty();
    }

    /** What is wrong with what was typed, in words; empty when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last thing that happened ("saved P…, ¥88.00 for 王芳"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Focus> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** A card action asked for with nobody served: say so, and the keyboard goes to the lookup. */
    public void memberMissing() {
        problem.set(messages.get("counter.member.missing"));
        focus.set(null);
        focus.set(Focus.LOOKUP);
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ObservableList<String> itemNames() {
        return itemNames;
    }

    /** The served member's cards, and how this sale is paid (what stored value takes of it, shown before saving). */
    public CounterCards cards() {
        return cards;
    }

    /** The check-in field and its result, on the same screen. */
    public CheckInViewModel checkIn() {
        return checkIn;
    }

    /** Loads the item suggestions; called when the screen opens. */
    public void start() {
        tasks.execute(BackgroundTask.of(() -> services.purchases().itemNames())
                .onSuccess(itemNames::setAll));
    }

    /**
     * Enter in the lookup field: an exact member number or full phone wins; otherwise a single
     * match is taken; several matches hand the keyboard to the list; none says so.
     */
    public void lookupEntered() {
        String text = lookup.typed();
        lookup.entered(found -> {
            if (found.size() == 1) {
                choose(found.get(0));
            } else if (found.isEmpty()) {
                problem.set(messages.get("counter.member.notFound", text));
            } else {
                problem.set("");
                focus.set(Focus.MATCHES);
            }
        });
    }

    /** Serves this member: the card shows them and the keyboard goes to the first item. */
    public void choose(Member chosen) {
        confirmingClear.set(false);
        announcement.set(null);
        member.set(chosen);
        lookup.matches().clear();
        code.set("");
        problem.set("");
        status.set("");
        recent.clear();
        loadRecent(chosen.id());
        focus.set(null);
        focus.set(Focus.ITEM);
    }

    private void loadRecent(long memberId) {
        cards.load(memberId);
        tasks.execute(BackgroundTask.of(() -> services.purchases().history(memberId, RECENT))
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
            problem.set(messages.get("counter.member.missing"));
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
            problem.set(messages.get("counter.lines.missing"));
            return;
        }
        List<PurchaseLine> typed = new ArrayList<>(lines);
        String typedCode = code.get() == null ? "" : code.get().strip();
        if (!typedCode.isEmpty()) {
            if (pricing.quoteProperty().get() == null) {
                saving.set(true);
                problem.set("");
                pricing.check(served, typedCode, typed, () -> {
                    saving.set(false);
                    focus.set(null);
                    focus.set(Focus.CODE);
                });
            } else {
                sell(served, typedCode, typed);
            }
            return;
        }
        sell(served, null, typed);
    }

    /**
     * Records the sale (with the checked coupon, when a code is given): one transaction, or nothing stored and
     * the reason shown. Reads back the member and their tier progress for what is said at the till.
     */
    private void sell(Member served, String typedCode, List<PurchaseLine> typed) {
        saving.set(true);
        org.memberdesk.cards.Pay chosenPay = cards.payProperty().get();
        tasks.execute(BackgroundTask.of(() -> {
            CounterSales.Sale sale = services.sales().sell(served.id(), typed, typedCode, chosenPay);
            Member after = services.members().byId(served.id()).orElse(served);
            TierProgress progress = services.tiers().progress(served.id());
            return new Saved(sale, after, progress);
        }).onSuccess(saved -> {
            Purchase stored = saved.sale().purchase();
            String done = typedCode == null
                    ? messages.get("counter.saved", stored.purchaseNo(), Money.display(stored.totalCents()),
                            saved.member().name())
                    : messages.get("counter.coupon.saved", stored.purchaseNo(), Money.display(stored.totalCents()),
                            saved.member().name(), CouponCodes.normalize(typedCode),
                            Money.display(saved.sale().priced().couponDiscountCents()));
            String tierAfter = saved.member().tier();
            // the growth system may have moved the member up in the same transaction: say so at the till
            if (tierAfter != null && !tierAfter.equals(served.tier())) {
                done = done + "  " + messages.get("counter.upgraded", saved.member().name(), tierAfter);
            }
            String fromCard = cards.paid(saved.sale().payment());
            status.set(fromCard.isEmpty() ? done : done + "  " + fromCard);
            code.set("");
            afterSave(saved);
        }).onFailure(error -> {
            if (typedCode == null) {
                problem.set(ErrorText.describe(error, messages));
                return;
            }
            // whatever was checked no longer holds (used meanwhile, expired at midnight): check again
            pricing.refuse(error);
            focus.set(null);
            focus.set(Focus.CODE);
        }).onFinished(() -> saving.set(false)));
    }

    private void afterSave(Saved saved) {
        lines.clear();
        problem.set("");
        member.set(saved.member());
        lastSale.set(saved.sale().purchase());
        cards.reset();
        announcement.set(SaleAnnouncement.of(saved.sale(), saved.progress(), messages));
        loadRecent(saved.member().id());
        changes.memberChanged(saved.member().id());
        // ready for the next customer: the lookup field, its text selected
        focus.set(null);
        focus.set(Focus.LOOKUP);
    }

    private record Saved(CounterSales.Sale sale, Member member, TierProgress progress) {
    }

    /**
     * A return or void made from the counter changed this member: show it, and read the card and recent
     * purchases again (the last sale is forgotten once voided).
     */
    public void changed(long memberId, String message, String voidedSaleNo) {
        if (voidedSaleNo != null && lastSale.get() != null && lastSale.get().purchaseNo().equals(voidedSaleNo)) {
            lastSale.set(null);
        }
        announcement.set(null);
        status.set(message);
        problem.set("");
        changes.memberChanged(memberId);
        Member served = member.get();
        if (served == null || served.id() != memberId) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> services.members().byId(memberId))
                .onSuccess(found -> found.ifPresent(after -> {
                    if (member.get() != null && member.get().id() == memberId) {
                        member.set(after);
                        loadRecent(memberId);
                    }
                })));
    }

    /** A card of this member moved (sold, topped up, checked in): show it, and read the member and cards again. */
    public void cardsMoved(long memberId, String message, SaleAnnouncement said) {
        changed(memberId, message, null);
        announcement.set(said);
    }

    private void cardsMoved(long memberId) {
        Member served = member.get();
        if (served != null && served.id() == memberId) {
            cards.load(memberId);
        }
    }

    /** Whether "start over?" is asked (Enter: yes, Esc: no). */
    public ReadOnlyBooleanProperty confirmingClearProperty() {
        return confirmingClear.getReadOnlyProperty();
    }

    /**
     * Esc: with a member served or something typed for the sale, asks first (a customer put away by a stray Esc
     * would have their sale typed again); with nothing loaded, empties the lookup at once. Esc again while asked:
     * no, everything stays.
     */
    public void escape() {
        if (confirmingClear.get()) {
            confirmingClear.set(false);
        } else if (member.get() == null && !unsaved()) {
            clear();
        } else {
            confirmingClear.set(true);
        }
    }

    /** Enter while "start over?" is asked: yes. */
    public void confirmClear() {
        clear();
    }

    /**
     * The counter is entered again from another screen: it starts clean for the next customer (no member, nothing
     * typed, the keyboard in the lookup) — unless a sale was typed and not saved: that one is kept with its member
     * and said in red, so it is neither lost silently nor booked unnoticed (Enter saves it, Esc starts over).
     */
    public void entered() {
        confirmingClear.set(false);
        if (!unsaved()) {
            clear();
            return;
        }
        sayUnsaved();
        focus.set(null);
        focus.set(Focus.ITEM);
    }

    /**
     * A member chosen on another screen to serve (the members screen's "record purchase"): served, unless a sale
     * typed for someone else is not saved yet — that one is kept and said, and nothing is booked to the wrong member.
     */
    public void serve(Member chosen) {
        confirmingClear.set(false);
        Member served = member.get();
        if (unsaved() && (served == null || served.id() != chosen.id())) {
            sayUnsaved();
            focus.set(null);
            focus.set(Focus.ITEM);
            return;
        }
        lookup.textProperty().set(chosen.memberNo());
        choose(chosen);
    }

    /** Lines added, or an item or amount typed, and not saved. */
    public boolean unsaved() {
        return !lines.isEmpty() || !isBlank(item.get()) || !isBlank(amount.get());
    }

    private void sayUnsaved() {
        Member served = member.get();
        int items = lines.size() + (currentLine(false).isPresent() ? 1 : 0);
        String money = Money.display(total.get());
        problem.set(served == null ? messages.get("counter.unsaved.noMember", items, money)
                : messages.get("counter.unsaved", items, money, served.name()));
    }

    /** Esc (then Enter): start over for the next customer. */
    public void clear() {
        confirmingClear.set(false);
        announcement.set(null);
        member.set(null);
        recent.clear();
        cards.clear();
        lines.clear();
        item.set("");
        quantity.set("1");
        amount.set("");
        code.set("");
        problem.set("");
        status.set("");
        lookup.textProperty().set("");
        focus.set(null);
        focus.set(Focus.LOOKUP);
    }

    /** A member was added on the spot: serve them. */
    public void added(Member created) {
        lookup.textProperty().set(created.memberNo());
        choose(created);
    }

    /** The line being typed, or empty; {@code report}: say what is wrong with it and go to that field. */
    private Optional<PurchaseLine> currentLine(boolean report) {
        TypedLine typed = TypedLine.read(item.get(), quantity.get(), amount.get());
        if (typed.line() == null && report) {
            problem.set(messages.get(typed.problemKey()));
            focus.set(null);
            focus.set(typed.focus());
        }
        return Optional.ofNullable(typed.line());
    }

    /** A phone number typed in the lookup, to pre-fill a new member; empty otherwise. */
    public String typedPhone() {
        return lookup.typedPhone();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

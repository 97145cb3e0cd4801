package org.memberdesk.ui.counter;

import org.memberdesk.points.PointsService;
import org.memberdesk.members.MemberService;
import java.time.Clock;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DataChanges;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.points.PointsEntry;
import org.memberdesk.tiers.TierService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.PointsBalance;

/**
 * 售卡 Sell a card to the member being served: the products on sale, how to pay, and before saving what it costs
 * ({@code CardService.quote}: the price, a tier discount when the product allows one, the stored-value parts) and
 * the days it covers (a pass bought while another is valid starts the day after it ends). Selling a session card
 * or a pass is a purchase, so the points it earned are said afterwards like a sale's.
 */
public final class CardSaleViewModel {
    /**
     * What to say once sold: the card and its dates or balance, then the points and the way to the next tier, as
     * after a sale (both empty for stored value, which is not a purchase).
     */
    public record Sold(CardService.Sold sold, String card, String points, String progress) {
    }

    private final CardService cards;
    private final PointsService points;
    private final MemberService members;
    private final TierService tiers;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final Member member;
    private final List<Card> held;
    private final boolean storedValueOnly;
    private final ObservableList<CardProduct> products = FXCollections.observableArrayList();
    private final ObservableList<CardProduct> shownProducts = FXCollections.unmodifiableObservableList(products);
    private final ObjectProperty<CardProduct> product = new SimpleObjectProperty<>();
    private final ObservableList<Pay> pays = FXCollections.observableArrayList();
    private final ObjectProperty<Pay> pay = new SimpleObjectProperty<>(Pay.CASH);
    private final ReadOnlyStringWrapper quote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Sold> sold = new ReadOnlyObjectWrapper<>();
    private long latest;

    /**
     * @param held            the member's cards that still count (for the dates a renewal starts on)
     * @param storedValueOnly only stored-value packages (the member has no stored-value card to top up)
     */
    public CardSaleViewModel(CardService cards, PointsService points, MemberService members, TierService tiers,
                             Clock clock, TaskExecutor tasks, Messages messages, DataChanges changes, Member member,
                             List<Card> held, boolean storedValueOnly) {
        this.cards = cards;
        this.points = points;
        this.members = members;
        this.tiers = tiers;
        this.clock = clock;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.member = member;
        this.held = List.copyOf(held);
        this.storedValueOnly = storedValueOnly;
        product.addListener((obs, old, now) -> {
            List<Pay> allowed = now != null && now.kind() == CardKind.STORED_VALUE
                    ? CardWords.MONEY.stream().map(method -> new Pay(method, null)).toList() : CardWords.SALE_PAYS;
            Pay before = pay.get();
            pays.setAll(allowed);
            pay.set(allowed.contains(before) ? before : Pay.CASH);
            requote();
        });
        pay.addListener((obs, old, now) -> requote());
    }

    public Member member() {
        return member;
    }

    public ObservableList<CardProduct> products() {
        return shownProducts;
    }

    public ObjectProperty<CardProduct> productProperty() {
        return product;
    }

    public ObservableList<Pay> pays() {
        return pays;
    }

    public ObjectProperty<Pay> payProperty() {
        return pay;
    }

    /** What the chosen card costs and covers, before saving; empty until known. */
    public ReadOnlyStringProperty quoteProperty() {
        return quote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sold> soldProperty() {
        return sold.getReadOnlyProperty();
    }

    /**
     * Reads the products this computer sells (the service's rule: on sale, and for every store or this one); the
     * first is chosen.
     */
    public void start() {
        tasks.execute(BackgroundTask.of(cards::productsSoldHere).onSuccess(found -> {
            products.setAll(found.stream()
                    .filter(p -> !storedValueOnly || p.kind() == CardKind.STORED_VALUE).toList());
            if (products.isEmpty()) {
                problem.set(messages.get("cardsale.none"));
            } else {
                product.set(products.get(0));
            }
        }));
    }

    private void requote() {
        long mine = ++latest;
        quote.set("");
        problem.set("");
        CardProduct chosen = product.get();
        Pay how = pay.get();
        if (chosen == null || how == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> cards.quote(member.id(), chosen.id(), how))
                .onSuccess(found -> {
                    if (mine == latest) {
                        quote.set(describe(found));
                    }
                }).onFailure(error -> {
                    if (mine == latest) {
                        problem.set(ErrorText.describe(error, messages));
                    }
                }));
    }

    private String describe(CardService.Quote found) {
        CardProduct chosen = found.product();
        String covers;
        if (chosen.kind() == CardKind.STORED_VALUE) {
            covers = messages.get("cardsale.quote.storedValue", Money.display(chosen.priceCents()),
                    Money.display(Math.addExact(chosen.priceCents(), chosen.bonusCents())),
                    Money.display(chosen.bonusCents()));
        } else {
            LocalDate from = startDay(chosen);
            LocalDate to = from.plusDays(chosen.days() - 1L);
            covers = chosen.kind() == CardKind.SESSIONS
                    ? messages.get("cardsale.quote.sessions", chosen.sessions(), from.toString(), to.toString())
                    : messages.get("cardsale.quote.period", chosen.days(), from.toString(), to.toString());
        }
        String due = found.dueCents() == found.priceCents()
                ? messages.get("cardsale.quote.due", Money.display(found.dueCents()))
                : messages.get("cardsale.quote.discounted", Money.display(found.dueCents()),
                Money.display(found.priceCents()));
        String paid = "";
        if (found.payment().fromStoredValue()) {
            paid = " · " + messages.get("counter.pay.takes",
                    Money.display(found.payment().storedPrincipalCents() + found.payment().storedBonusCents()),
                    Money.display(found.payment().storedPrincipalCents()),
                    Money.display(found.payment().storedBonusCents()));
            if (found.payment().otherCents() > 0) {
                paid = paid + messages.get("counter.pay.rest", Money.display(found.payment().otherCents()),
                        messages.get(found.payment().method().messageKey()));
            }
        }
        return covers + "\n" + due + paid;
    }

    /** Where a card sold today starts: the day after the member's last valid pass for a pass, else today. */
    private LocalDate startDay(CardProduct chosen) {
        LocalDate today = LocalDate.now(clock);
        if (chosen.kind() != CardKind.PERIOD) {
            return today;
        }
        return held.stream().filter(card -> card.kind() == CardKind.PERIOD && !card.refunded()
                        && !card.validTo().isBefore(today))
                .map(card -> card.validTo().plusDays(1)).max(LocalDate::compareTo).orElse(today);
    }

    /** Sells the chosen card; {@code done} runs once it is stored. A refusal stays shown and nothing is stored. */
    public void sell(Runnable done) {
        CardProduct chosen = product.get();
        Pay how = pay.get();
        if (working.get() || chosen == null || how == null) {
            return;
        }
        working.set(true);
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> {
            CardService.Sold made = cards.sell(member.id(), chosen.id(), how, null, null);
            if (made.purchase() == null) {
                return new Sold(made, soldText(made), "", "");
            }
            // a card sold is a purchase: its points are the earn entries of that purchase
            String number = made.purchase().purchaseNo();
            long earned = points.entries(member.id(), 20).stream()
                    .filter(e -> e.kind() == PointsEntry.Kind.EARN && number.equals(e.purchaseNo()))
                    .mapToLong(PointsEntry::points).sum();
            long balance = members.byId(member.id()).map(Member::points).orElse(0L);
            String progress = TierService.nextStep(tiers.progress(member.id()), messages);
            return new Sold(made, soldText(made), messages.get("counter.after.points", earned,
                    PointsBalance.text(balance, messages)), progress);
        }).onSuccess(made -> {
            sold.set(made);
            changes.memberChanged(member.id());
            done.run();
        }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
                .onFinished(() -> working.set(false)));
    }

    private String soldText(CardService.Sold made) {
        Card card = made.card();
        if (card.kind() == CardKind.STORED_VALUE) {
            return messages.get("cardsale.sold.storedValue", card.productName(), card.cardNo(),
                    Money.display(card.balanceCents()));
        }
        return messages.get("cardsale.sold", card.productName(), card.cardNo(), card.validFrom().toString(),
                card.validTo().toString());
    }
}

package org.memberdesk.ui.cards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.cards.CardProducts;

/**
 * Settings → 会员卡: the card products the shop sells (add one, archive or bring one back) and the top-up bonus
 * ladder. The form's fields follow the kind; what was typed is checked here (amounts, whole numbers), then by the
 * service, and each problem is shown next to its field.
 */
public final class CardProductsViewModel {
    /** The form's fields, as the service names them in its problems. */
    static final Set<String> FIELDS = Set.of("name", "price", "bonus", "sessions", "days", "per_day", "freeze");

    private final CardProducts catalogue;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObservableList<CardProduct> products = FXCollections.observableArrayList();
    private final ObservableList<CardProduct> shownProducts = FXCollections.unmodifiableObservableList(products);
    private final ObjectProperty<CardKind> kind = new SimpleObjectProperty<>(CardKind.PERIOD);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty bonus = new SimpleStringProperty("");
    private final StringProperty sessions = new SimpleStringProperty("");
    private final StringProperty days = new SimpleStringProperty("");
    private final StringProperty perDay = new SimpleStringProperty("");
    private final StringProperty maxFreezes = new SimpleStringProperty("");
    private final StringProperty maxFreezeDays = new SimpleStringProperty("");
    private final BooleanProperty refundable = new SimpleBooleanProperty(true);
    private final BooleanProperty tierDiscount = new SimpleBooleanProperty(false);
    private final Map<String, String> problems = new HashMap<>();
    private final ReadOnlyIntegerWrapper problemsChanged = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<TopupStep> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper stepsStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stepsRefused = new ReadOnlyBooleanWrapper(false);
    /** Every store, then each store: where a new product's cards are sold and used. */
    private final ObservableList<StoreOption> storeOptions = FXCollections.observableArrayList();
    private final ObservableList<StoreOption> shownStoreOptions =
            FXCollections.unmodifiableObservableList(storeOptions);
    private final ObjectProperty<StoreOption> onlyStore = new SimpleObjectProperty<>();
    /** More than one store: only then does the form ask where (a single shop never thinks about stores). */
    private final ReadOnlyBooleanWrapper chain = new ReadOnlyBooleanWrapper(false);

    /** A choice of the form's store row: {@code id} null is every store. */
    public record StoreOption(Long id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One step of the ladder as typed: from this amount (yuan), this bonus (yuan). */
    public static final class TopupStep {
        private final StringProperty amount;
        private final StringProperty bonus;

        public TopupStep(String amount, String bonus) {
            this.amount = new SimpleStringProperty(amount);
            this.bonus = new SimpleStringProperty(bonus);
        }

        public StringProperty amountProperty() {
            return amount;
        }

        public StringProperty bonusProperty() {
            return bonus;
        }
    }

    public CardProductsViewModel(CardProducts catalogue, TaskExecutor tasks, Messages messages) {
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.messages = messages;
    }

    public ObservableList<CardProduct> products() {
        return shownProducts;
    }

    public ObjectProperty<CardKind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty priceProperty() {
        return price;
    }

    public StringProperty bonusProperty() {
        return bonus;
    }

    public StringProperty sessionsProperty() {
        return sessions;
    }

    public StringProperty daysProperty() {
        return days;
    }

    public StringProperty perDayProperty() {
        return perDay;
    }

    public StringProperty maxFreezesProperty() {
        return maxFreezes;
    }

    public StringProperty maxFreezeDaysProperty() {
        return maxFreezeDays;
    }

    public BooleanProperty refundableProperty() {
        return refundable;
    }

    public BooleanProperty tierDiscountProperty() {
        return tierDiscount;
    }

    /** Changes whenever the problems change: the view shows them again then. */
    public ReadOnlyIntegerProperty problemsChangedProperty() {
        return problemsChanged.getReadOnlyProperty();
    }

    /** The problem to show next to a field, in the current language. */
    public Optional<String> problem(String field) {
        return Optional.ofNullable(problems.get(field));
    }

    /** What the last add or archive did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ObservableList<TopupStep> steps() {
        return steps;
    }

    public ReadOnlyStringProperty stepsStatusProperty() {
        return stepsStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stepsRefusedProperty() {
        return stepsRefused.getReadOnlyProperty();
    }

    public ObservableList<StoreOption> storeOptions() {
        return shownStoreOptions;
    }

    public ObjectProperty<StoreOption> onlyStoreProperty() {
        return onlyStore;
    }

    public ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The store a product is limited to, as the table shows it: empty for every store. */
    public String storeOf(CardProduct product) {
        if (product.storeId() == null) {
            return messages.get("cards.products.everyStore");
        }
        return storeOptions.stream().filter(o -> product.storeId().equals(o.id())).map(StoreOption::label)
                .findFirst().orElse("#" + product.storeId());
    }

    /** Whether the form asks for this field with the chosen kind. */
    public static boolean asks(CardKind kind, String field) {
        return switch (field) {
            case "bonus" -> kind == CardKind.STORED_VALUE;
            case "sessions" -> kind == CardKind.SESSIONS;
            case "days", "freeze", "tier" -> kind != CardKind.STORED_VALUE;
            case "per_day" -> kind == CardKind.PERIOD;
            default -> true;
        };
    }

    /** Reads the products and the ladder in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of(() -> new Loaded(catalogue.products(),
                catalogue.topupSteps(), catalogue.storeChoices())).onSuccess(loaded -> {
                    showStores(loaded.stores());
                    products.setAll(loaded.products());
                    showSteps(loaded.steps());
                }));
    }

    private record Loaded(List<CardProduct> products, Map<Long, Long> steps, List<org.memberdesk.stores.Store> stores) {
    }

    private void showStores(List<org.memberdesk.stores.Store> stores) {
        List<StoreOption> options = new ArrayList<>();
        options.add(new StoreOption(null, messages.get("cards.products.everyStore")));
        for (org.memberdesk.stores.Store store : stores) {
            options.add(new StoreOption(store.id(), store.shownName(messages)));
        }
        storeOptions.setAll(options);
        onlyStore.set(options.get(0));
        chain.set(stores.size() > 1);
    }

    /** Adds the product typed in the form; on success the form is emptied for the next one. */
    public void add() {
        if (working.get()) {
            return;
        }
        problems.clear();
        CardKind chosen = kind.get();
        Long priceCents = amount("price", price.get(), true);
        Long bonusCents = asks(chosen, "bonus") ? amount("bonus", bonus.get(), false) : Long.valueOf(0);
        Integer sessionCount = asks(chosen, "sessions") ? whole("sessions", sessions.get()) : null;
        Integer dayCount = asks(chosen, "days") ? whole("days", days.get()) : null;
        Integer perDayCount = asks(chosen, "per_day") ? whole("per_day", perDay.get()) : null;
        Integer freezes = asks(chosen, "freeze") ? whole("freeze", maxFreezes.get()) : null;
        Integer freezeDays = asks(chosen, "freeze") ? whole("freeze", maxFreezeDays.get()) : null;
        if (!problems.isEmpty()) {
            status.set("");
            problemsChanged.set(problemsChanged.get() + 1);
            return;
        }
        CardProduct draft = CardProduct.draft(chosen, name.get(), priceCents, bonusCents, sessionCount, dayCount,
                perDayCount, freezes == null ? 0 : freezes, freezeDays == null ? 0 : freezeDays, refundable.get(),
                asks(chosen, "tier") && tierDiscount.get())
                .onlyAt(chain.get() && onlyStore.get() != null ? onlyStore.get().id() : null);
        working.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            catalogue.addProduct(draft);
            return catalogue.products();
        }).onSuccess(list -> {
            products.setAll(list);
            status.set(messages.get("cards.products.added", draft.name().strip()));
            clearForm();
        }).onFailure(this::refused).onFinished(() -> {
            working.set(false);
            problemsChanged.set(problemsChanged.get() + 1);
        }));
    }

    private void refused(Throwable error) {
        if (error instanceof ValidationException invalid) {
            for (Problem p : invalid.problems()) {
                String field = FIELDS.contains(p.field()) ? p.field() : "name";
                problems.merge(field, p.describe(messages), (a, b) -> a + "\n" + b);
            }
            status.set("");
        } else {
            status.set(ErrorText.describe(error, messages));
        }
    }

    private void clearForm() {
        for (StringProperty field : List.of(name, price, bonus, sessions, days, perDay, maxFreezes, maxFreezeDays)) {
            field.set("");
        }
        refundable.set(true);
        tierDiscount.set(false);
        onlyStore.set(storeOptions.isEmpty() ? null : storeOptions.get(0));
    }

    /** No longer sold (archived) or sold again; its cards stay as they are. */
    public void archive(CardProduct product, boolean archived) {
        if (product == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> {
            catalogue.archiveProduct(product.id(), archived);
            return catalogue.products();
        }).onSuccess(list -> {
            products.setAll(list);
            status.set(messages.get(archived ? "cards.products.archived" : "cards.products.unarchived",
                    product.name()));
        }).onFailure(error -> status.set(ErrorText.describe(error, messages))));
    }

    /** Yuan typed → cents; blank is 0 unless required. */
    private Long amount(String field, String text, boolean required) {
        if ((text == null || text.isBlank()) && !required) {
            return 0L;
        }
        try {
            return Money.parseYuan(text);
        } catch (IllegalArgumentException e) {
            problems.put(field, messages.get("cards.form.amount"));
            return null;
        }
    }

    /** A whole number typed, or null when left blank. */
    private Integer whole(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.put(field, messages.get("cards.form.number"));
            return null;
        }
    }

    // ---------------------------------------------------------------- the top-up ladder

    public void addStep() {
        steps.add(new TopupStep("", ""));
    }

    public void removeStep(TopupStep step) {
        steps.remove(step);
    }

    /** Saves the ladder as typed (empty rows left out); a row that is not two amounts is refused. */
    public void saveSteps() {
        Map<Long, Long> typed = new TreeMap<>();
        List<TopupStep> rows = new ArrayList<>(steps);
        for (int i = 0; i < rows.size(); i++) {
            String amountText = rows.get(i).amountProperty().get();
            String bonusText = rows.get(i).bonusProperty().get();
            if ((amountText == null || amountText.isBlank()) && (bonusText == null || bonusText.isBlank())) {
                continue;
            }
            try {
                long cents = Money.parseYuan(amountText);
                if (typed.put(cents, Money.parseYuan(bonusText)) != null) {
                    refuseSteps(messages.get("cards.topup.twice", Money.formatYuan(cents)));
                    return;
                }
            } catch (IllegalArgumentException e) {
                refuseSteps(messages.get("cards.topup.row", i + 1));
                return;
            }
        }
        tasks.execute(BackgroundTask.of(() -> {
            catalogue.setTopupSteps(typed);
            return catalogue.topupSteps();
        }).onSuccess(saved -> {
            showSteps(saved);
            stepsRefused.set(false);
            stepsStatus.set(messages.get("cards.topup.saved", saved.size()));
        }).onFailure(error -> refuseSteps(ErrorText.describe(error, messages))));
    }

    private void refuseSteps(String why) {
        stepsRefused.set(true);
        stepsStatus.set(why);
    }

    private void showSteps(Map<Long, Long> saved) {
        steps.setAll(saved.entrySet().stream()
                .map(e -> new TopupStep(Money.formatYuan(e.getKey()), Money.formatYuan(e.getValue()))).toList());
    }
}

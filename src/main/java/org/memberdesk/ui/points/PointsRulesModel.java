package org.memberdesk.ui.points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.memberdesk.common.Money;
import org.memberdesk.points.PointsRules;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * Settings → Points without the screen: the points rules as typed, each field's problem, and a live
 * example computed by the engine's own {@link PointsRules#pointsFor} from what is typed. Save writes
 * the rules, the multipliers, the items' categories and the tiers' points percents in one
 * transaction; Revert reads what is stored again.
 */
public final class PointsRulesModel {
    /** A tier's points percent, edited here as well as on the Tiers screen. */
    public record TierPercent(String name, StringProperty percent) {
    }

    private final UiContext context;
    private final StringProperty earnPoints = new SimpleStringProperty("1");
    private final StringProperty earnPerYuan = new SimpleStringProperty("1");
    private final BooleanProperty neverExpires = new SimpleBooleanProperty(false);
    private final StringProperty expiryMonths = new SimpleStringProperty("12");
    private final StringProperty birthdayPercent = new SimpleStringProperty("200");
    private final StringProperty signupBonus = new SimpleStringProperty("0");
    private final StringProperty firstPurchaseBonus = new SimpleStringProperty("0");
    private final ObservableList<Multiplier> multipliers = FXCollections.observableArrayList(
            m -> new Observable[] {m.kind(), m.name(), m.percent(), m.items()});
    private final ObservableList<TierPercent> tiers = FXCollections.observableArrayList(
            t -> new Observable[] {t.percent()});
    // the example purchase
    private final StringProperty exampleItem = new SimpleStringProperty("年卡");
    private final StringProperty exampleAmount = new SimpleStringProperty("128");
    private final ObjectProperty<String> exampleTier = new SimpleObjectProperty<>();
    private final BooleanProperty exampleBirthday = new SimpleBooleanProperty(true);
    private final StringProperty example = new SimpleStringProperty("");

    private final Map<String, String> problems = new HashMap<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final BooleanProperty changed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private boolean loading;
    private Stored stored = new Stored(PointsRules.defaults(), Map.of(), Map.of());

    public PointsRulesModel(UiContext context) {
        this.context = context;
        for (Observable field : List.of(earnPoints, earnPerYuan, neverExpires, expiryMonths, birthdayPercent,
                signupBonus, firstPurchaseBonus, multipliers, tiers)) {
            field.addListener(obs -> edited());
        }
        for (Observable field : List.of(exampleItem, exampleAmount, exampleTier, exampleBirthday)) {
            field.addListener(obs -> recompute());
        }
        recompute();
    }

    /** What is stored, read in the background. */
    record Stored(PointsRules rules, Map<String, Integer> tierPercents, Map<String, String> itemCategories) {
    }

    public void load() {
        busy.set(true);
        context.tasks().execute(BackgroundTask.of(() -> new Stored(context.app().points().rules(),
                        context.app().points().tierPercents(), context.app().points().itemCategories()))
                .onSuccess(this::show)
                .onFailure(error -> problem.set(ErrorText.describe(error, context.messages())))
                .onFinished(() -> busy.set(false)));
    }

    void show(Stored stored) {
        this.stored = stored;
        loading = true;
        try {
            PointsRules rules = stored.rules();
            earnPoints.set(Integer.toString(rules.earnPoints()));
            earnPerYuan.set(Integer.toString(rules.earnPerYuan()));
            neverExpires.set(rules.expiryMonths() == null);
            // "never" keeps a sensible number in the (disabled) months field for when it is unticked
            expiryMonths.set(Integer.toString(rules.expiryMonths() == null ? 12 : rules.expiryMonths()));
            birthdayPercent.set(Integer.toString(rules.birthdayPercent()));
            signupBonus.set(Long.toString(rules.signupBonus()));
            firstPurchaseBonus.set(Long.toString(rules.firstPurchaseBonus()));
            // every category that has items gets a row, so saving keeps the items in it
            Map<String, List<String>> itemsOf = new LinkedHashMap<>();
            stored.itemCategories().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> itemsOf.computeIfAbsent(e.getValue(), c -> new ArrayList<>()).add(e.getKey()));
            List<Multiplier> rows = new ArrayList<>();
            rules.categoryPercents().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(
                    new Multiplier(Multiplier.Kind.CATEGORY, e.getKey(), e.getValue(),
                            String.join("、", itemsOf.getOrDefault(e.getKey(), List.of())))));
            itemsOf.forEach((category, items) -> {
                if (!rules.categoryPercents().containsKey(category)) {
                    rows.add(new Multiplier(Multiplier.Kind.CATEGORY, category, 100, String.join("、", items)));
                }
            });
            rules.itemPercents().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    rows.add(new Multiplier(Multiplier.Kind.ITEM, e.getKey(), e.getValue(), "")));
            multipliers.setAll(rows);
            String chosenTier = exampleTier.get();
            tiers.setAll(stored.tierPercents().entrySet().stream()
                    .map(e -> new TierPercent(e.getKey(), new SimpleStringProperty(e.getValue().toString()))).toList());
            List<String> names = tiers.stream().map(TierPercent::name).toList();
            // set again even when unchanged: replacing the tiers may have emptied the view's choice
            if (chosenTier != null && names.contains(chosenTier)) {
                exampleTier.set(chosenTier);
            } else if (!names.isEmpty()) {
                // the example's member: a 金卡 when the ladder has one, else the second tier up
                exampleTier.set(names.contains("金卡") ? "金卡" : names.get(Math.min(1, names.size() - 1)));
            }
        } finally {
            loading = false;
        }
        changed.set(false);
        recompute();
    }

    private void edited() {
        if (!loading) {
            changed.set(true);
            status.set("");
            recompute();
        }
    }

    public void addMultiplier() {
        multipliers.add(new Multiplier(Multiplier.Kind.CATEGORY, "", 100, ""));
    }

    public void removeMultiplier(Multiplier row) {
        multipliers.remove(row);
    }

    /** Re-checks every field and recomputes the example; the view re-reads the problems after. */
    void recompute() {
        problems.clear();
        Optional<Typed> typed = typed();
        example.set(typed.map(this::exampleText).orElse(context.text("points.settings.exampleInvalid")));
        revision.set(revision.get() + 1);
    }

    /** Everything typed, as the engine takes it, or empty when some field has a problem. */
    record Typed(PointsRules rules, Map<String, Integer> tierPercents, Map<String, String> itemCategories) {
    }

    private Optional<Typed> typed() {
        Integer points = whole("earn_points", earnPoints.get(), 0, 1000, "points.rules.earnPoints");
        Integer perYuan = whole("earn_per_yuan", earnPerYuan.get(), 1, 10_000, "points.rules.earnPerYuan");
        Integer expiry = neverExpires.get() ? null
                : whole("expiry_months", expiryMonths.get(), 1, 120, "points.rules.expiry");
        Integer birthday = percent("birthday_percent", birthdayPercent.get());
        Integer signup = whole("signup_bonus", signupBonus.get(), 0, 1_000_000, "points.settings.bonus");
        Integer first = whole("first_purchase_bonus", firstPurchaseBonus.get(), 0, 1_000_000,
                "points.settings.bonus");
        Map<String, Integer> items = new HashMap<>();
        Map<String, Integer> categories = new HashMap<>();
        Map<String, String> itemCategories = new LinkedHashMap<>();
        for (int i = 0; i < multipliers.size(); i++) {
            Multiplier row = multipliers.get(i);
            String name = row.name().get() == null ? "" : row.name().get().strip();
            Map<String, Integer> target = row.kind().get() == Multiplier.Kind.ITEM ? items : categories;
            if (name.isEmpty()) {
                problems.put("multiplier.name." + i, context.text("points.settings.nameMissing"));
            } else if (target.containsKey(name)) {
                problems.put("multiplier.name." + i, context.text("points.settings.twice", name));
            }
            Integer percent = percent("multiplier.percent." + i, row.percent().get());
            if (!name.isEmpty() && percent != null) {
                target.put(name, percent);
            }
            if (row.kind().get() == Multiplier.Kind.CATEGORY) {
                for (String item : splitItems(row.items().get())) {
                    String other = itemCategories.putIfAbsent(item, name);
                    if (other != null && !other.equals(name)) {
                        problems.put("multiplier.items." + i, context.text("points.settings.itemTwice", item, other));
                    }
                }
            }
        }
        Map<String, Integer> tierPercents = new LinkedHashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            Integer percent = percent("tier." + i, tiers.get(i).percent().get());
            if (percent != null) {
                tierPercents.put(tiers.get(i).name(), percent);
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Typed(new PointsRules(points, perYuan, birthday, signup, first, expiry, items,
                categories), tierPercents, itemCategories));
    }

    /** Items typed in a category row: separated by commas (either width), 、 or new lines. */
    static List<String> splitItems(String text) {
        List<String> items = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,，、;；\\n]+")) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return items;
    }

    private String exampleText(Typed typed) {
        long cents;
        try {
            cents = Money.parseYuan(exampleAmount.get());
        } catch (IllegalArgumentException e) {
            return context.text("points.settings.exampleAmount", exampleAmount.get());
        }
        String item = exampleItem.get() == null || exampleItem.get().isBlank() ? "?" : exampleItem.get().strip();
        String tier = exampleTier.get();
        int tierPercent = tier == null ? 100 : typed.tierPercents().getOrDefault(tier, 100);
        long earned = typed.rules().pointsFor(List.of(new PurchaseLine(item, 1, cents)),
                typed.itemCategories()::get, tierPercent, exampleBirthday.get());
        return context.text(exampleBirthday.get() ? "points.settings.example" : "points.settings.exampleNoBirthday",
                Money.formatYuan(cents), item, tier == null ? "" : tier, earned);
    }

    private Integer whole(String field, String text, long min, long max, String rangeKey) {
        String typed = text == null ? "" : text.strip();
        long value;
        try {
            value = Long.parseLong(typed);
        } catch (NumberFormatException e) {
            problems.put(field, context.text("points.settings.wholeNumber", typed));
            return null;
        }
        if (value < min || value > max) {
            problems.put(field, context.text(rangeKey, value, PointsService.MAX_PERCENT));
            return null;
        }
        return (int) value;
    }

    private Integer percent(String field, String text) {
        return whole(field, text, 0, PointsService.MAX_PERCENT, "points.rules.percent");
    }

    /** The problem to show next to a field, if any (fields: earn_points, multiplier.percent.0, tier.2, ...). */
    public Optional<String> problem(String field) {
        return Optional.ofNullable(problems.get(field));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Saves everything in one transaction, in the background; with problems, says so and saves nothing. */
    public void save() {
        recompute();
        Optional<Typed> typed = typed();
        if (typed.isEmpty()) {
            status.set("");
            problem.set(context.text("points.settings.fixFirst"));
            return;
        }
        problem.set("");
        busy.set(true);
        Typed t = typed.get();
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().points().saveSettings(t.rules(), t.tierPercents(), t.itemCategories());
            return true;
        }).onSuccess(done -> {
            changed.set(false);
            status.set(context.text("points.settings.saved"));
            load();
        }).onFailure(error -> problem.set(ErrorText.describe(error, context.messages())))
                .onFinished(() -> busy.set(false)));
    }

    /** Throws away what was typed and shows what is stored. */
    public void revert() {
        problem.set("");
        status.set(context.text("points.settings.reverted"));
        load();
    }

    /**
     * Applies a template after the person confirmed the list of what it changes: the points rules,
     * the items' categories and the tier ladder, then shows them.
     */
    public void applyTemplate(String code) {
        PointsTemplate template = PointsTemplate.of(code);
        String changes = TemplateChanges.describe(template, stored.rules(), context.messages());
        if (changed.get()) {
            // the template replaces the stored rules; edits not yet saved would vanish without a word
            changes = context.text("points.settings.template.unsaved") + "\n\n" + changes;
        }
        if (!context.dialogs().confirm(context.text("points.settings.template.confirmTitle",
                context.text("points.settings.template." + template.code())), changes)) {
            return;
        }
        busy.set(true);
        problem.set("");
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().growthTemplates().apply(template);
            return true;
        }).onSuccess(done -> {
            status.set(context.text("points.settings.template.applied",
                    context.text("points.settings.template." + template.code())));
            load();
        }).onFailure(error -> problem.set(ErrorText.describe(error, context.messages())))
                .onFinished(() -> busy.set(false)));
    }

    public StringProperty earnPointsProperty() {
        return earnPoints;
    }

    public StringProperty earnPerYuanProperty() {
        return earnPerYuan;
    }

    public BooleanProperty neverExpiresProperty() {
        return neverExpires;
    }

    public StringProperty expiryMonthsProperty() {
        return expiryMonths;
    }

    public StringProperty birthdayPercentProperty() {
        return birthdayPercent;
    }

    public StringProperty signupBonusProperty() {
        return signupBonus;
    }

    public StringProperty firstPurchaseBonusProperty() {
        return firstPurchaseBonus;
    }

    public ObservableList<Multiplier> multipliers() {
        return multipliers;
    }

    public ObservableList<TierPercent> tiers() {
        return tiers;
    }

    public StringProperty exampleItemProperty() {
        return exampleItem;
    }

    public StringProperty exampleAmountProperty() {
        return exampleAmount;
    }

    public ObjectProperty<String> exampleTierProperty() {
        return exampleTier;
    }

    public BooleanProperty exampleBirthdayProperty() {
        return exampleBirthday;
    }

    public StringProperty exampleProperty() {
        return example;
    }

    public IntegerProperty revisionProperty() {
        return revision;
    }

    public BooleanProperty changedProperty() {
        return changed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** Rebuilds of the multiplier rows are needed when rows are added or removed (not when edited). */
    void onRowsChanged(Runnable rebuild) {
        multipliers.addListener((ListChangeListener<Multiplier>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    rebuild.run();
                    return;
                }
            }
        });
    }
}

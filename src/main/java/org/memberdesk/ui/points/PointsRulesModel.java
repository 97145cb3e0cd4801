package org.memberdesk.ui.points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.points.PointsRules;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tiers.GrowthTemplates;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Settings → Points without the screen: the points rules as typed, each field's problem, and a live
 * example computed by the engine's own {@link PointsRules#pointsFor} from what is typed. Save writes
 * the rules, the multipliers and the items' categories in one transaction; Revert reads what is stored
 * again. The tiers' points percents are shown (and used by the example) but edited only on the Tiers
 * screen, where a tier is defined: one place, so two screens never save different percents.
 */
public final class PointsRulesModel {
    /** A tier's points percent as stored; set on the Tiers screen. */
    public record TierPercent(String name, int percent) {
    }

    private final PointsService points;
    private final GrowthTemplates templates;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final StringProperty earnPoints = new SimpleStringProperty("1");
    private final StringProperty earnPerYuan = new SimpleStringProperty("1");
    private final BooleanProperty neverExpires = new SimpleBooleanProperty(false);
    private final StringProperty expiryMonths = new SimpleStringProperty("12");
    private final StringProperty birthdayPercent = new SimpleStringProperty("200");
    private final StringProperty signupBonus = new SimpleStringProperty("0");
    private final StringProperty firstPurchaseBonus = new SimpleStringProperty("0");
    private final ObservableList<Multiplier> multipliers = FXCollections.observableArrayList(
            m -> new Observable[] {m.kind(), m.name(), m.percent(), m.items()});
    private final ObservableList<TierPercent> tiers = FXCollections.observableArrayList();
    private final ObservableList<TierPercent> shownTiers = FXCollections.unmodifiableObservableList(tiers);
    private final ObservableList<Multiplier> shownMultipliers = FXCollections.unmodifiableObservableList(multipliers);
    // the example purchase
    private final StringProperty exampleItem = new SimpleStringProperty("年卡");
    private final StringProperty exampleAmount = new SimpleStringProperty("128");
    private final ObjectProperty<String> exampleTier = new SimpleObjectProperty<>();
    private final BooleanProperty exampleBirthday = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper example = new ReadOnlyStringWrapper("");

    private final Map<String, String> problems = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private boolean loading;
    private Stored stored = new Stored(PointsRules.defaults(), Map.of(), Map.of());

    public PointsRulesModel(PointsService points, GrowthTemplates templates, TaskExecutor tasks, DialogService dialogs,
                            Messages messages) {
        this.points = points;
        this.templates = templates;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        for (Observable field : List.of(earnPoints, earnPerYuan, neverExpires, expiryMonths, birthdayPercent,
                signupBonus, firstPurchaseBonus, multipliers)) {
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
        tasks.execute(BackgroundTask.of(() -> new Stored(points.rules(), points.tierPercents(),
                        points.itemCategories()))
                .onSuccess(this::show)
                .onFailure(error -> problem.set(ErrorText.describe(error, messages)))
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
                    .map(e -> new TierPercent(e.getKey(), e.getValue())).toList());
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
        example.set(typed.map(this::exampleText).orElse(messages.get("points.settings.exampleInvalid")));
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
                problems.put("multiplier.name." + i, messages.get("points.settings.nameMissing"));
            } else if (target.containsKey(name)) {
                problems.put("multiplier.name." + i, messages.get("points.settings.twice", name));
            }
            Integer percent = percent("multiplier.percent." + i, row.percent().get());
            if (!name.isEmpty() && percent != null) {
                target.put(name, percent);
            }
            if (row.kind().get() == Multiplier.Kind.CATEGORY) {
                for (String item : splitItems(row.items().get())) {
                    String other = itemCategories.putIfAbsent(item, name);
                    if (other != null && !other.equals(name)) {
                        problems.put("multiplier.items." + i, messages.get("points.settings.itemTwice", item, other));
                    }
                }
            }
        }
        Map<String, Integer> tierPercents = new LinkedHashMap<>();
        for (TierPercent tier : tiers) {
            tierPercents.put(tier.name(), tier.percent());
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
            return messages.get("points.settings.exampleAmount", exampleAmount.get());
        }
        String item = exampleItem.get() == null || exampleItem.get().isBlank() ? "?" : exampleItem.get().strip();
        String tier = exampleTier.get();
        int tierPercent = tier == null ? 100 : typed.tierPercents().getOrDefault(tier, 100);
        long earned = typed.rules().pointsFor(List.of(new PurchaseLine(item, 1, cents)),
                typed.itemCategories()::get, tierPercent, exampleBirthday.get());
        return messages.get(exampleBirthday.get() ? "points.settings.example" : "points.settings.exampleNoBirthday",
                Money.formatYuan(cents), item, tier == null ? "" : tier, earned);
    }

    private Integer whole(String field, String text, long min, long max, String rangeKey) {
        String typed = text == null ? "" : text.strip();
        long value;
        try {
            value = Long.parseLong(typed);
        } catch (NumberFormatException e) {
            problems.put(field, messages.get("points.settings.wholeNumber", typed));
            return null;
        }
        if (value < min || value > max) {
            problems.put(field, messages.get(rangeKey, value, PointsService.MAX_PERCENT));
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
            problem.set(messages.get("points.settings.fixFirst"));
            return;
        }
        problem.set("");
        busy.set(true);
        Typed t = typed.get();
        tasks.execute(BackgroundTask.of(() -> {
            // no tier percents: they are the Tiers screen's to save
            points.saveSettings(t.rules(), Map.of(), t.itemCategories());
            return true;
        }).onSuccess(done -> {
            changed.set(false);
            status.set(messages.get("points.settings.saved"));
            load();
        }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
                .onFinished(() -> busy.set(false)));
    }

    /** Throws away what was typed and shows what is stored. */
    public void revert() {
        problem.set("");
        status.set(messages.get("points.settings.reverted"));
        load();
    }

    /**
     * Applies a template after the person confirmed the list of what it changes: the points rules,
     * the items' categories and the tier ladder, then shows them.
     */
    public void applyTemplate(String code) {
        PointsTemplate template = PointsTemplate.of(code);
        String changes = TemplateChanges.describe(template, stored.rules(), messages);
        if (changed.get()) {
            // the template replaces the stored rules; edits not yet saved would vanish without a word
            changes = messages.get("points.settings.template.unsaved") + "\n\n" + changes;
        }
        if (!dialogs.confirm(messages.get("points.settings.template.confirmTitle",
                messages.get("points.settings.template." + template.code())), changes)) {
            return;
        }
        busy.set(true);
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> {
            templates.apply(template);
            return true;
        }).onSuccess(done -> {
            status.set(messages.get("points.settings.template.applied",
                    messages.get("points.settings.template." + template.code())));
            load();
        }).onFailure(error -> problem.set(ErrorText.describe(error, messages)))
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

    /** The multiplier rows; each row's fields are inputs, rows come and go by {@link #addMultiplier()} and remove. */
    public ObservableList<Multiplier> multipliers() {
        return shownMultipliers;
    }

    /** The tiers' points percents, read-only here (set on the Tiers screen). */
    public ObservableList<TierPercent> tiers() {
        return shownTiers;
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

    public ReadOnlyStringProperty exampleProperty() {
        return example.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
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

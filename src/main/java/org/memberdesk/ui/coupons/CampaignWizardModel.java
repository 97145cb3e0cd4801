package org.memberdesk.ui.coupons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.tags.Tag;
import org.memberdesk.tags.TagService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The campaign wizard: coupon → target → preview → control group → issue → print. Each step checks
 * what was typed before the next one opens; the database work runs in the background. What the person
 * types or picks are the writable inputs; the step, the preview, the result and the errors are read-only.
 */
public final class CampaignWizardModel {
    /** The wizard's steps, in order. */
    public enum Step { COUPON, TARGET, CONTROL, PRINT }

    /** How a target is chosen on the target step. */
    public enum TargetKind { ALL, TIER, LIST, TAG, SEGMENT, LIFECYCLE, RULE }

    private final CampaignService campaigns;
    private final TagService tagService;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Runnable campaignsChanged;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.COUPON);
    // inputs: what the person types or picks
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<CouponKind> kind = new SimpleObjectProperty<>(CouponKind.CASH);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty minSpend = new SimpleStringProperty("");
    private final StringProperty cap = new SimpleStringProperty("");
    private final StringProperty items = new SimpleStringProperty("");
    private final StringProperty validDays = new SimpleStringProperty("30");
    private final ObjectProperty<TargetKind> targetKind = new SimpleObjectProperty<>(TargetKind.ALL);
    private final StringProperty targetText = new SimpleStringProperty("");
    private final StringProperty tagFilter = new SimpleStringProperty("");
    private final StringProperty skipDays = new SimpleStringProperty("");
    private final IntegerProperty controlPercent = new SimpleIntegerProperty(10);
    private final StringProperty seed = new SimpleStringProperty("");
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4);
    // outputs
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Campaign> campaign = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Tag> allTags = FXCollections.observableArrayList();
    private final FilteredList<Tag> tags = new FilteredList<>(allTags);
    private final ObservableList<Tag> shownTags = FXCollections.unmodifiableObservableList(tags);
    private Coupon coupon;
    /** The saved coupon the wizard started from, reused as it is when its fields were left unchanged. */
    private Coupon template;

    public CampaignWizardModel(CampaignService campaigns, TagService tagService, TaskExecutor tasks, Messages messages,
                               Runnable campaignsChanged) {
        this.campaigns = campaigns;
        this.tagService = tagService;
        this.tasks = tasks;
        this.messages = messages;
        this.campaignsChanged = campaignsChanged;
        tagFilter.addListener((obs, old, now) -> {
            String wanted = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            tags.setPredicate(tag -> wanted.isEmpty() || tag.name().toLowerCase(Locale.ROOT).contains(wanted));
        });
        targetKind.addListener((obs, old, now) -> {
            if (now == TargetKind.TAG) {
                loadTags();
            }
        });
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** input */
    public StringProperty nameProperty() {
        return name;
    }

    /** input */
    public ObjectProperty<CouponKind> kindProperty() {
        return kind;
    }

    /** input */
    public StringProperty valueProperty() {
        return value;
    }

    /** input */
    public StringProperty minSpendProperty() {
        return minSpend;
    }

    /** input */
    public StringProperty capProperty() {
        return cap;
    }

    /** input */
    public StringProperty itemsProperty() {
        return items;
    }

    /** input */
    public StringProperty validDaysProperty() {
        return validDays;
    }

    /** input */
    public ObjectProperty<TargetKind> targetKindProperty() {
        return targetKind;
    }

    /** input: the tier, list, segment, stage or rule typed, or the tag picked from {@link #tags()} */
    public StringProperty targetTextProperty() {
        return targetText;
    }

    /** input: narrows {@link #tags()} to the names containing it */
    public StringProperty tagFilterProperty() {
        return tagFilter;
    }

    /** The shop's tags with their member counts, as filtered; read when the target is a tag. */
    public ObservableList<Tag> tags() {
        return shownTags;
    }

    /** input */
    public StringProperty skipDaysProperty() {
        return skipDays;
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    /** input */
    public IntegerProperty controlPercentProperty() {
        return controlPercent;
    }

    /** input */
    public StringProperty seedProperty() {
        return seed;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Campaign> campaignProperty() {
        return campaign.getReadOnlyProperty();
    }

    /** input */
    public ObjectProperty<Paper> paperProperty() {
        return paper;
    }

    /** Reads the tags (with how many members each holds) for the picker. */
    public void loadTags() {
        tasks.execute(BackgroundTask.of(tagService::list)
                .onSuccess(allTags::setAll)
                .onFailure(e -> error.set(ErrorText.describe(e, messages))));
    }

    /** Picks a tag from the list as the target. */
    public void pickTag(Tag tag) {
        if (tag != null) {
            targetText.set(tag.name());
        }
    }

    /** Starts a new campaign for members chosen elsewhere (a funnel step, a list): the target is filled in. */
    public void startFor(Target target) {
        reset();
        targetKind.set(TargetKind.valueOf(target.kind().name()));
        targetText.set(target.value());
    }

    /** After a print: how many coupons went to which file. */
    public void printed(int rows, Path file) {
        result.set(messages.get("coupons.print.done", rows, file.toString()));
    }

    /** Starts over with an empty wizard. */
    public void reset() {
        step.set(Step.COUPON);
        name.set("");
        value.set("");
        minSpend.set("");
        cap.set("");
        items.set("");
        targetText.set("");
        previewText.set("");
        error.set("");
        result.set("");
        campaign.set(null);
        coupon = null;
        template = null;
    }

    /** Starts a new campaign from a saved coupon: its fields are filled in and can still be changed. */
    public void useTemplate(Coupon saved) {
        reset();
        template = saved;
        kind.set(saved.kind());
        value.set(saved.kind() == CouponKind.DISCOUNT ? Integer.toString(saved.percentOff())
                : Money.formatYuan(saved.valueCents()));
        minSpend.set(saved.minSpendCents() == 0 ? "" : Money.formatYuan(saved.minSpendCents()));
        cap.set(saved.capCents() == null ? "" : Money.formatYuan(saved.capCents()));
        items.set(String.join(", ", saved.items()));
        validDays.set(saved.validity().days() == null ? "30" : Integer.toString(saved.validity().days()));
    }

    /** Coupon step → target step, once the coupon is valid. */
    public void couponNext() {
        error.set("");
        try {
            Coupon typed = typedCoupon();
            List<String> problems = campaigns.check(typed).stream()
                    .map(p -> p.describe(messages)).toList();
            if (!problems.isEmpty()) {
                error.set(String.join("\n", problems));
                return;
            }
            coupon = typed;
            step.set(Step.TARGET);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** Counts the target in the background and shows how it splits. */
    public void preview() {
        error.set("");
        Target target;
        Integer skip;
        try {
            target = target();
            skip = optionalInt(skipDays.get(), "coupons.wizard.skipDays");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        int percent = controlPercent.get();
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> campaigns.preview(target, skip, percent))
                .onSuccess(p -> previewText.set(messages.get("coupons.wizard.preview", p.matched(), p.skipped(),
                        p.targeted(), p.control(), p.treatment())))
                .onFailure(e -> error.set(ErrorText.describe(e, messages)))
                .onFinished(() -> busy.set(false)));
    }

    public void targetNext() {
        error.set("");
        try {
            target();
            optionalInt(skipDays.get(), "coupons.wizard.skipDays");
            step.set(Step.CONTROL);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** A campaign just stored and issued, with how many coupons went out. */
    private record Issued(Campaign campaign, int coupons) {
    }

    /** Stores the campaign with its split and issues its coupons, in the background. */
    public void createAndIssue() {
        error.set("");
        CampaignDraft draft;
        try {
            Long chosenSeed = seed.get() == null || seed.get().isBlank() ? null : Long.parseLong(seed.get().strip());
            boolean unchanged = template != null && sameTerms(template, coupon);
            draft = new CampaignDraft(name.get(), unchanged ? template.id() : null, unchanged ? null : coupon, target(),
                    optionalInt(skipDays.get(), "coupons.wizard.skipDays"), controlPercent.get(), chosenSeed);
        } catch (NumberFormatException e) {
            error.set(messages.get("coupons.wizard.badNumber", seed.get()));
            return;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            Campaign created = campaigns.create(draft);
            int issued = campaigns.issue(created.id());
            return new Issued(campaigns.campaign(created.id()).orElseThrow(), issued);
        }).onSuccess(done -> {
            Campaign created = done.campaign();
            campaign.set(created);
            result.set(messages.get("coupons.wizard.issued", created.name(), created.targeted(), created.control(),
                    done.coupons()));
            step.set(Step.PRINT);
            campaignsChanged.run();
        }).onFailure(e -> error.set(ErrorText.describe(e, messages)))
                .onFinished(() -> busy.set(false)));
    }

    public void back() {
        error.set("");
        switch (step.get()) {
            case TARGET -> step.set(Step.COUPON);
            case CONTROL -> step.set(Step.TARGET);
            default -> { }
        }
    }

    private static boolean sameTerms(Coupon a, Coupon b) {
        return a.kind() == b.kind() && a.valueCents() == b.valueCents()
                && java.util.Objects.equals(a.percentOff(), b.percentOff())
                && java.util.Objects.equals(a.capCents(), b.capCents()) && a.minSpendCents() == b.minSpendCents()
                && a.items().equals(b.items()) && a.validity().equals(b.validity());
    }

    Coupon typedCoupon() {
        CouponKind chosen = kind.get();
        long valueCents = 0;
        Integer percent = null;
        if (chosen == CouponKind.DISCOUNT) {
            percent = requiredInt(value.get(), "coupons.wizard.value");
        } else {
            valueCents = yuan(value.get(), "coupons.wizard.value");
        }
        Long capCents = cap.get() == null || cap.get().isBlank() ? null : yuan(cap.get(), "coupons.wizard.cap");
        long min = minSpend.get() == null || minSpend.get().isBlank() ? 0 : yuan(minSpend.get(), "coupons.wizard.minSpend");
        List<String> itemList = new ArrayList<>();
        for (String item : (items.get() == null ? "" : items.get()).split("[,，、\\n]+")) {
            if (!item.isBlank()) {
                itemList.add(item.strip());
            }
        }
        int days = requiredInt(validDays.get(), "coupons.wizard.validDays");
        if (days < 1) {
            throw new IllegalArgumentException(messages.get("coupons.wizard.badNumber", validDays.get()));
        }
        return new Coupon(0, name.get() == null ? "" : name.get().strip(), chosen, valueCents, percent, capCents, min,
                itemList, Validity.days(days));
    }

    Target target() {
        String text = targetText.get() == null ? "" : targetText.get().strip();
        TargetKind chosen = targetKind.get();
        if (chosen != TargetKind.ALL && text.isEmpty()) {
            throw new IllegalArgumentException(messages.get("coupons.wizard.targetMissing"));
        }
        return switch (chosen) {
            case ALL -> Target.parse("all");
            case RULE -> new Target(Target.Kind.RULE, text);
            case TIER -> new Target(Target.Kind.TIER, text);
            case LIST -> new Target(Target.Kind.LIST, text);
            case TAG -> new Target(Target.Kind.TAG, text);
            case SEGMENT -> new Target(Target.Kind.SEGMENT, text);
            case LIFECYCLE -> new Target(Target.Kind.LIFECYCLE, text);
        };
    }

    private long yuan(String text, String fieldKey) {
        try {
            return Money.parseYuan(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(messages.get("coupons.wizard.badAmount", messages.get(fieldKey),
                    text == null ? "" : text));
        }
    }

    private int requiredInt(String text, String fieldKey) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.get("coupons.wizard.badNumber", text == null ? "" : text));
        }
    }

    private Integer optionalInt(String text, String fieldKey) {
        return text == null || text.isBlank() ? null : requiredInt(text, fieldKey);
    }
}

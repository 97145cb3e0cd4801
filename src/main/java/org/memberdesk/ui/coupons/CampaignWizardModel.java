package org.memberdesk.ui.coupons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.memberdesk.common.Money;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * The campaign wizard: coupon → target → preview → control group → issue → print. Each step checks
 * what was typed before the next one opens; the database work runs in the background.
 */
public final class CampaignWizardModel {
    /** The wizard's steps, in order. */
    public enum Step { COUPON, TARGET, CONTROL, PRINT }

    /** How a target is chosen on the target step. */
    public enum TargetKind { ALL, TIER, LIST, TAG, SEGMENT, LIFECYCLE, RULE }

    private final UiContext context;
    private final Runnable campaignsChanged;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.COUPON);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<CouponKind> kind = new SimpleObjectProperty<>(CouponKind.CASH);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty minSpend = new SimpleStringProperty("");
    private final StringProperty cap = new SimpleStringProperty("");
    private final StringProperty items = new SimpleStringProperty("");
    private final StringProperty validDays = new SimpleStringProperty("30");
    private final ObjectProperty<TargetKind> targetKind = new SimpleObjectProperty<>(TargetKind.ALL);
    private final StringProperty targetText = new SimpleStringProperty("");
    private final StringProperty skipDays = new SimpleStringProperty("");
    private final StringProperty previewText = new SimpleStringProperty("");
    private final IntegerProperty controlPercent = new SimpleIntegerProperty(10);
    private final StringProperty seed = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Campaign> campaign = new SimpleObjectProperty<>();
    private final ObjectProperty<Paper> paper = new SimpleObjectProperty<>(Paper.A4);
    private Coupon coupon;
    /** The saved coupon the wizard started from, reused as it is when its fields were left unchanged. */
    private Coupon template;

    public CampaignWizardModel(UiContext context, Runnable campaignsChanged) {
        this.context = context;
        this.campaignsChanged = campaignsChanged;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<CouponKind> kindProperty() {
        return kind;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty minSpendProperty() {
        return minSpend;
    }

    public StringProperty capProperty() {
        return cap;
    }

    public StringProperty itemsProperty() {
        return items;
    }

    public StringProperty validDaysProperty() {
        return validDays;
    }

    public ObjectProperty<TargetKind> targetKindProperty() {
        return targetKind;
    }

    public StringProperty targetTextProperty() {
        return targetText;
    }

    public StringProperty skipDaysProperty() {
        return skipDays;
    }

    public StringProperty previewTextProperty() {
        return previewText;
    }

    public IntegerProperty controlPercentProperty() {
        return controlPercent;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Campaign> campaignProperty() {
        return campaign;
    }

    public ObjectProperty<Paper> paperProperty() {
        return paper;
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
            List<String> problems = context.app().campaigns().check(typed).stream()
                    .map(p -> p.describe(context.messages())).toList();
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
        CampaignService campaigns = context.app().campaigns();
        context.tasks().execute(BackgroundTask.of(() -> campaigns.preview(target, skip, percent))
                .onSuccess(p -> previewText.set(context.text("coupons.wizard.preview", p.matched(), p.skipped(),
                        p.targeted(), p.control(), p.treatment())))
                .onFailure(e -> error.set(ErrorText.describe(e, context.messages())))
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
            error.set(context.text("coupons.wizard.badNumber", seed.get()));
            return;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        CampaignService campaigns = context.app().campaigns();
        context.tasks().execute(BackgroundTask.of(() -> {
            Campaign created = campaigns.create(draft);
            int issued = campaigns.issue(created.id());
            return new Object[] {campaigns.campaign(created.id()).orElseThrow(), issued};
        }).onSuccess(done -> {
            Campaign created = (Campaign) done[0];
            campaign.set(created);
            result.set(context.text("coupons.wizard.issued", created.name(), created.targeted(), created.control(),
                    (Integer) done[1]));
            step.set(Step.PRINT);
            campaignsChanged.run();
        }).onFailure(e -> error.set(ErrorText.describe(e, context.messages())))
                .onFinished(() -> busy.set(false)));
    }

    /** Prints the new campaign's list or slips to a PDF, with progress and cancel. */
    public BackgroundTask<Integer> print(CouponPrinter.Kind what, Path file) {
        Campaign created = campaign.get();
        Paper chosen = paper.get();
        CouponPrinter printer = context.app().couponPrinter();
        BackgroundTask<Integer> task = BackgroundTask.of(progress -> printer.print(created.id(), what, chosen, file,
                context.messages(), progress));
        task.words((done, total, count) -> context.text("coupons.print.progress", done, total)).onSuccess(rows -> result.set(context.text("coupons.print.done", rows, file.toString())))
                .onFailure(e -> error.set(ErrorText.describe(e, context.messages())));
        return context.tasks().execute(task);
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
            throw new IllegalArgumentException(context.text("coupons.wizard.badNumber", validDays.get()));
        }
        return new Coupon(0, name.get() == null ? "" : name.get().strip(), chosen, valueCents, percent, capCents, min,
                itemList, Validity.days(days));
    }

    Target target() {
        String text = targetText.get() == null ? "" : targetText.get().strip();
        TargetKind chosen = targetKind.get();
        if (chosen != TargetKind.ALL && text.isEmpty()) {
            throw new IllegalArgumentException(context.text("coupons.wizard.targetMissing"));
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
            throw new IllegalArgumentException(context.text("coupons.wizard.badAmount", context.text(fieldKey),
                    text == null ? "" : text));
        }
    }

    private int requiredInt(String text, String fieldKey) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(context.text("coupons.wizard.badNumber", text == null ? "" : text));
        }
    }

    private Integer optionalInt(String text, String fieldKey) {
        return text == null || text.isBlank() ? null : requiredInt(text, fieldKey);
    }
}

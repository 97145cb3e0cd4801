package org.memberdesk.ui.points;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.Target;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.Reward;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The rewards catalog of Settings → Points: every reward (archived ones too), and the form that
 * adds or edits one — a gift, money off, or a coupon picked from the coupon templates or campaigns.
 */
public final class RewardsModel {
    /** A coupon a reward can give: a template (a new campaign of the reward's own) or an existing campaign. */
    public record CouponChoice(String label, Long templateId, Long campaignId) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What the catalog shows: the rewards and the coupons that can be picked. */
    record Catalog(List<Reward> rewards, List<CouponChoice> choices) {
    }

    private final CampaignService campaigns;
    private final PointsService points;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObservableList<Reward> rewards = FXCollections.observableArrayList();
    private final ObservableList<CouponChoice> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Reward> editing = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Reward> shownRewards = FXCollections.unmodifiableObservableList(rewards);
    private final ObservableList<CouponChoice> shownChoices = FXCollections.unmodifiableObservableList(choices);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Reward.Kind> kind = new SimpleObjectProperty<>(Reward.Kind.GIFT);
    private final StringProperty cost = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final ObjectProperty<CouponChoice> coupon = new SimpleObjectProperty<>();
    private final Map<String, String> problems = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final BooleanProperty tried = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public RewardsModel(CampaignService campaigns, PointsService points, TaskExecutor tasks, Messages messages) {
        this.campaigns = campaigns;
        this.points = points;
        this.tasks = tasks;
        this.messages = messages;
        for (javafx.beans.Observable field : List.of(name, kind, cost, value, coupon)) {
            field.addListener(obs -> {
                if (tried.get()) {
                    check();
                }
            });
        }
    }

    public void load() {
        tasks.execute(BackgroundTask.of(this::read).onSuccess(this::show)
                .onFailure(error -> status.set(ErrorText.describe(error, messages))));
    }

    private Catalog read() {
        List<CouponChoice> found = new ArrayList<>();
        for (Coupon template : campaigns.coupons()) {
            found.add(new CouponChoice(messages.get("points.rewards.choice.coupon", template.name()), template.id(),
                    null));
        }
        for (Campaign campaign : campaigns.campaigns()) {
            // a reward's own campaign is reached through its template, not picked on its own
            if (campaign.target().kind() != Target.Kind.REWARD) {
                found.add(new CouponChoice(messages.get("points.rewards.choice.campaign", campaign.name()), null,
                        campaign.id()));
            }
        }
        return new Catalog(this.points.rewards(), found);
    }

    void show(Catalog catalog) {
        rewards.setAll(catalog.rewards());
        choices.setAll(catalog.choices());
    }

    /** Empties the form for a new reward. */
    public void startNew() {
        editing.set(null);
        fill("", Reward.Kind.GIFT, "", "", null);
    }

    /** Puts a stored reward in the form. */
    public void edit(Reward reward) {
        if (reward == null) {
            return;
        }
        editing.set(reward);
        CouponChoice choice = choices.stream().filter(c -> reward.couponTemplateId() != null
                        ? reward.couponTemplateId().equals(c.templateId())
                        : reward.campaignId() != null && reward.campaignId().equals(c.campaignId()))
                .findFirst().orElse(null);
        fill(reward.name(), reward.kind(), Long.toString(reward.costPoints()),
                reward.kind() == Reward.Kind.CASH ? Money.formatYuan(reward.valueCents()) : "", choice);
    }

    private void fill(String newName, Reward.Kind newKind, String newCost, String newValue, CouponChoice choice) {
        tried.set(false);
        name.set(newName);
        kind.set(newKind);
        cost.set(newCost);
        value.set(newValue);
        coupon.set(choice);
        problems.clear();
        revision.set(revision.get() + 1);
    }

    /** The reward as typed, or empty with the problems next to their fields. */
    private Optional<Reward> check() {
        problems.clear();
        long points = 0;
        try {
            points = Long.parseLong(cost.get().strip());
        } catch (NumberFormatException e) {
            problems.put("cost_points", messages.get("points.settings.wholeNumber", cost.get().strip()));
        }
        long cents = 0;
        if (kind.get() == Reward.Kind.CASH) {
            try {
                cents = Money.parseYuan(value.get());
            } catch (IllegalArgumentException e) {
                problems.put("value", messages.get("points.rewards.badValue", value.get()));
            }
        }
        CouponChoice choice = kind.get() == Reward.Kind.COUPON ? coupon.get() : null;
        Reward reward = new Reward(editing.get() == null ? 0 : editing.get().id(), name.get(), kind.get(), points,
                cents, editing.get() == null || editing.get().active(),
                choice == null ? null : choice.templateId(), choice == null ? null : choice.campaignId());
        for (Problem p : this.points.check(reward)) {
            problems.putIfAbsent(p.field(), p.describe(messages));
        }
        revision.set(revision.get() + 1);
        return problems.isEmpty() ? Optional.of(reward) : Optional.empty();
    }

    public void save() {
        tried.set(true);
        status.set("");
        Optional<Reward> reward = check();
        if (reward.isEmpty()) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> this.points.saveReward(reward.get()))
                .onSuccess(saved -> {
                    status.set(messages.get("points.rewards.saved", saved.name()));
                    editing.set(saved);
                    load();
                })
                .onFailure(this::failed));
    }

    /** Archives the reward (nobody can redeem it any more; the ledger keeps its name), or brings it back. */
    public void toggleArchived(Reward reward) {
        if (reward == null) {
            return;
        }
        boolean active = !reward.active();
        tasks.execute(BackgroundTask.of(() -> {
            this.points.setRewardActive(reward.id(), active);
            return active;
        }).onSuccess(now -> {
            status.set(messages.get(now ? "points.rewards.restored" : "points.rewards.archived", reward.name()));
            load();
        }).onFailure(this::failed));
    }

    private void failed(Throwable error) {
        if (error instanceof ValidationException invalid) {
            for (Problem p : invalid.problems()) {
                problems.put(p.field(), p.describe(messages));
            }
            revision.set(revision.get() + 1);
        }
        status.set(ErrorText.describe(error, messages));
    }

    public Optional<String> problem(String field) {
        return Optional.ofNullable(problems.get(field));
    }

    /** How a reward reads in the catalog: what it gives. */
    public String gives(Reward reward) {
        return switch (reward.kind()) {
            case GIFT -> messages.get("points.rewards.kind.gift");
            case CASH -> messages.get("points.rewards.cashOff", Money.formatYuan(reward.valueCents()));
            case COUPON -> choices.stream().filter(c -> reward.couponTemplateId() != null
                            ? reward.couponTemplateId().equals(c.templateId())
                            : reward.campaignId() != null && reward.campaignId().equals(c.campaignId()))
                    .map(CouponChoice::label).findFirst().orElse(messages.get("points.rewards.kind.coupon"));
        };
    }

    public ObservableList<Reward> rewards() {
        return shownRewards;
    }

    public ObservableList<CouponChoice> choices() {
        return shownChoices;
    }

    public ReadOnlyObjectProperty<Reward> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** input */
    public StringProperty nameProperty() {
        return name;
    }

    /** input */
    public ObjectProperty<Reward.Kind> kindProperty() {
        return kind;
    }

    /** input */
    public StringProperty costProperty() {
        return cost;
    }

    /** input */
    public StringProperty valueProperty() {
        return value;
    }

    /** input */
    public ObjectProperty<CouponChoice> couponProperty() {
        return coupon;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}

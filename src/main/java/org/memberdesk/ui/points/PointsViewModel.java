package org.memberdesk.ui.points;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.members.Member;
import org.memberdesk.points.PointsEntry;
import org.memberdesk.points.PointsSummary;
import org.memberdesk.points.Reward;
import org.memberdesk.tiers.TierProgress;
import org.memberdesk.tiers.TierService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.PointsBalance;
import org.memberdesk.ui.common.UiContext;

/**
 * The Points screen without the screen: find a member, show their balance, tier and ledger, and
 * adjust or redeem. Every read and write runs as a background task; problems (too few points, a
 * missing reason) land in {@link #problem} as a sentence and change nothing.
 */
public final class PointsViewModel {
    private static final int LEDGER_ROWS = 200;

    /** What the screen shows of the member once found. */
    public record Shown(Member member, PointsSummary summary, TierProgress progress, List<PointsEntry> entries,
                        List<Reward> rewards) {
    }

    private final UiContext context;
    private final StringProperty lookup = new SimpleStringProperty("");
    private final ObjectProperty<Member> member = new SimpleObjectProperty<>();
    private final StringProperty balance = new SimpleStringProperty("");
    /** The balance is below zero: a return took back points already spent ("欠 N 积分", shown in red). */
    private final BooleanProperty owing = new SimpleBooleanProperty(false);
    private final StringProperty tier = new SimpleStringProperty("");
    private final StringProperty nextStep = new SimpleStringProperty("");
    private final StringProperty expiring = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<PointsEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> rewards = FXCollections.observableArrayList();

    // the adjust form
    private final StringProperty adjustPoints = new SimpleStringProperty("");
    private final StringProperty adjustReason = new SimpleStringProperty("");
    private final StringProperty operator = new SimpleStringProperty("");
    // the redeem form: a reward from the list, or a number of points with what they were for
    private final StringProperty reward = new SimpleStringProperty();
    private final StringProperty redeemPoints = new SimpleStringProperty("");
    private final StringProperty redeemReason = new SimpleStringProperty("");

    public PointsViewModel(UiContext context) {
        this.context = context;
    }

    /** Finds the member typed in the lookup (number or phone) and shows them. */
    public void find() {
        String typed = lookup.get() == null ? "" : lookup.get().strip();
        if (typed.isEmpty()) {
            return;
        }
        problem.set("");
        context.tasks().execute(BackgroundTask.of(() -> context.app().members().byNumberOrPhone(typed))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        clear();
                        problem.set(context.text("points.ui.notFound", typed));
                    } else {
                        show(found.get().id());
                    }
                })
                .onFailure(this::fail));
    }

    /** Reads the member's points, tier and ledger again and shows them. */
    public void show(long memberId) {
        context.tasks().execute(BackgroundTask.of(() -> read(memberId)).onSuccess(this::apply).onFailure(this::fail));
    }

    private Shown read(long memberId) {
        Member found = context.app().members().byId(memberId).orElseThrow();
        return new Shown(found, context.app().points().summary(memberId), context.app().tiers().progress(memberId),
                context.app().points().entries(memberId, LEDGER_ROWS), context.app().points().rewards());
    }

    void apply(Shown shown) {
        member.set(shown.member());
        balance.set(PointsBalance.text(shown.summary().balance(), context.messages()));
        owing.set(shown.summary().balance() < 0);
        expiring.set(shown.summary().expiringIn30Days() == 0 ? ""
                : context.text("points.ui.expiring", shown.summary().expiringIn30Days()));
        tier.set(shown.progress().current().name());
        nextStep.set(TierService.nextStep(shown.progress(), context.messages()));
        entries.setAll(shown.entries());
        String chosen = reward.get();
        rewards.setAll(shown.rewards().stream().filter(Reward::active)
                .map(r -> r.name() + " · " + r.costPoints()).toList());
        if (chosen != null && !rewards.contains(chosen)) {
            reward.set(null);
        }
    }

    private void clear() {
        member.set(null);
        balance.set("");
        owing.set(false);
        tier.set("");
        nextStep.set("");
        expiring.set("");
        entries.clear();
    }

    /** Adds or takes away points with a reason and who did it. */
    public void adjust() {
        Member current = member.get();
        if (current == null) {
            return;
        }
        long points;
        try {
            points = Long.parseLong(adjustPoints.get().strip());
        } catch (NumberFormatException e) {
            problem.set(context.text("points.ui.wholeNumber", adjustPoints.get()));
            return;
        }
        String reason = adjustReason.get();
        String by = operator.get();
        write(() -> context.app().points().adjust(current.id(), points, reason, by), current.id(),
                context.text("points.ui.adjusted", points), () -> {
                    adjustPoints.set("");
                    adjustReason.set("");
                });
    }

    /** Redeems the chosen reward, or the typed points for the typed reason. */
    public void redeem() {
        Member current = member.get();
        if (current == null) {
            return;
        }
        String chosen = reward.get();
        String by = operator.get();
        if (chosen != null && !chosen.isBlank()) {
            String name = chosen.substring(0, chosen.lastIndexOf(" · "));
            redeemReward(current.id(), name, by);
            return;
        }
        long points;
        try {
            points = Long.parseLong(redeemPoints.get().strip());
        } catch (NumberFormatException e) {
            problem.set(context.text("points.ui.wholeNumber", redeemPoints.get()));
            return;
        }
        String reason = redeemReason.get();
        write(() -> context.app().points().redeemPoints(current.id(), points, reason, by), current.id(),
                context.text("points.ui.redeemed", reason), () -> {
                    redeemPoints.set("");
                    redeemReason.set("");
                });
    }

    /** A reward; a coupon reward's new code (and its last day) is part of the message. */
    private void redeemReward(long memberId, String name, String by) {
        problem.set("");
        status.set("");
        context.tasks().execute(BackgroundTask.of(() -> context.app().points().redeemReward(memberId, name, by))
                .onSuccess(done -> {
                    reward.set(null);
                    status.set(done.couponCode() == null ? context.text("points.ui.redeemed", name)
                            : context.text("points.ui.redeemedCoupon", name, done.couponCode(),
                                    done.couponValidTo().toString()));
                    context.changes().memberChanged(memberId);
                    show(memberId);
                })
                .onFailure(this::fail));
    }

    private void write(java.util.concurrent.Callable<Long> work, long memberId, String done, Runnable reset) {
        problem.set("");
        status.set("");
        context.tasks().execute(BackgroundTask.of(work)
                .onSuccess(newBalance -> {
                    reset.run();
                    status.set(done);
                    context.changes().memberChanged(memberId);
                    show(memberId);
                })
                .onFailure(this::fail));
    }

    private void fail(Throwable error) {
        problem.set(ErrorText.describe(error, context.messages()));
    }

    public StringProperty lookupProperty() {
        return lookup;
    }

    public ObjectProperty<Member> memberProperty() {
        return member;
    }

    public StringProperty balanceProperty() {
        return balance;
    }

    public ReadOnlyBooleanProperty owingProperty() {
        return owing;
    }

    public StringProperty tierProperty() {
        return tier;
    }

    public StringProperty nextStepProperty() {
        return nextStep;
    }

    public StringProperty expiringProperty() {
        return expiring;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<PointsEntry> entries() {
        return entries;
    }

    public ObservableList<String> rewards() {
        return rewards;
    }

    public StringProperty adjustPointsProperty() {
        return adjustPoints;
    }

    public StringProperty adjustReasonProperty() {
        return adjustReason;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public StringProperty rewardProperty() {
        return reward;
    }

    public StringProperty redeemPointsProperty() {
        return redeemPoints;
    }

    public StringProperty redeemReasonProperty() {
        return redeemReason;
    }
}

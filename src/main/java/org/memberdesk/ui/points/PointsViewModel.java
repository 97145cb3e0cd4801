package org.memberdesk.ui.points;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberService;
import org.memberdesk.points.PointsEntry;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsSummary;
import org.memberdesk.points.Reward;
import org.memberdesk.tiers.TierProgress;
import org.memberdesk.tiers.TierService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.PointsBalance;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The Points screen without the screen: find a member, show their balance, tier and ledger, and
 * adjust or redeem. Every read and write runs as a background task; problems (too few points, a
 * missing reason) land in {@link #problemProperty()} as a sentence and change nothing. What the person
 * types or picks are writable inputs; everything shown is read-only.
 */
public final class PointsViewModel {
    private static final int LEDGER_ROWS = 200;
    /** As many matches as the counter lists for a partly typed phone, number or name. */
    static final int MATCHES = 8;

    /** What the screen shows of the member once found. */
    public record Shown(Member member, PointsSummary summary, TierProgress progress, List<PointsEntry> entries,
                        List<Reward> rewards) {
    }

    private final MemberService members;
    private final PointsService points;
    private final TierService tiers;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final DataChanges changes;
    private final StringProperty lookup = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Member> member = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper("");
    private long balancePoints;
    /** The balance is below zero: a return took back points already spent ("欠 N 积分", shown in red). */
    private final ReadOnlyBooleanWrapper owing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper tier = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextStep = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper expiring = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<PointsEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> rewards = FXCollections.observableArrayList();
    private final ObservableList<Member> matches = FXCollections.observableArrayList();
    private final ObservableList<PointsEntry> shownEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<String> shownRewards = FXCollections.unmodifiableObservableList(rewards);
    private final ObservableList<Member> shownMatches = FXCollections.unmodifiableObservableList(matches);
    /** The active rewards by the text the list shows ("name · cost"). */
    private final Map<String, Reward> rewardsByText = new LinkedHashMap<>();

    // the adjust form
    private final StringProperty adjustPoints = new SimpleStringProperty("");
    private final StringProperty adjustReason = new SimpleStringProperty("");
    private final StringProperty operator = new SimpleStringProperty("");
    // the redeem form: a reward from the list, or a number of points with what they were for
    private final StringProperty reward = new SimpleStringProperty();
    private final StringProperty redeemPoints = new SimpleStringProperty("");
    private final StringProperty redeemReason = new SimpleStringProperty("");

    public PointsViewModel(MemberService members, PointsService points, TierService tiers, TaskExecutor tasks,
                           DialogService dialogs, Messages messages, DataChanges changes) {
        this.members = members;
        this.points = points;
        this.tiers = tiers;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.changes = changes;
    }

    /**
     * Finds the member typed in the lookup as the counter does: an exact member number or full phone first, else
     * the members whose number, name or phone contains it (the last 4 digits of a phone). One match is shown; several
     * are listed in {@link #matches()} to pick from.
     */
    public void find() {
        String typed = lookup.get() == null ? "" : lookup.get().strip();
        if (typed.isEmpty()) {
            return;
        }
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> members.lookUp(typed, MATCHES)).onSuccess(found -> {
            if (found.isEmpty()) {
                clear();
                problem.set(messages.get("points.ui.notFound", typed));
            } else if (found.size() == 1) {
                matches.clear();
                show(found.get(0).id());
            } else {
                clear();
                matches.setAll(found);
                problem.set(messages.get("points.ui.severalMatch", found.size(), typed));
            }
        }).onFailure(this::fail));
    }

    /** Shows one of the members listed by {@link #find()}. */
    public void pick(Member picked) {
        if (picked != null) {
            matches.clear();
            problem.set("");
            show(picked.id());
        }
    }

    /** Reads the member's points, tier and ledger again and shows them. */
    public void show(long memberId) {
        tasks.execute(BackgroundTask.of(() -> read(memberId)).onSuccess(this::apply).onFailure(this::fail));
    }

    /** Reads the shown member again (the screen is entered again); nothing when nobody is shown. */
    public void refresh() {
        if (member.get() != null) {
            show(member.get().id());
        }
    }

    private Shown read(long memberId) {
        Member found = members.byId(memberId).orElseThrow();
        return new Shown(found, points.summary(memberId), tiers.progress(memberId), points.entries(memberId,
                LEDGER_ROWS), points.rewards());
    }

    void apply(Shown shown) {
        member.set(shown.member());
        balancePoints = shown.summary().balance();
        balance.set(PointsBalance.text(shown.summary().balance(), messages));
        owing.set(shown.summary().balance() < 0);
        expiring.set(PointsExpiry.text(shown.summary(), messages));
        tier.set(shown.progress().current().name());
        nextStep.set(TierService.nextStep(shown.progress(), messages));
        entries.setAll(shown.entries());
        String chosen = reward.get();
        rewardsByText.clear();
        shown.rewards().stream().filter(Reward::active).forEach(r -> rewardsByText.put(r.name() + " · " + r.costPoints(),
                r));
        rewards.setAll(rewardsByText.keySet());
        if (chosen != null && !rewards.contains(chosen)) {
            reward.set(null);
        }
    }

    private void clear() {
        member.set(null);
        balancePoints = 0;
        balance.set("");
        owing.set(false);
        tier.set("");
        nextStep.set("");
        expiring.set("");
        entries.clear();
        matches.clear();
    }

    /** Adds or takes away points with a reason and who did it. */
    public void adjust() {
        Member current = member.get();
        if (current == null) {
            return;
        }
        long typed;
        try {
            typed = Long.parseLong(adjustPoints.get().strip());
        } catch (NumberFormatException e) {
            problem.set(messages.get("points.ui.wholeNumber", adjustPoints.get()));
            return;
        }
        String reason = adjustReason.get();
        String by = operator.get();
        write(() -> points.adjust(current.id(), typed, reason, by), current.id(),
                messages.get("points.ui.adjusted", typed), () -> {
                    adjustPoints.set("");
                    adjustReason.set("");
                });
    }

    /**
     * Redeems the chosen reward, or the typed points for the typed reason, once the person confirmed the member,
     * what and how many points. When the balance cannot pay, nothing is asked: the service's refusal says why.
     */
    public void redeem() {
        Member current = member.get();
        if (current == null) {
            return;
        }
        String chosen = reward.get();
        String by = operator.get();
        if (chosen != null && !chosen.isBlank() && rewardsByText.containsKey(chosen)) {
            Reward picked = rewardsByText.get(chosen);
            if (confirmed(current, picked.name(), picked.costPoints())) {
                redeemReward(current.id(), picked.name(), by);
            }
            return;
        }
        long typed;
        try {
            typed = Long.parseLong(redeemPoints.get().strip());
        } catch (NumberFormatException e) {
            problem.set(messages.get("points.ui.wholeNumber", redeemPoints.get()));
            return;
        }
        String reason = redeemReason.get();
        if (!confirmed(current, reason == null ? "" : reason.strip(), typed)) {
            return;
        }
        write(() -> points.redeemPoints(current.id(), typed, reason, by), current.id(),
                messages.get("points.ui.redeemed", reason), () -> {
                    redeemPoints.set("");
                    redeemReason.set("");
                });
    }

    /** Asks before points leave the balance; a redemption the balance cannot pay is not asked about. */
    private boolean confirmed(Member current, String what, long cost) {
        if (cost <= 0 || cost > balancePoints) {
            return true;
        }
        return dialogs.confirm(messages.get("points.ui.confirmRedeem.title"), messages.get("points.ui.confirmRedeem",
                current.name(), current.memberNo(), what, cost, balancePoints - cost));
    }

    /** A reward; a coupon reward's new code (and its last day) is part of the message. */
    private void redeemReward(long memberId, String name, String by) {
        problem.set("");
        status.set("");
        tasks.execute(BackgroundTask.of(() -> points.redeemReward(memberId, name, by))
                .onSuccess(done -> {
                    reward.set(null);
                    status.set(done.couponCode() == null ? messages.get("points.ui.redeemed", name)
                            : messages.get("points.ui.redeemedCoupon", name, done.couponCode(),
                                    done.couponValidTo().toString()));
                    changes.memberChanged(memberId);
                    show(memberId);
                })
                .onFailure(this::fail));
    }

    private void write(java.util.concurrent.Callable<Long> work, long memberId, String done, Runnable reset) {
        problem.set("");
        status.set("");
        tasks.execute(BackgroundTask.of(work)
                .onSuccess(newBalance -> {
                    reset.run();
                    status.set(done);
                    changes.memberChanged(memberId);
                    show(memberId);
                })
                .onFailure(this::fail));
    }

    private void fail(Throwable error) {
        problem.set(ErrorText.describe(error, messages));
    }

    /** input: a member number, a phone or part of one, or a name */
    public StringProperty lookupProperty() {
        return lookup;
    }

    public ReadOnlyObjectProperty<Member> memberProperty() {
        return member.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty owingProperty() {
        return owing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tierProperty() {
        return tier.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextStepProperty() {
        return nextStep.getReadOnlyProperty();
    }

    /** What expired already (and when) or expires within 30 days; empty when neither. */
    public ReadOnlyStringProperty expiringProperty() {
        return expiring.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<PointsEntry> entries() {
        return shownEntries;
    }

    public ObservableList<String> rewards() {
        return shownRewards;
    }

    /** The members a partly typed lookup matched, when more than one did. */
    public ObservableList<Member> matches() {
        return shownMatches;
    }

    /** input */
    public StringProperty adjustPointsProperty() {
        return adjustPoints;
    }

    /** input */
    public StringProperty adjustReasonProperty() {
        return adjustReason;
    }

    /** input */
    public StringProperty operatorProperty() {
        return operator;
    }

    /** input: the reward picked, as listed in {@link #rewards()} */
    public StringProperty rewardProperty() {
        return reward;
    }

    /** input */
    public StringProperty redeemPointsProperty() {
        return redeemPoints;
    }

    /** input */
    public StringProperty redeemReasonProperty() {
        return redeemReason;
    }
}

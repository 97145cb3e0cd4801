package org.memberdesk.points;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * The rewards points can be redeemed for (Settings → Points → rewards): the owner's to change, each change written
 * to the operation log. {@link PointsService} is its public face; redeeming is the service's.
 */
final class RewardCatalogue {
    private final Database database;
    private final RewardStore rewards;
    private final CouponRewards couponRewards;
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;

    RewardCatalogue(Database database, RewardStore rewards, CouponRewards couponRewards, Clock clock,
                    StaffSession session, OperationLog log) {
        this.database = database;
        this.rewards = rewards;
        this.couponRewards = couponRewards;
        this.clock = clock;
        this.session = session;
        this.log = log;
    }

    List<Reward> rewards() {
        return database.read(rewards::all);
    }

    /** Every problem with a reward, field by field (what the rewards form shows next to its fields). */
    static List<Problem> check(Reward reward) {
        List<Problem> problems = new ArrayList<>();
        if (reward.name() == null || reward.name().isBlank()) {
            problems.add(Problem.of("name", "points.reward.name"));
        }
        if (reward.costPoints() < 1) {
            problems.add(Problem.of("cost_points", "points.reward.cost", reward.costPoints()));
        }
        if (reward.kind() == Reward.Kind.CASH && reward.valueCents() <= 0) {
            problems.add(Problem.of("value", "points.reward.value"));
        }
        if (reward.kind() == Reward.Kind.COUPON && reward.couponTemplateId() == null && reward.campaignId() == null) {
            problems.add(Problem.of("coupon", "points.reward.coupon"));
        }
        return problems;
    }

    /**
     * Adds a reward (id 0: or changes the one with the same name) or changes a stored one (by id,
     * so it can be renamed). A coupon reward made from a template gets its own campaign, once: a
     * change that keeps the template keeps the campaign and the codes already given.
     */
    Reward save(Reward reward) {
        session.require(Permission.SETTINGS);
        List<Problem> problems = check(reward);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean coupon = reward.kind() == Reward.Kind.COUPON;
        Reward clean = new Reward(reward.id(), reward.name().strip(), reward.kind(), reward.costPoints(),
                reward.kind() == Reward.Kind.CASH ? reward.valueCents() : 0, reward.active(),
                coupon ? reward.couponTemplateId() : null, coupon && reward.couponTemplateId() == null
                ? reward.campaignId() : null);
        LocalDateTime now = LocalDateTime.now(clock);
        return database.write(connection -> {
            java.util.Optional<Reward> stored = clean.id() > 0 ? rewards.byId(connection, clean.id())
                    : rewards.byName(connection, clean.name());
            java.util.Optional<Reward> sameName = rewards.byName(connection, clean.name());
            if (clean.id() > 0 && sameName.isPresent() && sameName.get().id() != clean.id()) {
                throw new ValidationException(Problem.of("name", "points.reward.taken", clean.name()));
            }
            Reward toSave = clean;
            if (coupon) {
                boolean sameTemplate = clean.couponTemplateId() != null && stored.isPresent()
                        && clean.couponTemplateId().equals(stored.get().couponTemplateId())
                        && stored.get().campaignId() != null;
                toSave = clean.withCampaign(sameTemplate ? stored.get().campaignId()
                        : couponRewards.campaignFor(connection, clean, now));
            }
            Reward saved;
            if (clean.id() > 0) {
                if (stored.isEmpty() || !rewards.update(connection, toSave)) {
                    throw new ValidationException(Problem.of("reward", "points.reward.unknown", clean.name()));
                }
                saved = toSave;
            } else {
                saved = toSave.withId(rewards.save(connection, toSave));
            }
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "reward " + saved.name(),
                    PointsChanges.reward(stored.orElse(null), saved)));
            return saved;
        });
    }

    /** Archives a reward (it can no longer be redeemed; the ledger keeps its name) or brings it back. */
    void setActive(long rewardId, boolean active) {
        session.require(Permission.SETTINGS);
        database.write(connection -> {
            Reward reward = rewards.byId(connection, rewardId).orElseThrow(() -> new ValidationException(
                    Problem.of("reward", "points.reward.unknown", Long.toString(rewardId))));
            rewards.update(connection, reward.withActive(active));
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "reward " + reward.name(),
                    PointsChanges.reward(reward, reward.withActive(active))));
            return null;
        });
    }
}

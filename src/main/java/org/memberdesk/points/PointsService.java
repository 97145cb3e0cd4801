package org.memberdesk.points;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * The points a member holds: rules, adjustments, redemptions, expiry and the ledger check. Every
 * change is one transaction that writes the ledger entry, the batches it takes from and the cached
 * balance together; {@code BEGIN IMMEDIATE} makes two tills (or two processes) redeeming from the
 * same member queue, so the second one sees the first one's balance. What a person changes is checked against
 * their role (rules and rewards: the owner; adjustments: a manager up to the shop's limit; redemptions: anyone at
 * the counter) and written to the operation log in the same transaction.
 */
public final class PointsService {
    /** Multipliers above ×10 are almost surely a typo (1500 for 150). */
    public static final int MAX_PERCENT = 1000;

    private final Database database;
    private final PointsStore store;
    private final PointsRulesStore rulesStore;
    private final RewardStore rewards;
    private final CouponRewards couponRewards;
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;
    private final ManagerLimit managerLimit;
    private final RewardCatalogue catalogue;

    /** The most points a manager may adjust at a time, read inside the adjustment's transaction. */
    @FunctionalInterface
    public interface ManagerLimit {
        long points(Connection connection) throws SQLException;
    }

    public PointsService(Database database, PointsStore store, PointsRulesStore rulesStore, RewardStore rewards,
                         CouponRewards couponRewards, Clock clock, StaffSession session, OperationLog log,
                         ManagerLimit managerLimit) {
        this.database = database;
        this.store = store;
        this.rulesStore = rulesStore;
        this.rewards = rewards;
        this.couponRewards = couponRewards;
        this.clock = clock;
        this.session = session;
        this.log = log;
        this.managerLimit = managerLimit;
        this.catalogue = new RewardCatalogue(database, rewards, couponRewards, clock, session, log);
    }

    /**
     * What a redemption did: the points taken, the balance left, and for a coupon reward the code
     * issued and its last valid day (both null otherwise).
     */
    public record Redemption(String reward, long points, long balance, String couponCode, LocalDate couponValidTo) {
    }

    /** What redeeming or expiring did. */
    public record Change(long entries, long points) {
    }

    public PointsRules rules() {
        return database.read(rulesStore::load);
    }

    public List<Problem> check(PointsRules rules) {
        List<Problem> problems = new ArrayList<>();
        if (rules.earnPoints() < 0 || rules.earnPoints() > 1000) {
            problems.add(Problem.of("earn_points", "points.rules.earnPoints", rules.earnPoints()));
        }
        if (rules.earnPerYuan() < 1 || rules.earnPerYuan() > 10_000) {
            problems.add(Problem.of("earn_per_yuan", "points.rules.earnPerYuan", rules.earnPerYuan()));
        }
        checkPercent(problems, "birthday_percent", rules.birthdayPercent());
        if (rules.signupBonus() < 0 || rules.firstPurchaseBonus() < 0) {
            problems.add(Problem.of("bonus", "points.rules.bonus"));
        }
        if (rules.expiryMonths() != null && (rules.expiryMonths() < 1 || rules.expiryMonths() > 120)) {
            problems.add(Problem.of("expiry_months", "points.rules.expiry", rules.expiryMonths()));
        }
        for (Map.Entry<String, Integer> item : rules.itemPercents().entrySet()) {
            checkPercent(problems, item.getKey(), item.getValue());
        }
        for (Map.Entry<String, Integer> category : rules.categoryPercents().entrySet()) {
            checkPercent(problems, category.getKey(), category.getValue());
        }
        return problems;
    }

    private static void checkPercent(List<Problem> problems, String field, int percent) {
        if (percent < 0 || percent > MAX_PERCENT) {
            problems.add(Problem.of(field, "points.rules.percent", percent, MAX_PERCENT));
        }
    }

    /** Saves new rules; they apply to purchases stored from now on (points already earned stay). */
    public void saveRules(PointsRules rules) {
        session.require(Permission.SETTINGS);
        List<Problem> problems = check(rules);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            PointsRules before = rulesStore.load(connection);
            rulesStore.save(connection, rules);
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "points rules",
                    PointsChanges.joined(PointsChanges.rules(before, rulesStore.load(connection)))));
            return null;
        });
    }

    /**
     * Everything Settings → Points edits, in one transaction: the rules with their item and category
     * multipliers, and each tier's points percent (by tier name; tiers not named keep theirs).
     */
    public void saveSettings(PointsRules rules, Map<String, Integer> tierPercents) {
        saveSettings(rules, tierPercents, null);
    }

    /**
     * As {@link #saveSettings(PointsRules, Map)}, and puts the items in categories: exactly the items
     * named in {@code itemCategories} keep a category afterwards (null: categories are left as they are).
     */
    public void saveSettings(PointsRules rules, Map<String, Integer> tierPercents, Map<String, String> itemCategories) {
        session.require(Permission.SETTINGS);
        List<Problem> problems = new ArrayList<>(check(rules));
        tierPercents.forEach((tier, percent) -> checkPercent(problems, "tier:" + tier, percent));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            PointsRules rulesBefore = rulesStore.load(connection);
            Map<String, Integer> tiersBefore = rulesStore.tierPercentsInOrder(connection);
            Map<String, String> categoriesBefore = rulesStore.itemCategories(connection);
            rulesStore.save(connection, rules);
            rulesStore.saveTierPercents(connection, tierPercents);
            if (itemCategories != null) {
                rulesStore.clearItemCategories(connection);
                for (Map.Entry<String, String> item : itemCategories.entrySet()) {
                    rulesStore.setItemCategory(connection, item.getKey(), item.getValue());
                }
            }
            List<String> changes = new ArrayList<>(PointsChanges.rules(rulesBefore, rulesStore.load(connection)));
            changes.addAll(PointsChanges.tierPercents(tiersBefore, rulesStore.tierPercentsInOrder(connection)));
            changes.addAll(PointsChanges.categories(categoriesBefore, rulesStore.itemCategories(connection)));
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "points rules",
                    PointsChanges.joined(changes)));
            return null;
        });
    }

    /** Each tier's points percent, in ladder order (entry tier first). */
    public Map<String, Integer> tierPercents() {
        return database.read(rulesStore::tierPercentsInOrder);
    }

    /** Saves a template's rules and puts its items in their categories, in one transaction. */
    public void applyTemplate(PointsTemplate template) {
        session.require(Permission.SETTINGS);
        List<Problem> problems = check(template.rules());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            saveTemplate(connection, template);
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "points rules",
                    "template " + template.code()));
            return null;
        });
    }

    /** Writes a checked template's rules and item categories on the caller's transaction (growth templates add a ladder). */
    public void saveTemplate(Connection connection, PointsTemplate template) throws SQLException {
        rulesStore.save(connection, template.rules());
        for (Map.Entry<String, String> item : template.itemCategories().entrySet()) {
            rulesStore.setItemCategory(connection, item.getKey(), item.getValue());
        }
    }

    public Map<String, String> itemCategories() {
        return database.read(rulesStore::itemCategories);
    }

    public void setItemCategory(String item, String category) {
        session.require(Permission.SETTINGS);
        if (item == null || item.isBlank()) {
            throw new ValidationException(Problem.of("item", "purchase.item.missing"));
        }
        String name = item.strip();
        String now = category == null || category.isBlank() ? null : category.strip();
        database.write(connection -> {
            Map<String, String> before = rulesStore.itemCategories(connection);
            rulesStore.setItemCategory(connection, name, now);
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "item categories",
                    PointsChanges.joined(PointsChanges.categories(before, rulesStore.itemCategories(connection)))));
            return null;
        });
    }

    /** The balance, what of it expires within 30 days of today, and what is past its day but not yet taken off. */
    public PointsSummary summary(long memberId) {
        LocalDate today = LocalDate.now(clock);
        return database.read(connection -> {
            long balance;
            try (var ledger = store.ledger(connection)) {
                balance = ledger.balance(memberId);
            }
            long expiring = store.expiringBy(connection, memberId, today, today.plusDays(30));
            return store.expiredBy(connection, memberId, balance, expiring, today);
        });
    }

    public List<PointsEntry> entries(long memberId, int limit) {
        return database.read(connection -> store.entries(connection, memberId, limit));
    }

    /** The most points one adjustment may add or take away. */
    public static final long MOST_POINTS_PER_ADJUSTMENT = 100_000_000L;
    /** The most points a member may hold after an adjustment. */
    public static final long MOST_POINTS_HELD = 1_000_000_000_000L;

    /**
     * Adds (positive) or takes away (negative) points by hand; needs a reason and who did it. Added
     * points are a batch that expires like earned ones (repaying points owed first); taking away never goes
     * below zero, nor lower when the member already owes points. A signed-in staff member is who did it, whatever
     * name is given; a manager may adjust up to the shop's limit at a time (read in the same transaction), the
     * owner any number.
     */
    public long adjust(long memberId, long points, String reason, String operator) {
        String by = session.staffId() != null ? session.current().name() : operator;
        // points are stored as 64-bit integers and summed by SQLite, which turns an overflowing sum into a
        // rounded real: a balance must never come near that (an adjustment of 9,223,372,036,854,775,000 twice
        // left a balance the ledger no longer explained). A hundred million at a time and a trillion held are far
        // beyond any shop's points (¥100,000,000 purchases at 100 points a yuan would be 10^10)
        List<Problem> problems = new ArrayList<>();
        if (points == 0) {
            problems.add(Problem.of("points", "points.adjust.zero"));
        } else if (Math.abs((double) points) > MOST_POINTS_PER_ADJUSTMENT) {
            problems.add(Problem.of("points", "points.adjust.tooMany", MOST_POINTS_PER_ADJUSTMENT));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "points.adjust.reason"));
        }
        if (by == null || by.isBlank()) {
            problems.add(Problem.of("operator", "points.adjust.operator"));
        }
        // a cashier is refused before the points are looked at; the limit is read in the transaction below
        session.require(Permission.ADJUST_POINTS);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return database.write(connection -> {
            session.requirePointsAdjustment(points, managerLimit.points(connection));
            try (PointsStore.Ledger ledger = store.ledger(connection)) {
                String memberNo = requireMember(connection, memberId);
                ledger.expireDue(memberId, now.toLocalDate());
                long before = ledger.balance(memberId);
                PointsStore.NewEntry entry = new PointsStore.NewEntry(memberId, now, PointsEntry.Kind.ADJUST, null,
                        null, null, reason.strip(), by.strip());
                if (points > 0) {
                    long held = ledger.balance(memberId);
                    if (held > MOST_POINTS_HELD - points) {
                        throw new ValidationException(Problem.of("points", "points.adjust.tooManyHeld", points, held,
                                MOST_POINTS_HELD));
                    }
                    ledger.addBatch(entry, points, rulesStore.load(connection).expiresOn(now.toLocalDate()));
                } else {
                    long balance = ledger.balance(memberId);
                    if (balance < 0) {
                        // only a return makes a balance negative: a hand adjustment never adds to what is owed
                        throw new ValidationException(Problem.of("points", "points.adjust.owed",
                                PointsOwed.owed(balance)));
                    }
                    if (balance < -points) {
                        throw new ValidationException(Problem.of("points", "points.adjust.belowZero", -points,
                                balance));
                    }
                    ledger.take(entry, -points, null);
                }
                long after = ledger.balance(memberId);
                log.record(connection, OperationLog.Entry.of(Operation.POINTS_ADJUST, memberId,
                        memberNo, (points > 0 ? "+" : "") + points + " pt, balance "
                                + before + " → " + after).because(reason.strip()));
                return after;
            }
        });
    }

    /** Redeems a reward by name; returns the new balance. Too few points: a clear message, nothing changes. */
    public long redeem(long memberId, String rewardName, String operator) {
        return redeemReward(memberId, rewardName, operator).balance();
    }

    /**
     * Redeems a reward by name. A coupon reward issues its coupon to the member in the same
     * transaction as the points are taken: too few points (or a coupon that can no longer be given)
     * and neither happens.
     */
    public Redemption redeemReward(long memberId, String rewardName, String operator) {
        session.require(Permission.REDEEM_POINTS);
        LocalDateTime now = LocalDateTime.now(clock);
        return database.write(connection -> {
            Reward reward = rewards.byName(connection, rewardName == null ? "" : rewardName.strip())
                    .filter(Reward::active)
                    .orElseThrow(() -> new ValidationException(Problem.of("reward", "points.reward.unknown",
                            rewardName)));
            Taken taken = redeem(connection, memberId, reward.costPoints(), reward.id(), reward.name(), operator,
                    now);
            long balance = taken.balance();
            if (reward.kind() != Reward.Kind.COUPON) {
                return new Redemption(reward.name(), reward.costPoints(), balance, null, null);
            }
            long entryId = taken.entryId();
            if (reward.campaignId() == null) {
                throw new ValidationException(Problem.of("coupon", "points.reward.coupon"));
            }
            CouponRewards.IssuedCode code = couponRewards.issue(connection, reward.campaignId(), memberId, now);
            store.linkCoupon(connection, entryId, code.couponId());
            return new Redemption(reward.name(), reward.costPoints(), balance, code.code(), code.validTo());
        });
    }

    /** Redeems a number of points for something not in the reward list (the reason says what). */
    public long redeemPoints(long memberId, long points, String reason, String operator) {
        session.require(Permission.REDEEM_POINTS);
        List<Problem> problems = new ArrayList<>();
        if (points <= 0) {
            problems.add(Problem.of("points", "points.redeem.positive", points));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "points.redeem.reason"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return database.write(connection -> redeem(connection, memberId, points, null, reason.strip(), operator,
                now).balance());
    }

    /** What a redemption took: the balance left and the ledger entry written (a coupon reward links its code). */
    private record Taken(long balance, long entryId) {
    }

    private Taken redeem(Connection connection, long memberId, long cost, Long rewardId, String reason,
                        String operator, LocalDateTime now) throws SQLException {
        try (PointsStore.Ledger ledger = store.ledger(connection)) {
            String memberNo = requireMember(connection, memberId);
            // the balance the member may spend is what has not expired by today
            ledger.expireDue(memberId, now.toLocalDate());
            long balance = ledger.balance(memberId);
            if (balance < 0) {
                throw new ValidationException(Problem.of("points", "points.redeem.owed", PointsOwed.owed(balance)));
            }
            if (balance < cost) {
                throw new ValidationException(Problem.of("points", "points.redeem.notEnough", cost, balance));
            }
            // a signed-in staff member is who served the member, whatever name is given
            String by = session.staffId() != null ? session.current().name() : operator;
            long entryId = ledger.take(new PointsStore.NewEntry(memberId, now, PointsEntry.Kind.REDEEM, null, null,
                    rewardId, reason, by == null || by.isBlank() ? null : by.strip()), cost, null);
            log.record(connection, OperationLog.Entry.of(Operation.POINTS_REDEEM, memberId, memberNo,
                    "-" + cost + " pt, balance " + balance + " → " + (balance - cost)).because(reason));
            return new Taken(balance - cost, entryId);
        }
    }

    /** Expires every batch due on {@code asOf}; running it again for the same day changes nothing. */
    public Change expire(LocalDate asOf) {
        // the shop's rule expires the points, not a person: not checked, and one entry for the whole run (none when
        // nothing was due), in the app's name
        long[] result = database.write(connection -> {
            long[] expired = store.expireAll(connection, asOf);
            if (expired[0] > 0) {
                log.record(connection, OperationLog.Entry.of(Operation.POINTS_EXPIRE, null, asOf.toString(),
                        expired[0] + " batches, " + expired[1] + " pt expired"), Actor.SYSTEM);
            }
            return expired;
        });
        return new Change(result[0], result[1]);
    }

    /** Proves ledger sum = cached balance, batches left = max(balance, 0), a negative balance owed by returns. */
    public LedgerCheck checkLedger() {
        return database.read(connection -> store.check(connection, 5));
    }

    public List<Reward> rewards() {
        return catalogue.rewards();
    }

    /** Every problem with a reward, field by field (what the rewards form shows next to its fields). */
    public List<Problem> check(Reward reward) {
        return RewardCatalogue.check(reward);
    }

    /** See {@link RewardCatalogue#save}. */
    public Reward saveReward(Reward reward) {
        return catalogue.save(reward);
    }

    /** Archives a reward (it can no longer be redeemed; the ledger keeps its name) or brings it back. */
    public void setRewardActive(long rewardId, boolean active) {
        catalogue.setActive(rewardId, active);
    }

    /** The member's number; refused when there is no such member. */
    private String requireMember(Connection connection, long memberId) throws SQLException {
        return store.memberNo(connection, memberId).orElseThrow(() ->
                new ValidationException(Problem.of("member", "member.unknown", Long.toString(memberId))));
    }
}

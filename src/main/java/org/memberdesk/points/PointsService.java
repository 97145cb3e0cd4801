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

/**
 * The points a member holds: rules, adjustments, redemptions, expiry and the ledger check. Every
 * change is one transaction that writes the ledger entry, the batches it takes from and the cached
 * balance together; {@code BEGIN IMMEDIATE} makes two tills (or two processes) redeeming from the
 * same member queue, so the second one sees the first one's balance.
 */
public final class PointsService {
    /** Multipliers above ×10 are almost surely a typo (1500 for 150). */
    static final int MAX_PERCENT = 1000;

    private final Database database;
    private final PointsStore store;
    private final PointsRulesStore rulesStore;
    private final RewardStore rewards;
    private final Clock clock;

    public PointsService(Database database, PointsStore store, PointsRulesStore rulesStore, RewardStore rewards,
                         Clock clock) {
        this.database = database;
        this.store = store;
        this.rulesStore = rulesStore;
        this.rewards = rewards;
        this.clock = clock;
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
        List<Problem> problems = check(rules);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            rulesStore.save(connection, rules);
            return null;
        });
    }

    /** Saves a template's rules and puts its items in their categories, in one transaction. */
    public void applyTemplate(PointsTemplate template) {
        List<Problem> problems = check(template.rules());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            rulesStore.save(connection, template.rules());
            for (Map.Entry<String, String> item : template.itemCategories().entrySet()) {
                rulesStore.setItemCategory(connection, item.getKey(), item.getValue());
            }
            return null;
        });
    }

    public Map<String, String> itemCategories() {
        return database.read(rulesStore::itemCategories);
    }

    public void setItemCategory(String item, String category) {
        if (item == null || item.isBlank()) {
            throw new ValidationException(Problem.of("item", "purchase.item.missing"));
        }
        database.write(connection -> {
            rulesStore.setItemCategory(connection, item.strip(),
                    category == null || category.isBlank() ? null : category.strip());
            return null;
        });
    }

    /** The balance and what of it expires within 30 days of today. */
    public PointsSummary summary(long memberId) {
        LocalDate today = LocalDate.now(clock);
        return database.read(connection -> {
            long balance;
            try (var ledger = store.ledger(connection)) {
                balance = ledger.balance(memberId);
            }
            return new PointsSummary(memberId, balance, store.expiringBy(connection, memberId, today.plusDays(30)));
        });
    }

    public List<PointsEntry> entries(long memberId, int limit) {
        return database.read(connection -> store.entries(connection, memberId, limit));
    }

    /**
     * Adds (positive) or takes away (negative) points by hand; needs a reason and who did it. Added
     * points are a batch that expires like earned ones; taking away never goes below zero.
     */
    public long adjust(long memberId, long points, String reason, String operator) {
        List<Problem> problems = new ArrayList<>();
        if (points == 0) {
            problems.add(Problem.of("points", "points.adjust.zero"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "points.adjust.reason"));
        }
        if (operator == null || operator.isBlank()) {
            problems.add(Problem.of("operator", "points.adjust.operator"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return database.write(connection -> {
            try (PointsStore.Ledger ledger = store.ledger(connection)) {
                requireMember(connection, memberId);
                ledger.expireDue(memberId, now.toLocalDate());
                PointsStore.NewEntry entry = new PointsStore.NewEntry(memberId, now, PointsEntry.Kind.ADJUST, null,
                        null, null, reason.strip(), operator.strip());
                if (points > 0) {
                    ledger.addBatch(entry, points, rulesStore.load(connection).expiresOn(now.toLocalDate()));
                } else {
                    long balance = ledger.balance(memberId);
                    if (balance < -points) {
                        throw new ValidationException(Problem.of("points", "points.adjust.belowZero", -points,
                                balance));
                    }
                    ledger.take(entry, -points, null);
                }
                return ledger.balance(memberId);
            }
        });
    }

    /** Redeems a reward by name; returns the new balance. Too few points: a clear message, nothing changes. */
    public long redeem(long memberId, String rewardName, String operator) {
        LocalDateTime now = LocalDateTime.now(clock);
        return database.write(connection -> {
            Reward reward = rewards.byName(connection, rewardName == null ? "" : rewardName.strip())
                    .filter(Reward::active)
                    .orElseThrow(() -> new ValidationException(Problem.of("reward", "points.reward.unknown",
                            rewardName)));
            return redeem(connection, memberId, reward.costPoints(), reward.id(), reward.name(), operator, now);
        });
    }

    /** Redeems a number of points for something not in the reward list (the reason says what). */
    public long redeemPoints(long memberId, long points, String reason, String operator) {
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
                now));
    }

    private long redeem(Connection connection, long memberId, long cost, Long rewardId, String reason,
                        String operator, LocalDateTime now) throws SQLException {
        try (PointsStore.Ledger ledger = store.ledger(connection)) {
            requireMember(connection, memberId);
            // the balance the member may spend is what has not expired by today
            ledger.expireDue(memberId, now.toLocalDate());
            long balance = ledger.balance(memberId);
            if (balance < cost) {
                throw new ValidationException(Problem.of("points", "points.redeem.notEnough", cost, balance));
            }
            ledger.take(new PointsStore.NewEntry(memberId, now, PointsEntry.Kind.REDEEM, null, null, rewardId,
                    reason, operator == null || operator.isBlank() ? null : operator.strip()), cost, null);
            return balance - cost;
        }
    }

    /** Expires every batch due on {@code asOf}; running it again for the same day changes nothing. */
    public Change expire(LocalDate asOf) {
        long[] result = database.write(connection -> store.expireAll(connection, asOf));
        return new Change(result[0], result[1]);
    }

    /** Proves ledger sum = cached balance = batches left >= 0 for every member. */
    public LedgerCheck checkLedger() {
        return database.read(connection -> store.check(connection, 5));
    }

    public List<Reward> rewards() {
        return database.read(rewards::all);
    }

    public Reward saveReward(Reward reward) {
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
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Reward clean = new Reward(0, reward.name().strip(), reward.kind(), reward.costPoints(), reward.valueCents(),
                reward.active());
        long id = database.write(connection -> rewards.save(connection, clean));
        return new Reward(id, clean.name(), clean.kind(), clean.costPoints(), clean.valueCents(), clean.active());
    }

    private void requireMember(Connection connection, long memberId) throws SQLException {
        if (!store.memberExists(connection, memberId)) {
            throw new ValidationException(Problem.of("member", "member.unknown", Long.toString(memberId)));
        }
    }
}

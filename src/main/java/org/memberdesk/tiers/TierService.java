package org.memberdesk.tiers;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * The tier ladder and members' places on it. Upgrades happen at the counter ({@link GrowthListener}, in the purchase pipeline);
 * a review (daily on start-up, or from the command line with an as-of date) catches up upgrades after
 * a ladder change and is the only thing that moves members down, and only once their protection
 * period since the last upgrade is over. The ladder and a review run by hand are the owner's (settings) and are
 * written to the operation log; the start-up review is the app's own.
 */
public final class TierService {
    private final Database database;
    private final TierStore store;
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;

    public TierService(Database database, TierStore store, Clock clock, StaffSession session, OperationLog log) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.session = session;
        this.log = log;
    }

    public Ladder ladder() {
        return database.read(store::loadLadder);
    }

    public List<Problem> check(Ladder ladder) {
        List<Problem> problems = new ArrayList<>();
        TierProgram program = ladder.program();
        if (program.windowMonths() < 1 || program.windowMonths() > 120) {
            problems.add(Problem.of("window_months", "tiers.window.invalid", program.windowMonths()));
        }
        if (program.protectionMonths() < 0 || program.protectionMonths() > 120) {
            problems.add(Problem.of("protection_months", "tiers.protection.invalid", program.protectionMonths()));
        }
        if (ladder.tiers().isEmpty()) {
            problems.add(Problem.of("tiers", "tiers.none"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < ladder.tiers().size(); i++) {
            Tier tier = ladder.tiers().get(i);
            String field = "tier " + (i + 1);
            if (tier.rank() != i) {
                problems.add(Problem.of(field, "tiers.rank.order", i + 1));
            }
            if (tier.name() == null || tier.name().isBlank()) {
                problems.add(Problem.of(field, "tiers.name.missing", i + 1));
            } else if (!names.add(tier.name().strip())) {
                problems.add(Problem.of(field, "tiers.name.taken", tier.name().strip()));
            }
            if (i == 0 && tier.threshold() != 0) {
                problems.add(Problem.of(field, "tiers.entry.threshold"));
            } else if (i > 0 && tier.threshold() <= previous) {
                problems.add(Problem.of(field, "tiers.threshold.order", tier.name()));
            }
            previous = tier.threshold();
            if (tier.pointsPercent() < 0 || tier.pointsPercent() > 1000) {
                problems.add(Problem.of(field, "tiers.percent.invalid", tier.pointsPercent()));
            }
            if (tier.discountPercent() < 0 || tier.discountPercent() > 100) {
                problems.add(Problem.of(field, "tiers.discount.invalid", tier.discountPercent()));
            }
        }
        return problems;
    }

    /** Saves the ladder (see {@link TierStore#saveLadder} for what happens to members of renamed tiers). */
    public void saveLadder(Ladder ladder) {
        session.require(Permission.SETTINGS);
        List<Problem> problems = check(ladder);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<Tier> clean = new ArrayList<>();
        for (Tier tier : ladder.tiers()) {
            clean.add(new Tier(tier.rank(), tier.name().strip(), tier.threshold(), tier.pointsPercent(),
                    tier.discountPercent(), tier.perks()));
        }
        database.write(connection -> {
            Ladder before = store.loadLadder(connection);
            store.saveLadder(connection, new Ladder(ladder.program(), clean));
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "tier ladder",
                    describe(before) + " → " + describe(store.loadLadder(connection))));
            return null;
        });
    }

    /**
     * Reviews every member as of the end of {@code asOf}: up to the tier the window qualifies for,
     * down only when the protection period since the last upgrade has passed. One transaction;
     * reviewing the same day again changes nothing.
     */
    public ReviewResult review(LocalDate asOf) {
        session.require(Permission.SETTINGS);
        return review(asOf, session.current());
    }

    /** The review, in one transaction, logged in {@code actor}'s name (the app's own at start-up). */
    private ReviewResult review(LocalDate asOf, Actor actor) {
        return database.write(connection -> {
            LocalDate last = store.lastReview(connection);
            if (last == null || last.isBefore(asOf)) {
                store.setLastReview(connection, asOf);
            }
            Ladder ladder = store.loadLadder(connection);
            TierProgram program = ladder.program();
            LocalDateTime to = asOf.atTime(23, 59, 59);
            LocalDateTime from = to.minusMonths(program.windowMonths());
            // a downgrade is allowed when the last upgrade was on or before this day
            String protectedAfter = asOf.minusMonths(program.protectionMonths()).plusDays(1).atStartOfDay()
                    .format(MemberStore.TIME);
            long[] tierCounts = new long[ladder.tiers().size()];
            Moves moves = new Moves();
            long[] blocked = new long[1];
            store.scanForReview(connection, program.basis(), from, to, row -> {
                int current = ladder.rankOf(row.tier());
                int target = ladder.rankFor(row.measured());
                boolean known = row.tier() == null || ladder.rankOf(row.tier()) > 0
                        || ladder.entry().name().equals(row.tier());
                if (target < current && row.upgradedAt() != null && row.upgradedAt().compareTo(protectedAfter) >= 0) {
                    blocked[0]++;
                    target = current;
                }
                if (target != current || !known) {
                    moves.add(row.memberId(), current, target, row.measured());
                }
                tierCounts[target]++;
            });
            LocalDateTime when = asOf.atStartOfDay();
            long upgraded = 0;
            long downgraded = 0;
            try (PreparedStatement up = store.prepareUpgrade(connection);
                 PreparedStatement down = store.prepareDowngrade(connection);
                 PreparedStatement change = store.prepareChange(connection)) {
                for (int i = 0; i < moves.size; i++) {
                    long member = moves.members[i];
                    int fromRank = moves.from[i];
                    int toRank = moves.to[i];
                    String name = ladder.at(toRank).name();
                    if (toRank > fromRank) {
                        up.setString(1, name);
                        up.setString(2, when.format(MemberStore.TIME));
                        up.setLong(3, member);
                        up.executeUpdate();
                        upgraded++;
                    } else {
                        down.setString(1, name);
                        down.setLong(2, member);
                        down.executeUpdate();
                        if (toRank < fromRank) {
                            downgraded++;
                        } else {
                            continue; // a name no longer on the ladder, set to its rank's tier: no move to record
                        }
                    }
                    TierStore.bindChange(change, member, when, ladder.at(fromRank).name(), name, toRank > fromRank,
                            "review", moves.measured[i], null);
                    change.executeUpdate();
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Tier tier : ladder.tiers()) {
                counts.put(tier.name(), tierCounts[tier.rank()]);
            }
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "tier review " + asOf,
                    upgraded + " up, " + downgraded + " down, " + blocked[0] + " kept by protection"), actor);
            return new ReviewResult(upgraded, downgraded, blocked[0], counts);
        });
    }

    /** The members to move, in primitive arrays: a first review can move most of a million members. */
    private static final class Moves {
        long[] members = new long[1024];
        int[] from = new int[1024];
        int[] to = new int[1024];
        long[] measured = new long[1024];
        int size;

        void add(long member, int fromRank, int toRank, long value) {
            if (size == members.length) {
                int grown = size * 2;
                members = java.util.Arrays.copyOf(members, grown);
                from = java.util.Arrays.copyOf(from, grown);
                to = java.util.Arrays.copyOf(to, grown);
                measured = java.util.Arrays.copyOf(measured, grown);
            }
            members[size] = member;
            from[size] = fromRank;
            to[size] = toRank;
            measured[size] = value;
            size++;
        }
    }

    /**
     * The start-up review: reviews as of today unless a review for today (or later) has already run.
     * Empty when there was nothing to do. The caller runs it in a background task.
     */
    public java.util.Optional<ReviewResult> reviewIfDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate last = database.read(store::lastReview);
        if (last != null && !last.isBefore(today)) {
            return java.util.Optional.empty();
        }
        // the app's own daily work: not a person's action, so not checked, and logged in the app's name
        return java.util.Optional.of(review(today, Actor.SYSTEM));
    }

    /** Where a member stands now and what the next tier still needs. */
    public TierProgress progress(long memberId) {
        LocalDateTime now = LocalDateTime.now(clock);
        return database.read(connection -> {
            Ladder ladder = store.loadLadder(connection);
            TierStore.MemberTier member = store.memberTier(connection, memberId)
                    .orElseThrow(() -> new ValidationException(Problem.of("member", "member.unknown",
                            Long.toString(memberId))));
            long measured = store.measured(connection, ladder.program().basis(), memberId,
                    now.minusMonths(ladder.program().windowMonths()), now);
            int rank = ladder.rankOf(member.tier());
            Tier next = rank + 1 < ladder.tiers().size() ? ladder.at(rank + 1) : null;
            long needed = next == null ? 0 : Math.max(0, next.threshold() - measured);
            return new TierProgress(ladder.at(rank), next, ladder.program().basis(), measured, needed);
        });
    }

    /** "再消费 ¥320 升级金卡" for the member pane; empty at the top tier. */
    public static String nextStep(TierProgress progress, Messages messages) {
        if (progress.next() == null) {
            return messages.get("tiers.next.top", progress.current().name());
        }
        if (progress.needed() == 0) {
            return messages.get("tiers.next.reached", progress.next().name());
        }
        return progress.basis() == TierProgram.Basis.SPEND
                ? messages.get("tiers.next.spend", yuan(progress.needed()), progress.next().name())
                : messages.get("tiers.next.points", Long.toString(progress.needed()), progress.next().name());
    }

    /** ¥320 for whole yuan, ¥320.50 otherwise. */
    static String yuan(long cents) {
        String text = Money.display(cents);
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
    }

    public List<TierChange> history(long memberId, int limit) {
        return database.read(connection -> store.history(connection, memberId, limit));
    }

    public Map<String, Long> counts() {
        return database.read(connection -> store.counts(connection, store.loadLadder(connection)));
    }

    /** The ladder in a line: "spend 12 months: 普通 0, 银卡 ¥1000 (5% off), 金卡 ¥5000 (10% off)". */
    static String describe(Ladder ladder) {
        List<String> tiers = new ArrayList<>();
        for (Tier tier : ladder.tiers()) {
            String threshold = ladder.program().basis() == TierProgram.Basis.SPEND ? yuan(tier.threshold())
                    : tier.threshold() + " pt";
            tiers.add(tier.name() + " " + threshold + (tier.discountPercent() > 0 ? " (" + tier.discountPercent()
                    + "% off)" : "") + (tier.pointsPercent() != 100 ? " (points " + tier.pointsPercent() + "%)" : ""));
        }
        return ladder.program().basis().code() + " " + ladder.program().windowMonths() + " months: "
                + String.join(", ", tiers);
    }

    /** Applies a business template's ladder. */
    public void applyTemplate(String code) {
        saveLadder(TierTemplates.of(code));
    }
}

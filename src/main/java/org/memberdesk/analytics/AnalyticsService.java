package org.memberdesk.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.cards.CardReports;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreStore;
import org.memberdesk.segments.LifecycleCounts;
import org.memberdesk.segments.LifecycleService;
import org.memberdesk.segments.LifecycleStage;
import org.memberdesk.segments.RfmResult;
import org.memberdesk.segments.RfmSegment;
import org.memberdesk.segments.RfmService;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleService;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.tiers.TierStore;

/**
 * The dashboard's numbers, cohorts, funnels and distributions, computed from the database on demand
 * (nothing is cached: the database is the truth). Definitions are in docs/analytics.md.
 *
 * <p>Stores (门店). The period's figures, cohorts and funnels are asked for the chain ({@code Optional.empty()}) or
 * for one store. For one store, what happened is counted where it happened: revenue, purchases, returns, the average
 * order, active members and buyers, repurchase, check-ins and money received count that store's rows (its sales,
 * returns, visits, payments). Members are the chain's, so a member is the store's where they joined
 * ({@code members.store_id}): new members, paid conversion (its new members buying there) and the funnels (what
 * they did afterwards, at any store). The member base of the revenue decomposition is the shared pool of members,
 * as for the chain: a store sells to every member.
 * <p>A buyer is the store's where their first purchase ever was made: new buyers, and the bases of retention and
 * the cohorts (by month of first purchase, as for the chain). Retention and the cohorts then ask whether those
 * buyers came back <em>to the chain</em>, at any store. That is what a chain owner asks of a store: did the
 * customers it won stay customers? A member who first bought at 本店 and now shops at 二店 near her new office is
 * not lost, and counting her as lost would blame the store that won her. It also makes the stores' new buyers and
 * cohorts a split of the chain's (each buyer's first sale is at one store), so they add up to the chain's, and new
 * buyers stay a part of the store's active members. The renewal rate stays the chain's (a card is used at every
 * store).
 */
public final class AnalyticsService {
    /** How many months after its first one a cohort is followed. */
    public static final int COHORT_MONTHS = 12;
    /** Lower bounds of the spend bands in cents: under ¥100, ¥100–500, ¥500–1,000, ¥1,000–5,000, ¥5,000 and up. */
    public static final long[] SPEND_BANDS = {10_000, 50_000, 100_000, 500_000};

    private final Database database;
    private final AnalyticsStore store;
    private final Clock clock;
    private final StaffSession session;
    private final RuleService rules;
    private final RfmService rfm;
    private final LifecycleService lifecycle;
    private final CardReports cardReports;
    private final TierStore tierStore;

    /** The figures are a manager's or the owner's ({@link Permission#REPORTS}): every public read checks it. */
    public AnalyticsService(Database database, AnalyticsStore store, Clock clock, RuleService rules, RfmService rfm,
                            LifecycleService lifecycle, CardReports cardReports,
                            StaffSession session, TierStore tierStore) {
        this.tierStore = tierStore;
        this.session = session;
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.rfm = rfm;
        this.lifecycle = lifecycle;
        this.cardReports = cardReports;
    }

    /** The shop's all-time totals, from the kept one-row totals (one row read, whatever the shop's size). */
    public ShopTotals shopTotals() {
        session.require(Permission.REPORTS);
        var kept = database.read(new org.memberdesk.purchases.PurchaseStore()::totals);
        return new ShopTotals(kept.members(), kept.purchases(), kept.returns(), kept.revenueCents());
    }

    public Metrics metrics(Period period) {
        session.require(Permission.REPORTS);
        return database.read(connection -> tally(connection, period, null, null).metrics());
    }

    /**
     * A period's numbers and what cards and visits add to them, from one read snapshot (the {@code report}); for a
     * chain's report, each store's column ({@code stores}, empty for one store or a report of one store).
     */
    public record Report(Metrics metrics, CardFigures cards, List<StoreFigures> stores) {
        public Report {
            stores = List.copyOf(stores);
        }
    }

    public Report report(Period period) {
        return report(period, Optional.empty());
    }

    /** The report of one store, or of the chain with its stores' columns when {@code at} is empty. */
    public Report report(Period period, Optional<Store> at) {
        session.require(Permission.REPORTS);
        Long id = id(at);
        return database.read(connection -> new Report(tally(connection, period, null, id).metrics(),
                cardFigures(connection, period, id), at.isPresent() ? List.of() : storeColumns(connection, period)));
    }

    /** Each store's column of a period, stores in order (store 1 first); empty when the shop has one store. */
    public List<StoreFigures> stores(Period period) {
        session.require(Permission.REPORTS);
        return database.read(connection -> storeColumns(connection, period));
    }

    private List<StoreFigures> storeColumns(Connection connection, Period period) throws SQLException {
        List<Store> stores = new StoreStore().all(connection);
        if (stores.size() < 2) {
            return List.of();
        }
        Map<Long, AnalyticsStore.StoreTally> tallies = store.byStore(connection, period);
        List<StoreFigures> columns = new ArrayList<>();
        for (Store one : stores) {
            AnalyticsStore.StoreTally t = tallies.getOrDefault(one.id(), AnalyticsStore.StoreTally.NONE);
            columns.add(new StoreFigures(one, t.newMembers(), t.purchases(), t.salesCents(), t.returnsCents(),
                    t.visits(), t.cashInCents()));
        }
        return columns;
    }

    private static Long id(Optional<Store> at) {
        return at.map(Store::id).orElse(null);
    }

    /** What cards and visits add to a period: renewal rate, money received by method, visits and visitors. */
    public CardFigures cardFigures(Period period) {
        session.require(Permission.REPORTS);
        return database.read(connection -> cardFigures(connection, period, null));
    }

    /** The renewal rate is the chain's whatever {@code at} (cards are used at every store); the rest is at's. */
    private CardFigures cardFigures(Connection connection, Period period, Long at) throws SQLException {
        long[] visits = store.visits(connection, period, at);
        return new CardFigures(cardReports.renewal(connection, period.from(), period.to()),
                store.cashInByMethod(connection, period, at), visits[0], visits[1]);
    }

    /** The period's numbers against the previous period of the same length, and the trend. */
    public Dashboard dashboard(Period period, Granularity granularity) {
        return dashboard(period, granularity, Optional.empty());
    }

    /** The dashboard of one store, or of the chain with its stores' columns when {@code at} is empty. */
    public Dashboard dashboard(Period period, Granularity granularity, Optional<Store> at) {
        session.require(Permission.REPORTS);
        Long id = id(at);
        return database.read(connection -> {
            PeriodTally current = tally(connection, period, granularity, id);
            PeriodTally previous = tally(connection, period.previous(), null, id);
            return new Dashboard(current.metrics(), previous.metrics(),
                    Decomposition.of(current.metrics(), memberBase(connection, period, id)),
                    Decomposition.of(previous.metrics(), memberBase(connection, period.previous(), id)),
                    current.trend(), cardFigures(connection, period, id),
                    cardFigures(connection, period.previous(), id),
                    at.isPresent() ? List.of() : storeColumns(connection, period));
        });
    }

    public Trend trend(Period period, Granularity granularity) {
        session.require(Permission.REPORTS);
        return database.read(connection -> tally(connection, period, granularity, null).trend());
    }

    /** Monthly cohorts by month of first purchase, followed for {@link #COHORT_MONTHS} months. */
    public List<Cohort> cohorts(YearMonth from, YearMonth to) {
        return cohorts(from, to, Optional.empty());
    }

    /**
     * The cohorts of the members whose first purchase was made at one store ({@code at} empty: the chain), each
     * followed at every store (see the class comment); the stores' cohorts add up to the chain's.
     */
    public List<Cohort> cohorts(YearMonth from, YearMonth to, Optional<Store> at) {
        session.require(Permission.REPORTS);
        Long joinedAt = id(at);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the cohorts end (" + to + ") before they start (" + from + ")");
        }
        YearMonth thisMonth = YearMonth.now(clock);
        int cohortCount = Math.toIntExact(ChronoUnit.MONTHS.between(from, to) + 1);
        long[] sizes = new long[cohortCount];
        long[][] active = new long[cohortCount][COHORT_MONTHS];
        database.read(connection -> {
            // each member's cohort by id, then the buyers of each month after the first cohort, in turn
            int[] cohortOf = new int[Math.toIntExact(store.maxMemberId(connection) + 1)];
            for (int i = 0; i < cohortCount; i++) {
                int cohort = i;
                store.firstBuyersIn(connection, from.plusMonths(i), joinedAt, member -> {
                    cohortOf[(int) member] = cohort + 1;
                    sizes[cohort]++;
                });
            }
            // bit k−1 set: the member has been counted as buying in month k
            short[] counted = new short[cohortOf.length];
            for (int offset = 1; offset < cohortCount + COHORT_MONTHS; offset++) {
                YearMonth month = from.plusMonths(offset);
                if (month.isAfter(thisMonth)) {
                    break;
                }
                int monthIndex = offset;
                store.buyersIn(connection, month, member -> {
                    // read() holds one snapshot, so every buyer is a member the first pass saw; the bound is a
                    // second guard, not the fix
                    int cohort = member < cohortOf.length ? cohortOf[(int) member] - 1 : -1;
                    int k = monthIndex - cohort;
                    if (cohort >= 0 && k >= 1 && k <= COHORT_MONTHS && (counted[(int) member] & (1 << (k - 1))) == 0) {
                        counted[(int) member] |= (short) (1 << (k - 1));
                        active[cohort][k - 1]++;
                    }
                });
            }
            return null;
        });
        List<Cohort> cohorts = new ArrayList<>();
        for (int i = 0; i < cohortCount; i++) {
            YearMonth month = from.plusMonths(i);
            // month k is reported once it has begun; later months are unknown, not zero
            long begun = Math.max(0, Math.min(COHORT_MONTHS, ChronoUnit.MONTHS.between(month, thisMonth)));
            List<Long> counts = new ArrayList<>();
            for (int k = 1; k <= begun; k++) {
                counts.add(active[i][k - 1]);
            }
            cohorts.add(new Cohort(month, sizes[i], counts));
        }
        return cohorts;
    }

    /**
     * The AARRR funnel of the members who joined in the period, as of its last day: joined →
     * purchases ≥ 1 → purchases ≥ 2 → total spent ≥ {@code minSpentCents} → referrals ≥ 1.
     * Step names are the rules they stand for.
     */
    public Funnel aarrr(Period period, long minSpentCents) {
        return aarrr(period, minSpentCents, Optional.empty());
    }

    /** The AARRR funnel of the members who joined at one store ({@code at} empty: anywhere), as the class says. */
    public Funnel aarrr(Period period, long minSpentCents, Optional<Store> at) {
        session.require(Permission.REPORTS);
        if (minSpentCents < 0) {
            throw new IllegalArgumentException("the spend step must be 0 or more, not " + minSpentCents);
        }
        List<AnalyticsStore.Progress> joined = database.read(connection -> store.joinedProgress(connection, period,
                id(at)));
        List<Funnel.Step> steps = new ArrayList<>();
        steps.add(new Funnel.Step(JOINED, ids(joined)));
        List<AnalyticsStore.Progress> passed = joined;
        passed = passed.stream().filter(m -> m.purchases() >= 1).toList();
        steps.add(new Funnel.Step("purchases >= 1", ids(passed)));
        passed = passed.stream().filter(m -> m.purchases() >= 2).toList();
        steps.add(new Funnel.Step("purchases >= 2", ids(passed)));
        passed = passed.stream().filter(m -> m.spentCents() >= minSpentCents).toList();
        steps.add(new Funnel.Step("total_spent >= " + org.memberdesk.common.Money.formatYuan(minSpentCents),
                ids(passed)));
        passed = passed.stream().filter(m -> m.referrals() >= 1).toList();
        steps.add(new Funnel.Step("referrals >= 1", ids(passed)));
        return new Funnel(period, steps);
    }

    /**
     * A custom funnel: the members who joined in the period, then for each rule (of the rule language)
     * those of the step before who match it as of the period's last day. Step names are the rules as
     * written. A bad rule throws {@link org.memberdesk.tags.RuleException} before anything is counted.
     */
    public Funnel custom(Period period, List<String> ruleTexts) {
        return custom(period, ruleTexts, Optional.empty());
    }

    /** The custom funnel of the members who joined at one store ({@code at} empty: anywhere). */
    public Funnel custom(Period period, List<String> ruleTexts, Optional<Store> at) {
        session.require(Permission.REPORTS);
        List<Rule> parsed = ruleTexts.stream().map(text -> rules.parse(text.strip())).toList();
        // a step on the prediction fields reads a model: fitted before the read, or the read would not see it
        parsed.forEach(rule -> rules.prepare(rule, period.to()));
        // one read around every step: the rule engine's reads inside it share its snapshot, so the steps
        // count the same moment of the database
        return database.read(connection -> {
            long[] passed = store.joinedIds(connection, period, id(at));
            List<Funnel.Step> steps = new ArrayList<>();
            steps.add(new Funnel.Step(JOINED, passed));
            for (int i = 0; i < parsed.size(); i++) {
                // the rule engine answers for every member; keeping only the previous step's is a merge of two
                // sorted lists
                passed = passed.length == 0 ? passed : intersect(passed, rules.members(parsed.get(i), period.to()));
                steps.add(new Funnel.Step(ruleTexts.get(i).strip(), passed));
            }
            return new Funnel(period, steps);
        });
    }

    /** The name of every funnel's first step. */
    public static final String JOINED = "joined";

    /** Current members by tier; a member with no tier yet is on the entry tier and counted there, by its name. */
    public Distribution tiers() {
        session.require(Permission.REPORTS);
        Map<String, Long> counts = database.read(connection -> {
            Ladder ladder = tierStore.loadLadder(connection);
            Map<String, Long> byTier = new LinkedHashMap<>();
            store.countBy(connection, "tier").forEach((tier, count) -> byTier.merge(ladder.nameOf(tier), count,
                    Long::sum));
            return byTier;
        });
        List<Distribution.Slice> slices = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> slices.add(new Distribution.Slice(e.getKey(), e.getKey(), e.getValue())));
        return new Distribution("tier", null, slices);
    }

    /** Current members by the channel they came through (null key: not recorded). */
    public Distribution channels() {
        session.require(Permission.REPORTS);
        return countBy("channel");
    }

    /**
     * Current members by net spend: "none" (never bought), then bands whose keys are their lower
     * bound in cents ("0", "10000", …); see {@link #SPEND_BANDS}.
     */
    public Distribution spendBands() {
        session.require(Permission.REPORTS);
        long[] counts = database.read(connection -> store.spendBands(connection, SPEND_BANDS));
        List<Distribution.Slice> slices = new ArrayList<>();
        slices.add(new Distribution.Slice("none", "none", counts[0]));
        for (int band = 0; band <= SPEND_BANDS.length; band++) {
            long lower = band == 0 ? 0 : SPEND_BANDS[band - 1];
            String label = band == SPEND_BANDS.length ? "≥ " + yuan(lower)
                    : (band == 0 ? "< " : yuan(lower) + "–") + yuan(SPEND_BANDS[band]);
            slices.add(new Distribution.Slice(Long.toString(lower), label, counts[band + 1]));
        }
        return new Distribution("spend", null, slices);
    }

    /** Members by RFM segment (the segments engine's definition) as of a day; keys are the segment keys. */
    public Distribution rfmSegments(LocalDate asOf) {
        session.require(Permission.REPORTS);
        RfmResult result = rfm.compute(asOf);
        List<Distribution.Slice> slices = new ArrayList<>();
        for (RfmSegment segment : RfmSegment.values()) {
            RfmResult.SegmentTotals totals = result.segments().get(segment);
            slices.add(new Distribution.Slice(segment.key(), segment.key(), totals == null ? 0 : totals.members()));
        }
        return new Distribution("rfm", asOf, slices);
    }

    /** Members by lifecycle stage (the segments engine's settings) as of a day; keys are the stage keys. */
    public Distribution lifecycleStages(LocalDate asOf) {
        session.require(Permission.REPORTS);
        LifecycleCounts counts = lifecycle.counts(asOf);
        List<Distribution.Slice> slices = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            slices.add(new Distribution.Slice(stage.key(), stage.key(), counts.stages().getOrDefault(stage, 0L)));
        }
        return new Distribution("stage", asOf, slices);
    }

    /** Today in the shop, for "as of now" distributions. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The ids in both ascending arrays, ascending. */
    static long[] intersect(long[] a, long[] b) {
        long[] both = new long[Math.min(a.length, b.length)];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                both[size++] = a[i];
                i++;
                j++;
            }
        }
        return java.util.Arrays.copyOf(both, size);
    }

    private Distribution countBy(String column) {
        Map<String, Long> counts = database.read(connection -> store.countBy(connection, column));
        List<Distribution.Slice> slices = new ArrayList<>();
        counts.forEach((key, count) -> slices.add(new Distribution.Slice(key, key == null ? "—" : key, count)));
        return new Distribution(column, null, slices);
    }

    private static String yuan(long cents) {
        return "¥" + cents / 100;
    }

    /**
     * One pass over the period's purchases (and, where visits count as activity — the lifecycle setting, the same
     * that decides stages — its check-ins, day by day), after the members who joined or first bought in it.
     */
    private PeriodTally tally(Connection connection, Period period, Granularity granularity, Long at)
            throws SQLException {
        PeriodTally tally = new PeriodTally(period, store.maxMemberId(connection), granularity);
        store.joinedIn(connection, period, at, tally::joined);
        store.firstPurchasesIn(connection, period, at, tally::firstPurchase);
        boolean visitsCount = LifecycleService.settings(connection).visitsCount();
        store.salesByDay(connection, period, visitsCount, at, new AnalyticsStore.SalesByDay() {
            @Override
            public void day(int epochDay, long purchases, long salesCents, long returnsCents) {
                tally.day(epochDay, purchases, salesCents, returnsCents);
            }

            @Override
            public void sale(long memberId, int epochDay) {
                tally.sale(memberId, epochDay);
            }

            @Override
            public void visit(long memberId, int epochDay) {
                tally.visit(memberId, epochDay);
            }

            @Override
            public void elsewhere(long memberId, int epochDay) {
                tally.elsewhere(memberId, epochDay);
            }
        });
        return tally;
    }

    /**
     * Members joined by the end of the period, plus buyers of the period (at {@code at}, or anywhere) who (oddly)
     * joined later. The pool is the chain's for a store too: a store sells to every member.
     */
    private long memberBase(Connection connection, Period period, Long at) throws SQLException {
        return store.joinedBy(connection, period.to()) + store.buyersJoinedLater(connection, period, at);
    }

    private static long[] ids(List<AnalyticsStore.Progress> members) {
        return members.stream().mapToLong(AnalyticsStore.Progress::memberId).toArray();
    }
}

package org.memberdesk.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Json;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.demo.Business;
import org.memberdesk.tags.MemberFacts;
import org.memberdesk.tags.Rule;

/**
 * Lifecycle stages at a date, with the day limits kept in the settings table (so each shop tunes
 * them to its business), and the moves between stages since an earlier date.
 */
public final class LifecycleService {
    static final String SETTING = "lifecycle.stages";

    private final Database database;
    private final org.memberdesk.staff.StaffSession session;
    private final org.memberdesk.staff.OperationLog log;

    public LifecycleService(Database database, org.memberdesk.staff.StaffSession session,
            org.memberdesk.staff.OperationLog log) {
        this.database = database;
        this.session = session;
        this.log = log;
    }

    public LifecycleSettings settings() {
        return database.read(LifecycleService::settings);
    }

    /**
     * The limits saved for this database; without any, those of its kind of business (chosen at first
     * run); without that either (a database made from the command line), the defaults 30 / 90 / 180.
     */
    public static LifecycleSettings settings(Connection connection) throws SQLException {
        String value = SegmentStore.setting(connection, SETTING);
        if (value == null) {
            return forBusiness(connection);
        }
        Map<String, Object> stored = Json.readObject(value);
        // limits saved before visits were counted say nothing of them: the kind of business decides
        boolean visitsCount = stored.get("visits_count") instanceof Boolean b ? b
                : forBusiness(connection).visitsCount();
        return new LifecycleSettings(number(stored, "new_days", 30), number(stored, "active_days", 90),
                number(stored, "dormant_days", 180), visitsCount);
    }

    private static LifecycleSettings forBusiness(Connection connection) throws SQLException {
        // the key the shop profile keeps the kind of business under (org.memberdesk.shop)
        String business = SegmentStore.setting(connection, "shop.business");
        if (business != null) {
            try {
                return LifecycleSettings.forBusiness(Business.parse(business));
            } catch (IllegalArgumentException unknownKind) {
                return LifecycleSettings.DEFAULT;
            }
        }
        return LifecycleSettings.DEFAULT;
    }

    private static int number(Map<String, Object> stored, String key, int fallback) {
        return stored.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /** Saves the stage limits (the owner's: Settings), logged before → after. */
    public void save(LifecycleSettings settings) {
        session.require(org.memberdesk.staff.Permission.SETTINGS);
        List<Problem> problems = settings.check();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("new_days", settings.newDays());
        value.put("active_days", settings.activeDays());
        value.put("dormant_days", settings.dormantDays());
        value.put("visits_count", settings.visitsCount());
        database.write(connection -> {
            LifecycleSettings before = settings(connection);
            SegmentStore.saveSetting(connection, SETTING, Json.write(value));
            if (!before.equals(settings)) {
                log.record(connection, org.memberdesk.staff.OperationLog.Entry.of(
                        org.memberdesk.staff.Operation.SETTINGS, null, "lifecycle stages", limits(before) + " → "
                                + limits(settings)));
            }
            return null;
        });
    }

    private static String limits(LifecycleSettings settings) {
        return "new " + settings.newDays() + " / active " + settings.activeDays() + " / dormant "
                + settings.dormantDays() + " days" + (settings.visitsCount() ? ", visits count" : "");
    }

    public LifecycleCounts counts(LocalDate asOf) {
        return database.read(connection -> {
            LifecycleSettings settings = settings(connection);
            MemberFacts facts = facts(connection, asOf, "stage", settings);
            // the index slices are of the last purchase; with visits counted every member is classified in one pass
            if (facts.kept() && !settings.visitsCount()) {
                return new LifecycleCounts(asOf, settings, byRecency(connection, facts, settings));
            }
            Map<LifecycleStage, Long> stages = emptyCounts();
            try (PreparedStatement statement = SegmentStore.stageCounts(connection, facts, stage(facts, settings))) {
                int next = bindStage(statement, 1, asOf, settings);
                statement.setString(next, asOf.toString());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        stages.put(LifecycleStage.byKey(rs.getString(1)), rs.getLong(2));
                    }
                }
            }
            return new LifecycleCounts(asOf, settings, stages);
        });
    }

    /**
     * The kept statistics answer with five counts over slices of the activity index (ordered by the
     * last purchase): a first purchase within the new-days limit means a last one within it too.
     */
    private static Map<LifecycleStage, Long> byRecency(Connection connection, MemberFacts facts,
                                                       LifecycleSettings settings) throws SQLException {
        LocalDate asOf = facts.asOf();
        String fresh = asOf.minusDays(settings.newDays()).toString();
        String active = asOf.minusDays(settings.activeDays()).toString();
        String dormant = asOf.minusDays(settings.dormantDays()).toString();
        String joined = " AND " + facts.joined();
        Map<LifecycleStage, Long> stages = emptyCounts();
        count(connection, stages, LifecycleStage.PROSPECT, "last_purchase_at IS NULL" + joined, asOf.toString());
        count(connection, stages, LifecycleStage.NEW, "last_purchase_at >= ? AND first_purchase_at >= ?" + joined,
                fresh, fresh, asOf.toString());
        count(connection, stages, LifecycleStage.ACTIVE, "last_purchase_at >= ? AND first_purchase_at < ?" + joined,
                active, fresh, asOf.toString());
        count(connection, stages, LifecycleStage.DORMANT,
                "last_purchase_at >= ? AND last_purchase_at < ? AND first_purchase_at < ?" + joined,
                dormant, active, fresh, asOf.toString());
        count(connection, stages, LifecycleStage.LOST, "last_purchase_at < ? AND first_purchase_at < ?" + joined,
                dormant, fresh, asOf.toString());
        return stages;
    }

    private static void count(Connection connection, Map<LifecycleStage, Long> stages, LifecycleStage stage,
                              String where, String... values) throws SQLException {
        stages.put(stage, SegmentStore.countMembers(connection, where, values));
    }

    /** Members who had joined by {@code asOf}, by their stage at {@code since} and at {@code asOf}. */
    public LifecycleMoves moves(LocalDate since, LocalDate asOf) {
        return database.read(connection -> {
            LifecycleSettings settings = settings(connection);
            MemberFacts before = facts(connection, since, "before", settings);
            MemberFacts after = facts(connection, asOf, "after", settings);
            Map<LifecycleStage, Map<LifecycleStage, Long>> fromTo = new EnumMap<>(LifecycleStage.class);
            for (LifecycleStage stage : LifecycleStage.values()) {
                fromTo.put(stage, emptyCounts());
            }
            Map<LifecycleStage, Long> joined = emptyCounts();
            long moved = 0;
            try (PreparedStatement statement = SegmentStore.stageMoves(connection, before, after,
                    stage(before, settings), stage(after, settings))) {
                statement.setString(1, since.toString());
                int next = bindStage(statement, 2, since, settings);
                next = bindStage(statement, next, asOf, settings);
                statement.setString(next, asOf.toString());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LifecycleStage to = LifecycleStage.byKey(rs.getString(3));
                        long count = rs.getLong(4);
                        if (rs.getInt(1) == 0) {
                            joined.merge(to, count, Long::sum);
                            moved += count;
                        } else {
                            LifecycleStage from = LifecycleStage.byKey(rs.getString(2));
                            fromTo.get(from).merge(to, count, Long::sum);
                            if (from != to) {
                                moved += count;
                            }
                        }
                    }
                }
            }
            return new LifecycleMoves(since, asOf, fromTo, joined, moved);
        });
    }

    /** The facts a stage reads at a date: with the visits where they count as activity. */
    private static MemberFacts facts(Connection connection, LocalDate asOf, String name, LifecycleSettings settings)
            throws SQLException {
        MemberFacts facts = MemberFacts.open(connection, asOf, name);
        return settings.visitsCount() ? facts.withVisits(connection, name) : facts;
    }

    /**
     * The rule that selects a stage's members at a date with these limits (the screen lists and tags them). With
     * visits counted, "last active" is the later of the last purchase and the last visit, so a limit holds when
     * either is within it; a member who only visited is no prospect and never new (new is by first purchase).
     */
    public static Rule stageRule(LifecycleStage stage, LifecycleSettings settings) {
        if (settings.visitsCount()) {
            String notNew = "not days_since_first_purchase <= " + settings.newDays();
            String active = "(days_since_last_purchase <= " + settings.activeDays() + " or days_since_last_visit <= "
                    + settings.activeDays() + ")";
            String dormant = "(days_since_last_purchase <= " + settings.dormantDays()
                    + " or days_since_last_visit <= " + settings.dormantDays() + ")";
            return Rule.parse(switch (stage) {
                case PROSPECT -> "purchases = 0 and visits = 0";
                case NEW -> "days_since_first_purchase <= " + settings.newDays();
                case ACTIVE -> notNew + " and " + active;
                case DORMANT -> notNew + " and not " + active + " and " + dormant;
                case LOST -> notNew + " and (purchases > 0 or visits > 0) and not " + dormant;
            });
        }
        String settled = "days_since_first_purchase > " + settings.newDays();
        return Rule.parse(switch (stage) {
            case PROSPECT -> "purchases = 0";
            case NEW -> "days_since_first_purchase <= " + settings.newDays();
            case ACTIVE -> settled + " and days_since_last_purchase <= " + settings.activeDays();
            case DORMANT -> settled + " and days_since_last_purchase between " + (settings.activeDays() + 1)
                    + " and " + settings.dormantDays();
            case LOST -> settled + " and days_since_last_purchase > " + settings.dormantDays();
        });
    }

    /**
     * The stage as SQL: three date limits bound in order by {@link #bindStage}. Last active is
     * {@link MemberFacts#lastActiveAt} (with visits where they count).
     */
    private static String stage(MemberFacts facts, LifecycleSettings settings) {
        String prospect = settings.visitsCount() ? facts.purchases() + " = 0 AND " + facts.visits() + " = 0"
                : facts.purchases() + " = 0";
        return """
                CASE WHEN %1$s THEN 'prospect' WHEN %2$s >= ? THEN 'new' WHEN %3$s >= ? THEN 'active'
                     WHEN %3$s >= ? THEN 'dormant' ELSE 'lost' END""".formatted(prospect, facts.firstAt(),
                facts.lastActiveAt(settings.visitsCount()));
    }

    private static int bindStage(PreparedStatement statement, int first, LocalDate asOf, LifecycleSettings settings)
            throws SQLException {
        // "at most N days ago" ⇔ on or after as-of − N (text order of the stored times is time order)
        statement.setString(first, asOf.minusDays(settings.newDays()).toString());
        statement.setString(first + 1, asOf.minusDays(settings.activeDays()).toString());
        statement.setString(first + 2, asOf.minusDays(settings.dormantDays()).toString());
        return first + 3;
    }

    private static Map<LifecycleStage, Long> emptyCounts() {
        Map<LifecycleStage, Long> counts = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            counts.put(stage, 0L);
        }
        return counts;
    }
}

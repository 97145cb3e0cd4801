package org.memberdesk.predictions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.db.Database;
import org.memberdesk.db.Dialect;

/** All SQL of the prediction models: the buyers' transaction days, the models and the members' scores. */
public final class PredictionStore {
    /** Scores are kept for this many of the latest fitted models; older ones keep their parameters only. */
    static final int SCORED_MODELS = 3;
    /** Days packed beside a member id: 2^20 slots, the epoch day shifted by 2^19 (years 535 … 3405). */
    private static final long DAY_SLOTS = 1L << 20;
    private static final long DAY_OFFSET = 1L << 19;

    /**
     * The buyers at the as-of date: sales on or before it, summed per member and calendar day, less what was given
     * back of them by returns on or before it (a day never below zero). Voided sales are not purchases. A return
     * that names no sale is not taken off any day.
     */
    public Buyers buyers(Connection connection, LocalDate asOf, Long onlyMember) throws SQLException {
        String dayAfter = asOf.plusDays(1).toString();
        Dialect dialect = Dialect.of(connection);
        Map<Long, Map<Long, Long>> returned = returnedByDay(connection, dialect, dayAfter, onlyMember);
        if (dialect == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                // the whole-population pass reads the file through the page cache (a server has its own cache)
                statement.execute("PRAGMA mmap_size = " + Database.LARGEST_MEMORY_MAP);
            }
        }
        Buyers.Builder builder = new Buyers.Builder();
        // purchases_member_sales (member_id, time, kind, total_cents) covers it: read in member and time order.
        // Member and day come packed in one integer (member × 2^20 + day + 2^19): each column a row hands over
        // through JDBC costs about as much as SQLite's reading the row, and millions of rows pass here.
        String sql = "SELECT member_id * " + DAY_SLOTS + " + " + epochDay(dialect, "time") + " + " + DAY_OFFSET
                + ", total_cents FROM purchases WHERE kind = 'sale' AND time < ?"
                + (onlyMember == null ? "" : " AND member_id = ?") + " ORDER BY member_id, time";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, dayAfter);
            if (onlyMember != null) {
                select.setLong(2, onlyMember);
            }
            select.setFetchSize(10_000);
            long asOfDay = asOf.toEpochDay();
            long[] days = new long[64];
            long[] cents = new long[64];
            int count = 0;
            long member = Long.MIN_VALUE;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long packed = rs.getLong(1);
                    long id = Math.floorDiv(packed, DAY_SLOTS);
                    long day = Math.floorMod(packed, DAY_SLOTS) - DAY_OFFSET;
                    long total = rs.getLong(2);
                    if (id != member) {
                        addBuyer(builder, member, days, cents, count, asOfDay, returned);
                        member = id;
                        count = 0;
                    }
                    if (count > 0 && days[count - 1] == day) {
                        cents[count - 1] = Math.addExact(cents[count - 1], total);
                        continue;
                    }
                    if (count == days.length) {
                        days = java.util.Arrays.copyOf(days, count * 2);
                        cents = java.util.Arrays.copyOf(cents, count * 2);
                    }
                    days[count] = day;
                    cents[count] = total;
                    count++;
                }
            }
            addBuyer(builder, member, days, cents, count, asOfDay, returned);
        }
        return builder.build();
    }

    private static void addBuyer(Buyers.Builder builder, long member, long[] days, long[] cents, int count,
                                 long asOfDay, Map<Long, Map<Long, Long>> returned) {
        if (count == 0) {
            return;
        }
        Map<Long, Long> back = returned.get(member);
        if (back != null) {
            for (int i = 0; i < count; i++) {
                Long given = back.get(days[i]);
                if (given != null) {
                    cents[i] = Math.max(0, cents[i] + given);
                }
            }
        }
        builder.add(member, days, cents, count, asOfDay);
    }

    /**
     * member → sale day → the (negative) total of returns of that day's sales. Returns are about one row in a
     * hundred: read through the partial index on refund_of (the unary + keeps SQLite off the time index, which
     * would walk every purchase).
     */
    private static Map<Long, Map<Long, Long>> returnedByDay(Connection connection, Dialect dialect, String dayAfter,
                                                            Long onlyMember) throws SQLException {
        Map<Long, Map<Long, Long>> returned = new HashMap<>();
        // PostgreSQL has no unary + on text, and its planner weighs the partial index by its own statistics
        String sql = "SELECT s.member_id, " + epochDay(dialect, "s.time") + ", r.total_cents"
                + " FROM purchases r JOIN purchases s ON s.id = r.refund_of"
                + " WHERE r.refund_of IS NOT NULL AND r.kind = 'return' AND "
                + dialect.pick("+r.time < ? AND +s.time < ?", "r.time < ? AND s.time < ?")
                + (onlyMember == null ? "" : " AND r.member_id = ?");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, dayAfter);
            select.setString(2, dayAfter);
            if (onlyMember != null) {
                select.setLong(3, onlyMember);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    returned.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .merge(rs.getLong(2), rs.getLong(3), Long::sum);
                }
            }
        }
        return returned;
    }

    /**
     * The day of a stored time ("2026-11-22 12:00:00") as days since 1970-01-01: SQLite's unixepoch of its date;
     * PostgreSQL's date arithmetic (a date minus a date is whole days), the same numbers.
     */
    private static String epochDay(Dialect dialect, String column) {
        return dialect.pick("unixepoch(substr(" + column + ", 1, 10)) / 86400",
                "(CAST(substr(" + column + ", 1, 10) AS DATE) - DATE '1970-01-01')");
    }

    /**
     * Stores a model with its scores, replacing the model of the same date and unit, and keeps scores only for the
     * {@link #SCORED_MODELS} latest fitted models. Runs in the caller's transaction.
     */
    public long insert(Connection connection, PredictionModel model, Iterable<MemberPrediction> scores)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM prediction_models WHERE as_of = ? AND unit = ?")) {
            delete.setString(1, model.asOf().toString());
            delete.setString(2, model.unit().code());
            delete.executeUpdate();
        }
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO prediction_models (as_of, unit, fitted_at, buyers, repeat_buyers, r, alpha, a, b,
                    log_likelihood, evaluations, gg_p, gg_q, gg_v, gg_log_likelihood, gg_buyers, gg_refused,
                    horizon_days, monthly_discount, scored)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, model.asOf().toString());
            insert.setString(2, model.unit().code());
            insert.setString(3, model.fittedAt().toString());
            insert.setLong(4, model.buyers());
            insert.setLong(5, model.repeatBuyers());
            insert.setDouble(6, model.bgnbd().r());
            insert.setDouble(7, model.bgnbd().alpha());
            insert.setDouble(8, model.bgnbd().a());
            insert.setDouble(9, model.bgnbd().b());
            insert.setDouble(10, model.logLikelihood());
            insert.setInt(11, model.evaluations());
            GammaGamma spend = model.spend();
            insert.setObject(12, spend == null ? null : spend.p());
            insert.setObject(13, spend == null ? null : spend.q());
            insert.setObject(14, spend == null ? null : spend.v());
            insert.setObject(15, model.spendLogLikelihood());
            insert.setObject(16, model.spendBuyers());
            insert.setString(17, model.spendRefused());
            insert.setInt(18, model.horizonDays());
            insert.setDouble(19, model.monthlyDiscount());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        // Many rows per statement: through JDBC each statement run costs about as much as SQLite's storing a row, and
        // a fit stores a row per buyer (a million rows took 2.9 s one per statement, 1.8 s a hundred at a time).
        try (PreparedStatement many = connection.prepareStatement(insertScores(ROWS_PER_INSERT));
             PreparedStatement one = connection.prepareStatement(insertScores(1))) {
            MemberPrediction[] waiting = new MemberPrediction[ROWS_PER_INSERT];
            int count = 0;
            for (MemberPrediction score : scores) {
                waiting[count++] = score;
                if (count == ROWS_PER_INSERT) {
                    for (int row = 0; row < count; row++) {
                        bindScore(many, row, id, waiting[row]);
                    }
                    many.executeUpdate();
                    count = 0;
                }
            }
            for (int row = 0; row < count; row++) {
                bindScore(one, 0, id, waiting[row]);
                one.executeUpdate();
            }
        }
        // every scored model after the latest few: SQLite needs a LIMIT before OFFSET (-1: none), PostgreSQL has ALL
        try (PreparedStatement old = connection.prepareStatement(
                "SELECT id FROM prediction_models WHERE scored = 1 ORDER BY fitted_at DESC, id DESC LIMIT "
                        + Dialect.of(connection).pick("-1", "ALL") + " OFFSET ?")) {
            old.setInt(1, SCORED_MODELS);
            List<Long> stale = new ArrayList<>();
            try (ResultSet rs = old.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getLong(1));
                }
            }
            for (long staleId : stale) {
                try (PreparedStatement drop = connection.prepareStatement(
                        "DELETE FROM member_predictions WHERE model_id = ?");
                     PreparedStatement mark = connection.prepareStatement(
                             "UPDATE prediction_models SET scored = 0 WHERE id = ?")) {
                    drop.setLong(1, staleId);
                    drop.executeUpdate();
                    mark.setLong(1, staleId);
                    mark.executeUpdate();
                }
            }
        }
        return id;
    }

    private static final int ROWS_PER_INSERT = 100;
    private static final int SCORE_VALUES = 9;

    private static String insertScores(int rows) {
        return "INSERT INTO member_predictions (model_id, member_id, frequency, recency_days, age_days, p_alive, "
                + "expected_90d, expected_spend_cents, clv_cents) VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }

    /** Binds one score as the {@code row}-th row of an insert of several. */
    private static void bindScore(PreparedStatement insert, int row, long modelId, MemberPrediction score)
            throws SQLException {
        int at = row * SCORE_VALUES;
        insert.setLong(at + 1, modelId);
        insert.setLong(at + 2, score.memberId());
        insert.setInt(at + 3, score.frequency());
        insert.setInt(at + 4, score.recencyDays());
        insert.setInt(at + 5, score.ageDays());
        insert.setDouble(at + 6, score.pAlive());
        insert.setDouble(at + 7, score.expectedPurchases());
        insert.setObject(at + 8, score.expectedSpendCents());
        insert.setObject(at + 9, score.clvCents());
    }

    private static final String MODEL_COLUMNS = """
            id, as_of, unit, fitted_at, buyers, repeat_buyers, r, alpha, a, b, log_likelihood, evaluations,
            gg_p, gg_q, gg_v, gg_log_likelihood, gg_buyers, gg_refused, horizon_days, monthly_discount, scored""";

    /** The model of that date and unit. */
    public Optional<PredictionModel> model(Connection connection, LocalDate asOf, TimeUnit unit) throws SQLException {
        return one(connection, "SELECT " + MODEL_COLUMNS + " FROM prediction_models WHERE as_of = ? AND unit = ?",
                asOf.toString(), unit.code());
    }

    /** The model the rule fields read at a date: the latest scored one fitted as of that date or earlier. */
    public Optional<PredictionModel> latestScored(Connection connection, LocalDate onOrBefore) throws SQLException {
        return one(connection, "SELECT " + MODEL_COLUMNS + " FROM prediction_models WHERE scored = 1 AND as_of <= ? "
                + "ORDER BY as_of DESC, fitted_at DESC, id DESC LIMIT 1", onOrBefore.toString());
    }

    /** Every stored model, the latest date first. */
    public List<PredictionModel> models(Connection connection) throws SQLException {
        List<PredictionModel> all = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + MODEL_COLUMNS
                + " FROM prediction_models ORDER BY as_of DESC, fitted_at DESC, id DESC")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    all.add(model(rs));
                }
            }
        }
        return all;
    }

    private static Optional<PredictionModel> one(Connection connection, String sql, String... args)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(model(rs)) : Optional.empty();
            }
        }
    }

    private static PredictionModel model(ResultSet rs) throws SQLException {
        GammaGamma spend = rs.getObject(13) == null ? null
                : new GammaGamma(rs.getDouble(13), rs.getDouble(14), rs.getDouble(15));
        return new PredictionModel(rs.getLong(1), LocalDate.parse(rs.getString(2)), TimeUnit.parse(rs.getString(3)),
                LocalDateTime.parse(rs.getString(4)), rs.getLong(5), rs.getLong(6),
                new BgNbd(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)), rs.getDouble(11),
                rs.getInt(12), spend, nullableDouble(rs, 16),
                rs.getObject(17) == null ? null : rs.getInt(17), rs.getString(18), rs.getInt(19), rs.getDouble(20),
                rs.getInt(21) == 1);
    }

    /** A member's stored score under a model, if they were a buyer at its date. */
    public Optional<MemberPrediction> score(Connection connection, long modelId, long memberId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SCORE_COLUMNS
                + " WHERE model_id = ? AND member_id = ?")) {
            select.setLong(1, modelId);
            select.setLong(2, memberId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(score(rs)) : Optional.empty();
            }
        }
    }

    private static final String SCORE_COLUMNS = """
            SELECT member_id, frequency, recency_days, age_days, p_alive, expected_90d, expected_spend_cents, clv_cents
            FROM member_predictions""";

    /**
     * The "win back" list: buyers with P(alive) below {@code below} (repeat buyers only: a one-time buyer is alive by
     * the model's construction), the highest predicted value first.
     */
    public List<MemberPrediction> slipping(Connection connection, long modelId, double below, int limit)
            throws SQLException {
        List<MemberPrediction> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SCORE_COLUMNS
                + " WHERE model_id = ? AND frequency > 0 AND p_alive < ?"
                + " ORDER BY coalesce(clv_cents, 0) DESC, p_alive, member_id LIMIT ?")) {
            select.setLong(1, modelId);
            select.setDouble(2, below);
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(score(rs));
                }
            }
        }
        return rows;
    }

    /**
     * The predicted value (cents) that the top {@code percent}% of a model's repeat buyers reach (the rank rounded
     * down, at least the first): the "valuable but slipping" template's threshold. Empty without a spend model or
     * without repeat buyers.
     */
    public Optional<Long> topClvCents(Connection connection, long modelId, int percent) throws SQLException {
        long buyers;
        try (PreparedStatement count = connection.prepareStatement("""
                SELECT count(*) FROM member_predictions
                WHERE model_id = ? AND frequency > 0 AND clv_cents IS NOT NULL""")) {
            count.setLong(1, modelId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                buyers = rs.getLong(1);
            }
        }
        if (buyers == 0) {
            return Optional.empty();
        }
        long rank = Math.max(1, buyers * percent / 100);
        try (PreparedStatement nth = connection.prepareStatement("""
                SELECT clv_cents FROM member_predictions
                WHERE model_id = ? AND frequency > 0 AND clv_cents IS NOT NULL
                ORDER BY clv_cents DESC LIMIT 1 OFFSET ?""")) {
            nth.setLong(1, modelId);
            nth.setLong(2, rank - 1);
            try (ResultSet rs = nth.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Repeat buyers per tenth of P(alive): index 0 is [0, 0.1), …, 9 is [0.9, 1]. */
    public long[] pAliveTenths(Connection connection, long modelId) throws SQLException {
        long[] tenths = new long[10];
        // SQLite's CAST to INTEGER truncates (p_alive ≥ 0) and its two-argument min is PostgreSQL's least; there a
        // CAST rounds, so the tenth is floor()ed first
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Dialect.of(connection).pick(
                "min(CAST(p_alive * 10 AS INTEGER), 9)", "least(CAST(floor(p_alive * 10) AS INTEGER), 9)") + """
                , count(*) FROM member_predictions
                WHERE model_id = ? AND frequency > 0 GROUP BY 1""")) {
            select.setLong(1, modelId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    tenths[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        return tenths;
    }

    private static MemberPrediction score(ResultSet rs) throws SQLException {
        return new MemberPrediction(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getDouble(5),
                rs.getDouble(6), nullableLong(rs, 7), nullableLong(rs, 8));
    }

    /** A column that may be NULL (no spend model): sqlite-jdbc's getObject(i, Double.class) throws on NULL. */
    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** A column that may be NULL (no spend model): sqlite-jdbc's getObject(i, Long.class) throws on NULL. */
    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

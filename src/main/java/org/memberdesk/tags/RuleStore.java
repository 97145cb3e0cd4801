package org.memberdesk.tags;

import org.memberdesk.common.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.memberdesk.tags.RuleService.MatchedMember;

/**
 * Runs a rule's SQL ({@link RuleSql}) over the facts as of a date ({@link MemberFacts}) on the caller's connection
 * and transaction: a count, the ids, a preview page, every matching member in turn. A {@link Progress} stops a
 * running statement; a stopped one ends in a {@link CancellationException} (normal, not an error).
 */
public final class RuleStore {
    private static final String PREVIEW_COLUMNS = """
            m.id, m.member_no, m.name, m.phone, m.channel, %s, %s, %s""";

    /** Each matching member in turn (an export writes them as they come). */
    @FunctionalInterface
    public interface Matches {
        void accept(MatchedMember member) throws SQLException;
    }

    public long count(Connection connection, Rule rule, LocalDate asOf, Progress cancel) throws SQLException {
        RuleSql.Statement sql = RuleSql.select("count(*)", facts(connection, asOf, rule), rule, null);
        return watched(connection, sql, cancel, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The ids of the matching members, ascending (so callers can intersect two results by merging). */
    public long[] members(Connection connection, Rule rule, LocalDate asOf, Progress cancel) throws SQLException {
        RuleSql.Statement sql = RuleSql.select("m.id", facts(connection, asOf, rule), rule, "ORDER BY m.id");
        return watched(connection, sql, cancel, rs -> {
            long[] ids = new long[1024];
            int size = 0;
            while (rs.next()) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = rs.getLong(1);
            }
            return Arrays.copyOf(ids, size);
        });
    }

    /** The first {@code limit} matching members by member number, with their statistics at the date. */
    public List<MatchedMember> preview(Connection connection, Rule rule, LocalDate asOf, int limit, Progress cancel)
            throws SQLException {
        MemberFacts facts = facts(connection, asOf, rule);
        RuleSql.Statement sql = RuleSql.select(columns(facts), facts, rule,
                "ORDER BY m.member_no LIMIT " + Math.max(0, limit));
        return watched(connection, sql, cancel, rs -> {
            List<MatchedMember> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        });
    }

    /** Every matching member by member number, one after the other; how many. */
    public long eachMatching(Connection connection, Rule rule, LocalDate asOf, Matches matches) throws SQLException {
        MemberFacts facts = facts(connection, asOf, rule);
        RuleSql.Statement sql = RuleSql.select(columns(facts), facts, rule, "ORDER BY m.member_no");
        return watched(connection, sql, Progress.NONE, rs -> {
            long count = 0;
            while (rs.next()) {
                matches.accept(row(rs));
                count++;
            }
            return count;
        });
    }

    /**
     * The net spend (cents) that the top {@code percent}% of buyers at the date reach: the playbooks'
     * "top 20% spenders" is {@code total_spent >= } this. Zero when nobody bought.
     */
    public long topSpendCents(Connection connection, LocalDate asOf, int percent) throws SQLException {
        MemberFacts facts = MemberFacts.open(connection, asOf, "top");
        String where = " FROM " + facts.from() + " WHERE " + facts.joined() + " AND " + facts.purchases() + " > 0";
        long buyers;
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*)" + where)) {
            count.setString(1, asOf.toString());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                buyers = rs.getLong(1);
            }
        }
        if (buyers == 0) {
            return 0L;
        }
        long rank = Math.max(1, buyers * percent / 100);
        try (PreparedStatement nth = connection.prepareStatement("SELECT " + facts.netCents() + where
                + " ORDER BY 1 DESC LIMIT 1 OFFSET ?")) {
            nth.setString(1, asOf.toString());
            nth.setLong(2, rank - 1);
            try (ResultSet rs = nth.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /** The facts a rule reads at a date: with the visits only when one of its fields reads them. */
    static MemberFacts facts(Connection connection, LocalDate asOf, Rule rule) throws SQLException {
        MemberFacts facts = MemberFacts.open(connection, asOf, "rule");
        return rule.readsVisits() ? facts.withVisits(connection, "rule") : facts;
    }

    private static String columns(MemberFacts facts) {
        return PREVIEW_COLUMNS.formatted(facts.purchases(), facts.netCents(), facts.lastAt());
    }

    @FunctionalInterface
    interface Reading<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Prepares, binds and runs the statement, watched by the cancel; a cancelled run is a CancellationException. A
     * statement past the database's limits is a {@link RuleException}: SQLite says so when preparing, PostgreSQL
     * (its driver sends the text only to run it) when running.
     */
    static <T> T watched(Connection connection, RuleSql.Statement sql, Progress cancel, Reading<T> reading)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql);
             Progress.Watch watch = cancel.whenCancelled(() -> stop(statement))) {
            try (ResultSet rs = statement.executeQuery()) {
                return reading.read(rs);
            }
        } catch (SQLException e) {
            if (cancel.cancelled()) {
                throw new CancellationException("the rule's evaluation was cancelled");
            }
            throw tooBigOr(e);
        }
    }

    /** Cuts a running statement short when the person types on (the live count starts a new one). */
    private static void stop(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // already finished: nothing left to stop
        }
    }

    /**
     * Prepares and binds the statement. A rule the parser accepts can still be more than SQLite takes in
     * one statement (too many values, too deep): that is told in the shop's words, not SQLite's.
     */
    static PreparedStatement prepare(Connection connection, RuleSql.Statement sql) throws SQLException {
        PreparedStatement statement;
        try {
            statement = connection.prepareStatement(sql.sql());
        } catch (SQLException e) {
            throw tooBigOr(e);
        }
        sql.bind(statement);
        return statement;
    }

    /**
     * The failure to throw: a {@link RuleException} in the shop's words when the database found the statement past
     * its limits — SQLite's "too large/many/big" and stack overflow, PostgreSQL's parser running out of stack
     * ("memory exhausted", "stack depth limit exceeded") or its driver refusing more than 65,535 parameters — else
     * the failure itself.
     */
    private static SQLException tooBigOr(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("too large") || message.contains("too many") || message.contains("too big")
                || message.contains("stack overflow") || message.contains("memory exhausted")
                || message.contains("stack depth limit exceeded") || message.contains("as a 2-byte value")) {
            throw new RuleException(1, "rule.tooBig");
        }
        return e;
    }

    private static MatchedMember row(ResultSet rs) throws SQLException {
        return new MatchedMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), rs.getString(8));
    }
}

package org.memberdesk.tags;

import org.memberdesk.common.Counted;
import org.memberdesk.common.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.ExportTable;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Evaluates rules at an as-of date: how many members match, which ones, a preview page, a CSV.
 * Read-only, but for one thing: a rule on the prediction fields with no model to read fits one first (through
 * {@link ModelsForRules}, outside the rule's read). A rule tag's refresh is {@link TagService}'s.
 * The public face other features use (funnels, campaigns): {@link #count}, {@link #members}.
 */
public final class RuleService {
    private static final String PREVIEW_COLUMNS = """
            m.id, m.member_no, m.name, m.phone, m.channel, %s, %s, %s""";

    private final Database database;
    private final Clock clock;
    private final OutputFiles files;
    private final ModelsForRules models;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * Makes sure the prediction fields have a model to read at a date (fitting one when there is none yet), before
     * a rule that reads them is evaluated; {@link org.memberdesk.predictions.Predictions#ensureForRules}. It runs
     * outside the rule's read, since a fit writes.
     */
    @FunctionalInterface
    public interface ModelsForRules {
        void ensure(LocalDate asOf);
    }

    public RuleService(Database database, Clock clock, OutputFiles files, ModelsForRules models,
                       StaffSession session, OperationLog log) {
        this.database = database;
        this.clock = clock;
        this.files = files;
        this.models = models;
        this.session = session;
        this.log = log;
    }

    /**
     * A rule on the prediction fields needs a model as of its date: fitted first if there is none. Called by this
     * service's own answers, and by callers that evaluate rules inside a read or write of their own (a funnel's
     * steps, a campaign's target) before they open it: a fit inside their transaction would not be seen by it.
     */
    public void prepare(Rule rule, LocalDate asOf) {
        if (rule.readsPredictions()) {
            models.ensure(asOf);
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Parses a rule (convenience for callers that hold text); throws RuleException when it is bad. */
    public Rule parse(String text) {
        return Rule.parse(text);
    }

    /** How many members who had joined by {@code asOf} match the rule at that date. */
    public long count(Rule rule, LocalDate asOf) {
        return count(rule, asOf, Progress.NONE);
    }

    public long count(Rule rule, LocalDate asOf, Progress cancel) {
        prepare(rule, asOf);
        return database.read(connection -> {
            MemberFacts facts = facts(connection, asOf, rule);
            RuleSql.Statement sql = RuleSql.select("count(*)", facts, rule, null);
            try (PreparedStatement statement = sql.prepare(connection);
                 Progress.Watch watch = cancel.whenCancelled(() -> stop(statement));
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The ids of the matching members, ascending (so callers can intersect two results by merging). */
    public long[] members(Rule rule, LocalDate asOf) {
        prepare(rule, asOf);
        return database.read(connection -> members(connection, rule, asOf));
    }

    /** The same, on the caller's connection (a tag refresh runs it inside its own transaction). */
    public static long[] members(Connection connection, Rule rule, LocalDate asOf) throws SQLException {
        MemberFacts facts = facts(connection, asOf, rule);
        RuleSql.Statement sql = RuleSql.select("m.id", facts, rule, "ORDER BY m.id");
        long[] ids = new long[1024];
        int size = 0;
        try (PreparedStatement statement = sql.prepare(connection)) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (size == ids.length) {
                        ids = Arrays.copyOf(ids, size * 2);
                    }
                    ids[size++] = rs.getLong(1);
                }
            }
        }
        return Arrays.copyOf(ids, size);
    }

    /**
     * The net spend (cents) that the top {@code percent}% of buyers at the date reach: the playbooks'
     * "top 20% spenders" is {@code total_spent >= } this. Zero when nobody bought.
     */
    public long topSpendCents(LocalDate asOf, int percent) {
        return database.read(connection -> {
            MemberFacts facts = MemberFacts.open(connection, asOf, "top");
            long buyers;
            String where = " FROM " + facts.from() + " WHERE " + facts.joined() + " AND " + facts.purchases() + " > 0";
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*)" + where)) {
                count.setString(1, asOf.toString());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    buyers = rs.getLong(1);
                }
            }
            long rank = Math.max(1, buyers * percent / 100);
            if (buyers == 0) {
                return 0L;
            }
            try (PreparedStatement nth = connection.prepareStatement("SELECT " + facts.netCents() + where
                    + " ORDER BY 1 DESC LIMIT 1 OFFSET ?")) {
                nth.setString(1, asOf.toString());
                nth.setLong(2, rank - 1);
                try (ResultSet rs = nth.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** The first {@code limit} matching members by member number, with their statistics at the date. */
    public List<MatchedMember> preview(Rule rule, LocalDate asOf, int limit) {
        return preview(rule, asOf, limit, Progress.NONE);
    }

    public List<MatchedMember> preview(Rule rule, LocalDate asOf, int limit, Progress cancel) {
        prepare(rule, asOf);
        return database.read(connection -> {
            MemberFacts facts = facts(connection, asOf, rule);
            RuleSql.Statement sql = RuleSql.select(PREVIEW_COLUMNS.formatted(facts.purchases(), facts.netCents(),
                    facts.lastAt()), facts, rule, "ORDER BY m.member_no LIMIT " + Math.max(0, limit));
            List<MatchedMember> rows = new ArrayList<>();
            try (PreparedStatement statement = sql.prepare(connection);
                 Progress.Watch watch = cancel.whenCancelled(() -> stop(statement));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    /** Cuts a running count short when the person types on (the live count starts a new one). */
    private static void stop(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // already finished: nothing left to stop
        }
    }

    /**
     * Writes every matching member to a UTF-8 CSV, or an Excel workbook when the name ends with .xlsx (member_no first, so the file re-imports as a list), through
     * the output guard (never over the database; whole or not at all), text cells safe for spreadsheets. Phone
     * numbers are masked unless the person exporting is the owner; each export is written to the operation log.
     */
    public long export(Rule rule, LocalDate asOf, Path file) {
        session.require(Permission.EXPORT);
        boolean fullPhones = session.seesFullPhones();
        files.check(file);
        prepare(rule, asOf);
        long exported = database.read(connection -> {
            MemberFacts facts = facts(connection, asOf, rule);
            RuleSql.Statement sql = RuleSql.select(PREVIEW_COLUMNS.formatted(facts.purchases(), facts.netCents(),
                    facts.lastAt()), facts, rule, "ORDER BY m.member_no");
            long count = 0;
            try (OutputFiles.Output output = files.open(file, null);
                 PreparedStatement statement = sql.prepare(connection)) {
                ExportTable table = ExportTable.open(file, output.stream(),
                        CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get(), "segment");
                table.header(List.of("member_no", "name", "phone", "channel", "purchases", "total_spent",
                        "last_purchase"));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        MatchedMember m = row(rs);
                        // as the person who started the export may see them, even if someone else signs in meanwhile
                        String phone = fullPhones || m.phone() == null ? m.phone()
                                : org.memberdesk.members.Phones.mask(m.phone());
                        table.text(m.memberNo()).text(m.name()).text(phone).text(m.channel()).whole(m.purchases())
                                .yuan(m.netCents()).time(m.lastPurchaseAt()).endRow();
                        count++;
                    }
                }
                table.finish();
                output.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            return count;
        });
        log.record(OperationLog.Entry.of(fullPhones ? Operation.EXPORT_FULL_PHONES : Operation.EXPORT, null,
                String.valueOf(file.getFileName()), Counted.of(exported, "member") + " of segment " + rule.canonical()
                        + " on " + asOf + (fullPhones ? ", full phone numbers" : ", phones masked")));
        return exported;
    }

    /** The facts a rule reads at a date: with the visits only when one of its fields reads them. */
    static MemberFacts facts(Connection connection, LocalDate asOf, Rule rule) throws SQLException {
        MemberFacts facts = MemberFacts.open(connection, asOf, "rule");
        return rule.readsVisits() ? facts.withVisits(connection, "rule") : facts;
    }

    private static MatchedMember row(ResultSet rs) throws SQLException {
        return new MatchedMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getLong(7), rs.getString(8));
    }

    /** A matching member with the statistics the rule saw (at the as-of date). */
    public record MatchedMember(long id, String memberNo, String name, String phone, String channel, int purchases,
                                long netCents, String lastPurchaseAt) {
    }
}

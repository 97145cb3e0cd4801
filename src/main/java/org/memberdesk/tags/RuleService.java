package org.memberdesk.tags;

import org.memberdesk.common.Counted;
import org.memberdesk.common.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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
    /** Stateless: the static {@link #members(Connection, Rule, LocalDate)} shares it. */
    private static final RuleStore STORE = new RuleStore();

    private final Database database;
    private final RuleStore store = STORE;
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

    /** The same, stopped by the cancel: a cancelled count ends in a CancellationException (normal, not an error). */
    public long count(Rule rule, LocalDate asOf, Progress cancel) {
        prepare(rule, asOf);
        return database.read(connection -> store.count(connection, rule, asOf, cancel));
    }

    /** The ids of the matching members, ascending (so callers can intersect two results by merging). */
    public long[] members(Rule rule, LocalDate asOf) {
        prepare(rule, asOf);
        return database.read(connection -> STORE.members(connection, rule, asOf, Progress.NONE));
    }

    /** The same, on the caller's connection (a tag refresh or a campaign runs it inside its own transaction). */
    public static long[] members(Connection connection, Rule rule, LocalDate asOf) throws SQLException {
        return STORE.members(connection, rule, asOf, Progress.NONE);
    }

    /** The same inside the caller's transaction (a tag's refresh), stopped by the cancel. */
    long[] members(Connection connection, Rule rule, LocalDate asOf, Progress cancel) throws SQLException {
        return store.members(connection, rule, asOf, cancel);
    }

    /**
     * The net spend (cents) that the top {@code percent}% of buyers at the date reach: the playbooks'
     * "top 20% spenders" is {@code total_spent >= } this. Zero when nobody bought.
     */
    public long topSpendCents(LocalDate asOf, int percent) {
        return database.read(connection -> store.topSpendCents(connection, asOf, percent));
    }

    /** The first {@code limit} matching members by member number, with their statistics at the date. */
    public List<MatchedMember> preview(Rule rule, LocalDate asOf, int limit) {
        return preview(rule, asOf, limit, Progress.NONE);
    }

    public List<MatchedMember> preview(Rule rule, LocalDate asOf, int limit, Progress cancel) {
        prepare(rule, asOf);
        return database.read(connection -> store.preview(connection, rule, asOf, limit, cancel));
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
            try (OutputFiles.Output output = files.open(file, null)) {
                ExportTable table = ExportTable.open(file, output.stream(),
                        CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get(), "segment");
                table.header(List.of("member_no", "name", "phone", "channel", "purchases", "total_spent",
                        "last_purchase"));
                long count = store.eachMatching(connection, rule, asOf, m -> {
                    // as the person who started the export may see them, even if someone else signs in meanwhile
                    String phone = fullPhones || m.phone() == null ? m.phone()
                            : org.memberdesk.members.Phones.mask(m.phone());
                    try {
                        table.text(m.memberNo()).text(m.name()).text(phone).text(m.channel()).whole(m.purchases())
                                .yuan(m.netCents()).time(m.lastPurchaseAt()).endRow();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                table.finish();
                output.commit();
                return count;
            } catch (IOException | UncheckedIOException e) {
                IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                throw new UncheckedIOException("cannot write " + file + ": " + cause.getMessage(), cause);
            }
        });
        log.record(OperationLog.Entry.of(fullPhones ? Operation.EXPORT_FULL_PHONES : Operation.EXPORT, null,
                String.valueOf(file.getFileName()), Counted.of(exported, "member") + " of segment " + rule.canonical()
                        + " on " + asOf + (fullPhones ? ", full phone numbers" : ", phones masked")));
        return exported;
    }

    /** A matching member with the statistics the rule saw (at the as-of date). */
    public record MatchedMember(long id, String memberNo, String name, String phone, String channel, int purchases,
                                long netCents, String lastPurchaseAt) {
    }
}

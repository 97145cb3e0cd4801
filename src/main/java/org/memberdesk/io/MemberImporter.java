package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Problem;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.ImportLock;
import org.memberdesk.db.DeferredIndexes;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.members.Gender;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberListener;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;

/**
 * Imports members from CSV. Every row is checked; bad rows go to the report, good rows are stored
 * in batches (one transaction each), and a member already stored (same number or phone) is counted
 * as a duplicate and left as it is, so importing a file twice adds nothing.
 */
public final class MemberImporter {
    /** Our field names and the headers they are recognised by; the first is the standard column. */
    public static final Map<String, List<String>> FIELDS = fields();

    /**
     * Database bytes a byte of the file takes once stored, rounded up, for the room a full disk lacks: the
     * members.csv of 20,000 demo members, 1.3 MB, grew the database by 4.9 MB.
     */
    private static final long STORED_BYTES_PER_FILE_BYTE = 4;

    private final Database database;
    private final MemberService members;
    private final MemberStore store;
    private final List<ImportListener> listeners;
    private final OutputFiles files;

    public MemberImporter(Database database, MemberService members, MemberStore store,
                          List<ImportListener> listeners, OutputFiles files) {
        this.files = files;
        this.database = database;
        this.members = members;
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("member_no", List.of("member_no", "会员编号", "会员号", "会员卡号", "卡号"));
        fields.put("name", List.of("name", "姓名", "会员姓名", "名字"));
        fields.put("phone", List.of("phone", "手机", "手机号", "手机号码", "电话", "mobile"));
        fields.put("gender", List.of("gender", "性别", "sex"));
        fields.put("birthday", List.of("birthday", "生日", "出生日期"));
        fields.put("join_date", List.of("join_date", "入会日期", "注册日期", "注册时间", "开卡日期"));
        fields.put("channel", List.of("channel", "渠道", "来源", "来源渠道"));
        fields.put("referrer_no", List.of("referrer_no", "referrer", "推荐人", "推荐人编号"));
        fields.put("notes", List.of("notes", "备注"));
        return fields;
    }

    public ImportResult importFile(Path file, ImportOptions options, ImportProgress progress, Messages messages)
            throws IOException {
        StoredSoFar stored = new StoredSoFar(progress, file);
        // one import at a time per database, and no restore under it: refused at once, before the backup
        try (ImportLock running = ImportLock.acquire(database.file())) {
            return run(file, options, stored, messages);
        } catch (SQLException | DataException e) {
            throw ImportStopped.of(e, database.file(), stored, STORED_BYTES_PER_FILE_BYTE);
        }
    }

    private ImportResult run(Path file, ImportOptions options, ImportProgress progress, Messages messages)
            throws IOException, SQLException {
        listeners.forEach(l -> l.beforeImport(file));
        try (CsvSource source = new CsvSource(file, options.encoding());
             RejectReport report = new RejectReport(files, file, source.header());
             Connection connection = database.connectForBulk()) {
            FieldColumns columns = FieldColumns.resolve(source.header(), FIELDS, options.columns());
            if (!columns.has("name")) {
                throw new IllegalArgumentException("the file has no name column (姓名); its columns are: "
                        + String.join(", ", source.header()));
            }
            long importId = ImportLog.start(connection, "members", file);
            long imported = 0;
            long duplicates = 0;
            boolean cancelled = false;
            long rows = 0;
            // a demo purchase row is ~60 bytes, a member row ~80: an estimate is enough to tell a big load
            DeferredIndexes.Claim deferred = DeferredIndexes.deferIfWorthIt(database, connection,
                    source.size() / 80, "members", DeferredIndexes.MEMBER_IMPORT);
            // the next batches are read and checked on a thread of their own while this one writes
            try (ReadAhead<ReadBatch> ahead = new ReadAhead<>("member-import-reader",
                    () -> readBatch(source, columns, options))) {
                while (true) {
                    if (progress.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    ReadBatch read = ahead.next();
                    if (read == null) {
                        break;
                    }
                    List<Rejection> rejections = new ArrayList<>();
                    long[] batch = BatchCancelled.inTransaction(connection,
                            c -> storeBatch(c, read, progress, rejections));
                    if (batch == null) {
                        cancelled = true;
                        break;
                    }
                    report.rejectAll(rejections, messages);
                    imported += batch[0];
                    duplicates += batch[1];
                    rows += read.rows().size();
                    progress.progress(read.bytesRead(), source.size(), rows);
                }
            } finally {
                // also when cancelled or stopped by an error; a full disk leaves them for the next open
                DeferredIndexes.restoreAfterImport(database, connection, deferred);
            }
            ImportResult result = new ImportResult(imported, duplicates, report.rows(), report.path(), cancelled);
            ImportLog.finish(connection, importId, result);
            if (imported > 0) {
                listeners.forEach(l -> l.afterImport("members", result));
            }
            return result;
        }
    }

    record Rejection(long line, String field, Problem problem, List<String> row) {
        String reason(Messages messages) {
            return problem.describe(messages);
        }
    }

    /** One row of the file, read and checked: a member to store, or the row's problems. */
    private record Checked(MemberDetails member, List<Rejection> problems) {
    }

    /** A batch of rows read and checked, and how far into the file it ends. */
    private record ReadBatch(List<Checked> rows, long bytesRead) {
    }

    /** Reads and checks up to one batch of rows; null at the end of the file. Runs on the reading thread. */
    private ReadBatch readBatch(CsvSource source, FieldColumns columns, ImportOptions options) {
        List<Checked> rows = new ArrayList<>();
        CsvSource.Row row;
        while (rows.size() < options.batchSize() && (row = source.next()) != null) {
            rows.add(check(row, columns));
        }
        return rows.isEmpty() ? null : new ReadBatch(rows, source.bytesRead());
    }

    private Checked check(CsvSource.Row row, FieldColumns columns) {
        if (row.unreadable() != null) {
            return new Checked(null, List.of(new Rejection(row.line(), "row", row.unreadable(), row.values())));
        }
        if (row.size() != columns.header().size()) {
            return new Checked(null, List.of(new Rejection(row.line(), "row", Problem.of("row", "import.row.columns",
                    row.size(), columns.header().size()), row.values())));
        }
        MemberDetails member;
        try {
            member = members.normalized(parse(row, columns));
        } catch (FieldException e) {
            return new Checked(null, List.of(new Rejection(row.line(), e.problem.field(), e.problem, row.values())));
        }
        List<Problem> problems = members.check(member);
        if (!problems.isEmpty()) {
            List<Rejection> rejections = new ArrayList<>();
            for (Problem problem : problems) {
                rejections.add(new Rejection(row.line(), problem.field(), problem, row.values()));
            }
            return new Checked(null, rejections);
        }
        return new Checked(member, List.of());
    }

    /**
     * Stores one batch of checked rows in file order; returns {imported, duplicates}. A cancel mid-batch throws
     * {@link BatchCancelled}.
     */
    private long[] storeBatch(Connection connection, ReadBatch read, ImportProgress progress,
                              List<Rejection> rejections) throws SQLException {
        long imported = 0;
        long duplicates = 0;
        long rows = 0;
        try (PreparedStatement insert = store.prepareInsertIfNew(connection);
             MemberListener.Session added = members.listen(connection)) {
            // members with a number are stored together, in file order, with a few multi-row statements
            List<MemberDetails> ready = new ArrayList<>();
            for (Checked checked : read.rows()) {
                if (++rows % 1000 == 0 && progress.cancelled()) {
                    throw new BatchCancelled();
                }
                if (checked.member() == null) {
                    rejections.addAll(checked.problems());
                    continue;
                }
                MemberDetails member = checked.member();
                if (member.memberNo() != null) {
                    ready.add(member);
                    continue;
                }
                // a number is made from the highest stored one: what is read must be stored first
                long stored = store.insertNew(connection, ready, added::memberAdded);
                imported += stored;
                duplicates += ready.size() - stored;
                ready.clear();
                if (member.phone() != null && store.findByPhone(connection, member.phone()).isPresent()) {
                    duplicates++;
                    continue;
                }
                member = member.withMemberNo(store.nextMemberNumber(connection));
                long id = store.insertIfNew(insert, member);
                if (id >= 0) {
                    imported++;
                    added.memberAdded(id, member);
                } else {
                    duplicates++;
                }
            }
            long stored = store.insertNew(connection, ready, added::memberAdded);
            imported += stored;
            duplicates += ready.size() - stored;
            return new long[] {imported, duplicates};
        }
    }

    private static MemberDetails parse(CsvSource.Row row, FieldColumns columns) {
        Map<String, String> custom = new LinkedHashMap<>();
        for (int index : columns.unclaimed()) {
            if (Exporter.MEMBER_SUMMARY.contains(columns.header().get(index))) {
                continue; // our own export's spend summary: derived from purchases, not a custom field
            }
            String value = row.get(index);
            if (!value.isEmpty()) {
                custom.put(columns.header().get(index), value);
            }
        }
        return new MemberDetails(
                text(row, columns, "member_no"),
                text(row, columns, "name"),
                text(row, columns, "phone"),
                field("gender", "import.gender.invalid", row.get(columns.index("gender")),
                        raw -> Gender.parse(raw).orElse(null)),
                field("birthday", "import.date.invalid", row.get(columns.index("birthday")),
                        MemberImporter::optionalDate),
                field("join_date", "import.date.invalid", row.get(columns.index("join_date")),
                        MemberImporter::optionalDate),
                text(row, columns, "channel"),
                text(row, columns, "referrer_no"),
                text(row, columns, "notes"),
                custom);
    }

    private static String text(CsvSource.Row row, FieldColumns columns, String field) {
        String value = row.get(columns.index(field));
        return value.isEmpty() ? null : value;
    }

    private static java.time.LocalDate optionalDate(String text) {
        return text.isEmpty() ? null : Dates.date(text);
    }

    /** A value that could not be read, as a problem naming its field. */
    static final class FieldException extends RuntimeException {
        final transient Problem problem;

        FieldException(Problem problem) {
            super(problem.key());
            this.problem = problem;
        }
    }

    /** Reads one raw value; a value that cannot be read becomes a {@link FieldException} naming the field. */
    static <T> T field(String name, String key, String raw, java.util.function.Function<String, T> read) {
        try {
            return read.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new FieldException(Problem.of(name, key, raw));
        }
    }
}

package org.memberdesk.io;

import org.memberdesk.common.Progress;
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
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberListener;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Imports members from CSV. Every row is checked; bad rows go to the report, good rows are stored
 * in batches (one transaction each), and a member already stored (same number or phone) is counted
 * as a duplicate and left as it is, so importing a file twice adds nothing — unless the options say
 * {@code update}: then it takes the row's values ({@link MemberUpdates}).
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
    private final StaffSession session;
    private final OperationLog log;

    public MemberImporter(Database database, MemberService members, MemberStore store,
                          List<ImportListener> listeners, OutputFiles files,
                            StaffSession session, OperationLog log) {
        this.session = session;
        this.log = log;
        this.files = files;
        this.database = database;
        this.members = members;
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Our fields and the header names they are recognised by, in Chinese and English (matched forgivingly: see
     * {@link FieldColumns#key}); the first is the standard column, and where a file has two candidates the earlier
     * name wins. 客户 alone is no alias: it may be a name or a number, so the person says which.
     */
    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("member_no", List.of("member_no", "会员编号", "会员号", "会员卡号", "卡号", "客户编号", "客户ID",
                "顾客编号", "顾客ID", "customer_id", "customer_no", "member_id"));
        fields.put("name", List.of("name", "姓名", "会员姓名", "名字", "客户姓名", "顾客姓名", "customer_name",
                "full_name", "member_name"));
        fields.put("phone", List.of("phone", "手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "mobile",
                "phone_number", "tel", "telephone"));
        fields.put("gender", List.of("gender", "性别", "sex"));
        fields.put("birthday", List.of("birthday", "生日", "出生日期", "date_of_birth", "birth_date"));
        fields.put("join_date", List.of("join_date", "入会日期", "注册日期", "注册时间", "开卡日期", "开卡时间",
                "入会时间", "signup_date", "registration_date", "joined"));
        fields.put("channel", List.of("channel", "渠道", "来源", "来源渠道", "source"));
        fields.put("referrer_no", List.of("referrer_no", "referrer", "推荐人", "推荐人编号"));
        fields.put("notes", List.of("notes", "备注", "note", "remarks"));
        // the store (门店) the member joined in, by its name; without it, this computer's store
        fields.put(StoreNames.FIELD, StoreNames.ALIASES);
        return fields;
    }

    /**
     * Imports the file as the person acting now, who must be the owner ({@link Permission#IMPORT}): refused before
     * anything is read, backed up or locked. The run is one operation log entry, written as it finishes.
     */
    public ImportResult importFile(Path file, ImportOptions options, Progress progress, Messages messages)
            throws IOException {
        session.require(Permission.IMPORT);
        // who started it: the log names them even if someone else signs in while it runs
        Actor actor = session.current();
        StoredSoFar stored = new StoredSoFar(progress, file);
        // one import at a time per database, and no restore under it: refused at once, before the backup
        try (ImportLock running = ImportLock.acquire(database)) {
            return run(file, options, stored, messages, actor);
        } catch (SQLException | DataException e) {
            throw ImportStopped.of(e, database.file(), stored, STORED_BYTES_PER_FILE_BYTE);
        }
    }

    /**
     * The first {@code rows} rows of the file as this import would store them, or why each would be rejected, read
     * through the same checks; nothing is written (the wizard's check before importing).
     */
    public ImportPreview preview(Path file, ImportOptions options, int rows, Messages messages) throws IOException {
        session.require(Permission.IMPORT); // the wizard's first look is part of importing
        return ImportPreviews.members(database, this, store, file, options, rows, messages);
    }

    private ImportResult run(Path file, ImportOptions options, Progress progress, Messages messages,
                             Actor actor)
            throws IOException, SQLException {
        listeners.forEach(l -> l.beforeImport(file));
        String fileHash = ImportedRows.hashOf(file);
        try (ImportSource source = ImportSource.open(file, options.encoding(), options.sheet());
             RejectReport report = new RejectReport(files, file, source.header());
             Connection connection = database.connectForBulk()) {
            // the stores as they are when the import starts: read once, every row's store name is looked up in them
            StoreNames stores = StoreNames.read(connection);
            FieldColumns columns = FieldColumns.resolve(source.header(), stores.fields(FIELDS), options.columns());
            StoreNames named = columns.has(StoreNames.FIELD) ? stores : null;
            if (!columns.has("name") && !options.update()) {
                throw new IllegalArgumentException("the file has no name column (姓名); its columns are: "
                        + String.join(", ", source.header()));
            }
            ImportedRows done = ImportLogStore.stored(connection, "members", fileHash);
            long importId = ImportLogStore.start(connection, "members", file, fileHash);
            boolean resumed = ImportLogStore.earlierRuns(connection, "members", fileHash, importId).interrupted();
            long imported = 0;
            long duplicates = 0;
            long updated = 0;
            long skipped = 0;
            boolean cancelled = false;
            long rows = 0;
            // a demo purchase row is ~60 bytes, a member row ~80: an estimate is enough to tell a big load
            DeferredIndexes.Claim deferred = DeferredIndexes.deferIfWorthIt(database, connection,
                    source.size() / 80, "members", DeferredIndexes.MEMBER_IMPORT);
            // the next batches are read and checked on a thread of their own while this one writes
            try (ReadAhead<ReadBatch> ahead = new ReadAhead<>("member-import-reader",
                    () -> readBatch(source, columns, options, done, named))) {
                while (true) {
                    if (progress.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    ReadBatch read = ahead.next();
                    if (read == null) {
                        break;
                    }
                    long[] batch = {0, 0, 0};
                    List<Rejection> rejections = new ArrayList<>();
                    if (!read.rows().isEmpty()) {
                        long importedBefore = imported;
                        long duplicatesBefore = duplicates + skipped + read.skipped();
                        long rejectedBefore = report.rows();
                        batch = BatchCancelled.inTransaction(connection, c -> {
                            long[] stored = storeBatch(c, read, options.update(), progress, rejections);
                            ImportLogStore.batchCommitted(c, importId, "members", fileHash, ranges(read, rejections),
                                    importedBefore + stored[0], duplicatesBefore + stored[1],
                                    rejectedBefore + rejections.size());
                            if (stored[0] > 0) {
                                for (ImportListener listener : listeners) {
                                    listener.batchStored(c, importId);
                                }
                            }
                            return stored;
                        });
                        if (batch == null) {
                            cancelled = true;
                            break;
                        }
                    }
                    report.rejectAll(rejections, messages);
                    imported += batch[0];
                    duplicates += batch[1];
                    updated += batch[2];
                    skipped += read.skipped();
                    rows += read.rows().size() + read.skipped();
                    progress.report(read.bytesRead(), source.size(), rows);
                }
            } finally {
                // also when cancelled or stopped by an error; a full disk leaves them for the next open
                DeferredIndexes.restoreAfterImport(database, connection, deferred);
            }
            ImportResult result = new ImportResult(imported, duplicates + skipped, report.rows(), report.path(),
                    cancelled, skipped, resumed, updated, report.reasons());
            ImportLog.finish(connection, importId, result, "members", file, log, actor);
            listeners.forEach(l -> l.afterImport("members", result));
            return result;
        }
    }

    /** The rows of a batch that took effect (stored, or already there), as ranges: all but the rejected ones. */
    private static List<long[]> ranges(ReadBatch read, List<Rejection> rejections) {
        java.util.Set<Long> rejected = new java.util.HashSet<>();
        for (Rejection rejection : rejections) {
            rejected.add(rejection.line());
        }
        ImportedRows.Ranges ranges = new ImportedRows.Ranges();
        for (Checked checked : read.rows()) {
            if (!rejected.contains(checked.line())) {
                ranges.add(checked.row());
            }
        }
        return ranges.list();
    }

    record Rejection(long line, String field, Problem problem, List<String> row) {
        String reason(Messages messages) {
            return problem.describe(messages);
        }
    }

    /**
     * One row of the file, read and checked: a member to store, or the row's problems. {@code row} is its CSV
     * record number (what {@code import_rows} records), {@code line} the line the report names. {@code given}: the
     * values as the file gives them (empty cells null), for {@code --update}; null when the row cannot be read.
     */
    record Checked(ImportRow source, MemberDetails member, List<Rejection> problems, MemberDetails given) {
        long row() {
            return source.number();
        }

        long line() {
            return source.line();
        }
    }

    /** A batch of rows read and checked, how many rows before them an earlier run had stored, and where it ends. */
    private record ReadBatch(List<Checked> rows, long skipped, long bytesRead) {
    }

    /**
     * Reads and checks up to one batch of rows, skipping those an earlier run of this file stored; null at the end
     * of the file. Runs on the reading thread.
     */
    private ReadBatch readBatch(ImportSource source, FieldColumns columns, ImportOptions options, ImportedRows done,
                                StoreNames stores) {
        List<Checked> rows = new ArrayList<>();
        long skipped = 0;
        Dates dates = Dates.of(options.dateFormat());
        ImportRow row;
        while (rows.size() + skipped < options.batchSize() && (row = source.next()) != null) {
            if (done.contains(row.number())) {
                skipped++;
            } else {
                rows.add(check(row, columns, dates, stores));
            }
        }
        return rows.isEmpty() && skipped == 0 ? null : new ReadBatch(rows, skipped, source.bytesRead());
    }

    /** {@code stores}: where the file's store column's names are looked up; null when it has none. */
    Checked check(ImportRow row, FieldColumns columns, Dates dates, StoreNames stores) {
        if (row.unreadable() != null) {
            return new Checked(row, null, List.of(new Rejection(row.line(), "row", row.unreadable(), row.values())),
                    null);
        }
        if (row.size() != columns.header().size()) {
            return new Checked(row, null, List.of(new Rejection(row.line(), "row",
                    Problem.of("row", "import.row.columns", row.size(), columns.header().size()), row.values())), null);
        }
        MemberDetails given;
        try {
            given = parse(row, columns, dates, stores);
        } catch (FieldException e) {
            return new Checked(row, null,
                    List.of(new Rejection(row.line(), e.problem.field(), e.problem, row.values())), null);
        }
        // a new member joins at the store the row names, else at this computer's
        MemberDetails member = members.joiningHere(members.normalized(given));
        List<Problem> problems = members.check(member);
        if (!problems.isEmpty()) {
            List<Rejection> rejections = new ArrayList<>();
            for (Problem problem : problems) {
                rejections.add(new Rejection(row.line(), problem.field(), problem, row.values()));
            }
            return new Checked(row, null, rejections, given);
        }
        return new Checked(row, member, List.of(), given);
    }

    /**
     * Stores one batch of checked rows in file order; returns {imported, duplicates, updated}. A member already
     * stored (same number; without a number, same phone) is a duplicate — with {@code update}, it takes the row's
     * values ({@link MemberUpdates}) and is a duplicate only when they change nothing; a new member number with a
     * phone that belongs to another member is rejected, naming that member. Rejections go to {@code rejections} in
     * file order. A cancel mid-batch throws {@link BatchCancelled}.
     */
    private long[] storeBatch(Connection connection, ReadBatch read, boolean update, Progress progress,
                              List<Rejection> rejections) throws SQLException {
        long imported = 0;
        long duplicates = 0;
        long updated = 0;
        long rows = 0;
        MemberUpdates updates = new MemberUpdates(members, store);
        try (PreparedStatement insert = store.prepareInsertIfNew(connection);
             MemberListener.Session added = members.listen(connection)) {
            // members with a number are stored together, in file order, with a few multi-row statements
            List<Checked> ready = new ArrayList<>();
            for (Checked checked : read.rows()) {
                if (++rows % 1000 == 0 && progress.cancelled()) {
                    throw new BatchCancelled();
                }
                if (update && checked.given() != null) {
                    // the rows before it are stored first: the member it names may be one of them
                    long[] stored = insertNew(connection, ready, added, rejections);
                    imported += stored[0];
                    duplicates += stored[1];
                    ready.clear();
                    Member existing = updates.existing(connection, checked.given());
                    if (existing != null) {
                        switch (updates.apply(connection, added, existing, checked.given(), checked.source(),
                                rejections)) {
                            case UPDATED -> updated++;
                            case UNCHANGED -> duplicates++;
                            case REJECTED -> { }
                        }
                        continue;
                    }
                }
                if (checked.member() == null) {
                    rejections.addAll(checked.problems());
                    continue;
                }
                MemberDetails member = checked.member();
                if (member.memberNo() != null) {
                    ready.add(checked);
                    continue;
                }
                // a number is made from the highest stored one: what is read must be stored first
                long[] stored = insertNew(connection, ready, added, rejections);
                imported += stored[0];
                duplicates += stored[1];
                ready.clear();
                if (member.phone() != null && store.findByPhone(connection, member.phone()).isPresent()) {
                    duplicates++; // no number to tell them apart: the member with this phone is this member
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
            long[] stored = insertNew(connection, ready, added, rejections);
            imported += stored[0];
            duplicates += stored[1];
            rejections.sort(java.util.Comparator.comparingLong(Rejection::line));
            return new long[] {imported, duplicates, updated};
        }
    }

    /**
     * Stores the numbered members not yet stored; of the others, one whose number is taken is a duplicate and one
     * whose number is new but whose phone is taken is rejected. Returns {stored, duplicates}.
     */
    private long[] insertNew(Connection connection, List<Checked> ready, MemberListener.Session added,
                             List<Rejection> rejections) throws SQLException {
        List<MemberDetails> details = new ArrayList<>(ready.size());
        for (Checked checked : ready) {
            details.add(checked.member());
        }
        java.util.Set<String> storedNumbers = new java.util.HashSet<>();
        long stored = store.insertNew(connection, details, (id, member) -> {
            storedNumbers.add(member.memberNo());
            added.memberAdded(id, member);
        });
        if (stored == ready.size()) {
            return new long[] {stored, 0};
        }
        // only the rows not stored are looked into (none on a first import): why was each left out?
        List<Checked> left = new ArrayList<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (Checked checked : ready) {
            if (!storedNumbers.remove(checked.member().memberNo())) {
                left.add(checked);
                numbers.add(checked.member().memberNo());
            }
        }
        Map<String, Long> taken = store.idsByNumber(connection, numbers);
        java.util.Set<String> phones = new java.util.HashSet<>();
        for (Checked checked : left) {
            if (!taken.containsKey(checked.member().memberNo()) && checked.member().phone() != null) {
                phones.add(checked.member().phone());
            }
        }
        Map<String, String> owners = store.numbersByPhone(connection, phones);
        long duplicates = 0;
        for (Checked checked : left) {
            MemberDetails member = checked.member();
            String owner = taken.containsKey(member.memberNo()) ? null : owners.get(member.phone());
            if (owner == null) {
                duplicates++;
            } else {
                rejections.add(new Rejection(checked.line(), "phone",
                        Problem.of("phone", "import.member.phoneTaken", member.phone(), owner), checked.source().values()));
            }
        }
        return new long[] {stored, duplicates};
    }

    /** A number or identifier column: {@code 17850.0} as a spreadsheet saved it is {@code 17850}. */
    private static String wholeNumber(ImportRow row, FieldColumns columns, String field) {
        String value = text(row, columns, field);
        return value == null ? null : WholeNumbers.of(value);
    }

    private static MemberDetails parse(ImportRow row, FieldColumns columns, Dates dates, StoreNames stores) {
        Map<String, String> custom = new LinkedHashMap<>();
        boolean report = RejectReport.isReport(columns.header());
        for (int index : columns.unclaimed()) {
            if (Exporter.MEMBER_SUMMARY.contains(columns.header().get(index))) {
                continue; // our own export's spend summary: derived from purchases, not a custom field
            }
            if (report && index < RejectReport.COLUMNS.size()) {
                continue; // a fixed rejected-rows report: its line, field and reason describe the old row
            }
            String value = row.get(index);
            if (!value.isEmpty()) {
                custom.put(columns.header().get(index), value);
            }
        }
        return new MemberDetails(
                wholeNumber(row, columns, "member_no"),
                text(row, columns, "name"),
                wholeNumber(row, columns, "phone"),
                field("gender", "import.gender.invalid", row.get(columns.index("gender")),
                        raw -> Gender.parse(raw).orElse(null)),
                optionalDate(dates, "birthday", row.get(columns.index("birthday"))),
                optionalDate(dates, "join_date", row.get(columns.index("join_date"))),
                text(row, columns, "channel"),
                wholeNumber(row, columns, "referrer_no"),
                text(row, columns, "notes"),
                custom,
                stores == null ? null : stores.idOf(row.get(columns.index(StoreNames.FIELD))));
    }

    private static String text(ImportRow row, FieldColumns columns, String field) {
        String value = row.get(columns.index(field));
        return value.isEmpty() ? null : value;
    }

    private static java.time.LocalDate optionalDate(Dates dates, String field, String text) {
        return text.isEmpty() ? null : dates.date(field, text);
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

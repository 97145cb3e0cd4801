package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.ImportLock;
import org.memberdesk.db.DeferredIndexes;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.MemberImporter.FieldException;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.members.Phones;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseService;

/**
 * Imports purchases from CSV, one row per purchase or one row per line: rows sharing a purchase
 * number make one purchase. Each purchase goes through the same {@link PurchaseService.Recorder}
 * as the counter, so statistics, points and tiers come out the same. A purchase with any bad row
 * is rejected whole (a partial purchase would have the wrong total).
 */
public final class PurchaseImporter {
    public static final Map<String, List<String>> FIELDS = fields();

    /**
     * Database bytes a byte of the file takes once stored, rounded up, for the room a full disk lacks: the
     * purchases.csv of 74,531 demo rows, 4.6 MB, grew the database by 24 MB (points and statistics included).
     */
    private static final long STORED_BYTES_PER_FILE_BYTE = 6;

    private final Database database;
    private final PurchaseService purchases;
    private final MemberService members;
    private final MemberStore memberStore;
    private final List<ImportListener> listeners;
    private final OutputFiles files;

    public PurchaseImporter(Database database, PurchaseService purchases, MemberService members,
                            MemberStore memberStore, List<ImportListener> listeners, OutputFiles files) {
        this.files = files;
        this.database = database;
        this.purchases = purchases;
        this.members = members;
        this.memberStore = memberStore;
        this.listeners = List.copyOf(listeners);
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("purchase_no", List.of("purchase_no", "单号", "订单号", "流水号", "消费单号"));
        fields.put("member_no", List.of("member_no", "会员编号", "会员号", "会员卡号", "卡号"));
        fields.put("phone", List.of("phone", "手机", "手机号", "手机号码", "电话"));
        fields.put("time", List.of("time", "时间", "消费时间", "下单时间", "日期"));
        fields.put("item", List.of("item", "商品", "商品名称", "项目", "品名"));
        fields.put("quantity", List.of("quantity", "数量"));
        fields.put("unit_price", List.of("unit_price", "单价"));
        fields.put("amount", List.of("amount", "金额", "实付金额", "消费金额", "小计"));
        fields.put("refund_of", List.of("refund_of", "原单号"));
        fields.put("name", List.of("name", "姓名", "会员姓名"));
        return fields;
    }

    /** The rows of one purchase number, waiting to be stored together. */
    private static final class Group {
        final String purchaseNo;
        final List<CsvSource.Row> rows = new ArrayList<>();

        Group(String purchaseNo) {
            this.purchaseNo = purchaseNo;
        }
    }

    /**
     * What one batch did: purchases stored (or completed), already stored, rejected; the rows that took effect
     * (all but the rejected ones) as ranges; and the purchases and rows skipped because an earlier run of the same
     * file had stored them (counted by the row-by-row path, which reads inside the batch).
     */
    private record Counts(long imported, long appended, long duplicates, long rejected, List<long[]> ranges,
                          long skipped, long skippedRows) {
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
        String fileHash = ImportedRows.hashOf(file);
        try (CsvSource source = new CsvSource(file, options.encoding());
             RejectReport report = new RejectReport(files, file, source.header());
             Connection connection = database.connectForBulk()) {
            FieldColumns columns = FieldColumns.resolve(source.header(), FIELDS, options.columns());
            for (String required : List.of("purchase_no", "time", "amount")) {
                if (!columns.has(required)) {
                    throw new IllegalArgumentException("the file has no " + required + " column; its columns are: "
                            + String.join(", ", source.header()));
                }
            }
            if (!columns.has("member_no") && !columns.has("phone")) {
                throw new IllegalArgumentException("the file has neither a member_no nor a phone column; its columns are: "
                        + String.join(", ", source.header()));
            }
            ImportedRows done = ImportLog.stored(connection, "purchases", fileHash);
            long importId = ImportLog.start(connection, "purchases", file, fileHash);
            // a re-run completes the purchases an earlier run of this same file began (lines far apart in the
            // file, the run killed between them) exactly as one run would have; other imports' numbers stay
            // duplicates. No purchase needs to be held back until its last line: a killed batch is rolled back
            // whole, so the re-run starts from the state one run had at that batch and reads the same rows in the
            // same order; a later line earns "all lines − the lines before" at the member's state then, as in one
            // run (CrashAndRerunTest compares the ledger entry by entry, ids included).
            ImportLog.EarlierRuns earlier = ImportLog.earlierRuns(connection, "purchases", fileHash, importId);
            Batching batching = new Batching(importId, earlier.ids(), done);
            long imported = 0;
            long duplicates = 0;
            long rejected = 0;
            long skipped = 0;
            long skippedRows = 0;
            boolean cancelled = false;
            CsvSource.Row[] pending = new CsvSource.Row[1];
            pending[0] = source.next();
            // a demo purchase row is ~60 bytes, a member row ~80: an estimate is enough to tell a big load
            DeferredIndexes.Claim deferred = DeferredIndexes.deferIfWorthIt(database, connection,
                    source.size() / 60, "purchases", DeferredIndexes.PURCHASE_IMPORT);
            boolean rowByRow = options.createMembers();
            // members created on the fly must be seen by the rows after them: read row by row on this thread;
            // otherwise the next batches are read and checked on a thread of their own while this one writes
            try (ReadAhead<ReadBatch> ahead = rowByRow ? null : new ReadAhead<>("purchase-import-reader",
                    readBatches(source, pending, columns, options, done))) {
                while (rowByRow ? pending[0] != null : true) {
                    if (progress.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    ReadBatch read = rowByRow ? null : ahead.next();
                    if (!rowByRow && read == null) {
                        break;
                    }
                    List<Rejection> rejections = new ArrayList<>();
                    Counts counts;
                    if (!rowByRow && read.purchases().isEmpty()) {
                        counts = new Counts(0, 0, 0, 0, List.of(), 0, 0); // all stored by an earlier run: nothing to write
                    } else {
                        long[] before = {imported, duplicates + skipped + (rowByRow ? 0 : read.skipped()), rejected};
                        counts = BatchCancelled.inTransaction(connection, c -> {
                            Counts batch = rowByRow
                                    ? storeRowByRow(c, source, pending, columns, options, batching, progress, rejections)
                                    : recordBatch(c, read.purchases(), options, batching, progress, rejections);
                            ImportLog.batchCommitted(c, importId, "purchases", fileHash, batch.ranges(),
                                    before[0] + batch.imported(), before[1] + batch.skipped() + batch.duplicates(),
                                    before[2] + batch.rejected());
                            if (batch.imported() + batch.appended() > 0) {
                                for (ImportListener listener : listeners) {
                                    listener.batchStored(c, importId);
                                }
                            }
                            return batch;
                        });
                    }
                    if (counts == null) {
                        cancelled = true;
                        break;
                    }
                    report.rejectAll(rejections, messages);
                    imported += counts.imported();
                    duplicates += counts.duplicates();
                    rejected += counts.rejected();
                    skipped += rowByRow ? counts.skipped() : read.skipped();
                    skippedRows += rowByRow ? counts.skippedRows() : read.skippedRows();
                    progress.progress(rowByRow ? source.bytesRead() : read.bytesRead(), source.size(),
                            imported + duplicates + rejected + skipped);
                }
            } finally {
                // also when cancelled or stopped by an error; a full disk leaves them for the next open
                DeferredIndexes.restoreAfterImport(database, connection, deferred);
            }
            ImportResult result = new ImportResult(imported, duplicates + skipped, rejected, report.path(), cancelled,
                    skippedRows, earlier.interrupted());
            ImportLog.finish(connection, importId, result);
            listeners.forEach(l -> l.afterImport("purchases", result));
            return result;
        }
    }

    /**
     * A batch of purchases read and checked, the purchases (and their rows) before them that an earlier run of the
     * file stored, and how far into the file it ends.
     */
    private record ReadBatch(List<Prepared> purchases, long skipped, long skippedRows, long bytesRead) {
    }

    /** What every batch of one run needs to know: its import, the earlier runs of the same file, their rows. */
    private record Batching(long importId, java.util.Set<Long> earlierRuns, ImportedRows done) {
    }

    /**
     * Reads the file's purchases in batches: rows are parsed and checked; members are looked up by the batch.
     * {@code pending[0]} is the first row not yet read into a purchase; it is carried across batches so a
     * purchase's rows are never split. Runs on the reading thread ({@link ReadAhead}), without the database.
     */
    private ReadAhead.Reader<ReadBatch> readBatches(CsvSource source, CsvSource.Row[] pending, FieldColumns columns,
                                                   ImportOptions options, ImportedRows done) {
        return () -> {
            if (pending[0] == null) {
                return null;
            }
            List<Prepared> batch = new ArrayList<>();
            long skipped = 0;
            long skippedRows = 0;
            while (pending[0] != null && batch.size() + skipped < options.batchSize()) {
                Group group = nextGroup(source, pending, columns);
                if (storedBefore(group, done)) {
                    skipped++;
                    skippedRows += group.rows.size();
                } else {
                    batch.add(prepare(null, null, group, columns, options));
                }
            }
            return new ReadBatch(batch, skipped, skippedRows, source.bytesRead());
        };
    }

    /** Whether an earlier run of this file stored the group; a group is stored or rejected whole, never in part. */
    private static boolean storedBefore(Group group, ImportedRows done) {
        if (done.isEmpty()) {
            return false;
        }
        for (CsvSource.Row row : group.rows) {
            if (!done.contains(row.record().getRecordNumber())) {
                return false;
            }
        }
        return true;
    }

    /** Adds the rows of a purchase that took effect (stored, completed or already there) to the batch's ranges. */
    private static void tookEffect(ImportedRows.Ranges ranges, Group group) {
        for (CsvSource.Row row : group.rows) {
            ranges.add(row.record().getRecordNumber());
        }
    }

    /** The rows of the purchase starting at {@code pending[0]}; leaves the next purchase's first row there. */
    private static Group nextGroup(CsvSource source, CsvSource.Row[] pending, FieldColumns columns) {
        Group group = new Group(pending[0].get(columns.index("purchase_no")));
        group.rows.add(pending[0]);
        CsvSource.Row row;
        while ((row = source.next()) != null && !group.purchaseNo.isEmpty()
                && group.purchaseNo.equals(row.get(columns.index("purchase_no")))) {
            group.rows.add(row);
        }
        pending[0] = row;
        return group;
    }

    /**
     * Records a batch read ahead: its purchase numbers and members are looked up at once, and it is written
     * set-based when it ends ({@link org.memberdesk.purchases.BatchRecorder}). A cancel throws {@link
     * BatchCancelled} before anything is committed.
     */
    private Counts recordBatch(Connection connection, List<Prepared> batch, ImportOptions options, Batching batching,
                               ImportProgress progress, List<Rejection> rejections) throws SQLException {
        long imported = 0;
        long appended = 0;
        long duplicates = 0;
        long rejected = 0;
        ImportedRows.Ranges ranges = new ImportedRows.Ranges();
        batch = withMembers(connection, batch);
        try (PurchaseService.Recording recorder = purchases.importRecorder(connection, batching.importId(),
                batching.earlierRuns(), options.allowReturns(), false)) {
            List<String> numbers = new ArrayList<>();
            Set<Long> memberIds = new LinkedHashSet<>();
            for (Prepared prepared : batch) {
                if (prepared.draft != null) {
                    numbers.add(prepared.draft.purchaseNo());
                    if (prepared.draft.refundOfNo() != null) {
                        numbers.add(prepared.draft.refundOfNo().strip());
                    }
                    memberIds.add(prepared.draft.memberId());
                }
            }
            recorder.prefetch(numbers, memberIds);
            int handled = 0;
            for (Prepared prepared : batch) {
                if (++handled % 1000 == 0 && progress.cancelled()) {
                    throw new BatchCancelled();
                }
                PurchaseService.Outcome outcome = record(recorder, prepared, rejections);
                imported += outcome == PurchaseService.Outcome.STORED ? 1 : 0;
                appended += outcome == PurchaseService.Outcome.APPENDED ? 1 : 0;
                duplicates += outcome == PurchaseService.Outcome.DUPLICATE ? 1 : 0;
                rejected += outcome == null ? 1 : 0;
                if (outcome != null) {
                    tookEffect(ranges, prepared.group);
                }
            }
            if (progress.cancelled()) {
                throw new BatchCancelled();
            }
        }
        return new Counts(imported, appended, duplicates, rejected, ranges.list(), 0, 0);
    }

    /** The batch with its members looked up: by number, else by phone, each with one statement. */
    private List<Prepared> withMembers(Connection connection, List<Prepared> batch) throws SQLException {
        Set<String> numbers = new HashSet<>();
        for (Prepared prepared : batch) {
            if (prepared.needsMember() && prepared.memberNo != null) {
                numbers.add(prepared.memberNo);
            }
        }
        Map<String, Long> byNumber = memberStore.idsByNumber(connection, numbers);
        Set<String> phones = new HashSet<>();
        for (Prepared prepared : batch) {
            if (prepared.needsMember() && prepared.phone != null && !byNumber.containsKey(prepared.memberNo)) {
                phones.add(phoneKey(prepared.phone));
            }
        }
        Map<String, Long> byPhone = memberStore.idsByPhone(connection, phones);
        List<Prepared> resolved = new ArrayList<>(batch.size());
        for (Prepared prepared : batch) {
            if (!prepared.needsMember()) {
                resolved.add(prepared);
                continue;
            }
            Long id = prepared.memberNo == null ? null : byNumber.get(prepared.memberNo);
            if (id == null && prepared.phone != null) {
                id = byPhone.get(phoneKey(prepared.phone));
            }
            resolved.add(prepared.resolved(id == null ? -1 : id));
        }
        return resolved;
    }

    private static String phoneKey(String phone) {
        return Phones.normalize(phone).orElse(phone);
    }

    /**
     * With members created on the fly: reads and stores purchase by purchase, as at the counter, until the
     * batch is full. A cancel mid-batch throws {@link BatchCancelled}.
     */
    private Counts storeRowByRow(Connection connection, CsvSource source, CsvSource.Row[] pending,
                                 FieldColumns columns, ImportOptions options, Batching batching,
                                 ImportProgress progress, List<Rejection> rejections) throws SQLException {
        long imported = 0;
        long appended = 0;
        long duplicates = 0;
        long rejected = 0;
        long handled = 0;
        long skipped = 0;
        long skippedRows = 0;
        ImportedRows.Ranges ranges = new ImportedRows.Ranges();
        try (PurchaseService.Recording recorder = purchases.importRecorder(connection, batching.importId(),
                batching.earlierRuns(), options.allowReturns(), true);
             PreparedStatement byNumber = memberStore.prepareIdByNumber(connection);
             PreparedStatement byPhone = memberStore.prepareIdByPhone(connection)) {
            MemberLookup lookup = new MemberLookup(byNumber, byPhone);
            while (pending[0] != null && handled < options.batchSize()) {
                Group group = nextGroup(source, pending, columns);
                handled++;
                if (handled % 500 == 0 && progress.cancelled()) {
                    throw new BatchCancelled();
                }
                if (storedBefore(group, batching.done())) {
                    skipped++;
                    skippedRows += group.rows.size();
                    continue;
                }
                PurchaseService.Outcome outcome = record(recorder, prepare(connection, lookup, group, columns, options),
                        rejections);
                imported += outcome == PurchaseService.Outcome.STORED ? 1 : 0;
                appended += outcome == PurchaseService.Outcome.APPENDED ? 1 : 0;
                duplicates += outcome == PurchaseService.Outcome.DUPLICATE ? 1 : 0;
                rejected += outcome == null ? 1 : 0;
                if (outcome != null) {
                    tookEffect(ranges, group);
                }
            }
        }
        return new Counts(imported, appended, duplicates, rejected, ranges.list(), skipped, skippedRows);
    }

    /** One purchase of the file, read and checked: a draft to record, or the rows' problems. */
    private static final class Prepared {
        final Group group;
        final PurchaseDraft draft;
        final List<Rejection> bad;
        /** How the file names the member; the draft's member id is -1 until looked up ({@link #resolved}). */
        final String memberNo;
        final String phone;

        Prepared(Group group, PurchaseDraft draft, List<Rejection> bad, String memberNo, String phone) {
            this.group = group;
            this.draft = draft;
            this.bad = bad;
            this.memberNo = memberNo;
            this.phone = phone;
        }

        boolean needsMember() {
            return draft != null && draft.memberId() < 0;
        }

        /** With the member found (id) or not (-1: the purchase is rejected naming the member). */
        Prepared resolved(long memberId) {
            if (memberId >= 0) {
                return new Prepared(group, new PurchaseDraft(draft.purchaseNo(), memberId, draft.time(), draft.lines(),
                        draft.refundOfNo()), bad, memberNo, phone);
            }
            List<Rejection> unknown = new ArrayList<>(bad);
            unknown.add(unknownMember(group, memberNo, phone));
            return new Prepared(group, null, unknown, memberNo, phone);
        }
    }

    private static Rejection unknownMember(Group group, String memberNo, String phone) {
        CsvSource.Row first = group.rows.get(0);
        return new Rejection(first.line(), memberNo != null ? "member_no" : "phone",
                Problem.of(memberNo != null ? "member_no" : "phone", "import.member.unknown",
                        memberNo != null ? memberNo : phone), first.values());
    }

    /** Records a prepared purchase; null when it was rejected (its rows then go to the report). */
    private static PurchaseService.Outcome record(PurchaseService.Recording recorder, Prepared prepared,
                                                  List<Rejection> rejections) throws SQLException {
        List<Rejection> bad = new ArrayList<>(prepared.bad);
        if (prepared.draft != null) {
            try {
                return recorder.record(prepared.draft).outcome();
            } catch (ValidationException e) {
                CsvSource.Row first = prepared.group.rows.get(0);
                for (Problem problem : e.problems()) {
                    bad.add(new Rejection(first.line(), problem.field(), problem, first.values()));
                }
            }
        }
        rejections.addAll(bad);
        for (CsvSource.Row row : prepared.group.rows) {
            if (bad.stream().noneMatch(r -> r.line() == row.line())) {
                rejections.add(new Rejection(row.line(), "purchase_no",
                        Problem.of("purchase_no", "import.purchase.partOfRejected", prepared.group.purchaseNo),
                        row.values()));
            }
        }
        return null;
    }

    /**
     * Reads and checks one purchase's rows. With a {@code lookup} its member is found (or created) now; without,
     * the draft's member id stays -1 for the batch to look up ({@link Prepared#resolved}).
     */
    private Prepared prepare(Connection connection, MemberLookup lookup, Group group, FieldColumns columns,
                             ImportOptions options) throws SQLException {
        List<PurchaseLine> lines = new ArrayList<>();
        LocalDateTime time = null;
        String memberNo = null;
        String phone = null;
        List<Rejection> bad = new ArrayList<>();
        for (CsvSource.Row row : group.rows) {
            if (row.unreadable() != null) {
                bad.add(new Rejection(row.line(), "row", row.unreadable(), row.values()));
                continue;
            }
            if (row.size() != columns.header().size()) {
                bad.add(new Rejection(row.line(), "row", Problem.of("row", "import.row.columns", row.size(),
                        columns.header().size()), row.values()));
                continue;
            }
            try {
                if (group.purchaseNo.isEmpty()) {
                    throw new FieldException(Problem.of("purchase_no", "purchase.number.missing"));
                }
                String rawTime = row.get(columns.index("time"));
                if (rawTime.isEmpty()) {
                    throw new FieldException(Problem.of("time", "purchase.time.missing"));
                }
                LocalDateTime rowTime = MemberImporter.field("time", "import.time.invalid", rawTime, Dates::dateTime);
                time = time == null ? rowTime : time;
                memberNo = memberNo != null ? memberNo : emptyToNull(row.get(columns.index("member_no")));
                phone = phone != null ? phone : emptyToNull(row.get(columns.index("phone")));
                lines.add(line(row, columns));
            } catch (FieldException e) {
                bad.add(new Rejection(row.line(), e.problem.field(), e.problem, row.values()));
            }
        }
        if (bad.isEmpty() && memberNo == null && phone == null) {
            CsvSource.Row first = group.rows.get(0);
            bad.add(new Rejection(first.line(), "member_no", Problem.of("member_no", "import.member.missing"),
                    first.values()));
        }
        long memberId = -1;
        if (bad.isEmpty() && lookup != null) {
            memberId = lookup.find(memberNo, phone);
            if (memberId < 0 && options.createMembers()) {
                memberId = createMember(connection, memberNo, phone, group, columns, bad);
            } else if (memberId < 0) {
                bad.add(unknownMember(group, memberNo, phone));
            }
        }
        if (!bad.isEmpty()) {
            return new Prepared(group, null, bad, memberNo, phone);
        }
        return new Prepared(group, new PurchaseDraft(group.purchaseNo, memberId, time, lines,
                emptyToNull(group.rows.get(0).get(columns.index("refund_of")))), bad, memberNo, phone);
    }

    private long createMember(Connection connection, String memberNo, String phone, Group group,
                              FieldColumns columns, List<Rejection> bad) throws SQLException {
        CsvSource.Row first = group.rows.get(0);
        String name = emptyToNull(first.get(columns.index("name")));
        MemberDetails member = members.normalized(new MemberDetails(memberNo,
                name != null ? name : memberNo != null ? memberNo : Phones.mask(phone),
                phone, null, null, null, null, null, null, Map.of()));
        List<Problem> problems = members.check(member);
        if (!problems.isEmpty()) {
            for (Problem problem : problems) {
                bad.add(new Rejection(first.line(), problem.field(), problem, first.values()));
            }
            return -1;
        }
        if (member.memberNo() == null) {
            member = member.withMemberNo(memberStore.nextMemberNumber(connection));
        }
        long id = memberStore.insert(connection, member);
        members.added(connection, id, member);
        return id;
    }

    private static PurchaseLine line(CsvSource.Row row, FieldColumns columns) {
        String item = row.get(columns.index("item"));
        String rawQuantity = row.get(columns.index("quantity"));
        int quantity = rawQuantity.isEmpty() ? 1
                : MemberImporter.field("quantity", "import.quantity.invalid", rawQuantity, PurchaseImporter::quantity);
        String rawAmount = row.get(columns.index("amount"));
        long amount;
        if (!rawAmount.isEmpty()) {
            amount = yuan("amount", rawAmount);
        } else {
            String rawPrice = row.get(columns.index("unit_price"));
            if (rawPrice.isEmpty()) {
                throw new FieldException(Problem.of("amount", "import.amount.missing"));
            }
            try {
                amount = Math.multiplyExact(yuan("unit_price", rawPrice), quantity);
            } catch (ArithmeticException e) {
                // beyond any bound a shop can set: say what was multiplied (the bounds check the rest)
                throw new FieldException(Problem.of("amount", "purchase.limit.overflow", rawPrice, quantity));
            }
        }
        return new PurchaseLine(item.isEmpty() ? null : item, quantity, amount);
    }

    /** An amount in yuan; a decimal comma ({@code 12,50}) is named as such, not as "not an amount". */
    private static long yuan(String field, String raw) {
        if (Money.hasDecimalComma(raw)) {
            throw new FieldException(Problem.of(field, "import.amount.decimalComma", raw));
        }
        return MemberImporter.field(field, "import.amount.invalid", raw, Money::parseYuan);
    }

    private static int quantity(String text) {
        int quantity = Integer.parseInt(text.strip());
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        return quantity;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Finds members by number, then phone, remembering the last one: purchase files come grouped by member. */
    private final class MemberLookup {
        private final PreparedStatement byNumber;
        private final PreparedStatement byPhone;
        private String lastKey;
        private long lastId = -1;

        MemberLookup(PreparedStatement byNumber, PreparedStatement byPhone) {
            this.byNumber = byNumber;
            this.byPhone = byPhone;
        }

        long find(String memberNo, String phone) throws SQLException {
            String key = memberNo != null ? "#" + memberNo : "+" + phone;
            if (key.equals(lastKey) && lastId >= 0) {
                return lastId;
            }
            long id = -1;
            if (memberNo != null) {
                id = memberStore.idByNumber(byNumber, memberNo);
            }
            if (id < 0 && phone != null) {
                id = memberStore.idByNumber(byPhone, phoneKey(phone));
            }
            lastKey = key;
            lastId = id;
            return id;
        }
    }
}

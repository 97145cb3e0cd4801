package org.memberdesk.io;

import org.memberdesk.common.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.memberdesk.common.Messages;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.ImportLock;
import org.memberdesk.db.DeferredIndexes;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.MemberService;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.purchases.PurchaseService;

/**
 * Imports purchases from CSV, one row per purchase or one row per line: rows sharing a purchase
 * number make one purchase. Each purchase goes through the same {@link org.memberdesk.purchases.PurchasePipeline}
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
    private final StaffSession session;
    private final OperationLog log;

    public PurchaseImporter(Database database, PurchaseService purchases, MemberService members,
                            MemberStore memberStore, List<ImportListener> listeners, OutputFiles files,
                            StaffSession session, OperationLog log) {
        this.session = session;
        this.log = log;
        this.files = files;
        this.database = database;
        this.purchases = purchases;
        this.members = members;
        this.memberStore = memberStore;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Our fields and the header names they are recognised by, in Chinese and English (matched forgivingly: see
     * {@link FieldColumns#key}); the first is the standard column. Where one file may carry two candidates for a
     * field the earlier name wins, so the order is a choice: for the amount, what was paid (实收, 实付) before a
     * plain 金额 or a total, and 应收 (what was due, before any discount) only when nothing else is there; for the
     * time, a date-and-time column (交易时间, InvoiceDate) before 时间, and 时间 before a date only column (日期,
     * Date), so a file with a date and a time of day in separate columns is read by its 时间/Time column only when
     * nothing better is there — the preview shows what was read.
     */
    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("purchase_no", List.of("purchase_no", "单号", "订单号", "小票号", "流水号", "消费单号", "销售单号",
                "单据号", "订单编号", "交易单号", "invoice_no", "invoice", "invoice_number", "order_no", "order_id",
                "order", "order_number", "receipt_no", "receipt", "transaction_id"));
        fields.put("member_no", List.of("member_no", "会员编号", "会员号", "会员卡号", "卡号", "客户编号", "客户ID",
                "顾客编号", "顾客ID", "customer_id", "customer_no", "customer", "member_id", "member"));
        fields.put("phone", List.of("phone", "手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "mobile",
                "phone_number", "tel", "telephone"));
        fields.put("time", List.of("time", "交易时间", "消费时间", "下单时间", "成交时间", "支付时间", "销售时间",
                "日期时间", "invoice_date", "order_date", "transaction_date", "date_time", "datetime", "时间", "日期",
                "消费日期", "交易日期", "销售日期", "date"));
        fields.put("item", List.of("item", "商品", "商品名称", "项目", "品名", "商品名", "货品名称", "description",
                "product", "product_name", "item_name"));
        fields.put("quantity", List.of("quantity", "数量", "件数", "销售数量", "qty"));
        fields.put("unit_price", List.of("unit_price", "单价", "售价", "销售单价", "price"));
        fields.put("amount", List.of("amount", "实收金额", "实收", "实付金额", "实付", "金额", "消费金额", "成交金额",
                "销售金额", "小计", "total", "total_amount", "应收金额", "应收"));
        fields.put("refund_of", List.of("refund_of", "原单号", "原订单号"));
        fields.put("name", List.of("name", "姓名", "会员姓名", "客户姓名", "顾客姓名", "customer_name"));
        // the store (门店) each purchase was made in, by its name; without it, this computer's store
        fields.put(StoreNames.FIELD, StoreNames.ALIASES);
        return fields;
    }

    /**
     * The first {@code rows} rows of the file as this import would store them, or why each would be rejected, read
     * through the same checks; nothing is written (the wizard's check before importing).
     */
    public ImportPreview preview(Path file, ImportOptions options, int rows, Messages messages) throws IOException {
        session.require(Permission.IMPORT); // the wizard's first look is part of importing
        return ImportPreviews.purchases(database, purchases, memberStore, file, options, rows, messages);
    }

    /** What every batch of one run needs to know: its import, the earlier runs of the same file, their rows. */
    record Batching(long importId, Set<Long> earlierRuns, ImportedRows done) {
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
            for (String required : List.of("time")) {
                if (!columns.has(required)) {
                    throw new IllegalArgumentException("the file has no " + required + " column; its columns are: "
                            + String.join(", ", source.header()));
                }
            }
            if (!columns.has("amount") && !columns.has("unit_price")) {
                throw new IllegalArgumentException("the file has neither an amount nor a unit_price column; its "
                        + "columns are: " + String.join(", ", source.header()));
            }
            if (!columns.has("member_no") && !columns.has("phone")) {
                throw new IllegalArgumentException("the file has neither a member_no nor a phone column; its columns are: "
                        + String.join(", ", source.header()));
            }
            // without an item column every line is the shop's default item ("消费" / "Purchase" unless set)
            PurchaseRowChecks.Rules rules = rules(purchases, connection, columns, options, messages, stores);
            // a member created on the fly joins on the day the file first names it: read before anything is stored
            JoinDates joinDates = options.createMembers() ? JoinDates.read(file, options, columns) : JoinDates.none();
            Set<String> alreadyCounted = ConcurrentHashMap.newKeySet();
            ImportedRows done = ImportLogStore.stored(connection, "purchases", fileHash);
            long importId = ImportLogStore.start(connection, "purchases", file, fileHash);
            // a re-run completes the purchases an earlier run of this same file began (lines far apart in the
            // file, the run killed between them) exactly as one run would have; other imports' numbers stay
            // duplicates. No purchase needs to be held back until its last line: a killed batch is rolled back
            // whole, so the re-run starts from the state one run had at that batch and reads the same rows in the
            // same order; a later line earns "all lines − the lines before" at the member's state then, as in one
            // run (CrashAndRerunTest compares the ledger entry by entry, ids included).
            ImportLogStore.EarlierRuns earlier = ImportLogStore.earlierRuns(connection, "purchases", fileHash, importId);
            Batching batching = new Batching(importId, earlier.ids(), done);
            long imported = 0;
            long duplicates = 0;
            long rejected = 0;
            long skipped = 0;
            long skippedRows = 0;
            boolean cancelled = false;
            ImportRow[] pending = new ImportRow[1];
            pending[0] = source.next();
            // a demo purchase row is ~60 bytes, a member row ~80: an estimate is enough to tell a big load
            DeferredIndexes.Claim deferred = DeferredIndexes.deferIfWorthIt(database, connection,
                    source.size() / 60, "purchases", DeferredIndexes.PURCHASE_IMPORT);
            boolean rowByRow = options.createMembers();
            RowByRowPurchases byRow = new RowByRowPurchases(purchases, members, memberStore, source, pending, columns,
                    options, batching, progress, rules, alreadyCounted, joinDates);
            PurchaseBatchWriter writer = new PurchaseBatchWriter(purchases, memberStore, batching, options, progress,
                    alreadyCounted);
            // members created on the fly must be seen by the rows after them: read row by row on this thread;
            // otherwise the next batches are read and checked on a thread of their own while this one writes
            try (ReadAhead<PurchaseBatchReader.ReadBatch> ahead = rowByRow ? null : new ReadAhead<>(
                    "purchase-import-reader", new PurchaseBatchReader(source, pending, columns, options, done, rules,
                    alreadyCounted))) {
                while (rowByRow ? byRow.hasMore() : true) {
                    if (progress.cancelled()) {
                        cancelled = true;
                        break;
                    }
                    PurchaseBatchReader.ReadBatch read = rowByRow ? null : ahead.next();
                    if (!rowByRow && read == null) {
                        break;
                    }
                    List<Rejection> rejections = new ArrayList<>();
                    BatchTally.Counts counts;
                    if (!rowByRow && read.purchases().isEmpty()) {
                        counts = BatchTally.Counts.NONE; // all stored by an earlier run: nothing to write
                    } else {
                        long[] before = {imported, duplicates + skipped + (rowByRow ? 0 : read.skipped()), rejected};
                        counts = BatchCancelled.inTransaction(connection, c -> {
                            BatchTally.Counts batch = rowByRow
                                    ? byRow.storeBatch(c, rejections)
                                    : writer.record(c, read.purchases(), columns, rejections);
                            ImportLogStore.batchCommitted(c, importId, "purchases", fileHash, batch.ranges(),
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
                    progress.report(rowByRow ? source.bytesRead() : read.bytesRead(), source.size(),
                            imported + duplicates + rejected + skipped);
                }
            } finally {
                // also when cancelled or stopped by an error; a full disk leaves them for the next open
                DeferredIndexes.restoreAfterImport(database, connection, deferred);
            }
            ImportResult result = new ImportResult(imported, duplicates + skipped, rejected, report.path(), cancelled,
                    skippedRows, earlier.interrupted(), 0, report.reasons());
            ImportLog.finish(connection, importId, result, "purchases", file, log, actor);
            listeners.forEach(l -> l.afterImport("purchases", result));
            return result;
        }
    }

    /**
     * How this file's rows are read beyond their columns, for the import and its preview alike: without an item
     * column every line is the shop's default item ("消费" / "Purchase" unless set), return lines only with
     * {@code --allow-returns}, dates as {@code --date-format} says; a file without purchase numbers has one purchase
     * per row ({@link RowNumbers}); with a store column, each purchase's store is looked up in {@code stores}.
     */
    static PurchaseRowChecks.Rules rules(PurchaseService purchases, Connection connection, FieldColumns columns,
                                         ImportOptions options, Messages messages, StoreNames stores)
            throws SQLException {
        return new PurchaseRowChecks.Rules(columns.has("item") ? null
                : purchases.defaultItemName(connection).orElse(messages.get("import.defaultItem")),
                options.allowReturns(), Dates.of(options.dateFormat()),
                columns.has("purchase_no") ? null : new RowNumbers(),
                columns.has(StoreNames.FIELD) ? stores : null);
    }
}

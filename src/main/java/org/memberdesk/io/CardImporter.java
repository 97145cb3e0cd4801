package org.memberdesk.io;

import org.memberdesk.common.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardProductStore;
import org.memberdesk.cards.CardStore;
import org.memberdesk.cards.OpeningCards;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Problem;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.ImportLock;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.CardRowChecks.CardRow;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Imports opening balances (期初余额) of member cards from CSV, for a shop moving from another system: one row per
 * card — member_no, product (a card product's name, which must exist: its kind says which columns are needed),
 * principal, bonus, sessions_left, valid_from, valid_to, and optionally paid (what a session card's or pass's
 * remainder is worth), and in a chain the store it was sold in (门店, by name as the purchase import reads it; a
 * product limited to another store is refused there; without the column, this computer's store, where its entry
 * then belongs). Each card is stored with one 'opening' entry carrying its balance or sessions, so the
 * card's ledger proves its balance like any other; no purchase and no payment is recorded (the money was received
 * by the old system). The same guarantees as the member and purchase imports: bad rows go to the rejected-rows
 * report with their line and reason, batches are stored each in a transaction of its own, the rows a batch stored
 * are recorded with it (file SHA-256 and row ranges), so a run killed part way and run again finishes exactly
 * what was left and a second run of the same file adds nothing; one import at a time, a backup before.
 */
public final class CardImporter {
    public static final Map<String, List<String>> FIELDS = fields();

    /**
     * Database bytes a byte of the file takes once stored, rounded up, for the room a full disk lacks: a file of
     * 300,000 cards (~16 MB) grows the database by ~55 MB (the card, its entry, their indexes).
     */
    private static final long STORED_BYTES_PER_FILE_BYTE = 4;
    /** The kind of import in imports and import_rows. */
    static final String KIND = "cards";

    private final Database database;
    private final CardStore cardStore;
    private final CardProductStore productStore;
    private final OpeningCards openings;
    private final MemberStore memberStore;
    private final List<ImportListener> listeners;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;
    private final Clock clock;
    /** This computer's store: where the opening entries of a file without a store column belong. */
    private final org.memberdesk.stores.StoreHere storeHere;

    public CardImporter(Database database, CardStore cardStore, CardProductStore productStore, MemberStore memberStore,
                        List<ImportListener> listeners, OutputFiles files, Clock clock,
                            StaffSession session, OperationLog log, org.memberdesk.stores.StoreHere storeHere) {
        this.storeHere = storeHere;
        this.session = session;
        this.log = log;
        this.database = database;
        this.cardStore = cardStore;
        this.productStore = productStore;
        this.openings = new OpeningCards(cardStore);
        this.memberStore = memberStore;
        this.listeners = List.copyOf(listeners);
        this.files = files;
        this.clock = clock;
    }

    /**
     * Our fields and the header names they are recognised by, in Chinese and English (matched forgivingly: see
     * {@link FieldColumns#key}); the first is the standard column, and where a file has two candidates the earlier
     * name wins. 卡号 is no alias of the member: in a cards file it is the card's own number.
     */
    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("member_no", List.of("member_no", "会员编号", "会员号", "会员卡号", "客户编号", "客户ID", "顾客编号",
                "customer_id", "member_id"));
        fields.put("product", List.of("product", "卡名", "卡种", "卡类型", "会员卡", "套餐", "卡名称", "card_type",
                "card"));
        fields.put("principal", List.of("principal", "本金", "储值余额", "本金余额", "余额", "balance"));
        fields.put("bonus", List.of("bonus", "赠送", "赠送余额", "赠金", "赠送金额"));
        fields.put("sessions_left", List.of("sessions_left", "剩余次数", "次数", "sessions"));
        fields.put("valid_from", List.of("valid_from", "开始日期", "生效日期", "起始日期", "开卡日期"));
        fields.put("valid_to", List.of("valid_to", "到期日期", "截止日期", "有效期至", "到期时间", "expires",
                "expiry_date"));
        fields.put("paid", List.of("paid", "实付", "实付金额", "实收", "实收金额"));
        // the store (门店) each card was sold in, by its name (a chain's file only); without it, this computer's
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
        return ImportPreviews.cards(database, productStore, memberStore, file, options, rows, messages,
                storeHere.id());
    }

    /** A batch of rows read and checked, how many rows an earlier run had stored, and where it ends. */
    private record ReadBatch(List<CardRow> rows, long skipped, long bytesRead) {
    }

    private ImportResult run(Path file, ImportOptions options, Progress progress, Messages messages,
                             Actor actor)
            throws IOException, SQLException {
        listeners.forEach(l -> l.beforeImport(file));
        String fileHash = ImportedRows.hashOf(file);
        try (ImportSource source = ImportSource.open(file, options.encoding(), options.sheet());
             RejectReport report = new RejectReport(files, file, source.header());
             Connection connection = database.connectForBulk()) {
            // the stores as they are when the import starts: read once, every line's store name is looked up in them
            StoreNames stores = StoreNames.read(connection);
            FieldColumns columns = FieldColumns.resolve(source.header(), stores.fields(FIELDS), options.columns());
            for (String required : List.of("member_no", "product")) {
                if (!columns.has(required)) {
                    throw new IllegalArgumentException("the file has no " + required + " column; its columns are: "
                            + String.join(", ", source.header()));
                }
            }
            Map<String, CardProduct> products = new HashMap<>();
            for (CardProduct product : productStore.products(connection)) {
                products.put(product.name(), product);
            }
            CardRowChecks checks = checks(products, options, columns, stores, storeHere.id());
            ImportedRows done = ImportLogStore.stored(connection, KIND, fileHash);
            long importId = ImportLogStore.start(connection, KIND, file, fileHash);
            boolean resumed = ImportLogStore.earlierRuns(connection, KIND, fileHash, importId).interrupted();
            // one time for the whole run: the cards came over together, on the day the shop moved
            LocalDateTime at = LocalDateTime.now(clock).withNano(0);
            long imported = 0;
            long skipped = 0;
            // rows, not reasons: a row with two faults is one card not stored (the report names both)
            long rejected = 0;
            long rows = 0;
            boolean cancelled = false;
            // the next batches are read and checked on a thread of their own while this one writes
            try (ReadAhead<ReadBatch> ahead = new ReadAhead<>("card-import-reader",
                    () -> readBatch(source, columns, checks, options, done))) {
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
                    long stored = 0;
                    if (!read.rows().isEmpty()) {
                        long importedBefore = imported;
                        long skippedBefore = skipped + read.skipped();
                        long rejectedBefore = rejected;
                        Long batch = BatchCancelled.inTransaction(connection, c -> {
                            long cards = storeBatch(c, read.rows(), at, importId, progress, rejections);
                            ImportLogStore.batchCommitted(c, importId, KIND, fileHash, ranges(read, rejections),
                                    importedBefore + cards, skippedBefore, rejectedBefore + rows(rejections));
                            if (cards > 0) {
                                for (ImportListener listener : listeners) {
                                    listener.batchStored(c, importId);
                                }
                            }
                            return cards;
                        });
                        if (batch == null) {
                            cancelled = true;
                            break;
                        }
                        stored = batch;
                    }
                    report.rejectAll(rejections, messages);
                    rejected += rows(rejections);
                    imported += stored;
                    skipped += read.skipped();
                    rows += read.rows().size() + read.skipped();
                    progress.report(read.bytesRead(), source.size(), rows);
                }
            }
            ImportResult result = new ImportResult(imported, skipped, rejected, report.path(), cancelled,
                    skipped, resumed, 0, report.reasons());
            ImportLog.finish(connection, importId, result, KIND, file, log, actor);
            listeners.forEach(l -> l.afterImport(KIND, result));
            return result;
        }
    }

    /**
     * How this file's rows are checked, for the import and its preview alike: with a store column each card is
     * sold in the store it names, else in {@code here} (this computer's store, read once per run).
     */
    static CardRowChecks checks(Map<String, CardProduct> products, ImportOptions options, FieldColumns columns,
                                StoreNames stores, long here) {
        return new CardRowChecks(products, Dates.of(options.dateFormat()), stores, columns.has(StoreNames.FIELD),
                here);
    }

    /** Reads and checks up to one batch, skipping the rows an earlier run of this file stored; null at the end. */
    private static ReadBatch readBatch(ImportSource source, FieldColumns columns, CardRowChecks checks,
                                       ImportOptions options, ImportedRows done) {
        List<CardRow> rows = new ArrayList<>();
        long skipped = 0;
        ImportRow row;
        while (rows.size() + skipped < options.batchSize() && (row = source.next()) != null) {
            if (done.contains(row.number())) {
                skipped++;
            } else {
                rows.add(checks.check(row, columns));
            }
        }
        return rows.isEmpty() && skipped == 0 ? null : new ReadBatch(rows, skipped, source.bytesRead());
    }

    /**
     * Stores one batch's cards in file order, set-based; a row whose member is not stored is rejected naming the
     * member. Returns the cards stored; rejections go to {@code rejections} in file order.
     */
    private long storeBatch(Connection connection, List<CardRow> rows, LocalDateTime at, long importId,
                            Progress progress, List<Rejection> rejections) throws SQLException {
        Set<String> numbers = new LinkedHashSet<>();
        for (CardRow row : rows) {
            if (row.card() != null) {
                numbers.add(row.memberNo());
            }
        }
        Map<String, Long> members = memberStore.idsByNumber(connection, numbers);
        List<OpeningCards.Opening> cards = new ArrayList<>(rows.size());
        for (CardRow row : rows) {
            if (row.card() == null) {
                rejections.addAll(row.problems());
                continue;
            }
            Long memberId = members.get(row.memberNo());
            if (memberId == null) {
                rejections.add(new Rejection(row.line(), "member_no",
                        Problem.of("member_no", "cards.import.memberUnknown", row.memberNo()),
                        row.source().values()));
                continue;
            }
            OpeningCards.Opening card = row.card();
            cards.add(new OpeningCards.Opening(memberId, card.product(), card.paidCents(), card.principalCents(),
                    card.bonusCents(), card.sessionsLeft(), card.validFrom(), card.validTo(), card.storeId()));
        }
        if (progress.cancelled()) {
            throw new BatchCancelled();
        }
        openings.insert(connection, cards, at, importId);
        return cards.size();
    }

    /** How many rows the rejections are about (a row may have several). */
    private static long rows(List<Rejection> rejections) {
        return rejections.stream().mapToLong(Rejection::line).distinct().count();
    }

    /** The rows of a batch that took effect, as ranges: all but the rejected ones (the next run tries those again). */
    private static List<long[]> ranges(ReadBatch read, List<Rejection> rejections) {
        Set<Long> rejected = new java.util.HashSet<>();
        for (Rejection rejection : rejections) {
            rejected.add(rejection.line());
        }
        ImportedRows.Ranges ranges = new ImportedRows.Ranges();
        for (CardRow row : read.rows()) {
            if (!rejected.contains(row.line())) {
                ranges.add(row.row());
            }
        }
        return ranges.list();
    }
}

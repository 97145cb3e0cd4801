package org.memberdesk.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardProductStore;
import org.memberdesk.cards.OpeningCards;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.db.Database;
import org.memberdesk.io.ImportPreview.Outcome;
import org.memberdesk.io.ImportPreview.Row;
import org.memberdesk.io.MemberImporter.Rejection;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberStore;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.purchases.PurchaseService;

/**
 * Reads the first rows of an import file through the import's own checks — the same row checks, member look-ups
 * and purchase rules ({@link PurchaseService#check}) the import runs — inside one read transaction: nothing is
 * written, no import is logged, no lock is taken. What only the writing can tell (a phone another member has, a
 * coupon or card a purchase uses) shows when the import runs.
 */
final class ImportPreviews {
    private ImportPreviews() {
    }

    static ImportPreview purchases(Database database, PurchaseService purchases, MemberStore memberStore, Path file,
                                   ImportOptions options, int rows, Messages messages) throws IOException {
        return read(database, file, options, PurchaseImporter.FIELDS, (source, columns, stores, connection) -> {
            PurchaseLimits limits = purchases.limits(connection);
            PurchaseRowChecks.Rules rules = PurchaseImporter.rules(purchases, connection, columns, options, messages,
                    stores);
            List<Row> shown = new ArrayList<>();
            try (PreparedStatement byNumber = memberStore.prepareIdByNumber(connection);
                 PreparedStatement byPhone = memberStore.prepareIdByPhone(connection)) {
                MemberLookup lookup = new MemberLookup(memberStore, byNumber, byPhone);
                ImportRow[] pending = {source.next()};
                while (pending[0] != null && shown.size() < rows) {
                    PurchaseRows group = PurchaseRows.next(source, pending, columns, rules.rowNumbers());
                    CheckedPurchase checked = PurchaseRowChecks.check(group, columns, rules);
                    boolean newMember = false;
                    if (checked.needsMember()) {
                        long id = lookup.find(checked.memberNo, checked.phone);
                        newMember = id < 0 && options.createMembers();
                        checked = newMember ? checked : checked.resolved(id);
                    }
                    List<Rejection> problems = new ArrayList<>(checked.bad);
                    if (checked.draft != null) {
                        for (Problem problem : purchases.check(checked.draft, options.allowReturns(), limits)) {
                            problems.add(new Rejection(group.rows.get(0).line(), problem.field(), problem, List.of()));
                        }
                    }
                    boolean duplicate = problems.isEmpty() && purchases.byNumber(group.purchaseNo).isPresent();
                    for (int i = 0; i < group.rows.size(); i++) {
                        ImportRow row = group.rows.get(i);
                        String member = checked.memberNo != null ? checked.memberNo
                                : checked.phone != null ? checked.phone : "";
                        if (!problems.isEmpty()) {
                            String reason = reason(problems, row.line(), messages);
                            shown.add(rejected(row, reason != null ? reason
                                    : Problem.of("purchase_no", "import.purchase.partOfRejected", group.purchaseNo)
                                            .describe(messages), columns,
                                    List.of(columns.has("member_no") ? "member_no" : "phone", "time", "item",
                                            "quantity", "amount")));
                            continue;
                        }
                        PurchaseLine line = checked.linesInFileOrder.get(i);
                        shown.add(new Row(row.line(), List.of(member, MemberStore.TIME.format(checked.draft.time()),
                                line.item() == null ? "" : line.item(), Integer.toString(line.quantity()),
                                Money.display(line.amountCents())), line.amountCents() < 0,
                                duplicate ? Outcome.DUPLICATE : newMember ? Outcome.NEW_MEMBER : Outcome.STORED,
                                null));
                    }
                }
            }
            return new ImportPreview(ImportPreview.PURCHASE_COLUMNS, shown.size() > rows ? shown.subList(0, rows)
                    : shown);
        });
    }

    static ImportPreview members(Database database, MemberImporter importer, MemberStore memberStore, Path file,
                                 ImportOptions options, int rows, Messages messages) throws IOException {
        return read(database, file, options, MemberImporter.FIELDS, (source, columns, stores, connection) -> {
            List<MemberImporter.Checked> checked = new ArrayList<>();
            ImportRow row;
            StoreNames named = columns.has(StoreNames.FIELD) ? stores : null;
            while (checked.size() < rows && (row = source.next()) != null) {
                checked.add(importer.check(row, columns, Dates.of(options.dateFormat()), named));
            }
            List<Row> shown = new ArrayList<>();
            for (MemberImporter.Checked one : checked) {
                MemberDetails member = one.member();
                if (member == null) {
                    shown.add(rejected(one.source(), reason(one.problems(), one.line(), messages), columns,
                            ImportPreview.MEMBER_COLUMNS));
                    continue;
                }
                boolean duplicate = MemberUpdates.stored(memberStore, connection, member) != null;
                shown.add(new Row(one.line(), List.of(text(member.memberNo()), member.name(), text(member.phone()),
                        member.joinDate() == null ? "" : member.joinDate().toString()), false,
                        duplicate ? Outcome.DUPLICATE : Outcome.STORED, null));
            }
            return new ImportPreview(ImportPreview.MEMBER_COLUMNS, shown);
        });
    }

    static ImportPreview cards(Database database, CardProductStore productStore, MemberStore memberStore, Path file,
                               ImportOptions options, int rows, Messages messages, long here) throws IOException {
        return read(database, file, options, CardImporter.FIELDS, (source, columns, stores, connection) -> {
            Map<String, CardProduct> products = new HashMap<>();
            for (CardProduct product : productStore.products(connection)) {
                products.put(product.name(), product);
            }
            CardRowChecks checks = CardImporter.checks(products, options, columns, stores, here);
            List<CardRowChecks.CardRow> checked = new ArrayList<>();
            ImportRow row;
            while (checked.size() < rows && (row = source.next()) != null) {
                checked.add(checks.check(row, columns));
            }
            Set<String> numbers = new HashSet<>();
            for (CardRowChecks.CardRow one : checked) {
                if (one.card() != null) {
                    numbers.add(one.memberNo());
                }
            }
            Map<String, Long> members = memberStore.idsByNumber(connection, numbers);
            List<Row> shown = new ArrayList<>();
            for (CardRowChecks.CardRow one : checked) {
                OpeningCards.Opening card = one.card();
                if (card == null) {
                    shown.add(rejected(one.source(), reason(one.problems(), one.line(), messages), columns,
                            ImportPreview.CARD_COLUMNS));
                } else if (!members.containsKey(one.memberNo())) {
                    // the importer's own words for it (CardImporter.storeBatch)
                    shown.add(rejected(one.source(), Problem.of("member_no", "cards.import.memberUnknown",
                            one.memberNo()).describe(messages), columns, ImportPreview.CARD_COLUMNS));
                } else {
                    shown.add(new Row(one.line(), List.of(one.memberNo(), card.product().name(),
                            Money.display(card.principalCents()), Money.display(card.bonusCents()),
                            card.sessionsLeft() == null ? "" : card.sessionsLeft().toString(), date(card.validFrom()),
                            date(card.validTo())), false, Outcome.STORED, null));
                }
            }
            return new ImportPreview(ImportPreview.CARD_COLUMNS, shown);
        });
    }

    @FunctionalInterface
    private interface Reading {
        ImportPreview read(ImportSource source, FieldColumns columns, StoreNames stores, Connection connection)
                throws IOException, SQLException;
    }

    /**
     * Opens the file as the import does and reads it inside one read transaction of the database; its columns are
     * resolved as the import resolves them (a store column by its header only in a chain).
     */
    private static ImportPreview read(Database database, Path file, ImportOptions options,
                                      Map<String, List<String>> fields, Reading reading) throws IOException {
        try (ImportSource source = ImportSource.open(file, options.encoding(), options.sheet())) {
            return database.read(connection -> {
                StoreNames stores = StoreNames.read(connection);
                FieldColumns columns = FieldColumns.resolve(source.header(), stores.fields(fields),
                        options.columns());
                try {
                    return reading.read(source, columns, stores, connection);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A rejected row: its values as the file has them, and the first reason the report would give for it. */
    private static Row rejected(ImportRow row, String reason, FieldColumns columns, List<String> fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            values.add(row.unreadable() != null ? "" : row.get(columns.index(field)));
        }
        return new Row(row.line(), values, false, Outcome.REJECTED, reason);
    }

    /** The reasons given for a line, as the reject report words them; null when none is about that line. */
    private static String reason(List<Rejection> problems, long line, Messages messages) {
        List<String> reasons = new ArrayList<>();
        for (Rejection rejection : problems) {
            if (rejection.line() == line) {
                reasons.add(rejection.reason(messages));
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}

package org.memberdesk.io;

import org.memberdesk.common.Counted;
import org.memberdesk.common.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.memberdesk.common.Json;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Writes members (with their spend summary and custom fields) and purchases (one row per line)
 * to UTF-8 CSV, or to an Excel workbook when the file's name ends with {@code .xlsx} ({@link ExportTable}), with the standard columns, so the files re-import cleanly. Rows stream straight
 * from the database: a million members never sit in memory. Files go through the {@link OutputFiles}
 * guard (never over the database, whole or not at all; a cancelled export leaves no file) and text
 * cells are neutralised against spreadsheet formulas ({@link CsvCells}).
 * <p>
 * Who may: a manager or the owner ({@link Permission#EXPORT}), refused before the file is touched. Phone numbers are
 * written in full only for the owner ({@link Permission#FULL_PHONES}), masked ({@code 138****1234}) for everyone
 * else. Every export that wrote a file is one entry of the operation log: {@link Operation#EXPORT}, or
 * {@link Operation#EXPORT_FULL_PHONES} when the phones went out in full; a cancelled export wrote nothing and
 * logs nothing.
 */
public final class Exporter {
    private final Database database;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;

    public Exporter(Database database, OutputFiles files, StaffSession session, OperationLog log) {
        this.database = database;
        this.files = files;
        this.session = session;
        this.log = log;
    }

    /** How many rows went out, and whether the file was kept (a cancelled export writes none). */
    private record Written(long rows, boolean kept) {
    }

    /**
     * Refuses an export the person acting may not make, and says how phones go out for them: in full for the
     * owner, masked for everyone else (asked once, so one file is never half and half).
     */
    private boolean fullPhonesOrRefuse() {
        session.require(Permission.EXPORT);
        return session.seesFullPhones();
    }

    private static String phone(String phone, boolean full) {
        return phone == null || full ? phone : org.memberdesk.members.Phones.mask(phone);
    }

    /**
     * One entry per export kept: the file's name, what and how many rows, and whether phones were masked. A damaged
     * database opened read-only to rescue its data takes no entry (nothing can be written into it); the export is
     * still made, since getting the data out is the point then.
     */
    private long logged(Written written, Path file, String what, boolean fullPhones) {
        if (written.kept() && !database.rescue()) {
            log.record(OperationLog.Entry.of(fullPhones ? Operation.EXPORT_FULL_PHONES : Operation.EXPORT, null,
                    String.valueOf(file.getFileName()), Counted.of(written.rows(), what)
                            + (fullPhones ? ", phones in full" : ", phones masked")));
        }
        return written.rows();
    }

    /** Columns after the re-importable ones: the spend summary, which an import ignores as custom-free extras. */
    public static final List<String> MEMBER_SUMMARY = List.of("purchases", "returns", "total_spent",
            "first_purchase", "last_purchase", "archived");

    /**
     * A chain's column of the store (门店): where a member joined, where a purchase was made — by its name as stored
     * (本店 stays 本店), so the file imports back into the same stores. A single shop's files have none.
     */
    static final String STORE = "store";

    public long exportMembers(Path file, Progress progress) {
        boolean fullPhones = fullPhonesOrRefuse();
        files.check(file);
        Written written = database.read(connection -> {
            List<String> custom = ExportStore.customFieldNames(connection);
            // a chain's members say where each joined, as the store column a member import reads back
            boolean chain = ExportStore.chain(connection);
            List<String> header = new ArrayList<>(List.of("member_no", "name", "phone", "gender", "birthday",
                    "join_date", "channel", "referrer_no", "notes"));
            if (chain) {
                header.add(STORE);
            }
            header.addAll(MEMBER_SUMMARY);
            header.addAll(custom);
            long rows = 0;
            boolean cancelled = false;
            try (OutputFiles.Output output = files.open(file, null);
                 PreparedStatement statement = ExportStore.members(connection);
                 ResultSet rs = statement.executeQuery()) {
                ExportTable table = ExportTable.open(file, output.stream(), CSVFormat.DEFAULT, "members");
                table.header(header);
                while (rs.next()) {
                    table.text(rs.getString(1)).text(rs.getString(2)).text(phone(rs.getString(3), fullPhones))
                            .text(rs.getString(4))
                            .date(rs.getString(5)).date(rs.getString(6)).text(rs.getString(7))
                            .text(rs.getString(8)).text(rs.getString(9));
                    if (chain) {
                        table.text(rs.getString(17));
                    }
                    table.whole(rs.getLong(10)).whole(rs.getLong(11)).yuan(rs.getLong(12))
                            .time(rs.getString(13)).time(rs.getString(14)).text(rs.getInt(15) == 1 ? "yes" : "");
                    String json = rs.getString(16);
                    Map<String, String> values = json == null ? Map.of() : Json.readStringMap(json);
                    for (String name : custom) {
                        table.text(values.getOrDefault(name, ""));
                    }
                    table.endRow();
                    if (++rows % 10_000 == 0) {
                        progress.report(rows, -1, rows);
                        if (progress.cancelled()) {
                            cancelled = true;
                            break;
                        }
                    }
                }
                table.finish();
                if (!cancelled) {
                    output.commit();
                }
            } catch (IOException e) {
                throw new DataException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return new Written(rows, !cancelled);
        });
        return logged(written, file, "member", fullPhones);
    }

    /** One row per purchase line; returns have negative amounts and name the sale they refund. */
    public long exportPurchases(Path file, Progress progress) {
        boolean fullPhones = fullPhonesOrRefuse();
        files.check(file);
        Written written = database.read(connection -> {
            long rows = 0;
            boolean cancelled = false;
            try (OutputFiles.Output output = files.open(file, null);
                 PreparedStatement statement = ExportStore.purchaseLines(connection);
                 ResultSet rs = statement.executeQuery()) {
                ExportTable table = ExportTable.open(file, output.stream(), CSVFormat.DEFAULT, "purchases");
                // a chain's purchases say where each was made, as the store column a purchase import reads back
                boolean chain = ExportStore.chain(connection);
                List<String> header = new ArrayList<>(List.of("purchase_no", "member_no", "phone", "time", "item",
                        "quantity", "amount", "refund_of"));
                if (chain) {
                    header.add(STORE);
                }
                table.header(header);
                while (rs.next()) {
                    table.text(rs.getString(1)).text(rs.getString(2)).text(phone(rs.getString(3), fullPhones))
                            .time(rs.getString(4))
                            .text(rs.getString(5)).whole(rs.getInt(6)).yuan(rs.getLong(7)).text(rs.getString(8));
                    if (chain) {
                        table.text(rs.getString(9));
                    }
                    table.endRow();
                    if (++rows % 10_000 == 0) {
                        progress.report(rows, -1, rows);
                        if (progress.cancelled()) {
                            cancelled = true;
                            break;
                        }
                    }
                }
                table.finish();
                if (!cancelled) {
                    output.commit();
                }
            } catch (IOException e) {
                throw new DataException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return new Written(rows, !cancelled);
        });
        return logged(written, file, "purchase line", fullPhones);
    }
}

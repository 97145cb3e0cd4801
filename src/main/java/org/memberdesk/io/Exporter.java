package org.memberdesk.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memberdesk.common.Json;
import org.memberdesk.common.Money;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;

/**
 * Writes members (with their spend summary and custom fields) and purchases (one row per line)
 * to UTF-8 CSV, with the standard columns, so the files re-import cleanly. Rows stream straight
 * from the database: a million members never sit in memory. Files go through the {@link OutputFiles}
 * guard (never over the database, whole or not at all; a cancelled export leaves no file) and text
 * cells are neutralised against spreadsheet formulas ({@link CsvCells}).
 */
public final class Exporter {
    private final Database database;
    private final OutputFiles files;

    public Exporter(Database database, OutputFiles files) {
        this.database = database;
        this.files = files;
    }

    /** Columns after the re-importable ones: the spend summary, which an import ignores as custom-free extras. */
    public static final List<String> MEMBER_SUMMARY = List.of("purchases", "returns", "total_spent",
            "first_purchase", "last_purchase", "archived");

    public long exportMembers(Path file, ImportProgress progress) {
        files.check(file);
        return database.read(connection -> {
            List<String> custom = customFieldNames(connection);
            List<String> header = new ArrayList<>(List.of("member_no", "name", "phone", "gender", "birthday",
                    "join_date", "channel", "referrer_no", "notes"));
            header.addAll(MEMBER_SUMMARY);
            header.addAll(custom);
            long rows = 0;
            boolean cancelled = false;
            try (OutputFiles.Output output = files.open(file, null);
                 CSVPrinter printer = printer(output);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("""
                         SELECT member_no, name, phone, gender, birthday, join_date, channel, referrer_no, notes,
                                purchase_count, return_count, spent_cents - returned_cents, first_purchase_at,
                                last_purchase_at, archived, custom_fields
                         FROM members ORDER BY id""")) {
                printer.printRecord(CsvCells.row(header));
                List<String> record = new ArrayList<>(header.size());
                while (rs.next()) {
                    record.clear();
                    for (int i = 1; i <= 9; i++) {
                        record.add(nullToEmpty(rs.getString(i)));
                    }
                    record.add(Long.toString(rs.getLong(10)));
                    record.add(Long.toString(rs.getLong(11)));
                    record.add(Money.formatYuan(rs.getLong(12)));
                    record.add(nullToEmpty(rs.getString(13)));
                    record.add(nullToEmpty(rs.getString(14)));
                    record.add(rs.getInt(15) == 1 ? "yes" : "");
                    String json = rs.getString(16);
                    Map<String, String> values = json == null ? Map.of() : Json.readStringMap(json);
                    for (String name : custom) {
                        record.add(values.getOrDefault(name, ""));
                    }
                    printer.printRecord(CsvCells.row(record));
                    if (++rows % 10_000 == 0) {
                        progress.progress(rows, -1, rows);
                        if (progress.cancelled()) {
                            cancelled = true;
                            break;
                        }
                    }
                }
                printer.flush();
                if (!cancelled) {
                    output.commit();
                }
            } catch (IOException e) {
                throw new DataException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return rows;
        });
    }

    /** One row per purchase line; returns have negative amounts and name the sale they refund. */
    public long exportPurchases(Path file, ImportProgress progress) {
        files.check(file);
        return database.read(connection -> {
            long rows = 0;
            boolean cancelled = false;
            try (OutputFiles.Output output = files.open(file, null);
                 CSVPrinter printer = printer(output);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("""
                         SELECT p.purchase_no, m.member_no, m.phone, p.time, i.name, pi.quantity, pi.amount_cents,
                                r.purchase_no
                         FROM purchases p
                         JOIN members m ON m.id = p.member_id
                         JOIN purchase_items pi ON pi.purchase_id = p.id
                         JOIN items i ON i.id = pi.item_id
                         LEFT JOIN purchases r ON r.id = p.refund_of
                         ORDER BY p.id, pi.line_no""")) {
                printer.printRecord("purchase_no", "member_no", "phone", "time", "item", "quantity", "amount",
                        "refund_of");
                while (rs.next()) {
                    printer.printRecord(CsvCells.row(rs.getString(1), rs.getString(2), nullToEmpty(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getInt(6), Money.formatYuan(rs.getLong(7)),
                            nullToEmpty(rs.getString(8))));
                    if (++rows % 10_000 == 0) {
                        progress.progress(rows, -1, rows);
                        if (progress.cancelled()) {
                            cancelled = true;
                            break;
                        }
                    }
                }
                printer.flush();
                if (!cancelled) {
                    output.commit();
                }
            } catch (IOException e) {
                throw new DataException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return rows;
        });
    }

    private static List<String> customFieldNames(Connection connection) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT j.key FROM members, json_each(members.custom_fields) j "
                        + "WHERE members.custom_fields IS NOT NULL");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return new ArrayList<>(names);
    }

    private static CSVPrinter printer(OutputFiles.Output output) throws IOException {
        return CSVFormat.DEFAULT.print(new BufferedWriter(new OutputStreamWriter(output.stream(), StandardCharsets.UTF_8),
                1 << 16));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.memberdesk.common.Counted;
import org.memberdesk.common.Messages;
import org.memberdesk.db.DataException;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.StaffFigures;
import org.memberdesk.staff.StaffPerformance;

/**
 * Staff performance (员工业绩) to a CSV file or, by name, an Excel workbook ({@link ExportTable}): one row per staff
 * member as the report shows them, amounts in yuan, through the output guard. The export is logged. A chain's report
 * seen whole has a row per staff member and store: then a {@code store} column after the role says where (the name as
 * stored, as {@code --store} takes it); a shop of one store gets the columns it always did.
 */
public final class StaffPerformanceExport {
    /** The columns, in the words of the command line's JSON (amounts in yuan, not cents). */
    public static final List<String> COLUMNS = List.of("name", "role", "sales", "sales_amount", "returns",
            "returns_amount", "net_amount", "cards_sold", "cards_sold_amount", "topups", "topups_amount", "checkins");

    private final OutputFiles files;
    private final OperationLog log;
    /** The shop's stores, read only when the report's rows say where they were worked. */
    private final java.util.function.Supplier<List<org.memberdesk.stores.Store>> stores;

    public StaffPerformanceExport(OutputFiles files, OperationLog log,
                                  java.util.function.Supplier<List<org.memberdesk.stores.Store>> stores) {
        this.files = files;
        this.log = log;
        this.stores = stores;
    }

    /** Writes the report; names and roles in {@code messages}' language. Returns the rows written. */
    public int write(StaffPerformance.Report report, Path file, Messages messages) {
        files.check(file);
        try (OutputFiles.Output output = files.open(file, null)) {
            ExportTable table = ExportTable.open(file, output.stream(), CSVFormat.DEFAULT, "staff");
            java.util.Map<Long, String> storeNames = new java.util.HashMap<>();
            if (report.staff().stream().anyMatch(row -> row.storeId() != null)) {
                stores.get().forEach(store -> storeNames.put(store.id(), store.name()));
            }
            List<String> columns = new java.util.ArrayList<>(COLUMNS);
            if (!storeNames.isEmpty()) {
                columns.add(2, "store");
            }
            table.header(columns);
            for (StaffFigures row : report.staff()) {
                table.text(row.staffId() == null ? messages.get("staffReport.nobody") : row.name())
                        .text(row.role() == null ? "" : messages.get(row.role().textKey()));
                if (!storeNames.isEmpty()) {
                    table.text(row.storeId() == null ? "" : storeNames.get(row.storeId()));
                }
                table.whole(row.sales()).yuan(row.salesCents()).whole(row.returns()).yuan(row.returnsCents())
                        .yuan(row.netCents()).whole(row.cardsSold()).yuan(row.cardsSoldCents())
                        .whole(row.topups()).yuan(row.topupsCents()).whole(row.checkins()).endRow();
            }
            table.finish();
            output.commit();
        } catch (IOException e) {
            throw new DataException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, "staff performance",
                report.from() + " … " + report.to() + ", " + Counted.of(report.staff().size(), "row") + " → " + file.getFileName()));
        return report.staff().size();
    }
}

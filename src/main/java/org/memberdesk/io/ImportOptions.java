package org.memberdesk.io;

import java.util.Map;

/**
 * How to read an import file. {@code columns} maps our field names to the file's own column
 * names (from {@code --map} or the wizard); fields not named there are found by their standard
 * or common Chinese header.
 *
 * @param dateFormat how the file writes its dates when that cannot be told from the dates themselves
 *                   ({@code --date-format}); null reads every form the docs list
 * @param sheet      which sheet of a workbook to read ({@code --sheet}); null reads the first
 * @param update     a members file: members already in the shop get the file's values ({@code --update})
 *                   instead of being reported as duplicates
 */
public record ImportOptions(TextEncoding encoding, Map<String, String> columns, boolean allowReturns,
                            boolean createMembers, int batchSize, String dateFormat, String sheet,
                            boolean update) {

    /**
     * Rows (members) or purchases per transaction. 10,000 halves the commits of 5,000 (each commit writes the
     * index pages the batch touched) while a batch still holds well under 50 MB of heap; 50,000 measured
     * slower (large JSON strings, G1 marking cycles).
     */
    public static final int DEFAULT_BATCH = 10_000;

    public ImportOptions {
        columns = Map.copyOf(columns);
    }

    public ImportOptions(TextEncoding encoding, Map<String, String> columns, boolean allowReturns,
                         boolean createMembers, int batchSize) {
        this(encoding, columns, allowReturns, createMembers, batchSize, null, null, false);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(TextEncoding.AUTO, Map.of(), false, false, DEFAULT_BATCH);
    }

    public ImportOptions withColumns(Map<String, String> newColumns) {
        return new ImportOptions(encoding, newColumns, allowReturns, createMembers, batchSize, dateFormat, sheet,
                update);
    }

    public ImportOptions withEncoding(TextEncoding newEncoding) {
        return new ImportOptions(newEncoding, columns, allowReturns, createMembers, batchSize, dateFormat, sheet,
                update);
    }

    public ImportOptions withReturns(boolean allow) {
        return new ImportOptions(encoding, columns, allow, createMembers, batchSize, dateFormat, sheet, update);
    }

    public ImportOptions withCreateMembers(boolean create) {
        return new ImportOptions(encoding, columns, allowReturns, create, batchSize, dateFormat, sheet, update);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(encoding, columns, allowReturns, createMembers, size, dateFormat, sheet, update);
    }

    public ImportOptions withDateFormat(String format) {
        return new ImportOptions(encoding, columns, allowReturns, createMembers, batchSize, format, sheet, update);
    }

    public ImportOptions withSheet(String name) {
        return new ImportOptions(encoding, columns, allowReturns, createMembers, batchSize, dateFormat, name, update);
    }

    public ImportOptions withUpdate(boolean updateExisting) {
        return new ImportOptions(encoding, columns, allowReturns, createMembers, batchSize, dateFormat, sheet,
                updateExisting);
    }
}

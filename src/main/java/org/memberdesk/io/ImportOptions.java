package org.memberdesk.io;

import java.util.Map;

/**
 * How to read an import file. {@code columns} maps our field names to the file's own column
 * names (from {@code --map} or the wizard); fields not named there are found by their standard
 * or common Chinese header.
 */
public record ImportOptions(TextEncoding encoding, Map<String, String> columns, boolean allowReturns,
                            boolean createMembers, int batchSize) {

    /**
     * Rows (members) or purchases per transaction. 10,000 halves the commits of 5,000 (each commit writes the
     * index pages the batch touched) while a batch still holds well under 50 MB of heap; 50,000 measured
     * slower (large JSON strings, G1 marking cycles).
     */
    public static final int DEFAULT_BATCH = 10_000;

    public ImportOptions {
        columns = Map.copyOf(columns);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(TextEncoding.AUTO, Map.of(), false, false, DEFAULT_BATCH);
    }

    public ImportOptions withColumns(Map<String, String> newColumns) {
        return new ImportOptions(encoding, newColumns, allowReturns, createMembers, batchSize);
    }

    public ImportOptions withEncoding(TextEncoding newEncoding) {
        return new ImportOptions(newEncoding, columns, allowReturns, createMembers, batchSize);
    }

    public ImportOptions withReturns(boolean allow) {
        return new ImportOptions(encoding, columns, allow, createMembers, batchSize);
    }

    public ImportOptions withCreateMembers(boolean create) {
        return new ImportOptions(encoding, columns, allowReturns, create, batchSize);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(encoding, columns, allowReturns, createMembers, size);
    }
}

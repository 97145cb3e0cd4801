package org.memberdesk.io;

import java.nio.file.Path;

/**
 * What an import did. For members the counts are rows; for purchases they are purchases (a
 * purchase may span several rows). A cancelled import kept every batch committed before the
 * cancel and nothing of the batch that was running.
 *
 * @param alreadyImportedRows rows of this file that an earlier run of the same file (same bytes) had stored, so
 *                            this run skipped them; they are counted in {@code duplicates} too (as purchases for a
 *                            purchase file)
 * @param resumed             an earlier run of the same file had been interrupted (killed, stopped by an error, or
 *                            cancelled): this run finished it
 */
public record ImportResult(long imported, long duplicates, long rejected, Path report, boolean cancelled,
                           long alreadyImportedRows, boolean resumed) {

    public ImportResult(long imported, long duplicates, long rejected, Path report, boolean cancelled) {
        this(imported, duplicates, rejected, report, cancelled, 0, false);
    }
}

package org.memberdesk.io;

import java.nio.file.Path;

/**
 * What an import did. For members the counts are rows; for purchases they are purchases (a
 * purchase may span several rows). A cancelled import kept every batch committed before the
 * cancel and nothing of the batch that was running.
 */
public record ImportResult(long imported, long duplicates, long rejected, Path report, boolean cancelled) {
}

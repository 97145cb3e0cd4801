package org.memberdesk.io;

import org.memberdesk.common.Progress;

/**
 * Passes an import's progress on and remembers how far into the file its stored batches reach: the importers
 * report progress right after each batch's commit, so that is what a failure leaves stored.
 */
final class StoredSoFar extends Progress {
    private final Progress progress;
    private final java.nio.file.Path file;
    private long bytes;

    StoredSoFar(Progress progress, java.nio.file.Path file) {
        this.progress = progress;
        this.file = file;
    }

    @Override
    public void report(long bytesRead, long bytesTotal, long rows) {
        bytes = bytesRead;
        progress.report(bytesRead, bytesTotal, rows);
    }

    @Override
    public boolean cancelled() {
        return progress.cancelled();
    }

    long bytes() {
        return bytes;
    }

    /** The file's size; 0 when it cannot be read (then nothing is estimated from it). */
    long fileBytes() {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}

package org.memberdesk.io;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.memberdesk.common.Explained;
import org.memberdesk.common.Messages;
import org.memberdesk.db.DataException;
import org.memberdesk.db.StorageFault;

/**
 * An import stopped by the disk or folder (full, read-only, failing) or a damaged file: the fault in the
 * shop's words, and what was kept (every batch before it is stored whole; the one that failed is not).
 */
public final class ImportStopped extends DataException implements Explained {
    private final StorageFault fault;
    private final long percentStored;

    private ImportStopped(StorageFault fault, long percentStored) {
        super(text(Messages.english(), fault, percentStored), fault);
        this.fault = fault;
        this.percentStored = percentStored;
    }

    @Override
    public String explain(Messages messages) {
        return text(messages, fault, percentStored);
    }

    private static String text(Messages messages, StorageFault fault, long percentStored) {
        return messages.get("import.stopped.storage", fault.explain(messages), percentStored);
    }

    /**
     * {@code error} as the reason an import stopped. For a full disk the room still needed is estimated from
     * what is left of the file: {@code storedBytesPerFileByte} is how much a byte of the file takes in the
     * database once stored (measured on demo files, see the importers), and while an import runs its batches
     * sit in the write-ahead log as well until a checkpoint (every ~80 MB) copies them into the file, so up to
     * that much again.
     */
    static DataException of(Exception error, Path database, StoredSoFar stored, long storedBytesPerFileByte) {
        long fileBytes = stored.fileBytes();
        long left = Math.max(0, fileBytes - stored.bytes());
        long inFile = Math.multiplyExact(left, storedBytesPerFileByte);
        long needed = Math.addExact(inFile, Math.min(inFile, WAL_BEFORE_CHECKPOINT));
        StorageFault fault = StorageFault.of(error, database, OptionalLong.of(needed)).orElse(null);
        if (fault == null) {
            return error instanceof DataException data ? data
                    : new DataException("The import stopped: " + error.getMessage(), error);
        }
        long percent = fileBytes > 0 ? Math.min(100, stored.bytes() * 100 / fileBytes) : 0;
        return new ImportStopped(fault, percent);
    }

    /** The import connection's automatic checkpoint: 20,000 pages of 4 KB (Database.connectForBulk). */
    private static final long WAL_BEFORE_CHECKPOINT = 20_000L * 4096;
}

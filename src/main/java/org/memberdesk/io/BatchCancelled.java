package org.memberdesk.io;

/**
 * Thrown out of an import batch's transaction when the person cancels mid-batch, so that
 * {@code Database.inTransaction} rolls the batch back: returning normally would commit the rows
 * stored so far, leaving half a batch behind.
 */
final class BatchCancelled extends RuntimeException {
    BatchCancelled() {
        super("import cancelled", null, false, false);
    }
}

package org.memberdesk.io;

import org.memberdesk.common.Progress;
import java.nio.file.Path;
import java.time.Clock;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;

/**
 * The import as its own process, for {@link CrashAndRerunTest} to kill: the same AppContext and importer the
 * command line builds, with a small batch (the command line has no flag for it: 10,000 rows would need files too
 * large for a test to kill at several points), and a short pause after each committed batch so kills land both
 * between batches and inside them. Arguments: DB members|purchases CSV BATCH [update] (import-members --update);
 * DB is a SQLite file or a PostgreSQL server's database, as {@code --db} takes it.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        AppContext app = new AppContext(Database.open(args[0]), Clock.systemDefaultZone());
        ImportOptions options = ImportOptions.defaults().withBatchSize(Integer.parseInt(args[3]))
                .withUpdate(args.length > 4 && "update".equals(args[4]));
        Progress slow = new Progress() {
            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        ImportResult result = "members".equals(args[1])
                ? app.memberImporter().importFile(Path.of(args[2]), options, slow, Messages.english())
                : app.purchaseImporter().importFile(Path.of(args[2]), options, slow, Messages.english());
        System.out.println("imported " + result.imported());
    }
}

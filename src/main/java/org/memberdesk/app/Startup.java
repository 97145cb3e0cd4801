package org.memberdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.memberdesk.db.Backup;
import org.memberdesk.db.Backups;
import org.memberdesk.db.DataException;
import org.memberdesk.db.DataFolder;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.db.SqliteLibrary;
import org.memberdesk.staff.Actor;
import org.memberdesk.support.SingleInstance;

/**
 * What the windows do before the first screen: claim the database for this window (one window per
 * database), open it (migrations run there, with a backup first when an existing shop's schema
 * changes) and build the services. The daily backup is left to {@link Ready#dailyBackup()}, which the
 * windows run in the background so a large database never delays the first screen.
 */
public final class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    private Startup() {
    }

    /** The database is this window's now, or another window has it. */
    public sealed interface Outcome permits Ready, OpenElsewhere {
    }

    /** Another window has the database; it was asked to come forward ({@code broughtForward} when it did). */
    public record OpenElsewhere(Path database, boolean broughtForward) implements Outcome {
    }

    /** The database is open and owned by this process until {@link #close()}. */
    public record Ready(AppContext context, SingleInstance.Owner owner) implements Outcome, AutoCloseable {
        /**
         * The first start of the day backs up the database. Slow on a large file: call it off the
         * JavaFX thread. A failure is logged, never shown as a reason not to work.
         */
        public Optional<Backup> dailyBackup() {
            try {
                return context.backups().dailyIfDue();
            } catch (DataException e) {
                LOG.log(Level.WARNING, "the daily backup failed", e);
                return Optional.empty();
            }
        }

        @Override
        public void close() {
            owner.close();
        }
    }

    /** The user's data folder (the log, the preferences, the demo databases, the default database). */
    public static Path dataFolder() {
        return DataFolder.forCurrentUser();
    }

    /** The database a start opens when none is named and none was opened before. */
    public static Path defaultDatabase() {
        return DataFolder.defaultDatabase();
    }

    /** Where the backups of {@code database} are kept (a folder beside it). */
    public static Path backupsFolderFor(Path database) {
        return Backups.folderFor(database);
    }

    /**
     * SQLite's native library is kept in the data folder and loaded from there, not extracted again at every start
     * (the windows' start is measured; the command line does not call this).
     */
    public static void useKeptSqliteLibrary() {
        SqliteLibrary.useKeptCopy(DataFolder.privateFolder().resolve("native"));
    }

    /**
     * Puts {@code backup} in place of {@code database}, which cannot be opened: the same restore as Settings → Data
     * and the command line (tried on a copy first; the current file kept as a before-restore backup), on the
     * database opened read-only for rescue. Throws why the backup was refused; the file is then as it was.
     */
    public static void restoreOver(Path database, Path backup, Clock clock) {
        new AppContext(Database.openForRescue(database), clock).backups().restore(backup);
    }

    /** True for what a person typed as a PostgreSQL server's address rather than a file. */
    public static boolean isServerLocation(String location) {
        return org.memberdesk.db.Dialect.isServerLocation(location);
    }

    /** A server's address as it may be shown and remembered: without any password it was typed with. */
    public static String withoutPassword(String location) {
        try {
            return org.memberdesk.db.ServerAddress.parse(location, name -> null).toString();
        } catch (IllegalArgumentException e) {
            return org.memberdesk.db.ServerAddress.withoutPassword(location);
        }
    }

    /**
     * Opens a database on a PostgreSQL server for the windows ({@code password} as typed in the connect dialog, or
     * null: then from the address, PGPASSWORD, this computer's keyring or .pgpass). One window per server database
     * on this computer, as for a file; other counters are other computers (or other users).
     */
    public static Outcome openServer(String location, String password, Clock clock, Actor first) {
        return openServer(location, password, null, clock, first, org.memberdesk.db.ServerPasswords.system());
    }

    /** The windows' way: the same with this computer's own keyring. */
    public static Outcome openServer(String location, String password, boolean remember, Clock clock, Actor first) {
        return openServer(location, password, remember, clock, first, org.memberdesk.db.ServerPasswords.system());
    }

    /** Whether this computer has a keyring to remember a server's password in (the connect dialog offers it). */
    public static boolean keyringAvailable() {
        return org.memberdesk.db.ServerPasswords.system().available();
    }

    /**
     * The same, keeping a typed password in this computer's keyring once it has logged in ({@code remember}), or
     * forgetting the one kept before when a password was typed without it (the person chose not to be remembered);
     * {@code remember} null leaves the keyring as it is.
     */
    public static Outcome openServer(String location, String password, Boolean remember, Clock clock, Actor first,
                                     org.memberdesk.db.ServerPasswords passwords) {
        org.memberdesk.db.ServerAddress typed;
        try {
            typed = org.memberdesk.db.ServerAddress.parse(location).withPassword(password);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
        org.memberdesk.db.ServerAddress address = passwords.completed(typed);
        Outcome outcome = claimThenOpen(Database.placeFor(address), () -> Database.openServer(address), clock,
                first);
        if (remember != null && outcome instanceof Ready && password != null && !password.isEmpty()) {
            // only a password that has just logged in is kept: a mistyped one never replaces a good one
            try {
                if (remember) {
                    passwords.keep(typed, password);
                } else {
                    passwords.forget(typed);
                }
            } catch (DataException e) {
                LOG.warning(() -> "the password was not kept: " + e.getMessage());
            }
        }
        return outcome;
    }

    /** Opens for the windows: nobody acts until a staff member signs in by PIN. */
    public static Outcome open(Path databaseFile, Clock clock) {
        return open(databaseFile, clock, Actor.NOBODY);
    }

    /**
     * Opens with {@code first} acting: {@link Actor#NOBODY} for the windows (a PIN first); the owner as on the
     * command line for {@code --startup-timing} and the tests that drive the window without signing in.
     */
    public static Outcome open(Path databaseFile, Clock clock, Actor first) {
        return claimThenOpen(databaseFile, () -> Database.open(databaseFile), clock, first);
    }

    /**
     * One window per database on this computer: claims {@code claimed} (the file, or a server database's place in
     * the data folder), then opens; another window that has it is brought forward instead.
     */
    private static Outcome claimThenOpen(Path claimed, java.util.function.Supplier<Database> opening, Clock clock,
                                         Actor first) {
        SingleInstance.Claim claim = SingleInstance.claim(claimed);
        if (claim instanceof SingleInstance.OpenElsewhere elsewhere) {
            LOG.info(() -> claimed + " is open in another window; brought forward: " + elsewhere.broughtForward());
            return new OpenElsewhere(elsewhere.database(), elsewhere.broughtForward());
        }
        SingleInstance.Owner owner = (SingleInstance.Owner) claim;
        try {
            Database database = opening.get();
            LOG.info(() -> "opened " + database.describeLocation());
            AppContext context = new AppContext(database, clock, new OutputFiles(database.file()), first);
            try {
                // the store this computer works in (its setting beside the database, else store 1), before anyone
                // signs in: a cashier signs in at their own store's computers, and every sale here is this store's
                context.stores().settle(java.util.Optional.empty());
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return new Ready(context, owner);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }
}

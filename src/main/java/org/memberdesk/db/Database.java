package org.memberdesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file. Every caller gets its own connection (cheap in SQLite), so screens, background
 * tasks and the command line never share a connection across threads. Writes run in one
 * {@code BEGIN IMMEDIATE} transaction: the write lock is taken up front, so two processes that
 * both read-then-write (redeeming the same coupon, spending the same points) queue instead of
 * both reading the old state.
 */
public final class Database {
    /**
     * SQLite's largest memory map (its SQLITE_MAX_MMAP_SIZE default), for passes over whole tables: they read the
     * file through the operating system's page cache instead of one read() call per page. Only address space.
     */
    public static final long LARGEST_MEMORY_MAP = 0x7fff0000L;

    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    /** The most pages every connection lets the file grow to (PRAGMA max_page_count); 0: as the disk allows. */
    private final long maxPages;
    /** Opened for rescue: read-only connections, no migration (see {@link #openForRescue}). */
    private final boolean rescue;
    /**
     * The snapshot connection of the read this thread is inside, if any: a read that calls services which read
     * again (a report gathering its parts) answers from one moment, not one per part. Per thread, never shared.
     */
    private final ThreadLocal<Connection> snapshot = new ThreadLocal<>();
    /** The PostgreSQL server's connections, or null for a SQLite file (the default: nothing changes for it). */
    private final ServerConnections server;
    private final ServerAddress address;

    private Database(Path file, long maxPages, boolean rescue) {
        this(file, maxPages, rescue, null, null);
    }

    private Database(Path file, long maxPages, boolean rescue, ServerConnections server, ServerAddress address) {
        this.file = file;
        this.maxPages = maxPages;
        this.rescue = rescue;
        this.server = server;
        this.address = address;
    }

    /**
     * Opens what the shop named: a PostgreSQL server ({@code postgresql://USER@HOST:PORT/DATABASE}, several counters
     * and stores on one database) or else a SQLite file (one computer). Brings its schema up to date.
     */
    public static Database open(String location) {
        if (Dialect.isServerLocation(location)) {
            ServerAddress parsed;
            try {
                parsed = ServerAddress.parse(location);
            } catch (IllegalArgumentException e) {
                throw new DataException(e.getMessage(), e);
            }
            // a password the owner asked this computer's keyring to keep, when the address and PGPASSWORD give none
            return openServer(ServerPasswords.system().completed(parsed));
        }
        return open(Path.of(location));
    }

    /** Opens a database on a PostgreSQL server and brings its schema up to date (a new, empty one is set up). */
    public static Database openServer(ServerAddress address) {
        Path place = placeFor(address);
        ServerConnections connections = ServerConnections.open(address);
        try {
            connections.checkTextRules();
            Database database = new Database(place, 0, false, connections, address);
            Migrations.migrate(database);
            return database;
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    /**
     * This computer's own place for a database on a server ({@link #file()} of it): the folder of its locks, reports
     * and backups taken from here, in the user's data folder.
     */
    public static Path placeFor(ServerAddress address) {
        Path folder = DataFolder.forCurrentUser().resolve("servers").resolve(address.folderName());
        try {
            PrivateFiles.createFolders(folder);
        } catch (IOException e) {
            throw new DataException("Cannot create the folder for " + folder + ": " + e.getMessage(), e);
        }
        return folder.resolve("memberdesk.server");
    }

    /** The engine: SQLite for a file, PostgreSQL for a server. Stores pick a statement's variant by it. */
    public Dialect dialect() {
        return server == null ? Dialect.SQLITE : Dialect.POSTGRESQL;
    }

    /** The server, for a database on PostgreSQL; empty for a SQLite file. */
    public java.util.Optional<ServerAddress> server() {
        return java.util.Optional.ofNullable(address);
    }

    /** What the shop's data is, for messages: the file, or the server address (without its password). */
    public String describeLocation() {
        return address != null ? address.toString() : file.toString();
    }

    /** Lets go of the server's connections (a SQLite file holds none between calls). */
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** Flyway's way in: the server's pool, for PostgreSQL. */
    javax.sql.DataSource serverDataSource() {
        return server.dataSource();
    }

    /** Opens (creating if needed) the file and brings its schema up to date. */
    public static Database open(Path file) {
        return open(file, 0);
    }

    /**
     * For tests of a full disk, without filling one: {@link #open(Path)} with every connection stopping the
     * file at {@code maxPages} pages, where SQLite answers SQLITE_FULL ("database or disk is full") exactly as
     * when the disk is full. (SQLite never lowers the limit below the pages the file already has.)
     */
    static Database openOnASmallDisk(Path file, long maxPages) {
        return open(file, maxPages);
    }

    private static Database open(Path file, long maxPages) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                if (parent.equals(DataFolder.forCurrentUser().toAbsolutePath())) {
                    PrivateFiles.ownFolder(parent); // the data folder: private even when an older version made it
                } else {
                    PrivateFiles.createFolders(parent);
                }
            }
            // a new database is created private before SQLite opens it: SQLite gives its -wal and -shm
            // files the database file's permissions, so they are private too
            PrivateFiles.createPrivate(file.toAbsolutePath());
        } catch (IOException e) {
            throw new DataException("Cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        Database database = new Database(file.toAbsolutePath(), maxPages, false);
        // a crash may have left a half-written backup or a restore's trial copy: they are the shop's data too
        Leftovers.removeStale(database.file());
        // before the migrations, which may expect every index: a killed import may have left some unbuilt
        DeferredIndexes.restore(database);
        Migrations.migrate(database);
        return database;
    }

    /**
     * Opens a file that {@link #open} could not bring up to date (its migration history does not match, it lacks
     * tables, the disk is full or read-only …) without changing it: no migration, no index rebuilding, and every
     * connection is read-only. Enough to list and restore backups, check the file and export the data.
     */
    public static Database openForRescue(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new DataException("There is no database file " + absolute);
        }
        Leftovers.removeStale(absolute);
        return new Database(absolute, 0, true);
    }

    /** True when opened by {@link #openForRescue}: reads only, writes fail. */
    public boolean rescue() {
        return rescue;
    }

    /**
     * The SQLite file. For a database on a server: a place in this computer's data folder for its own files about
     * that database (import locks, reports); nothing is stored there.
     */
    public Path file() {
        return file;
    }

    public String url() {
        return address != null ? address.jdbcUrl() : "jdbc:sqlite:" + file;
    }

    /** A new connection with the pragmas every MemberDesk connection needs. The caller closes it. */
    public Connection connect() {
        return connect(true, SQLiteConfig.TransactionMode.IMMEDIATE);
    }

    private Connection connect(boolean generatedKeys, SQLiteConfig.TransactionMode transactionMode) {
        if (server != null) {
            return server.connect();
        }
        if (rescue) {
            return connectReadOnly();
        }
        return connectWritable(generatedKeys, transactionMode);
    }

    /** A writable connection even in rescue mode: only a restore uses it there, to put a checked copy in. */
    Connection connectToReplace() {
        return connectWritable(true, SQLiteConfig.TransactionMode.IMMEDIATE);
    }

    private Connection connectReadOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // BEGIN IMMEDIATE asks for the write lock, which a read-only connection cannot have
        config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65536);
        try {
            return config.createConnection(url());
        } catch (SQLException e) {
            try {
                // a WAL database in a folder we may not write: SQLite cannot make the -shm file it reads through.
                // Marked immutable it reads the file as it is (nobody can change it there anyway)
                return config.createConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1");
            } catch (SQLException immutable) {
                e.addSuppressed(immutable);
                throw new DataException("Cannot open the database " + file + ": " + describe(e), e);
            }
        }
    }

    private Connection connectWritable(boolean generatedKeys, SQLiteConfig.TransactionMode transactionMode) {
        SQLiteConfig config = new SQLiteConfig();
        // getGeneratedKeys() costs sqlite-jdbc a freshly prepared "last_insert_rowid" query after every
        // INSERT; bulk connections turn it off and take ids from INSERT … RETURNING instead
        config.setGetGeneratedKeys(generatedKeys);
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(transactionMode);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // 64 MB page cache: imports and whole-table statistics touch many pages
        config.setCacheSize(-65536);
        try {
            Connection connection = config.createConnection(url());
            if (maxPages > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA max_page_count = " + maxPages);
                }
            }
            return connection;
        } catch (SQLException e) {
            throw failure("Cannot open the database " + file + ": ", e);
        }
    }

    /**
     * A connection for long imports: a 256 MB page cache (native memory, not Java heap) so index pages
     * stay in memory, a checkpoint every ~80 MB of WAL instead of every 4 MB, and no generated keys
     * ({@code Statement.getGeneratedKeys()} does not work on it: use {@code RETURNING}).
     */
    public Connection connectForBulk() {
        if (server != null) {
            return server.connect();
        }
        Connection connection = connect(false, SQLiteConfig.TransactionMode.IMMEDIATE);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA cache_size = -262144");
            statement.execute("PRAGMA wal_autocheckpoint = 20000");
        } catch (SQLException e) {
            throw failure("", e);
        }
        return connection;
    }

    /**
     * Runs read-only work in one read transaction: every statement of it sees the same moment of the database
     * (one WAL snapshot, pinned by its first SELECT), however many writers commit meanwhile, and none of them
     * waits for it. The transaction is DEFERRED: an IMMEDIATE one would take the write lock and queue behind an
     * import. Temporary tables are fine (they live in this connection's temp database). A read inside a read on
     * the same thread shares the outer one's snapshot.
     */
    public <T> T read(SqlWork<T> work) {
        Connection open = snapshot.get();
        try {
            if (open != null) {
                return work.run(open);
            }
            try (Connection connection = connect(true, SQLiteConfig.TransactionMode.DEFERRED)) {
                if (server != null) {
                    // PostgreSQL: one snapshot for the whole read (REPEATABLE READ), read-only so the server
                    // never waits on it; the pool sets the connection back when it is returned
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                }
                return inSnapshot(connection, work);
            }
        } catch (SQLException e) {
            throw failure("", e);
        }
    }

    private <T> T inSnapshot(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        snapshot.set(connection);
        try {
            T result = work.run(connection);
            // a read changed nothing, so COMMIT only ends the transaction
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException ended) {
                // SQLite may have ended the transaction itself; the first failure is the one to report
                e.addSuppressed(ended);
            }
            throw e;
        } finally {
            snapshot.remove();
        }
    }

    /** Runs work in one transaction: all of it is stored, or none of it. */
    public <T> T write(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connect()) {
                return inTransaction(connection, work);
            } catch (SQLException | RuntimeException e) {
                if (server != null && attempt < RETRIES && ServerWrites.isWorthRetrying(e)) {
                    ServerWrites.pause(attempt);
                    continue;
                }
                throw e instanceof SQLException sql ? failure("", sql) : (RuntimeException) e;
            }
        }
    }

    /** How often a write on PostgreSQL is tried when the server asks for it again (a serialization failure). */
    private static final int RETRIES = 8;

    /**
     * Runs work in one transaction on a connection the caller keeps open (imports reuse theirs). When the work
     * fails, its error is the one thrown: SQLite rolls a transaction back by itself after some errors (a full
     * disk, an I/O error), and then the ROLLBACK here, and the COMMIT that leaving manual-commit mode issues,
     * fail with "no transaction is active" — those are kept with it as suppressed, never in its place.
     */
    public static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            ServerWrites.takeTheWriteLock(connection);
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException leave) {
                e.addSuppressed(leave);
            }
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
    }

    /** Runs one statement outside any transaction (pragmas, checkpoints: they cannot run inside one). */
    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure("", e);
        }
    }

    /** A failure of this database: a {@link StorageFault} when the disk or file is at fault, else in SQLite's words. */
    private DataException failure(String context, SQLException e) {
        if (server != null) {
            return new DataException(ServerWrites.describe(address, e), e);
        }
        return StorageFault.of(e, file).map(DataException.class::cast)
                .orElseGet(() -> new DataException(context + describe(e), e));
    }

    static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
            return "The database is busy in another window or program; try again in a moment.";
        }
        if (message.contains("SQLITE_NOTADB") || message.contains("file is not a database")) {
            return "This file is not a MemberDesk database.";
        }
        return message;
    }
}

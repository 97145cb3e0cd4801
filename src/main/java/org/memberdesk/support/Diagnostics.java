package org.memberdesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.memberdesk.db.Backup;
import org.memberdesk.db.Backups;
import org.memberdesk.db.Database;
import org.memberdesk.db.Migrations;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.purchases.PurchaseStore;

/**
 * The text behind "copy diagnostics": what support needs to help a shop without a remote session —
 * version, where the files are (or which server holds the data), the system, and how much data. No member data, no
 * phone numbers.
 * English on purpose: it is read by whoever answers the support request, not by the shop.
 */
public final class Diagnostics {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Database database;
    private final Backups backups;
    private final PurchaseService purchases;
    private final Path dataFolder;
    private final Clock clock;
    private final ServerFactsStore serverFacts = new ServerFactsStore();

    public Diagnostics(Database database, Backups backups, PurchaseService purchases, Path dataFolder, Clock clock) {
        this.database = database;
        this.backups = backups;
        this.purchases = purchases;
        this.dataFolder = dataFolder;
        this.clock = clock;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public Path logFile() {
        return LogFiles.current(dataFolder);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        line(text, "MemberDesk", AppVersion.current());
        line(text, "Time", LocalDateTime.now(clock).format(TIME));
        line(text, "Database", database.server().isPresent() ? serverDatabase() : database.file() + " ("
                + megabytes(size(database.file())) + ", schema version " + Migrations.appliedVersion(database) + " of "
                + Migrations.LATEST_VERSION + ")");
        line(text, "Data folder", dataFolder.toString());
        line(text, "Log file", logFile().toString());
        List<Backup> list = backups.list();
        line(text, "Backups", backups.folder() + " (" + list.size() + " of " + backups.keep() + " kept"
                + (list.isEmpty() ? "" : ", newest " + list.get(0).takenAt().format(TIME) + " "
                + list.get(0).reason().tag()) + ")");
        try {
            PurchaseStore.Totals totals = purchases.totals();
            line(text, "Data", totals.members() + " members, " + totals.purchases() + " purchases, "
                    + totals.returns() + " returns");
        } catch (RuntimeException e) {
            line(text, "Data", "cannot be counted: " + e.getMessage());
        }
        line(text, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        line(text, "Java", System.getProperty("java.runtime.version", System.getProperty("java.version")) + ", "
                + System.getProperty("java.vendor") + ", " + System.getProperty("java.home"));
        line(text, "JavaFX", System.getProperty("javafx.runtime.version", "not started"));
        line(text, "Locale", Locale.getDefault() + ", time zone " + TimeZone.getDefault().getID()
                + ", file encoding " + System.getProperty("file.encoding"));
        Runtime runtime = Runtime.getRuntime();
        line(text, "Memory", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024) + " MB used of "
                + runtime.maxMemory() / (1024 * 1024) + " MB, " + runtime.availableProcessors() + " cores");
        // the server's disk is not this computer's: its free room is for whoever looks after the server to see
        line(text, "Free disk", megabytes(freeSpace(database.file())) + (database.server().isPresent()
                ? " in the data folder (the database is on the server)" : " where the database is"));
        return text.toString();
    }

    /**
     * A database on a PostgreSQL server: its address (never the password), the server's version and the database's
     * size there, in place of a file and the file's size.
     */
    private String serverDatabase() {
        String facts;
        try {
            ServerFactsStore.ServerFacts server = database.read(serverFacts::facts);
            facts = "PostgreSQL " + server.version() + ", " + megabytes(server.sizeBytes());
        } catch (RuntimeException e) {
            facts = "server not answering: " + e.getMessage();
        }
        return database.describeLocation() + " (" + facts + ", schema version " + Migrations.appliedVersion(database)
                + " of " + Migrations.LATEST_VERSION + ")";
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label).append(": ").append(value).append(System.lineSeparator());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long freeSpace(Path file) {
        try {
            return Files.getFileStore(file).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    static String megabytes(long bytes) {
        if (bytes < 0) {
            return "unknown size";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}

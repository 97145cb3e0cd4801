package org.memberdesk.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.memberdesk.db.PrivateFiles;

/**
 * The log file in the user's data folder ({@code logs/memberdesk-0.log}, the newest), rotated by
 * java.util.logging: at {@value #LIMIT_BYTES} bytes the files shift to -1 … -{@value #COUNT}-1 and
 * the oldest goes, so logs never grow past about 10 MB. Support asks for this folder.
 */
public final class LogFiles {
    public static final int LIMIT_BYTES = 2_000_000;
    public static final int COUNT = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LogFiles() {
    }

    public static Path folder(Path dataFolder) {
        return dataFolder.resolve("logs");
    }

    /** The file being written now. */
    public static Path current(Path dataFolder) {
        return folder(dataFolder).resolve("memberdesk-0.log");
    }

    /**
     * Sends INFO and above from every logger to the rotating file, and uncaught exceptions with
     * them. Returns the handler so a caller (a test) can close it.
     */
    public static FileHandler install(Path dataFolder) throws IOException {
        // the log names members and files: a private folder (the rotating handler makes its new files with
        // the system's default permissions, so the folder is what keeps them private), private files
        PrivateFiles.ownFolder(dataFolder);
        PrivateFiles.ownFolder(folder(dataFolder));
        String pattern = folder(dataFolder).resolve("memberdesk-%g.log").toString();
        FileHandler handler = new FileHandler(pattern, LIMIT_BYTES, COUNT, true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.INFO);
        try (var logs = Files.list(folder(dataFolder))) {
            for (Path log : (Iterable<Path>) logs::iterator) {
                PrivateFiles.makePrivate(log);
            }
        }
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        if (root.getLevel() == null || root.getLevel().intValue() > Level.INFO.intValue()) {
            root.setLevel(Level.INFO);
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                Logger.getLogger("org.memberdesk").log(Level.SEVERE, "uncaught in thread " + thread.getName(), e));
        return handler;
    }

    /** {@code 2026-11-22 10:40:12.345 INFO org.memberdesk.db.Backups: message}, then any stack trace. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}

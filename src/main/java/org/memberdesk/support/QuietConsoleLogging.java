package org.memberdesk.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * java.util.logging's configuration for the command line and the installation check: the console
 * shows warnings and worse only, because stderr is part of the command line's interface (one line
 * on failure, no INFO chatter from libraries).
 *
 * <p>Named by the {@code java.util.logging.config.class} property instead of being applied at start,
 * so the logging machinery (~0.1 s of start-up) is set up only by a command that really logs.
 */
public final class QuietConsoleLogging {
    private static final String CONFIGURATION = """
            handlers = java.util.logging.ConsoleHandler
            .level = INFO
            java.util.logging.ConsoleHandler.level = WARNING
            """;

    /** LogManager calls this once, the first time anything logs. */
    public QuietConsoleLogging() {
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Must run before anything touches java.util.logging. */
    public static void useForThisProcess() {
        System.setProperty("java.util.logging.config.class", QuietConsoleLogging.class.getName());
    }
}

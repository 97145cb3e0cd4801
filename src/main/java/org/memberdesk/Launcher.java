package org.memberdesk;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.memberdesk.cli.Cli;
import org.memberdesk.db.DataFolder;
import org.memberdesk.support.AppVersion;
import org.memberdesk.support.LogFiles;
import org.memberdesk.support.QuietConsoleLogging;
import org.memberdesk.support.SelfTest;

/**
 * Entry point of {@code memberdesk.jar}. With a command it runs the command line and exits with
 * its code; without one it opens the windows. (A class that extends {@code Application} cannot be
 * the main class when JavaFX is on the classpath, so this one is separate.) {@code --self-test}
 * alone checks an installation without a window and without touching the user's data. Outside {@code cli} this is
 * the one class that touches System.out/err: it hands them to the command line and the self-test, prints
 * {@code --startup-timing}'s line, and says on stderr that the log cannot be written (where else).
 */
public final class Launcher {
    /** Options the windows understand; anything else means "run a command". */
    private static final Set<String> UI_FLAGS_WITH_VALUE = Set.of("--db", "--lang");
    private static final Set<String> UI_FLAGS = Set.of("--demo", "--self-test", "--startup-timing");
    /** Held here so the handler put on it lives as long as the process (loggers are kept by weak reference). */
    private static final Logger STARTUP_TIMING = Logger.getLogger(org.memberdesk.ui.DesktopApp.STARTUP_TIMING_LOG);

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isInstallationCheck(args)) {
            quietConsole();
            System.exit(SelfTest.run(System.out, System.err));
        }
        if (isCommand(args)) {
            quietConsole();
            System.exit(new Cli().run(args));
        }
        startLog();
        if (Arrays.asList(args).contains("--startup-timing")) {
            printStartupTiming();
        }
        org.memberdesk.ui.DesktopApp.start(args);
    }

    /** The windows log to the data folder; the command line keeps to stdout and stderr. */
    private static void startLog() {
        try {
            LogFiles.install(DataFolder.forCurrentUser());
            Logger.getLogger(Launcher.class.getName()).info(() -> "MemberDesk " + AppVersion.current()
                    + " starting, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name"));
        } catch (IOException | RuntimeException e) {
            System.err.println("MemberDesk cannot write its log in " + DataFolder.forCurrentUser() + ": " + e);
        }
    }

    /**
     * {@code --startup-timing}'s JSON line is logged by the windows (ui.StartupTiming) and printed here, on stdout
     * alone, for bench/desktop.sh: the console belongs to the Launcher and the command line (ArchitectureTest).
     */
    private static void printStartupTiming() {
        StreamHandler stdout = new StreamHandler(System.out, new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush(); // the watchdog's line is followed by System.exit
            }
        };
        STARTUP_TIMING.setUseParentHandlers(false);
        STARTUP_TIMING.addHandler(stdout);
    }

    /**
     * {@code --self-test} checks the installation headless, whatever else is given (CI runs the
     * app-image so). The windows' own start-up measurement is {@code --startup-timing}.
     */
    static boolean isInstallationCheck(String[] args) {
        return Arrays.asList(args).contains("--self-test");
    }

    /** stderr is part of the command line's interface: one line on failure, no INFO chatter. */
    private static void quietConsole() {
        QuietConsoleLogging.useForThisProcess();
    }

    static boolean isCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (UI_FLAGS_WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!UI_FLAGS.contains(args[i])) {
                return true;
            }
        }
        return false;
    }
}

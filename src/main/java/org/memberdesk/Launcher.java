package org.memberdesk;

import java.util.Set;
import org.memberdesk.cli.Cli;

/**
 * Entry point of {@code memberdesk.jar}. With a command it runs the command line and exits with
 * its code; without one it opens the windows. (A class that extends {@code Application} cannot be
 * the main class when JavaFX is on the classpath, so this one is separate.)
 */
public final class Launcher {
    /** Options the windows understand; anything else means "run a command". */
    private static final Set<String> UI_FLAGS_WITH_VALUE = Set.of("--db", "--lang");
    private static final Set<String> UI_FLAGS = Set.of("--demo", "--self-test");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isCommand(args)) {
            System.exit(new Cli().run(args));
        }
        org.memberdesk.ui.DesktopApp.start(args);
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

package org.memberdesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.memberdesk.ui.common.Language;

/**
 * What the windows were started with: {@code --db FILE}, {@code --lang zh|en}, {@code --demo}
 * (open the demo database, a file of its own in the data folder, filled with demo members the first time; with
 * {@code --db FILE} only a new FILE is filled, a file in use opens as it is), and
 * {@code --startup-timing} (open the members screen, print timings as one JSON line, exit).
 */
public record LaunchOptions(Optional<Path> database, Optional<Language> language, boolean demo, boolean startupTiming,
                            Optional<String> server) {

    public static LaunchOptions parse(List<String> args) {
        Path database = null;
        String server = null;
        Language language = null;
        boolean demo = false;
        boolean startupTiming = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--db" -> {
                    // a file, or a PostgreSQL server shared by several counters (docs/multi-store.md)
                    String named = value(args, ++i, arg);
                    if (org.memberdesk.app.Startup.isServerLocation(named)) {
                        server = named;
                    } else {
                        database = Path.of(named);
                    }
                }
                case "--lang" -> language = Language.parse(value(args, ++i, arg));
                case "--demo" -> demo = true;
                case "--startup-timing" -> startupTiming = true;
                default -> throw new IllegalArgumentException("Unknown option for the windows: " + arg);
            }
        }
        return new LaunchOptions(Optional.ofNullable(database), Optional.ofNullable(language), demo, startupTiming,
                Optional.ofNullable(server));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}

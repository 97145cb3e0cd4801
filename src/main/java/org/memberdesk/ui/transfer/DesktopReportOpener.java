package org.memberdesk.ui.transfer;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import org.memberdesk.ui.common.UiContext;

/**
 * Opens the report in the system's spreadsheet or text editor. Desktop.open can take a while (and
 * must not run on the JavaFX thread), so it runs on its own daemon thread; where there is no desktop
 * to ask, the person is told where the file is instead.
 */
final class DesktopReportOpener implements ReportOpener {
    private final UiContext context;

    DesktopReportOpener(UiContext context) {
        this.context = context;
    }

    @Override
    public void open(Path report) {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            tellWhere(report);
            return;
        }
        Thread opener = new Thread(() -> {
            try {
                Desktop.getDesktop().open(report.toFile());
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> tellWhere(report));
            }
        }, "memberdesk-open-report");
        opener.setDaemon(true);
        opener.start();
    }

    private void tellWhere(Path report) {
        context.dialogs().showInfo(context.text("wizard.report.title"),
                context.text("import.summary.report", report.toString()));
    }
}

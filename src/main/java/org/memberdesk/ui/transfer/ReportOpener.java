package org.memberdesk.ui.transfer;

import java.nio.file.Path;

/**
 * Opens the rejected-rows report with whatever the system uses for CSV files. An interface because
 * a headless test has no desktop to open it on, and must still see that the link asked for it.
 */
@FunctionalInterface
public interface ReportOpener {
    void open(Path report);
}

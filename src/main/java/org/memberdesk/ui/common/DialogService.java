package org.memberdesk.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog a view model may need, behind an interface: view models stay testable without a
 * screen, and errors always reach the person as a readable sentence, never a stack trace.
 */
public interface DialogService {
    /** Explains a failure in the person's language (see {@link ErrorText}). */
    void showError(Throwable error);

    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** A file to read; {@code extensions} like {@code "*.csv"}. */
    Optional<Path> chooseOpenFile(String title, String filterName, String... extensions);

    /** A folder (e.g. on a USB drive), picked in the system's folder chooser; empty when cancelled. */
    Optional<Path> chooseFolder(String title);

    Optional<Path> chooseSaveFile(String title, String initialName, String filterName, String... extensions);

    /** Shows the task's progress with a cancel button until it ends. */
    void showProgress(String title, BackgroundTask<?> task);
}

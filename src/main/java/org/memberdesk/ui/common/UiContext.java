package org.memberdesk.ui.common;

import org.memberdesk.app.AppContext;
import java.nio.file.Path;
import java.util.Optional;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;

/**
 * What every screen is built with: the open database's services, the current language, the task
 * runner, the dialogs, and the change notices of this window. Rebuilt when the language or the
 * database changes, so screens never hold a stale one.
 */
public record UiContext(AppContext app, Messages messages, TaskExecutor tasks, DialogService dialogs,
                        DataChanges changes) {

    /** Shorthand for the current language's text. */
    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /**
     * A file to write, picked in the save dialog and checked at once: a file that must not be written (the
     * shop's database, a backup …) is refused with a message before anything is touched, and nothing is
     * returned. Every save dialog of the app goes through here.
     */
    public Optional<Path> chooseOutputFile(String title, String initialName, String filterName, String... extensions) {
        Optional<Path> chosen = dialogs.chooseSaveFile(title, initialName, filterName, extensions);
        if (chosen.isEmpty()) {
            return chosen;
        }
        try {
            app.checkOutputFile(chosen.get());
            return chosen;
        } catch (ValidationException refused) {
            dialogs.showError(text("output.refused.title"), ErrorText.describe(refused, messages));
            return Optional.empty();
        }
    }
}

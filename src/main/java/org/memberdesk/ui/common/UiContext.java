package org.memberdesk.ui.common;

import org.memberdesk.AppContext;
import org.memberdesk.common.Messages;

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
}

package org.memberdesk.ui.common;

/** What background work sees of its task: where to report progress, and whether the person cancelled. */
public interface TaskProgress {
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code total} below 1 means "unknown" (an indeterminate bar). */
    void update(long done, long total, String message);

    boolean cancelled();
}

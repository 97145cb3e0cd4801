package org.memberdesk.io;

/** Where an import reports how far it is, and asks whether the person has cancelled it. */
public interface ImportProgress {
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void progress(long bytesRead, long bytesTotal, long rows) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void progress(long bytesRead, long bytesTotal, long rows);

    boolean cancelled();
}

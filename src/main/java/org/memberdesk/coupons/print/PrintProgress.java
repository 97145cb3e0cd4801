package org.memberdesk.coupons.print;

/** Where printing reports how far it is, and asks whether the person has cancelled it. */
public interface PrintProgress {
    PrintProgress NONE = new PrintProgress() {
        @Override
        public void progress(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void progress(int done, int total);

    boolean cancelled();
}

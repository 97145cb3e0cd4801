package org.memberdesk.predictions;

/**
 * Where a fit started by a person reports its steps (reading the purchases, fitting, storing the scores), and asks
 * whether they cancelled it. A cancel is seen between steps; before the scores are stored, so nothing is kept.
 */
public interface FitProgress {
    /** The steps a fit reports: 1 read the purchases, 2 fit the models, 3 score and store. */
    int STEPS = 3;

    FitProgress NONE = new FitProgress() {
        @Override
        public void step(int done) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@link #STEPS} steps are behind. */
    void step(int done);

    boolean cancelled();
}

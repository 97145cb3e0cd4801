package org.memberdesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The one progress-and-cancel type that imports, exports, prints, rule counts and the windows' tasks share. */
class ProgressTest {

    @Test
    void viewLayer_reportsReachTheListenerWithTheTally() {
        List<String> heard = new ArrayList<>();
        Progress progress = new Progress((done, total, count) -> heard.add(done + "/" + total + " " + count));
        progress.report(10, 40, 3);
        progress.report(2, 5);
        assertEquals(List.of("10/40 3", "2/5 2"), heard);
    }

    @Test
    void viewLayer_cancelIsSeenByTheWorkAndStopsAWatchedCallOnce() {
        Progress progress = new Progress();
        List<String> stops = new ArrayList<>();
        Progress.Watch finished = progress.whenCancelled(() -> stops.add("finished call"));
        finished.close();
        try (Progress.Watch running = progress.whenCancelled(() -> stops.add("running call"))) {
            assertFalse(progress.cancelled());
            progress.throwIfCancelled();
            progress.cancel();
        }
        assertTrue(progress.cancelled());
        assertEquals(List.of("running call"), stops, "a call that had ended is not stopped");
        assertThrows(CancellationException.class, progress::throwIfCancelled);
        // no new call starts once stopped
        assertThrows(CancellationException.class, () -> progress.whenCancelled(() -> stops.add("new call")));
        assertEquals(List.of("running call"), stops);
    }

    @Test
    void viewLayer_theSharedNoneIgnoresCancelSoOneCallerCannotStopAnother() {
        Progress.NONE.cancel();
        assertFalse(Progress.NONE.cancelled());
        Progress.NONE.whenCancelled(() -> { }).close();
        Progress.NONE.report(1, 2, 3);
    }
}

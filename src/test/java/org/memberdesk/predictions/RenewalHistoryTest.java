package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains of renewals, cohorts and how far each is known, on passes written by hand (a 30-day pass). */
class RenewalHistoryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    final List<RenewalStore.Pass> passes = new ArrayList<>();

    void pass(long member, String sold, String validTo) {
        passes.add(new RenewalStore.Pass(passes.size() + 1, member, LocalDate.parse(sold), LocalDate.parse(validTo)));
    }

    @Test
    void item3_chainsFollowTheRenewalRatesWindowAndACohortEndsWhenAllHaveLeft() {
        pass(1, "2026-01-01", "2026-01-30");                 // no more                                  → 1
        pass(2, "2026-01-01", "2026-01-30");
        pass(2, "2026-03-15", "2026-04-13");                 // 44 days after the end: a comeback         → 1
        pass(3, "2026-01-05", "2026-03-31");                 // frozen 60 days: ends 31 Mar
        pass(3, "2026-01-20", "2026-04-30");                 // 70 days before that end: not its renewal
        pass(3, "2026-03-05", "2026-05-30");                 // within 30 days of 31 Mar: renewed          → 2
        pass(4, "2026-01-10", "2026-02-08");
        pass(4, "2026-02-05", "2026-03-10");
        pass(4, "2026-03-12", "2026-04-10");                 // 2 days after the 2nd's end                 → 3
        pass(5, "2026-02-01", "2026-11-01");                 // next window; its renewal still open → no period known
        List<RenewalHistory.Cohort> cohorts = RenewalHistory.cohorts(passes, 30, TODAY);
        assertEquals(1, cohorts.size());
        assertEquals(LocalDate.of(2026, 1, 1), cohorts.get(0).from());
        assertEquals(LocalDate.of(2026, 1, 30), cohorts.get(0).to());
        // everyone has left (the last grace ended 10 May): known to the period the last one left
        assertArrayEquals(new long[] {4, 2, 1, 0}, cohorts.get(0).survivors());
    }

    @Test
    void item3_theGraceIsThirtyDaysAfterTheEndBothForARenewalAndForKnowingThereWasNone() {
        pass(1, "2026-08-01", "2026-08-30");
        pass(1, "2026-09-29", "2026-10-28");                 // end + 30: a renewal
        pass(2, "2026-08-01", "2026-08-30");
        pass(2, "2026-09-30", "2026-10-29");                 // end + 31: not
        // member 1's second pass ended 28 Oct: 22 Nov is end + 25, still open → known through period 1
        assertArrayEquals(new long[] {2, 1}, RenewalHistory.cohorts(passes, 30, TODAY).get(0).survivors());

        passes.clear();
        pass(1, "2026-09-23", "2026-10-22");                 // 22 Nov = end + 31: known, not renewed
        assertArrayEquals(new long[] {1, 0}, RenewalHistory.cohorts(passes, 30, TODAY).get(0).survivors());
        pass(2, "2026-09-24", "2026-10-23");                 // same window, 22 Nov = end + 30: still open
        assertEquals(List.of(), RenewalHistory.cohorts(passes, 30, TODAY));
    }
}

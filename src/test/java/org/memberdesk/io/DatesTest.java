package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The digit-reading shortcut for the canonical shapes answers exactly as the formatters do. */
class DatesTest {
    @Test
    void canonicalAndOtherShapesReadTheSame() {
        assertEquals(LocalDate.of(2024, 3, 5), Dates.date("2024-03-05"));
        assertEquals(LocalDate.of(2024, 3, 5), Dates.date("2024/3/5"));
        assertEquals(LocalDate.of(2024, 2, 29), Dates.date("2024-02-29"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 14, 30, 9), Dates.dateTime("2024-03-05 14:30:09"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 14, 30), Dates.dateTime("2024-03-05 14:30"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 0, 0), Dates.dateTime("2024-03-05"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 23, 59, 59), Dates.dateTime("2024-03-05T23:59:59"));
    }

    @Test
    void impossibleDatesAndTimesAreRefusedNotRolledOver() {
        for (String bad : new String[] {"2023-02-29", "2023-02-30", "2024-13-01", "2024-00-10", "2024-04-31"}) {
            assertThrows(IllegalArgumentException.class, () -> Dates.date(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Dates.dateTime(bad + " 10:00:00"), bad);
        }
        for (String bad : new String[] {"2024-03-05 24:00:00", "2024-03-05 12:60:00", "2024-03-05 12:00:60"}) {
            assertThrows(IllegalArgumentException.class, () -> Dates.dateTime(bad), bad);
        }
    }
}

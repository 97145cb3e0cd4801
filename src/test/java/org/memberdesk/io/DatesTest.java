package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The digit-reading shortcut for the canonical shapes answers exactly as the formatters do. */
class DatesTest {
    /** Every form the docs list, no --date-format. */
    private static final Dates ANY = Dates.of(null);

    @Test
    void canonicalAndOtherShapesReadTheSame() {
        assertEquals(LocalDate.of(2024, 3, 5), ANY.readDate("2024-03-05"));
        assertEquals(LocalDate.of(2024, 3, 5), ANY.readDate("2024/3/5"));
        assertEquals(LocalDate.of(2024, 2, 29), ANY.readDate("2024-02-29"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 14, 30, 9), ANY.readDateTime("2024-03-05 14:30:09"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 14, 30), ANY.readDateTime("2024-03-05 14:30"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 0, 0), ANY.readDateTime("2024-03-05"));
        assertEquals(LocalDateTime.of(2024, 3, 5, 23, 59, 59), ANY.readDateTime("2024-03-05T23:59:59"));
    }

    @Test
    void impossibleDatesAndTimesAreRefusedNotRolledOver() {
        for (String bad : new String[] {"2023-02-29", "2023-02-30", "2024-13-01", "2024-00-10", "2024-04-31"}) {
            assertThrows(IllegalArgumentException.class, () -> ANY.readDate(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> ANY.readDateTime(bad + " 10:00:00"), bad);
        }
        for (String bad : new String[] {"2024-03-05 24:00:00", "2024-03-05 12:60:00", "2024-03-05 12:00:60"}) {
            assertThrows(IllegalArgumentException.class, () -> ANY.readDateTime(bad), bad);
        }
    }

    @Test
    void finding2_everyListedFormIsReadWithOrWithoutATime() {
        LocalDate march5 = LocalDate.of(2024, 3, 5);
        for (String day : new String[] {"2024-03-05", "2024-3-5", "2024/3/5", "2024/03/05", "2024.3.5", "20240305",
                "2024年3月5日", "2024年03月05日", " 2024/3/5 "}) {
            assertEquals(march5, ANY.readDate(day), day);
            assertEquals(march5.atStartOfDay(), ANY.readDateTime(day), day);
        }
        LocalDateTime at1430 = LocalDateTime.of(2024, 3, 5, 14, 30);
        for (String time : new String[] {"2024-03-05 14:30", "2024/3/5 14:30", "2024.3.5 14:30:00", "20240305 14:30",
                "2024年3月5日 14:30", "2024年3月5日14:30", "2024-03-05T14:30", "2024-03-05T14:30:00",
                "2024/3/5 14:30:00.000"}) {
            assertEquals(at1430, ANY.readDateTime(time), time);
        }
        assertEquals(LocalDateTime.of(2024, 3, 5, 8, 26, 9), ANY.readDateTime("2024/3/5 8:26:09"));
    }

    @Test
    void finding2_impossibleDatesInEveryFormAreRefusedNotRolledOver() {
        for (String bad : new String[] {"20230229", "2023/2/29", "2023.2.30", "2023年2月29日", "20241301",
                "2024年13月1日", "2024-3-32", "2024/3", "2024/3/5/6", "202403051", "2024-03/05", "03/2024/05", "",
                "2024年3月5", "abc"}) {
            assertThrows(IllegalArgumentException.class, () -> ANY.readDate(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> ANY.readDateTime(bad + " 10:00"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ANY.readDateTime("20240305 25:00"));
        for (String bad : new String[] {"2024-03-05 14:3", "2024-03-05 14:30:0", "2024-03-05 14:30.5", "2024-03-05 :30",
                "2024-03-05 143:00", "2024-03-05 14:30:00.", "2024-03-05 14:30:00.5x", "2024-03-05 14-30"}) {
            assertThrows(IllegalArgumentException.class, () -> ANY.readDateTime(bad), bad);
        }
    }

    @Test
    void finding2_aDateWithTheYearLastIsRefusedNamingTheDateFormatNeverGuessed() {
        for (String yearLast : new String[] {"12/1/2010", "12/1/2010 8:26", "1.12.2010", "01-12-2010"}) {
            Dates.Unreadable refused = assertThrows(Dates.Unreadable.class, () -> ANY.readDateTime(yearLast), yearLast);
            assertTrue(refused.yearLast, yearLast);
            MemberImporter.FieldException problem = assertThrows(MemberImporter.FieldException.class,
                    () -> Dates.ANY.dateTime("time", yearLast));
            assertEquals("import.date.needsFormat", problem.problem.key());
            assertTrue(problem.problem.describe(org.memberdesk.common.Messages.english()).contains("--date-format"));
        }
        MemberImporter.FieldException plain = assertThrows(MemberImporter.FieldException.class,
                () -> Dates.ANY.date("birthday", "2023-02-29"));
        assertEquals("import.date.invalid", plain.problem.key());
    }

    @Test
    void finding2_theDateFormatSettlesTheOrder() {
        // a US line-level export: 12/1/2010 8:26 is 1 December 2010, 08:26
        Dates us = Dates.of("M/d/yyyy");
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), us.dateTime("time", "12/1/2010 8:26"));
        assertEquals(LocalDateTime.of(2010, 12, 9, 14, 5, 7), us.dateTime("time", "12/09/2010 14:05:07"));
        assertEquals(LocalDate.of(2011, 2, 28), us.date("join_date", "2/28/2011"));
        Dates european = Dates.of("d/M/yyyy");
        assertEquals(LocalDateTime.of(2010, 1, 12, 8, 26), european.dateTime("time", "12/1/2010 8:26"));
        assertEquals(LocalDate.of(2010, 1, 12), Dates.of("d.M.yyyy").date("d", "12.1.2010"));
        assertEquals(LocalDate.of(2010, 12, 1), Dates.of("yyyyMMdd").date("d", "20101201"));
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), Dates.of("yyyyMMdd").dateTime("t", "20101201 08:26"));
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), Dates.of("d/M/yyyy H:mm").dateTime("t", "1/12/2010 8:26"));
        // the words: any of / - . between the parts
        assertEquals(LocalDate.of(2010, 12, 1), Dates.of("mdy").date("d", "12-1-2010"));
        assertEquals(LocalDate.of(2010, 1, 12), Dates.of("DMY").date("d", "12.1.2010"));
        assertEquals(LocalDateTime.of(2010, 1, 12, 9, 0), Dates.of("dmy").dateTime("t", "12.1.2010 09:00:00.000"));
        assertEquals(LocalDate.of(2010, 12, 1), Dates.of("ymd").date("d", "2010.12.1"));
        assertEquals(Dates.ANY, Dates.of(null));
        assertEquals(Dates.ANY, Dates.of(" "));
    }

    @Test
    void finding2_aDateNotWrittenAsTheFormatSaysIsRejectedWithTheFormatNamed() {
        Dates us = Dates.of("M/d/yyyy");
        for (String bad : new String[] {"13/1/2010", "2/30/2011", "2010-12-01", "12/1/10", "12/1/2010 25:00"}) {
            MemberImporter.FieldException problem = assertThrows(MemberImporter.FieldException.class,
                    () -> us.dateTime("time", bad), bad);
            assertEquals("import.date.notFormat", problem.problem.key(), bad);
            assertEquals(java.util.List.of(bad, "M/d/yyyy"), problem.problem.args(), bad);
        }
    }

    @Test
    void finding2_aPatternThatReadsNoDateIsRefusedSayingWhy() {
        for (String bad : new String[] {"M/d", "yyyy-MM", "qqq/zz", "M/d/yyyy {", "abc", "HH:mm"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Dates.of(bad), bad);
            assertTrue(refused.getMessage().startsWith("--date-format " + bad + " is not a date format"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("M/d/yyyy"), refused.getMessage());
        }
    }
}

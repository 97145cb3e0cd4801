package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.Database;

/**
 * Issue 21, item 1: the analytics queries answer the same on both engines — the same figures, and the same id lists
 * in the same order (SQLite's group_concat, PostgreSQL's string_agg). The rows are written as plain rows (member
 * statistics set by hand) so that only the analytics SQL is under test:
 *
 * <pre>
 * id member join        channel referrer archived  statistics (count, spent, returned, first purchase)
 * 1  M1     2026-01-01  门店                        2, 8000, 1000, 2026-01-02 10:00
 * 2  M2     2026-01-01  (none)  M1
 * 3  M3     2026-01-02  "" blank M1                 2, 6000, 0, 2026-01-02 09:00
 * 4  M4     2026-02-01  抖音                        1, 20000, 0, 2026-01-05 12:00 (bought before joining)
 * 5  M5     2026-01-01  抖音
 * 6  M6     2025-12-01  门店            yes
 *
 * purchase id  member time               kind    cents
 * 1 P1         3      2026-01-02 09:00   sale    2000
 * 2 P2         1      2026-01-02 10:00   sale    5000
 * 3 P3         3      2026-01-02 11:00   sale    4000
 * 4 R1         1      2026-01-02 12:00   return  -1000 (of P2)
 * 5 P4         4      2026-01-05 12:00   sale    20000
 * 6 P5         1      2026-01-05 08:00   sale    3000   (a later id, an earlier time)
 * visits: id 1 member 5 2026-01-02 18:00; id 2 member 2 2026-01-02 08:00
 * </pre>
 */
@BothEngines
class AnalyticsStoreEnginesTest {
    private static final Period JANUARY = Period.of("2026-01-01", "2026-01-31");

    @TempDir
    Path folder;
    private Database database;
    private final AnalyticsStore store = new AnalyticsStore();

    @BeforeEach
    void rows() {
        database = TestDatabase.database(folder);
        database.write(connection -> {
            execute(connection, """
                    INSERT INTO members (id, member_no, name, join_date, channel, referrer_no, archived, purchase_count,
                                         spent_cents, returned_cents, first_purchase_at)
                    VALUES (1, 'M1', 'a', '2026-01-01', '门店', NULL, 0, 2, 8000, 1000, '2026-01-02 10:00:00'),
                           (2, 'M2', 'b', '2026-01-01', NULL, 'M1', 0, 0, 0, 0, NULL),
                           (3, 'M3', 'c', '2026-01-02', '', 'M1', 0, 2, 6000, 0, '2026-01-02 09:00:00'),
                           (4, 'M4', 'd', '2026-02-01', '抖音', NULL, 0, 1, 20000, 0, '2026-01-05 12:00:00'),
                           (5, 'M5', 'e', '2026-01-01', '抖音', NULL, 0, 0, 0, 0, NULL),
                           (6, 'M6', 'f', '2025-12-01', '门店', NULL, 1, 0, 0, 0, NULL)""");
            execute(connection, """
                    INSERT INTO purchases (id, purchase_no, member_id, time, kind, total_cents, refund_of)
                    VALUES (1, 'P1', 3, '2026-01-02 09:00:00', 'sale', 2000, NULL),
                           (2, 'P2', 1, '2026-01-02 10:00:00', 'sale', 5000, NULL),
                           (3, 'P3', 3, '2026-01-02 11:00:00', 'sale', 4000, NULL),
                           (4, 'R1', 1, '2026-01-02 12:00:00', 'return', -1000, 2),
                           (5, 'P4', 4, '2026-01-05 12:00:00', 'sale', 20000, NULL),
                           (6, 'P5', 1, '2026-01-05 08:00:00', 'sale', 3000, NULL)""");
            execute(connection, """
                    INSERT INTO visits (id, member_id, time)
                    VALUES (1, 5, '2026-01-02 18:00:00'), (2, 2, '2026-01-02 08:00:00')""");
            return null;
        });
    }

    @Test
    void finding1_theDaysIdListsComeInTheSameOrderOnBothEngines() {
        List<String> seen = new ArrayList<>();
        database.read(connection -> {
            store.joinedIn(connection, Period.of("2026-01-01", "2026-01-02"),
                    (id, day) -> seen.add("joined " + id + " " + LocalDate.ofEpochDay(day)));
            store.firstPurchasesIn(connection, Period.of("2026-01-01", "2026-01-05"),
                    (id, day) -> seen.add("first " + id + " " + LocalDate.ofEpochDay(day)));
            store.salesByDay(connection, Period.of("2026-01-02", "2026-01-05"), true, new AnalyticsStore.SalesByDay() {
                @Override
                public void day(int epochDay, long purchases, long salesCents, long returnsCents) {
                    if (purchases > 0) {
                        seen.add(LocalDate.ofEpochDay(epochDay) + " " + purchases + " " + salesCents + " " + returnsCents);
                    }
                }

                @Override
                public void sale(long memberId, int epochDay) {
                    seen.add("sale " + memberId);
                }

                @Override
                public void visit(long memberId, int epochDay) {
                    seen.add("visit " + memberId);
                }
            });
            return null;
        });
        assertEquals(List.of(
                // joined on 01-01: M1, M2, M5 by id; on 01-02: M3
                "joined 1 2026-01-01", "joined 2 2026-01-01", "joined 5 2026-01-01", "joined 3 2026-01-02",
                // first purchases by time: M3 09:00 before M1 10:00 on 01-02; M4 on 01-05
                "first 3 2026-01-02", "first 1 2026-01-02", "first 4 2026-01-05",
                // 01-02: P1 + P2 + P3 = 3 sales, 2000 + 5000 + 4000 = 11000; R1 gives back 1000; buyers by time
                // M3, M1, M3; then the check-ins by time: M2 08:00, M5 18:00
                "2026-01-02 3 11000 1000", "sale 3", "sale 1", "sale 3", "visit 2", "visit 5",
                // 01-05: P5 08:00 (M1, id 6) before P4 12:00 (M4, id 5): 3000 + 20000 = 23000
                "2026-01-05 2 23000 0", "sale 1", "sale 4"), seen);
    }

    @Test
    void finding1_aMonthsBuyersAndFirstBuyersAndThePeriodsCounts() {
        List<Long> buyers = new ArrayList<>();
        List<Long> firstBuyers = new ArrayList<>();
        database.read(connection -> {
            store.buyersIn(connection, YearMonth.of(2026, 1), buyers::add);
            store.firstBuyersIn(connection, YearMonth.of(2026, 1), firstBuyers::add);
            return null;
        });
        // sales by time: P1 M3, P2 M1, P3 M3, P5 M1 (01-05 08:00), P4 M4 (01-05 12:00); the return is not a sale
        assertEquals(List.of(3L, 1L, 3L, 1L, 4L), buyers);
        assertEquals(List.of(3L, 1L, 4L), firstBuyers);
        assertEquals(6, (long) database.read(store::maxMemberId));
        // two check-ins by two members
        assertArrayEquals(new long[] {2, 2}, database.read(connection -> store.visits(connection, JANUARY)));
        // M4 joined 02-01, after January, and bought in it
        assertEquals(1, (long) database.read(connection -> store.buyersJoinedLater(connection, JANUARY)));
        // joined in January: M1, M2, M3, M5 (M4 in February, M6 in December); by 01-01: M6, M1, M2, M5
        assertEquals(4, (long) database.read(connection -> store.joined(connection, JANUARY)));
        assertEquals(4, (long) database.read(connection -> store.joinedBy(connection, LocalDate.of(2026, 1, 1))));
        assertArrayEquals(new long[] {1, 2, 3, 5}, database.read(connection -> store.joinedIds(connection, JANUARY)));
    }

    @Test
    void finding1_aFunnelsProgressIsCountedAsOfThePeriodsEnd() {
        // M1: sales P2, P5 = 2; money 5000 + 3000 − 1000 = 7000; named as referrer by M2 and M3 = 2
        // M3: P1, P3 = 2, 6000, nobody names M3; M2 and M5 did nothing
        assertEquals(List.of(new AnalyticsStore.Progress(1, 2, 7000, 2), new AnalyticsStore.Progress(2, 0, 0, 0),
                        new AnalyticsStore.Progress(3, 2, 6000, 0), new AnalyticsStore.Progress(5, 0, 0, 0)),
                database.read(connection -> store.joinedProgress(connection, JANUARY)));
        // as of 01-01 only M1, M2, M5 had joined, and nobody had bought; M2 names M1 (M3 joined 01-02)
        assertEquals(List.of(new AnalyticsStore.Progress(1, 0, 0, 1), new AnalyticsStore.Progress(2, 0, 0, 0),
                        new AnalyticsStore.Progress(5, 0, 0, 0)),
                database.read(connection -> store.joinedProgress(connection, Period.of("2026-01-01", "2026-01-01"))));
    }

    @Test
    void finding1_membersByChannelListTheUnrecordedFirstAmongEqualCounts() {
        // current members (M6 archived): none recorded M2 + blank M3 = 2, 抖音 M4 + M5 = 2, 门店 M1 = 1; equal
        // counts by value, the unrecorded (null) first as SQLite sorts it
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put(null, 2L);
        expected.put("抖音", 2L);
        expected.put("门店", 1L);
        Map<String, Long> channels = database.read(connection -> store.countBy(connection, "channel"));
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(channels.entrySet()));
    }

    @Test
    void finding1_spendBandsCountNetSpend() {
        // net spend: M1 8000 − 1000 = 7000 and M3 6000 under 10000; M4 20000 under 50000; M2, M5 never bought
        assertArrayEquals(new long[] {2, 2, 1, 0},
                database.read(connection -> store.spendBands(connection, new long[] {10_000, 50_000})));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

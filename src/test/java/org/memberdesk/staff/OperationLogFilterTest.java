package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;

/**
 * The log screen's and {@code audit}'s filters (from, to, who, what, which member; each left out when not given),
 * alike on both engines. Five entries over three days from 2026-11-22 12:00.
 */
@BothEngines
class OperationLogFilterTest {
    @TempDir
    Path folder;
    SignInTest.ShopClock clock = new SignInTest.ShopClock();
    AppContext app;

    @BeforeEach
    void threeDays() {
        app = new AppContext(TestDatabase.database(folder), clock);
        OperationLog log = app.operationLog();
        app.session().become(Actor.commandLine("alice"));
        log.record(OperationLog.Entry.of(Operation.SALE, 12L, "S1", "¥12.00"));                      // 1, 22 Nov
        log.record(OperationLog.Entry.of(Operation.CARD_REFUND, 13L, "C000001", "¥500.00 → ¥0.00")); // 2, 22 Nov
        clock.pass(Duration.ofDays(1));
        app.session().become(Actor.commandLine("bob"));
        log.record(OperationLog.Entry.of(Operation.SALE, 12L, "S2", "¥30.00"));                      // 3, 23 Nov
        log.record(OperationLog.Entry.of(Operation.EXPORT, null, "members.xlsx", "3 members"));      // 4, 23 Nov
        clock.pass(Duration.ofDays(1));
        app.session().become(Actor.commandLine("alice"));
        log.record(OperationLog.Entry.of(Operation.POINTS_ADJUST, 12L, "M12", "100 → 150"));         // 5, 24 Nov
    }

    private List<Long> found(LogFilter filter) {
        return app.operationLog().find(filter, 100).stream().map(LogEntry::id).toList();
    }

    private static LocalDate day(int day) {
        return LocalDate.of(2026, 11, day);
    }

    @Test
    void item1_eachFilterAloneAndTogetherFindsTheSameEntriesOnEitherEngine() throws Exception {
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), found(LogFilter.ALL), "newest first");
        assertEquals(List.of(5L, 4L), app.operationLog().find(LogFilter.ALL, 2).stream().map(LogEntry::id).toList());
        assertEquals(List.of(5L, 4L, 3L), found(new LogFilter(day(23), null, null, null, null)));
        assertEquals(List.of(2L, 1L), found(new LogFilter(null, day(22), null, null, null)), "to: the whole day");
        assertEquals(List.of(4L, 3L), found(new LogFilter(day(23), day(23), null, null, null)));
        assertEquals(List.of(4L, 3L), found(new LogFilter(null, null, "cli:bob", null, null)));
        assertEquals(List.of(3L, 1L), found(new LogFilter(null, null, null, "sale", null)));
        assertEquals(List.of(5L, 3L, 1L), found(new LogFilter(null, null, null, null, 12L)));
        assertEquals(List.of(3L), found(new LogFilter(day(23), null, null, "sale", 12L)));
        assertEquals(List.of(), found(new LogFilter(null, null, "cli:bob", "points-adjust", null)));

        assertEquals(5, app.operationLog().count(LogFilter.ALL));
        assertEquals(3, app.operationLog().count(new LogFilter(null, null, null, null, 12L)));
        assertEquals(2, app.operationLog().count(new LogFilter(day(22), day(23), "cli:alice", null, null)));

        List<Long> exported = new ArrayList<>();
        assertEquals(3, app.operationLog().export(new LogFilter(null, null, null, null, 12L),
                entry -> exported.add(entry.id())));
        assertEquals(List.of(1L, 3L, 5L), exported, "an export runs oldest first");
    }
}

package org.memberdesk;

import org.memberdesk.app.AppContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.memberdesk.db.Database;

/** A fresh database file in a test's temp folder, with the clock fixed at a known "now". */
public final class TestDatabase {
    /** "Now" in every foundation test: Sunday 2026-11-22 12:00 in the shop's zone. */
    public static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 12, 0);

    private TestDatabase() {
    }

    public static Clock clock() {
        return Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
    }

    /** A valid member as typed at the counter, joined 2026-01-10 in the shop (门店). */
    public static org.memberdesk.members.MemberDetails member(String number, String name, String phone) {
        return new org.memberdesk.members.MemberDetails(number, name, phone, org.memberdesk.members.Gender.FEMALE,
                java.time.LocalDate.of(1990, 5, 1), java.time.LocalDate.of(2026, 1, 10), "门店", null, null,
                java.util.Map.of());
    }

    public static AppContext open(Path folder) {
        return new AppContext(database(folder), clock());
    }

    /**
     * A fresh, migrated database for one test: a file in the test's folder, or — when the system property
     * {@code memberdesk.test.db} names a PostgreSQL server ({@code postgresql://USER:PASSWORD@HOST:PORT/}) — a new
     * database on that server, copied from a template migrated once per test run. The store and service tests run
     * on both engines this way (pom.xml's "postgresql" test execution).
     */
    public static Database database(Path folder) {
        return ServerTestDatabases.configured().map(ServerTestDatabases::fresh)
                .orElseGet(() -> Database.open(folder.resolve("test.db")));
    }

    /** True when this test run's databases are on PostgreSQL. */
    public static boolean onServer() {
        return ServerTestDatabases.configured().isPresent();
    }
}

package org.memberdesk.coupons;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/** A test database (TestDatabase: a file, or one on PostgreSQL) with a few members, on a clock fixed at 2026-11-22 10:00 (shop time = UTC here). */
final class CouponFixture {
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 10, 0);
    static final ZoneId ZONE = ZoneOffset.UTC;

    final Database database;
    final AppContext app;

    CouponFixture(Path folder) {
        this(TestDatabase.database(folder), Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZONE));
    }

    CouponFixture(Database database, Clock clock) {
        this.database = database;
        this.app = new AppContext(database, clock);
    }

    /** What {@code --db} names for this database: the file, or the server's address (its password not in it). */
    String location() {
        return database.server().map(Object::toString).orElseGet(() -> database.file().toString());
    }

    /** A command-line process on this database: the server's password, if any, goes in its environment. */
    ProcessBuilder command(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.memberdesk.Launcher", "--db", location()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        database.server().flatMap(server -> server.password())
                .ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        return builder;
    }

    /** Another view of the same database at another moment (a later day at the counter). */
    CouponFixture at(LocalDateTime when) {
        return new CouponFixture(database, Clock.fixed(when.toInstant(ZoneOffset.UTC), ZONE));
    }

    Member member(String memberNo, String name, String phone) {
        return app.members().add(new MemberDetails(memberNo, name, phone, null, null, LocalDate.of(2025, 1, 1), null,
                null, null, null));
    }

    void setTier(long memberId, String tier) {
        app.database().write(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE members SET tier = ? WHERE id = ?")) {
                statement.setString(1, tier);
                statement.setLong(2, memberId);
                statement.executeUpdate();
            }
            return null;
        });
    }

    void buy(long memberId, LocalDateTime when, long cents) {
        app.purchases().record(new PurchaseDraft(null, memberId, when, List.of(new PurchaseLine("门票", 1, cents)), null),
                false);
    }

    static Coupon threshold(long valueCents, long minSpendCents) {
        return new Coupon(0, "满减", CouponKind.THRESHOLD, valueCents, null, null, minSpendCents, List.of(),
                Validity.days(30));
    }
}

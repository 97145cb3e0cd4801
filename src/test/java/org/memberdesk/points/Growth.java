package org.memberdesk.points;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/** A fresh database (TestDatabase: a file, or one on the test server) with the real services and a clock the test moves; purchases go through the counter path. */
public final class Growth {
    public final SettableClock clock;
    public final Database database;
    public final AppContext app;

    public Growth(Path folder, LocalDateTime now) {
        clock = new SettableClock(now);
        database = TestDatabase.database(folder);
        app = new AppContext(database, clock);
    }

    /** A clock standing still at a moment the test sets (the shop's local time, zone UTC). */
    public static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(LocalDateTime now) {
            set(now);
        }

        public void set(LocalDateTime time) {
            now = time.toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public Member member(String memberNo, LocalDate birthday) {
        return app.members().add(new MemberDetails(memberNo, "会员" + memberNo, null, null, birthday,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
    }

    /** Rules with one point per yuan, no birthday or bonus, expiring after the given months (null never). */
    public void plainRules(Integer expiryMonths) {
        app.points().saveRules(new PointsRules(1, 1, 100, 0, 0, expiryMonths, Map.of(), Map.of()));
    }

    /** Records a sale at the counter at the given time (the clock is moved there first). */
    public Purchase sale(Member member, String number, LocalDateTime time, String item, long cents) {
        clock.set(time);
        return app.purchases().record(new PurchaseDraft(number, member.id(), time,
                List.of(new PurchaseLine(item, 1, cents)), null), false);
    }

    public Purchase refund(Member member, String number, LocalDateTime time, String refundOf, long cents) {
        clock.set(time);
        return app.purchases().record(new PurchaseDraft(number, member.id(), time,
                List.of(new PurchaseLine("退货", 1, -cents)), refundOf), true);
    }

    public long balance(Member member) {
        return app.points().summary(member.id()).balance();
    }

    public String tier(Member member) {
        return app.members().byId(member.id()).orElseThrow().tier();
    }

    /** A number read straight from the database, for asserting what is stored. */
    public long sql(String query, Object... args) {
        return database.read(connection -> number(connection, query, args));
    }

    public void exec(String statement, Object... args) {
        database.write(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static long number(Connection connection, String query, Object... args) throws java.sql.SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package org.memberdesk.tags;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Gender;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;

/** A small hand-built shop for the engine tests: members and purchases go through the real services. */
public final class TestShop {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** "Today" in every test shop: 2026-06-30, noon. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private final AppContext context;

    public TestShop(Path folder) {
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        this.context = new AppContext(TestDatabase.database(folder), clock);
    }

    public AppContext context() {
        return context;
    }

    public long member(String no, Gender gender, String birthday, String joined, String channel, String referrer) {
        return context.members().add(new MemberDetails(no, "会员" + no, null, gender,
                birthday == null ? null : LocalDate.parse(birthday), LocalDate.parse(joined), channel, referrer,
                null, null)).id();
    }

    /** A sale (positive yuan) or a return (negative) of one item at 10:00 on the day. */
    public void purchase(long memberId, String day, String item, long cents) {
        context.purchases().record(new PurchaseDraft(null, memberId, LocalDateTime.parse(day + "T10:00:00"),
                List.of(new PurchaseLine(item, 1, cents)), null), true);
    }

    public void sql(String statement) {
        context.database().execute(statement);
    }
}

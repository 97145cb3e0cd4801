package org.memberdesk.tags;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.LoggedActions;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.ValidationException;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 19, defect 6: rule tags stay the rule's count as of their refresh, which really happens each day; tags are
 * deleted, renamed and refreshed by a manager, each one log entry. Shop: M1 bought on 2026-05-01, M2 on 2026-05-20,
 * M3 never; the clock starts at 2026-06-30 noon and can move on.
 */
@BothEngines
class TagUpkeepTest {
    /** A clock the test moves on, as the days pass in a shop. */
    static final class ShopClock extends Clock {
        private volatile Instant now;

        ShopClock(LocalDateTime start) {
            now = start.atZone(TestShop.ZONE).toInstant();
        }

        void nextDay() {
            now = now.plusSeconds(24 * 3600);
        }

        @Override
        public ZoneId getZone() {
            return TestShop.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the shop's zone only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path folder;
    ShopClock clock;
    AppContext app;
    TagService tags;

    @BeforeEach
    void shop() {
        clock = new ShopClock(TestShop.TODAY.atTime(12, 0));
        app = new AppContext(TestDatabase.database(folder), clock);
        long m1 = member("M1");
        long m2 = member("M2");
        member("M3");
        buy(m1, "2026-05-01");
        buy(m2, "2026-05-20");
        tags = app.tags();
    }

    private long member(String no) {
        return app.members().add(new MemberDetails(no, "会员" + no, null, null, null, LocalDate.of(2026, 1, 1), null,
                null, null, null)).id();
    }

    private void buy(long memberId, String day) {
        app.purchases().record(new PurchaseDraft(null, memberId, LocalDateTime.parse(day + "T10:00:00"),
                List.of(new PurchaseLine("门票", 1, 10_000)), null), true);
    }

    private Tag tag(String name) {
        return tags.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void defect6_aRuleTagOnDaysFollowsTheDateAtTheNextStartWithNothingStored() {
        // on 06-30: M1's last purchase 60 days ago (05-01), M2's 41 days ago: both in 30..60
        Tag lapsing = tags.create("流失预警", "days_since_last_purchase between 30 and 60");
        assertEquals(2, lapsing.members());
        assertEquals("2026-06-30 12:00:00", lapsing.refreshedAt());
        tags.refreshIfStale(); // the purchases of the setup marked rule tags out of date
        assertFalse(tags.refreshIfStale(), "refreshed today, nothing changed since: nothing to do");

        // a day later M1 is 61 days away: the rule matches M2 only, though nothing was stored
        clock.nextDay();
        assertEquals(1, app.rules().count(Rule.parse(lapsing.rule()), LocalDate.of(2026, 7, 1)));
        assertTrue(tags.refreshIfStale(), "the desktop's start refreshes a tag last refreshed before today");
        Tag now = tag("流失预警");
        assertEquals(1, now.members(), "the count shown is the rule's count as of its refresh");
        assertEquals("2026-07-01 12:00:00", now.refreshedAt());
        assertFalse(tags.refreshIfStale(), "once a day");
    }

    @Test
    void defect6_deletingATagSaysWhatItCarriesAndCampaignsSentToItKeepTheirCoupons() {
        tags.addByNumbers("VIP", List.of("M1", "M2"));
        tags.create("VIP常客", "tag = VIP and purchases >= 1");
        var campaign = app.campaigns().create(new CampaignDraft("VIP回馈", null, new Coupon(0, "十元券", CouponKind.CASH,
                1_000, null, null, 0, List.of(), Validity.days(30)), Target.parse("tag:VIP"), null, 0, 1L));
        assertEquals(2, app.campaigns().issue(campaign.id()));

        TagService.Deletion vip = tags.deletion("VIP");
        assertEquals(2, vip.tag().members());
        assertEquals(List.of("VIP常客"), vip.usedBy());
        assertEquals(1, vip.campaigns());
        // a rule tag looks at it: deleting would silently empty that tag, so it is refused and nothing changes
        ValidationException refused = assertThrows(ValidationException.class, () -> tags.delete("VIP"));
        assertEquals("tag.delete.used", refused.problems().get(0).key());
        assertEquals(2, tag("VIP").members());

        tags.delete("VIP常客"); // a rule tag: its rule goes with it
        tags.delete("VIP");
        assertTrue(tags.list().isEmpty());
        assertEquals(List.of(), tags.tagsOf(app.members().byNumber("M1").orElseThrow().id()));
        // the campaign keeps its members and their coupons
        assertEquals(1, app.campaigns().memberCoupons(app.members().byNumber("M1").orElseThrow().id()).size());
        assertEquals(2, app.campaigns().campaign(campaign.id()).orElseThrow().targeted());
        assertEquals(List.of("|tag|tag VIP|deleted (2 members), campaigns sent to it keep their coupons: 1"),
                LoggedActions.of(app.database(), "tag").stream().filter(l -> l.contains("|tag VIP|deleted"))
                        .map(l -> l.substring(l.indexOf('|'))).toList());
    }

    @Test
    void defect6_renamingKeepsNamesUniqueAndTheRulesThatLookAtTheTagFollow() {
        tags.addByNumbers("VIP", List.of("M1"));
        tags.create("老客", "purchases >= 1");
        tags.create("VIP常客", "tag = VIP and purchases >= 1");
        assertEquals("tag.name.taken", assertThrows(ValidationException.class,
                () -> tags.rename("VIP", "老客")).problems().get(0).key());
        assertEquals("tag.name.missing", assertThrows(ValidationException.class,
                () -> tags.rename("VIP", "  ")).problems().get(0).key());
        assertEquals("tag.name.tooLong", assertThrows(ValidationException.class,
                () -> tags.rename("VIP", "长".repeat(41))).problems().get(0).key());

        Tag renamed = tags.rename("VIP", "贵宾");
        assertEquals(1, renamed.members());
        assertEquals("tag = \"贵宾\" and purchases >= 1", tag("VIP常客").rule());
        assertEquals(1, tags.refresh("VIP常客").members(), "the rule still finds M1");
        assertTrue(LoggedActions.of(app.database(), "tag").get(3).endsWith("|tag 贵宾|renamed VIP → 贵宾, rules of VIP常客 follow"));
    }

    @Test
    void defect6_refreshNowIsAManagersOneLogEntryAndACancelKeepsTheTag() {
        tags.create("常客", "purchases >= 1");
        tags.addByNumbers("VIP", List.of("M1"));
        buy(app.members().byNumber("M3").orElseThrow().id(), "2026-06-29");
        int entries = LoggedActions.of(app.database(), "tag").size();

        LoggedActions.become(app, "小王", Role.CASHIER);
        assertThrows(NotAllowedException.class, () -> tags.refreshNow("常客", new Progress()));
        LoggedActions.become(app, "李姐", Role.MANAGER);
        assertEquals("tag.refresh.manual", assertThrows(ValidationException.class,
                () -> tags.refreshNow("VIP", new Progress())).problems().get(0).key());
        Progress cancelled = new Progress();
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> tags.refreshNow("常客", cancelled));
        assertEquals(2, tag("常客").members(), "kept as it was");

        assertEquals(3, tags.refreshNow("常客", new Progress()).members());
        List<String> log = LoggedActions.of(app.database(), "tag");
        assertEquals(entries + 1, log.size());
        assertEquals("李姐|tag|tag 常客|refreshed, members 2 → 3", log.get(log.size() - 1));
    }
}

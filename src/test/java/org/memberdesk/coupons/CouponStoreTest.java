package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;

@BothEngines
class CouponStoreTest {
    @TempDir
    Path folder;

    @Test
    void aCodeAlreadyTakenIsDrawnAgainSoEveryMemberGetsOne() {
        CouponFixture shop = new CouponFixture(folder);
        long[] members = new long[25];
        for (int i = 0; i < members.length; i++) {
            members[i] = shop.member(String.format("M%03d", i), "会员" + i, null).id();
        }
        Campaign first = shop.app.campaigns().create(new CampaignDraft("一", null, CouponFixture.threshold(2_000, 10_000),
                Target.parse("all"), null, 0, 1L));
        Campaign second = shop.app.campaigns().create(new CampaignDraft("二", null, CouponFixture.threshold(2_000, 10_000),
                Target.parse("all"), null, 0, 1L));
        CouponStore store = new CouponStore();
        LocalDate today = CouponFixture.NOW.toLocalDate();
        // the same seed draws the same codes: the second campaign's first draws all collide with the first's
        int issuedFirst = shop.app.database().write(c -> store.issue(c, first.id(), members, CouponFixture.NOW, today,
                today.plusDays(29), new SplittableRandom(9)));
        int issuedSecond = shop.app.database().write(c -> store.issue(c, second.id(), members, CouponFixture.NOW,
                today, today.plusDays(29), new SplittableRandom(9)));
        assertEquals(25, issuedFirst);
        assertEquals(25, issuedSecond);
        Set<String> codes = shop.app.database().read(c -> {
            Set<String> all = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT code FROM coupons"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals(CouponCodes.Check.OK, CouponCodes.check(rs.getString(1)));
                    all.add(rs.getString(1));
                }
            }
            return all;
        });
        assertEquals(50, codes.size());
    }
}

package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Member;

/** Two processes redeem one code at the same moment: exactly one succeeds, the other is told it was used. */
@BothEngines
class RedemptionRaceTest {
    @TempDir
    Path folder;

    @Test
    void twoProcessesRedeemingOneCodeOnlyOneSucceeds() throws Exception {
        CouponFixture shop = new CouponFixture(TestDatabase.database(folder), Clock.systemDefaultZone());
        Member zhang = shop.member("M001", "张伟", "13812341234");
        Campaign campaign = shop.app.campaigns().create(new CampaignDraft("回馈", null,
                CouponFixture.threshold(2_000, 10_000), Target.parse("all"), null, 0, 1L));
        shop.app.campaigns().issue(campaign.id());
        String code = shop.app.campaigns().memberCoupons(zhang.id()).get(0).code();

        List<Process> processes = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path err = folder.resolve("err" + i + ".txt");
            errors.add(err);
            processes.add(shop.command("redeem", code, "--member", "M001", "--amount", "120", "--json")
                    .redirectOutput(folder.resolve("out" + i + ".txt").toFile())
                    .redirectError(err.toFile())
                    .start());
        }
        List<Integer> codes = new ArrayList<>();
        for (Process process : processes) {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "a redeeming process hung");
            codes.add(process.exitValue());
        }
        codes.sort(null);
        assertEquals(List.of(0, 3), codes, "exit codes; stderr: " + read(errors.get(0)) + " | " + read(errors.get(1)));
        String refusal = read(errors.get(0)) + read(errors.get(1));
        assertTrue(refusal.contains("was already used"), refusal);
        // one purchase, one used coupon
        assertEquals(1, shop.app.purchases().totals().purchases());
        assertEquals(10_000, shop.app.purchases().totals().revenueCents());
        assertFalse(shop.app.campaigns().memberCoupons(zhang.id()).get(0).usedAt() == null);
    }

    @Test
    void markingUsedIsConditionalOnNotYetUsed() {
        CouponFixture shop = new CouponFixture(folder);
        Member zhang = shop.member("M001", "张伟", "13812341234");
        Campaign campaign = shop.app.campaigns().create(new CampaignDraft("回馈", null,
                CouponFixture.threshold(2_000, 10_000), Target.parse("all"), null, 0, 1L));
        shop.app.campaigns().issue(campaign.id());
        shop.buy(zhang.id(), CouponFixture.NOW, 5_000);
        long couponId = shop.app.campaigns().memberCoupons(zhang.id()).get(0).id();
        CouponStore store = new CouponStore();
        LocalDateTime now = CouponFixture.NOW;
        // the purchase just stored has id 1
        boolean first = shop.app.database().write(c -> store.markUsed(c, couponId, now, 1, 2_000));
        boolean second = shop.app.database().write(c -> store.markUsed(c, couponId, now, 1, 2_000));
        assertTrue(first);
        assertFalse(second);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
    }
}

package org.memberdesk.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.tags.TestShop;

/**
 * Finding 10's crash ("ArrayIndexOutOfBoundsException: Index 5"): RFM's second pass met more buyers than its
 * first had counted, and F scores divided by the first pass's count. Database.read now gives both passes one
 * snapshot; this test keeps the second guard honest by reading without a snapshot and adding buyers between the
 * passes, as another process did during an import.
 */
@BothEngines
class RfmMixedMomentsTest {
    @TempDir
    Path folder;

    @Test
    void finding10_rfmSurvivesBuyersAddedBetweenItsTwoPasses() throws Exception {
        TestShop shop = new TestShop(folder);
        long a = shop.member("M001", null, null, "2026-01-10", null, null);
        long b = shop.member("M002", null, null, "2026-01-10", null, null);
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.add(shop.member("N" + i, null, null, "2026-01-10", null, null));
        }
        shop.purchase(a, "2026-06-01", "苹果", 10000);
        shop.purchase(a, "2026-06-02", "苹果", 10000);
        shop.purchase(b, "2026-06-30", "梨", 5000);

        boolean[] added = {false};
        // a plain connection (every statement its own moment, as every read was before) that lets 10 new buyers
        // commit just before RFM's second pass over (purchases, spend) starts
        try (Connection plain = shop.context().database().connect()) {
            Connection between = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && !added[0]
                                && String.valueOf(args[0]).contains("SELECT purchase_count,")) {
                            added[0] = true;
                            later.forEach(id -> shop.purchase(id, "2026-06-30", "梨", 1000));
                        }
                        try {
                            return method.invoke(plain, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            // first pass: 2 buyers; second pass: 2 + 10 = 12. F scores over 2 made 1 + ⌊5 × 11 / 2⌋ = 28 → a column
            // the 5 × 5 grid does not have
            RfmResult rfm = RfmService.compute(between, TestShop.TODAY);
            assertTrue(added[0], "the buyers came between the passes");
            long inGrid = 0;
            for (long[] row : rfm.grid()) {
                for (long n : row) {
                    inGrid += n;
                }
            }
            assertEquals(12, inGrid, "the grid holds the members its own pass counted");
        }
        // read the normal way, one moment: all 12 buyers, 2 + 10
        assertEquals(12, shop.context().rfm().compute(TestShop.TODAY).members());
    }
}

package org.memberdesk.ui.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.members.MemberStore;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class PurchasesViewModelTest {
    @TempDir
    Path folder;
    private PurchasesViewModel purchases;
    private RecordingDialogs dialogs;

    @BeforeEach
    void setUp() throws java.io.IOException {
        dialogs = new RecordingDialogs(Messages.english());
        UiContext context = TestContext.create(folder, dialogs);
        Member wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        Member li = context.app().members().add(new MemberDetails(null, "李娜", "13900005678", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        // 150 purchases an hour apart from 2026-03-01 08:00 (i = 0..149): li buys when i is divisible
        // by 3, wang otherwise; the item is 门票 when i is even, 瑜伽课 when odd
        List<String> lines = new java.util.ArrayList<>(List.of("purchase_no,member_no,time,item,quantity,amount"));
        for (int i = 0; i < 150; i++) {
            Member who = i % 3 == 0 ? li : wang;
            lines.add(String.format("P%03d,%s,%s,%s,1,%d.00", i, who.memberNo(),
                    LocalDateTime.of(2026, 3, 1, 8, 0).plusHours(i).format(MemberStore.TIME),
                    i % 2 == 0 ? "门票" : "瑜伽课", 10 + i));
        }
        // one import (one transaction) instead of 150: keeps the test fast
        Path csv = java.nio.file.Files.write(folder.resolve("p.csv"), lines, java.nio.charset.StandardCharsets.UTF_8);
        context.app().purchaseImporter().importFile(csv, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        purchases = PurchasesScreen.model(context);
        purchases.search();
    }

    @Test
    void allPurchasesNewestFirst() {
        assertEquals(List.of(), dialogs.errors);
        assertEquals(150, purchases.countProperty().get());
        assertEquals(150, purchases.rows().size());
        // the newest is purchase i = 149: 2026-03-01 08:00 + 149 h = 2026-03-07 13:00
        assertEquals(LocalDateTime.of(2026, 3, 7, 13, 0), purchases.rows().get(0).time());
    }

    @Test
    void filtersCombine() {
        purchases.memberProperty().set("13900005678");
        // li has i = 0, 3, ..., 147: 50 purchases
        assertEquals(50, purchases.countProperty().get());
        assertEquals("李娜  M00000002", purchases.memberShownProperty().get());
        purchases.itemProperty().set("门");
        // of those, 门票 when i is even: i = 0, 6, ..., 144: 25
        assertEquals(25, purchases.countProperty().get());
        purchases.fromProperty().set(LocalDate.of(2026, 3, 7));
        // March 7th 00:00 is 6 days - 8 h = 136 h after March 1st 08:00, so i = 136..149 fall on or
        // after it; of those li's 门票 (i divisible by 6) are i = 138 and 144
        assertEquals(2, purchases.countProperty().get());
    }

    @Test
    void anUnknownMemberFindsNothingAndSaysSo() {
        purchases.memberProperty().set("M99999999");
        assertEquals(0, purchases.countProperty().get());
        assertEquals("No member with number or phone “M99999999”", purchases.memberShownProperty().get());
    }
}

package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.io.ImportProgress;

/** Shop: M001 bought 苹果 (and 梨), M002 bought 梨, M003 bought nothing. */
class TagServiceTest {
    @TempDir
    Path folder;
    TestShop shop;
    TagService tags;
    long m1;
    long m2;
    long m3;

    @BeforeEach
    void buildShop() {
        shop = new TestShop(folder);
        m1 = shop.member("M001", null, null, "2026-01-01", null, null);
        m2 = shop.member("M002", null, null, "2026-01-01", null, null);
        m3 = shop.member("M003", null, null, "2026-01-01", null, null);
        shop.purchase(m1, "2026-06-01", "苹果", 1000);
        shop.purchase(m1, "2026-06-02", "梨", 1000);
        shop.purchase(m2, "2026-06-01", "梨", 1000);
        tags = shop.context().tags();
    }

    @Test
    void aRuleTagHoldsExactlyItsMembersAndFollowsImports() throws Exception {
        Tag apples = tags.create("爱苹果", "购买过 = '苹果'");
        assertEquals("bought = \"苹果\"", apples.rule(), "stored in canonical form");
        assertEquals(1, apples.members());
        assertEquals(List.of("爱苹果"), tags.tagsOf(m1));

        // an import of M002 and M003 buying apples refreshes the rule tag without anyone asking
        Path csv = folder.resolve("purchases.csv");
        Files.writeString(csv, """
                purchase_no,member_no,time,item,quantity,amount,refund_of
                T1,M002,2026-06-20 09:00:00,苹果,1,5.00,
                T2,M003,2026-06-21 09:00:00,苹果,2,10.00,
                """);
        var result = shop.context().purchaseImporter().importFile(csv, ImportOptions.defaults(), ImportProgress.NONE,
                Messages.english());
        assertEquals(2, result.imported());
        assertEquals(3, tags.list().get(0).members());
    }

    @Test
    void changingTheDataAndRefreshingDropsMembersWhoNoLongerMatch() {
        tags.create("买过两次", "purchases >= 2");
        assertEquals(1, tags.list().get(0).members());
        shop.sql("UPDATE members SET purchase_count = 5 WHERE member_no = 'M002'");
        shop.sql("UPDATE members SET purchase_count = 1 WHERE member_no = 'M001'");
        Tag refreshed = tags.refresh("买过两次");
        assertEquals(1, refreshed.members());
        assertEquals(List.of("买过两次"), tags.tagsOf(m2));
        assertEquals(List.of(), tags.tagsOf(m1));
    }

    @Test
    void manualTagsOnOneManyOrASegment() {
        assertEquals(2, tags.addByNumbers("VIP", List.of("M001", "M003")));
        assertEquals(0, tags.addByNumbers("VIP", List.of("M001")), "already tagged");
        assertNull(tags.list().get(0).rule());
        assertEquals(1, tags.removeByNumbers("VIP", List.of("M003")));
        // a whole segment: everyone who bought 梨 (M001, M002)
        assertEquals(1, tags.addSegment("VIP", Rule.parse("bought = '梨'"), TestShop.TODAY));
        assertEquals(2, tags.list().get(0).members());
        assertEquals(1, tags.remove("VIP", new long[] {m2}));
        assertEquals(1, shop.context().rules().count(Rule.parse("tag = VIP"), TestShop.TODAY));
    }

    @Test
    void refusalsChangeNothing() {
        tags.create("爱苹果", "bought = '苹果'");
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> tags.addByNumbers("VIP", List.of("M001", "M999")));
        assertTrue(unknown.getMessage().contains("M999"), unknown.getMessage());
        assertEquals(1, tags.list().size(), "the VIP tag was not created either");
        assertThrows(ValidationException.class, () -> tags.addByNumbers("爱苹果", List.of("M002")));
        assertThrows(ValidationException.class, () -> tags.create("爱苹果", null));
        assertThrows(ValidationException.class, () -> tags.create(" ", null));
        assertThrows(ValidationException.class, () -> tags.create("self", "tag = self"));
        assertThrows(RuleException.class, () -> tags.create("bad", "bought ="));
        assertEquals(1, tags.list().size());
        assertEquals(1, tags.list().get(0).members());
    }

    @Test
    void ruleTagsOnOtherTagsRefreshAfterThem() {
        tags.addByNumbers("VIP", List.of("M002"));
        tags.create("VIP买梨", "tag = VIP and bought = '梨'");
        tags.create("爱苹果", "bought = '苹果'");
        tags.create("苹果VIP", "tag = 爱苹果 and tag = VIP");
        assertEquals(0, tags.list().stream().filter(t -> t.name().equals("苹果VIP")).findFirst().orElseThrow()
                .members());
        tags.addByNumbers("VIP", List.of("M001"));
        List<Tag> all = tags.refreshAll();
        assertEquals(1, all.stream().filter(t -> t.name().equals("苹果VIP")).findFirst().orElseThrow().members());
        assertEquals(2, all.stream().filter(t -> t.name().equals("VIP买梨")).findFirst().orElseThrow().members());
        tags.delete("苹果VIP");
        assertEquals(3, tags.list().size());
    }
}

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
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;

/** Shop: M001 bought 苹果 (and 梨), M002 bought 梨, M003 bought nothing. */
@BothEngines
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
        var result = shop.context().purchaseImporter().importFile(csv, ImportOptions.defaults(), Progress.NONE,
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

    @Test
    void finding11_ruleTagCycleIsRefused() {
        // A looks at B before B exists: allowed (A has no members yet)
        tags.create("A", "tag = \"B\"");
        ValidationException direct = assertThrows(ValidationException.class, () -> tags.create("B", "tag = \"A\""));
        assertEquals("tag.rule.circle", direct.problems().get(0).key());
        assertEquals(List.of("B", "B → A → B"), direct.problems().get(0).args());
        // through a chain, and by changing a rule as well as by creating one
        tags.create("B", "tag = \"C\"");
        ValidationException chain = assertThrows(ValidationException.class,
                () -> tags.create("C", "purchases >= 1 or tag = \"A\""));
        assertEquals(List.of("C", "C → A → B → C"), chain.problems().get(0).args());
        assertTrue(chain.getMessage().contains("C → A → B → C"), chain.getMessage());
        tags.create("C", "purchases >= 1");
        ValidationException changed = assertThrows(ValidationException.class,
                () -> tags.changeRule("C", "not tag = \"A\""));
        assertEquals(List.of("C", "C → A → B → C"), changed.problems().get(0).args());
        // nothing of the refused rules was saved
        assertEquals("purchases >= 1", tags.list().stream().filter(t -> t.name().equals("C")).findFirst()
                .orElseThrow().rule());
        assertEquals(4 - 1, tags.list().size());
    }

    @Test
    void finding11_ruleTagsReferringToOthersRefreshInOrder() {
        // made in the opposite order of what they look at: Top → Mid → Base. When each was made, the tag it looks at
        // did not exist yet or had no members, so Top and Mid start empty
        tags.create("Top", "tag = \"Mid\"");
        tags.create("Mid", "tag = \"Base\"");
        tags.create("Base", "bought = '梨'");
        assertEquals(List.of(2L, 0L, 0L), counts("Base", "Mid", "Top"));
        // one refresh settles them: Base = M001, M002 (both bought 梨) = 2; Mid = Base's 2; Top = Mid's 2
        tags.refreshAll();
        assertEquals(List.of(2L, 2L, 2L), counts("Base", "Mid", "Top"));
        // and a second one changes nothing (no flipping)
        tags.refreshAll();
        assertEquals(List.of(2L, 2L, 2L), counts("Base", "Mid", "Top"));
        // a circle saved by an older version (the check is new) is left as it is instead of flipping
        tags.create("X", "purchases >= 1");
        tags.create("Y", "not tag = \"X\"");
        shop.sql("UPDATE tags SET rule = 'tag = \"Y\"' WHERE name = 'X'");
        // X = M001, M002 (bought); Y = not X = M003
        assertEquals(List.of(2L, 1L), counts("X", "Y"));
        tags.refreshAll();
        assertEquals(List.of(2L, 1L), counts("X", "Y"));
        tags.refreshAll();
        assertEquals(List.of(2L, 1L), counts("X", "Y"));
        assertEquals(List.of(2L, 2L, 2L), counts("Base", "Mid", "Top"));
    }

    @Test
    void finding11_ruleWith1111TermsWorks() {
        // ages at 2026-06-30: M001 born 2021-03-01 is 5, M002 born 1996-01-01 is 30, M003 has no birthday
        shop.sql("UPDATE members SET birthday = '2021-03-01' WHERE member_no = 'M001'");
        shop.sql("UPDATE members SET birthday = '1996-01-01' WHERE member_no = 'M002'");
        RuleService rules = shop.context().rules();
        // 1,111 alternatives age = 0 … age = 9 (5 characters each, " or " between: 9,995 characters, under the
        // 10,000 the parser takes): an age under 10, which only M001 has
        List<String> ors = new java.util.ArrayList<>();
        for (int i = 0; i < 1_111; i++) {
            ors.add("age=" + i % 10);
        }
        String anyAge = String.join(" or ", ors);
        assertTrue(anyAge.length() <= 10_000, "within the parser's limit: " + anyAge.length());
        assertEquals(1, rules.count(Rule.parse(anyAge), TestShop.TODAY));
        assertEquals(1, rules.count(Rule.parse("age between 0 and 9"), TestShop.TODAY), "the same, said briefly");
        // 1,000 conditions joined by and: age < 9 and age >= 1 … (M001, 5, passes all of them)
        List<String> ands = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ands.add(i % 2 == 0 ? "age<9" : "age>0");
        }
        assertEquals(1, rules.count(Rule.parse(String.join(" and ", ands)), TestShop.TODAY));
        // 450 alternatives on what was bought (and a tag) become two lists: M001 (苹果, 梨) and M002 (梨) = 2
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < 448; i++) {
            items.add("bought='x" + i + "'");
        }
        items.add("bought='梨'");
        items.add("tag='none'");
        assertEquals(2, rules.count(Rule.parse(String.join(" or ", items)), TestShop.TODAY));
        // and a rule tag of the 1,111 alternatives fills like any other
        assertEquals(1, tags.create("小朋友", anyAge).members());
    }

    @Test
    void finding11_aRuleTooBigForTheDatabaseIsToldInTheShopsWords() {
        // the parser's limits keep rules well inside the database's; a statement past them (here 1,200 nested
        // expressions, deeper than SQLite's 1,000; on PostgreSQL 10,000, past its parser's stack) must still come
        // back as the shop's message, not the database's text
        int depth = TestDatabase.onServer() ? 10_000 : 1_200;
        String deep = "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + " + 0".repeat(depth);
        RuleSql.Statement statement = new RuleSql.Statement(deep, List.of());
        RuleException tooBig = assertThrows(RuleException.class, () -> shop.context().database().read(
                connection -> RuleStore.watched(connection, statement, Progress.NONE, rs -> null)));
        assertEquals("rule.tooBig", tooBig.key());
        assertTrue(tooBig.describe(Messages.chinese()).contains("规则的条件太多"), tooBig.describe(Messages.chinese()));
        assertTrue(!tooBig.getMessage().contains("Expression tree"), tooBig.getMessage());
    }

    private List<Long> counts(String... names) {
        List<Tag> all = tags.list();
        return java.util.Arrays.stream(names).map(name -> all.stream().filter(t -> t.name().equals(name))
                .findFirst().orElseThrow().members()).toList();
    }
}

package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.predictions.PredictionRefused;

/**
 * Rule tags on the prediction fields in a shop too small for a model (one repeat buyer): creating one is refused with
 * the reason and stores nothing; one that exists anyway (saved when the shop had a model, then a backup from before
 * was restored) keeps its members while the other rule tags refresh.
 */
@BothEngines
class PredictionTagsTest {
    @TempDir
    Path folder;
    TestShop shop;
    TagService tags;
    long m1;
    long m2;

    @BeforeEach
    void buildShop() {
        shop = new TestShop(folder);
        m1 = shop.member("M001", null, null, "2026-01-01", null, null);
        m2 = shop.member("M002", null, null, "2026-01-01", null, null);
        shop.purchase(m1, "2026-06-01", "苹果", 1000);
        shop.purchase(m1, "2026-06-02", "梨", 1000);
        shop.purchase(m2, "2026-06-01", "梨", 1000);
        tags = shop.context().tags();
    }

    @Test
    void aPredictionTagIsRefusedWithTheReasonWhileNoModelCanBeFitted() {
        PredictionRefused refused = assertThrows(PredictionRefused.class, () -> tags.create("流失风险", "p_alive < 0.3"));
        assertEquals("predict.tooFewRepeatBuyers", refused.problems().get(0).key());
        assertEquals(List.of(1, 50), refused.problems().get(0).args());
        assertTrue(tags.list().isEmpty(), "nothing stored");
    }

    @Test
    void anExistingPredictionTagKeepsItsMembersAndTheOthersRefresh() {
        Tag pears = tags.create("爱梨", "bought = \"梨\"");
        assertEquals(2, pears.members());
        shop.sql("INSERT INTO tags (name, rule, created_at) VALUES ('流失风险', 'p_alive < 0.3', '2026-06-01T00:00')");
        shop.sql("INSERT INTO member_tags (tag_id, member_id, added_at) SELECT id, " + m2
                + ", '2026-06-01T00:00' FROM tags WHERE name = '流失风险'");
        shop.purchase(m1, "2026-06-03", "梨", 1000);
        shop.sql("DELETE FROM member_tags WHERE tag_id = (SELECT id FROM tags WHERE name = '爱梨') AND member_id = " + m1);

        tags.refreshAll();

        assertEquals(2, tags.list().stream().filter(t -> t.name().equals("爱梨")).findFirst().orElseThrow().members(),
                "the ordinary rule tag refreshed (M001 back)");
        assertEquals(List.of("流失风险"), tags.tagsOf(m2).stream().filter(n -> n.equals("流失风险")).toList(),
                "the prediction tag kept M002");
    }
}

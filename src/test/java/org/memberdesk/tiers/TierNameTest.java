package org.memberdesk.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.analytics.Distribution;
import org.memberdesk.members.Member;
import org.memberdesk.points.Growth;

/** Issue 19, defect 7: a member without a tier yet has one name everywhere, the entry tier's (the default 普通). */
@BothEngines
class TierNameTest {
    @TempDir
    Path folder;

    @Test
    void defect7_aMemberWithoutATierIsCalledByTheEntryTiersNameEverywhere() {
        Growth g = new Growth(folder, LocalDateTime.of(2026, 3, 1, 9, 0));
        Member wang = g.member("M1", null);   // never bought, never reviewed: no tier stored
        Member li = g.member("M2", null);
        g.sale(li, "S1", LocalDateTime.of(2026, 3, 1, 10, 0), "成人门票", 150_000);   // ¥1,500 → 银卡
        assertEquals(null, g.app.members().byId(wang.id()).orElseThrow().tier());

        // the Tiers screen's counts, the Points screen's tier and the analytics' distribution say the same
        assertEquals(Map.of("普通", 1L, "银卡", 1L, "金卡", 0L, "黑金", 0L), g.app.tiers().counts());
        assertEquals("普通", g.app.tiers().progress(wang.id()).current().name());
        Distribution byTier = g.app.analytics().tiers();
        assertEquals(Map.of("普通", "普通 1", "银卡", "银卡 1"), byTier.slices().stream().collect(
                java.util.stream.Collectors.toMap(Distribution.Slice::key, s -> s.label() + " " + s.count())));
        // one place: the ladder; neither language has a second name for "no tier" any more
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);
            assertFalse(bundle.containsKey("analytics.distribution.none.tier"), locale.toString());
            assertFalse(bundle.keySet().stream().anyMatch(key -> bundle.getString(key).equals("未定级")), locale.toString());
        }
    }
}

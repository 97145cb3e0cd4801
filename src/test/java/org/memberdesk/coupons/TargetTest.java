package org.memberdesk.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {
    @Test
    void readsEachKindOfTarget() {
        assertEquals(new Target(Target.Kind.ALL, ""), Target.parse(" ALL "));
        assertEquals(new Target(Target.Kind.TIER, "金卡"), Target.parse("tier:金卡"));
        assertEquals(new Target(Target.Kind.TAG, "高价值"), Target.parse("tag: 高价值"));
        assertEquals(new Target(Target.Kind.SEGMENT, "champions"), Target.parse("rfm:champions"));
        assertEquals(new Target(Target.Kind.LIFECYCLE, "dormant"), Target.parse("lifecycle:dormant"));
        assertEquals(new Target(Target.Kind.RULE, "spent > 1000 and visits >= 3"),
                Target.parse("spent > 1000 and visits >= 3"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("tier:"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("  "));
    }

    @Test
    void aPastedListSplitsOnCommasSpacesAndNewLines() {
        Target list = Target.parse("list:M001, M002，13812341234\nM003;M004、M005");
        assertEquals(List.of("M001", "M002", "13812341234", "M003", "M004", "M005"), list.listEntries());
        assertEquals(list, Target.parse(list.text()));
        // a phone written with spaces stays one entry; numbers separated by spaces do not
        assertEquals(List.of("139 1234 5678", "M1", "M2"), Target.parse("list:139 1234 5678\nM1 M2").listEntries());
    }
}

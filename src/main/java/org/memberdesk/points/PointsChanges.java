package org.memberdesk.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.memberdesk.common.Money;

/**
 * What a change of the points settings did, as the operation log says it: short, in English, "what: before →
 * after" for each thing that changed, "no change" when nothing did.
 */
final class PointsChanges {
    private PointsChanges() {
    }

    /** The rules' own values, then the multipliers by item and by category that were added, changed or removed. */
    static List<String> rules(PointsRules before, PointsRules after) {
        List<String> changes = new ArrayList<>();
        field(changes, "earn", before.earnPoints() + " pt per ¥" + before.earnPerYuan(),
                after.earnPoints() + " pt per ¥" + after.earnPerYuan());
        field(changes, "birthday", before.birthdayPercent() + "%", after.birthdayPercent() + "%");
        field(changes, "signup bonus", Long.toString(before.signupBonus()), Long.toString(after.signupBonus()));
        field(changes, "first purchase bonus", Long.toString(before.firstPurchaseBonus()),
                Long.toString(after.firstPurchaseBonus()));
        field(changes, "expiry", months(before.expiryMonths()), months(after.expiryMonths()));
        map(changes, "item ", before.itemPercents(), after.itemPercents(), "%");
        map(changes, "category ", before.categoryPercents(), after.categoryPercents(), "%");
        return changes;
    }

    /** Each tier's points percent that changed: "tier 金卡: 100% → 150%". */
    static List<String> tierPercents(Map<String, Integer> before, Map<String, Integer> after) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Integer> tier : after.entrySet()) {
            Integer was = before.get(tier.getKey());
            if (was != null) {
                field(changes, "tier " + tier.getKey(), was + "%", tier.getValue() + "%");
            }
        }
        return changes;
    }

    /** Items put in, moved between or taken out of categories: "item 拿铁: (none) → 咖啡". */
    static List<String> categories(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        map(changes, "item ", before, after, "");
        return changes;
    }

    /** A reward added or changed: "十元券 (coupon, 500 pt, active)" or its changed parts. */
    static String reward(Reward before, Reward after) {
        if (before == null) {
            return "added: " + describe(after);
        }
        List<String> changes = new ArrayList<>();
        field(changes, "name", before.name(), after.name());
        field(changes, "kind", before.kind().code(), after.kind().code());
        field(changes, "cost", before.costPoints() + " pt", after.costPoints() + " pt");
        field(changes, "value", Money.display(before.valueCents()), Money.display(after.valueCents()));
        field(changes, "active", Boolean.toString(before.active()), Boolean.toString(after.active()));
        field(changes, "coupon template", Objects.toString(before.couponTemplateId(), null),
                Objects.toString(after.couponTemplateId(), null));
        return joined(changes);
    }

    static String describe(Reward reward) {
        return reward.name() + " (" + reward.kind().code() + ", " + reward.costPoints() + " pt"
                + (reward.kind() == Reward.Kind.CASH ? ", " + Money.display(reward.valueCents()) : "")
                + (reward.active() ? "" : ", archived") + ")";
    }

    /** The changes as one line, "no change" when there are none. */
    static String joined(List<String> changes) {
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static String months(Integer months) {
        return months == null ? "never" : months + " months";
    }

    private static <V> void map(List<String> changes, String prefix, Map<String, V> before, Map<String, V> after,
                                String unit) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            V was = before.get(key);
            V now = after.get(key);
            field(changes, prefix + key, was == null ? null : was + unit, now == null ? null : now + unit);
        }
    }

    private static void field(List<String> changes, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(name + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }
}

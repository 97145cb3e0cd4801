package org.memberdesk.ui.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.points.PointsRules;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.tiers.Tier;
import org.memberdesk.tiers.TierProgram;
import org.memberdesk.tiers.TierTemplates;

/** What applying a template would change, one line per change, for the confirmation before it is applied. */
final class TemplateChanges {
    private TemplateChanges() {
    }

    static String describe(PointsTemplate template, PointsRules now, Messages m) {
        PointsRules next = template.rules();
        List<String> lines = new ArrayList<>();
        change(lines, m, "points.settings.earn", rate(now, m), rate(next, m));
        change(lines, m, "points.settings.expiry", expiry(now, m), expiry(next, m));
        change(lines, m, "points.settings.birthday", now.birthdayPercent() + "%", next.birthdayPercent() + "%");
        change(lines, m, "points.settings.signup", Long.toString(now.signupBonus()), Long.toString(next.signupBonus()));
        change(lines, m, "points.settings.firstPurchase", Long.toString(now.firstPurchaseBonus()),
                Long.toString(next.firstPurchaseBonus()));
        lines.add("• " + m.get("points.settings.template.multipliers", percents(next.categoryPercents(), m)));
        Map<String, Integer> dropped = new TreeMap<>(now.itemPercents());
        now.categoryPercents().forEach((category, percent) -> {
            if (!next.categoryPercents().containsKey(category)) {
                dropped.put(category, percent);
            }
        });
        if (!dropped.isEmpty()) {
            lines.add("• " + m.get("points.settings.template.dropped", percents(dropped, m)));
        }
        lines.add("• " + m.get("points.settings.template.items", template.itemCategories().entrySet().stream()
                .map(e -> e.getKey() + " → " + e.getValue()).collect(Collectors.joining(m.get("points.ui.listSeparator")))));
        Ladder ladder = TierTemplates.of(template.code());
        lines.add("• " + m.get("points.settings.template.ladder", ladder.tiers().stream()
                .map(t -> tier(t, ladder.program())).collect(Collectors.joining(m.get("points.ui.listSeparator")))));
        lines.add(m.get("points.settings.template.note"));
        return String.join("\n", lines);
    }

    private static void change(List<String> lines, Messages m, String key, String before, String after) {
        if (!before.equals(after)) {
            lines.add(m.get("points.settings.template.change", m.get(key), before, after));
        }
    }

    static String rate(PointsRules rules, Messages m) {
        return m.get("points.settings.rate", rules.earnPoints(), rules.earnPerYuan());
    }

    static String expiry(PointsRules rules, Messages m) {
        return rules.expiryMonths() == null ? m.get("points.settings.never")
                : m.get("points.settings.months", rules.expiryMonths());
    }

    private static String percents(Map<String, Integer> percents, Messages m) {
        return new TreeMap<>(percents).entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "%")
                .collect(Collectors.joining(m.get("points.ui.listSeparator")));
    }

    private static String tier(Tier tier, TierProgram program) {
        String threshold = program.basis() == TierProgram.Basis.SPEND ? "¥" + Money.formatYuan(tier.threshold())
                : Long.toString(tier.threshold());
        return tier.name() + " " + threshold + " ×" + tier.pointsPercent() + "%";
    }
}

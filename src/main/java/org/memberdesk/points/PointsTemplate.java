package org.memberdesk.points;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ready-made points rules for a kind of business: the rules and which category each of its usual
 * items belongs to. The owner picks one in Settings → Points and then edits it.
 */
public record PointsTemplate(String code, PointsRules rules, Map<String, String> itemCategories) {

    public PointsTemplate {
        itemCategories = Map.copyOf(itemCategories);
    }

    public static PointsTemplate of(String code) {
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "scenic", "景区" -> scenic();
            case "gym", "健身房" -> gym();
            default -> throw new IllegalArgumentException("template must be scenic or gym, not '" + code + "'");
        };
    }

    /**
     * A scenic area: tickets earn the base rate, the annual pass 1.5×, and secondary spend (cable car,
     * sightseeing bus, food, souvenirs) 2× because that is the spend the area wants to grow; parking
     * earns nothing. 1 point per yuan, double in the birthday month, 100 for joining, 50 for the first
     * purchase, points last 12 months.
     */
    public static PointsTemplate scenic() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("成人门票", "门票");
        items.put("儿童票", "门票");
        items.put("年卡", "年卡");
        items.put("索道", "二次消费");
        items.put("观光车", "二次消费");
        items.put("餐饮", "二次消费");
        items.put("文创纪念品", "二次消费");
        items.put("停车", "停车");
        return new PointsTemplate("scenic", new PointsRules(1, 1, 200, 100, 50, 12, Map.of(),
                Map.of("门票", 100, "年卡", 150, "二次消费", 200, "停车", 0)), items);
    }

    /**
     * A gym: class packs earn 1.5× (the most valuable habit), membership cards the base rate, and a
     * single check-in 3× so that every visit feels rewarded; retail the base rate. 1 point per yuan,
     * double in the birthday month, 200 for joining, 100 for the first purchase, points last 12 months.
     */
    public static PointsTemplate gym() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("私教课10节", "课程包");
        items.put("团课次卡", "课程包");
        items.put("月卡", "会籍卡");
        items.put("季卡", "会籍卡");
        items.put("年卡", "会籍卡");
        items.put("单次入场", "签到");
        items.put("蛋白粉", "零售");
        items.put("毛巾", "零售");
        return new PointsTemplate("gym", new PointsRules(1, 1, 200, 200, 100, 12, Map.of(),
                Map.of("课程包", 150, "会籍卡", 100, "签到", 300, "零售", 100)), items);
    }
}

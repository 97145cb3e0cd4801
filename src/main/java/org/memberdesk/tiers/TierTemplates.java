package org.memberdesk.tiers;

import java.util.List;
import java.util.Locale;

/** Ready-made ladders, on spend within the last 12 months, with six months' protection after an upgrade. */
public final class TierTemplates {
    private TierTemplates() {
    }

    public static Ladder of(String code) {
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "scenic", "景区" -> scenic();
            case "gym", "健身房" -> gym();
            default -> throw new IllegalArgumentException("template must be scenic or gym, not '" + code + "'");
        };
    }

    /** A scenic area: a family's day out is ¥300-500, an annual pass ¥298; 金卡 is a regular, 黑金 a patron. */
    public static Ladder scenic() {
        return new Ladder(new TierProgram(TierProgram.Basis.SPEND, 12, 6), List.of(
                new Tier(0, "普通", 0, 100, 0, null),
                new Tier(1, "银卡", 50_000, 110, 0, "生日当月双倍积分"),
                new Tier(2, "金卡", 150_000, 125, 5, "生日当月双倍积分；停车免费"),
                new Tier(3, "黑金", 500_000, 150, 10, "生日当月双倍积分；停车免费；观光车免费；专属通道")));
    }

    /** A gym: a monthly card is ¥399, a year of training ¥3,000-15,000. */
    public static Ladder gym() {
        return new Ladder(new TierProgram(TierProgram.Basis.SPEND, 12, 6), List.of(
                new Tier(0, "普通", 0, 100, 0, null),
                new Tier(1, "银卡", 200_000, 110, 0, "免费毛巾"),
                new Tier(2, "金卡", 600_000, 125, 5, "免费毛巾；每月一次体测"),
                new Tier(3, "黑金", 1_500_000, 150, 10, "免费毛巾；每月一次体测；私教课九五折；专属储物柜")));
    }
}

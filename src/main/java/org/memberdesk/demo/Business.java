package org.memberdesk.demo;

import java.util.Locale;

/** The kinds of business MemberDesk is set up for; each brings its own items, prices and lifecycle defaults. */
public enum Business {
    SCENIC, GYM, SHOP;

    public static Business parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "scenic", "景区" -> SCENIC;
            case "gym", "健身房" -> GYM;
            case "shop", "门店", "商店" -> SHOP;
            default -> throw new IllegalArgumentException("business must be scenic, gym or shop, not '" + text + "'");
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.memberdesk.coupons.print;

import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a coupon list or slips are printed on: A4 sheets, or 80 mm thermal receipt paper. */
public enum Paper {
    A4("a4", PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight(), 36),
    /** 80 mm roll (about 72 mm printable); cut into 297 mm pages so a long list stays one file of pages. */
    RECEIPT_80MM("80mm", mm(80), mm(297), mm(4));

    private final String code;
    private final float width;
    private final float height;
    private final float margin;

    Paper(String code, float width, float height, float margin) {
        this.code = code;
        this.width = width;
        this.height = height;
        this.margin = margin;
    }

    public String code() {
        return code;
    }

    float width() {
        return width;
    }

    float height() {
        return height;
    }

    float margin() {
        return margin;
    }

    static float mm(float millimetres) {
        return millimetres / 25.4f * 72f;
    }

    public static Paper parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Paper paper : values()) {
            if (paper.code.equals(wanted)) {
                return paper;
            }
        }
        throw new IllegalArgumentException("paper must be a4 or 80mm, not '" + text + "'");
    }
}

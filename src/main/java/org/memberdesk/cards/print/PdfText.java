package org.memberdesk.cards.print;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.memberdesk.pdf.CjkFont;

/** Text and rules on a card or list page, in the embedded Chinese font. */
final class PdfText {
    static final Color GREY = new Color(0x666666);
    static final Color RULE = new Color(0xBBBBBB);
    static final Color SHADE = new Color(0xF3F3F3);

    private PdfText() {
    }

    /** One mm in PDF points. */
    static float mm(float millimetres) {
        return millimetres / 25.4f * 72f;
    }

    /** Shows already printable text with its baseline starting at (x, y). */
    static void show(PDPageContentStream content, CjkFont font, String printable, float size, float x, float y,
                     Color color) throws IOException {
        if (printable == null || printable.isEmpty()) {
            return;
        }
        content.setNonStrokingColor(color);
        content.beginText();
        content.setFont(font.font(), size);
        content.newLineAtOffset(x, y);
        content.showText(printable);
        content.endText();
    }

    static void rule(PDPageContentStream content, Color color, float width, float x1, float y, float x2)
            throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(width);
        content.moveTo(x1, y);
        content.lineTo(x2, y);
        content.stroke();
    }
}

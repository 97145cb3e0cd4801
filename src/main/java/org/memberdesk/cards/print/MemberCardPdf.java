package org.memberdesk.cards.print;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.memberdesk.io.pdf.Barcodes;
import org.memberdesk.io.pdf.CjkFont;

/**
 * Member cards on card size (ISO/IEC 7810 ID-1, 85.6 × 54 mm), one per page, for a card printer or cutting out:
 * the shop's name, the member's name and number, the cards they hold in one line, and the member number twice —
 * as a QR code (phone-camera and 2D scanners) and as Code128 (the laser scanners most counters have). The
 * counter and check-in take the member number a scanner types in.
 */
final class MemberCardPdf {
    static final float WIDTH = PdfText.mm(85.6f);
    static final float HEIGHT = PdfText.mm(54f);

    /** What one card shows; {@code summary} is up to two lines. */
    record Face(String memberNo, String name, List<String> summary) {
    }

    private static final float MARGIN = 10;
    private static final float QR = 58;
    /** Room right of the QR code: four modules of quiet zone for a 21-module code of 58 pt. */
    private static final float QR_RIGHT = 13;
    private static final float BARCODE_WIDTH = 180;

    /** The shop's name, or "" when none was given (the title then stands alone). */
    private final String shopName;
    private final String title;

    MemberCardPdf(String shopName, String title) {
        this.shopName = shopName;
        this.title = title;
    }

    void write(List<Face> faces, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.load(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(shopName.isEmpty() ? title : shopName + " — " + title);
            info.setCreator("MemberDesk");
            for (Face face : faces) {
                PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    card(content, font, face);
                }
            }
            document.save(out);
        }
    }

    private void card(PDPageContentStream content, CjkFont font, Face face) throws IOException {
        float right = WIDTH - MARGIN;
        float headline = HEIGHT - MARGIN - 10;
        if (shopName.isEmpty()) {
            PdfText.show(content, font, font.fit(title, 10, right - MARGIN), 10, MARGIN, headline, Color.BLACK);
        } else {
            String kind = font.printable(title);
            float kindWidth = font.width(kind, 8);
            PdfText.show(content, font, font.fit(shopName, 10, right - MARGIN - kindWidth - 8), 10, MARGIN,
                    headline, Color.BLACK);
            PdfText.show(content, font, kind, 8, right - kindWidth, headline, PdfText.GREY);
        }
        PdfText.rule(content, PdfText.RULE, 0.6f, MARGIN, HEIGHT - MARGIN - 15, right);
        float qrX = WIDTH - QR_RIGHT - QR;
        float qrY = HEIGHT - MARGIN - 15 - 10 - QR;
        float textWidth = qrX - MARGIN - 6;
        PdfText.show(content, font, font.fit(face.name(), 14, textWidth), 14, MARGIN, 98, Color.BLACK);
        PdfText.show(content, font, font.fit(face.memberNo(), 10, textWidth), 10, MARGIN, 82, Color.BLACK);
        float line = 68;
        for (String summary : face.summary()) {
            PdfText.show(content, font, font.fit(summary, 7, textWidth), 7, MARGIN, line, PdfText.GREY);
            line -= 9;
        }
        content.setNonStrokingColor(Color.BLACK);
        Barcodes.drawQr(content, face.memberNo(), qrX, qrY, QR);
        // centred, so the margins on both sides are the quiet zone a laser scanner needs
        Barcodes.drawCode128(content, face.memberNo(), (WIDTH - BARCODE_WIDTH) / 2, 10, BARCODE_WIDTH, 32);
    }
}

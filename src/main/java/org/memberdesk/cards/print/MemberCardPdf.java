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
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.memberdesk.pdf.Barcodes;
import org.memberdesk.pdf.CjkFont;

/**
 * Member cards on card size (ISO/IEC 7810 ID-1, 85.6 × 54 mm), one per page, for a card printer or cutting out:
 * the shop's name, the member's name and number, the cards they hold in one line, and the member number twice —
 * as a QR code (phone-camera and 2D scanners) and as Code128 (the laser scanners most counters have). The
 * counter and check-in take the member number a scanner types in.
 */
final class MemberCardPdf {
    static final float WIDTH = PdfText.mm(85.6f);
    static final float HEIGHT = PdfText.mm(54f);

    /** What one card shows; {@code summary} is up to two lines; {@code photo} a JPEG, or null. */
    record Face(String memberNo, String name, List<String> summary, byte[] photo) {
    }

    private static final float MARGIN = 10;
    private static final float QR = 58;
    /** Room right of the QR code: four modules of quiet zone for a 21-module code of 58 pt. */
    private static final float QR_RIGHT = 13;
    private static final float BARCODE_WIDTH = 180;
    /** The photo's box, 3:4 like a passport picture, left under the header. */
    private static final float PHOTO_WIDTH = 36;
    private static final float PHOTO_HEIGHT = 48;

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
                    card(document, content, font, face);
                }
            }
            font.save(document, out);
        }
    }

    private void card(PDDocument document, PDPageContentStream content, CjkFont font, Face face)
            throws IOException {
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
        float nameX = MARGIN;
        float line = 68;
        if (face.photo() != null) {
            // the holder's face, against lending the card: name and number beside it, the cards below it
            float photoTop = HEIGHT - MARGIN - 15 - 10;
            photo(document, content, face.photo(), MARGIN, photoTop - PHOTO_HEIGHT);
            nameX = MARGIN + PHOTO_WIDTH + 6;
            line = 60;
        }
        PdfText.show(content, font, font.fit(face.name(), 14, qrX - nameX - 6), 14, nameX, 98, Color.BLACK);
        PdfText.show(content, font, font.fit(face.memberNo(), 10, qrX - nameX - 6), 10, nameX, 82, Color.BLACK);
        for (String summary : face.summary()) {
            PdfText.show(content, font, font.fit(summary, 7, textWidth), 7, MARGIN, line, PdfText.GREY);
            line -= 9;
        }
        content.setNonStrokingColor(Color.BLACK);
        Barcodes.drawQr(content, face.memberNo(), qrX, qrY, QR);
        // centred, so the margins on both sides are the quiet zone a laser scanner needs
        Barcodes.drawCode128(content, face.memberNo(), (WIDTH - BARCODE_WIDTH) / 2, 10, BARCODE_WIDTH, 32);
    }

    /** The photo fitted into its box, its proportions kept, centred. */
    private static void photo(PDDocument document, PDPageContentStream content, byte[] jpeg, float x, float y)
            throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, jpeg, "photo");
        float scale = Math.min(PHOTO_WIDTH / image.getWidth(), PHOTO_HEIGHT / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        content.drawImage(image, x + (PHOTO_WIDTH - w) / 2, y + (PHOTO_HEIGHT - h) / 2, w, h);
    }
}

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
import org.memberdesk.cards.CardReports;
import org.memberdesk.common.Messages;
import org.memberdesk.pdf.CjkFont;
import org.memberdesk.members.Phones;

/**
 * The 续费提醒 list on A4, like the coupon list: a header (title with the as-of day and the days ahead, the shop,
 * the print time, page X / Y), then one row per card ending soon — member number, name, the phone MASKED (the
 * sheet lies on the counter), the card, its last day, sessions left, days left. Rows are shaded alternately.
 */
final class ExpiringPdf {
    /** What the header says. */
    record Heading(String title, String shop, String printed) {
    }

    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float MARGIN = 36;
    private static final float HEADER = 52;
    private static final float TABLE_HEADER = 16;
    private static final float ROW = 20;
    private static final String[] COLUMNS = {"no", "memberNo", "name", "phone", "product", "validTo", "sessionsLeft",
        "daysLeft"};
    // x and width of each column, from the left margin to 559 (A4 width − margin)
    private static final float[] X = {36, 62, 132, 212, 282, 400, 462, 514};
    private static final float[] W = {24, 68, 78, 68, 116, 60, 48, 45};

    private final Messages messages;
    private final Heading heading;

    ExpiringPdf(Messages messages, Heading heading) {
        this.messages = messages;
        this.heading = heading;
    }

    void write(List<CardReports.Expiring> rows, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.load(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(heading.title());
            info.setCreator("MemberDesk");
            float top = PAGE_HEIGHT - MARGIN - HEADER;
            int perPage = (int) ((top - MARGIN - TABLE_HEADER) / ROW);
            int pages = Math.max(1, (rows.size() + perPage - 1) / perPage);
            for (int page = 0; page < pages; page++) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    header(content, font, page + 1, pages);
                    float y = tableHeader(content, font, top);
                    if (rows.isEmpty()) {
                        PdfText.show(content, font, font.printable(messages.get("card.print.expiring.none")), 10,
                                MARGIN, y - 16, PdfText.GREY);
                    }
                    int end = Math.min(rows.size(), (page + 1) * perPage);
                    for (int i = page * perPage; i < end; i++) {
                        row(content, font, i + 1, rows.get(i), y);
                        y -= ROW;
                    }
                }
            }
            font.save(document, out);
        }
    }

    private void header(PDPageContentStream content, CjkFont font, int page, int pages) throws IOException {
        float right = PAGE_WIDTH - MARGIN;
        float y = PAGE_HEIGHT - MARGIN;
        String pageText = font.printable(messages.get("coupon.print.page", page, pages));
        float pageWidth = font.width(pageText, 8.5f);
        PdfText.show(content, font, font.fit(heading.title(), 14, right - MARGIN - pageWidth - 12), 14, MARGIN,
                y - 14, Color.BLACK);
        PdfText.show(content, font, pageText, 8.5f, right - pageWidth, y - 14, PdfText.GREY);
        float line = y - 30;
        if (!heading.shop().isEmpty()) {
            PdfText.show(content, font, font.fit(heading.shop(), 9.5f, right - MARGIN), 9.5f, MARGIN, line,
                    Color.BLACK);
            line -= 12;
        }
        PdfText.show(content, font, font.printable(messages.get("coupon.print.printed", heading.printed())), 8.5f,
                MARGIN, line, PdfText.GREY);
        PdfText.rule(content, Color.BLACK, 0.8f, MARGIN, PAGE_HEIGHT - MARGIN - HEADER + 4, right);
    }

    private float tableHeader(PDPageContentStream content, CjkFont font, float y) throws IOException {
        for (int i = 0; i < COLUMNS.length; i++) {
            String label = messages.get("card.print.expiring.col." + COLUMNS[i]);
            PdfText.show(content, font, font.fit(label, 8, W[i]), 8, X[i], y - 11, PdfText.GREY);
        }
        PdfText.rule(content, PdfText.RULE, 0.5f, MARGIN, y - TABLE_HEADER, PAGE_WIDTH - MARGIN);
        return y - TABLE_HEADER;
    }

    private void row(PDPageContentStream content, CjkFont font, int number, CardReports.Expiring card, float top)
            throws IOException {
        float bottom = top - ROW;
        if (number % 2 == 0) {
            content.setNonStrokingColor(PdfText.SHADE);
            content.addRect(MARGIN, bottom, PAGE_WIDTH - 2 * MARGIN, ROW);
            content.fill();
        }
        float baseline = bottom + 7;
        String[] cells = {Integer.toString(number), card.memberNo(), card.name(), Phones.mask(card.phone()),
            card.product(), card.validTo().toString(),
            card.sessionsLeft() == null ? "" : card.sessionsLeft().toString(), Long.toString(card.daysLeft())};
        for (int i = 0; i < cells.length; i++) {
            float size = i == 2 ? 10 : 9;
            PdfText.show(content, font, font.fit(cells[i], size, W[i]), size, X[i], baseline,
                    i == 0 ? PdfText.GREY : Color.BLACK);
        }
    }
}

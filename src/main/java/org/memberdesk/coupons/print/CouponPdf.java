package org.memberdesk.coupons.print;

import org.memberdesk.common.Progress;
import org.memberdesk.pdf.Barcodes;
import org.memberdesk.pdf.CjkFont;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.memberdesk.common.Messages;

/**
 * Lays out coupon PDFs: the staff list (one row per member: name, masked phone, tier, code with a
 * Code128 barcode, expiry) and the per-member slips (with a QR code), on A4 or 80 mm receipt paper.
 * Every page has a header with the campaign's name, the coupon, the print date and "page X / Y".
 */
final class CouponPdf {
    /** What the header says. */
    record Heading(String campaign, String coupon, String conditions, String printed, java.time.LocalDate today) {
    }

    private static final Color GREY = new Color(0x666666);
    private static final Color RULE = new Color(0xBBBBBB);
    private static final Color SHADE = new Color(0xF3F3F3);
    private static final int PROGRESS_EVERY = 100;

    private final Messages messages;
    private final Paper paper;
    private final Heading heading;
    private final Progress progress;

    CouponPdf(Messages messages, Paper paper, Heading heading, Progress progress) {
        this.messages = messages;
        this.paper = paper;
        this.heading = heading;
        this.progress = progress;
    }

    /** Writes the staff list; throws {@link CancellationException} when the person cancels. */
    void writeList(List<PrintRow> rows, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.load(document)) {
            describe(document, messages.get("coupon.print.listTitle"));
            Layout layout = paper == Paper.A4 ? new A4List(font) : new ReceiptList(font);
            float top = paper.height() - paper.margin() - headerHeight();
            int perPage = Math.max(1, (int) ((top - paper.margin() - layout.tableHeaderHeight()) / layout.rowHeight()));
            int pages = Math.max(1, (rows.size() + perPage - 1) / perPage);
            for (int page = 0; page < pages; page++) {
                PDPage pdPage = new PDPage(new PDRectangle(paper.width(), paper.height()));
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    header(content, font, paper.width(), paper.height(), messages.get("coupon.print.listTitle"),
                            page + 1, pages);
                    float y = top;
                    y = layout.tableHeader(content, y);
                    int end = Math.min(rows.size(), (page + 1) * perPage);
                    for (int i = page * perPage; i < end; i++) {
                        layout.row(content, i + 1, rows.get(i), y);
                        y -= layout.rowHeight();
                        tick(i + 1, rows.size());
                    }
                }
            }
            checkCancelled();
            font.save(document, out);
        }
        progress.report(rows.size(), rows.size());
    }

    /** Writes one slip per member: 8 to an A4 sheet (with cut lines), one per 80 mm receipt. */
    void writeSlips(List<PrintRow> rows, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.load(document)) {
            describe(document, messages.get("coupon.print.slipTitle"));
            boolean a4 = paper == Paper.A4;
            float pageHeight = a4 ? paper.height() : Paper.mm(120);
            int columns = a4 ? 2 : 1;
            int rowsPerPage = a4 ? 4 : 1;
            int perPage = columns * rowsPerPage;
            int pages = Math.max(1, (rows.size() + perPage - 1) / perPage);
            float margin = paper.margin();
            float top = pageHeight - margin - headerHeight();
            float cellWidth = (paper.width() - 2 * margin) / columns;
            float cellHeight = (top - margin) / rowsPerPage;
            for (int page = 0; page < pages; page++) {
                PDPage pdPage = new PDPage(new PDRectangle(paper.width(), pageHeight));
                document.addPage(pdPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
                    header(content, font, paper.width(), pageHeight, messages.get("coupon.print.slipTitle"),
                            page + 1, pages);
                    int end = Math.min(rows.size(), (page + 1) * perPage);
                    for (int i = page * perPage; i < end; i++) {
                        int slot = i - page * perPage;
                        float x = margin + (slot % columns) * cellWidth;
                        float y = top - (slot / columns + 1) * cellHeight;
                        slip(content, font, rows.get(i), x, y, cellWidth, cellHeight, a4);
                        tick(i + 1, rows.size());
                    }
                }
            }
            checkCancelled();
            font.save(document, out);
        }
        progress.report(rows.size(), rows.size());
    }

    private void tick(int done, int total) {
        if (done % PROGRESS_EVERY == 0) {
            checkCancelled();
            progress.report(done, total);
        }
    }

    private void checkCancelled() {
        if (progress.cancelled()) {
            throw new CancellationException("printing cancelled");
        }
    }

    private void describe(PDDocument document, String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(heading.campaign() + " — " + title);
        info.setCreator("MemberDesk");
    }

    private float headerHeight() {
        return paper == Paper.A4 ? 46 : 52;
    }

    private void header(PDPageContentStream content, CjkFont font, float width, float height, String title, int page,
                        int pages) throws IOException {
        float margin = paper.margin();
        float right = width - margin;
        float y = height - margin;
        boolean a4 = paper == Paper.A4;
        float big = a4 ? 14 : 11;
        float small = a4 ? 8.5f : 7.5f;
        String pageText = font.printable(messages.get("coupon.print.page", page, pages));
        float pageWidth = font.width(pageText, small);
        text(content, font, font.fit(heading.campaign(), big, right - margin - (a4 ? pageWidth + 12 : 0)), big,
                margin, y - big, Color.BLACK);
        if (a4) {
            text(content, font, pageText, small, right - pageWidth, y - big, GREY);
        }
        String line2 = title + " · " + heading.coupon() + (heading.conditions().isEmpty() ? ""
                : " · " + heading.conditions());
        text(content, font, font.fit(line2, small + 1, right - margin), small + 1, margin, y - big - 14, Color.BLACK);
        String line3 = messages.get("coupon.print.printed", heading.printed());
        text(content, font, font.printable(line3), small, margin, y - big - 26, GREY);
        if (!a4) {
            text(content, font, pageText, small, right - pageWidth, y - big - 26, GREY);
        }
        float ruleY = height - margin - headerHeight() + 4;
        content.setStrokingColor(Color.BLACK);
        content.setLineWidth(0.8f);
        content.moveTo(margin, ruleY);
        content.lineTo(right, ruleY);
        content.stroke();
    }

    static void text(PDPageContentStream content, CjkFont font, String printable, float size, float x, float y,
                     Color color) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        content.setNonStrokingColor(color);
        content.beginText();
        content.setFont(font.font(), size);
        content.newLineAtOffset(x, y);
        content.showText(printable);
        content.endText();
    }

    /** A list's table: its column header and rows. */
    private interface Layout {
        float tableHeaderHeight();

        float rowHeight();

        float tableHeader(PDPageContentStream content, float y) throws IOException;

        void row(PDPageContentStream content, int number, PrintRow row, float top) throws IOException;
    }

    /** A4: a table of columns; rows shaded alternately so the eye keeps its line. */
    private final class A4List implements Layout {
        private final CjkFont font;
        // x and width of: no., member no., name, phone, tier, code, barcode, valid to, state (with the day used)
        private final float[] x = {36, 60, 122, 196, 260, 298, 358, 458, 506};
        private final float[] w = {22, 60, 72, 62, 36, 58, 96, 46, 53};

        A4List(CjkFont font) {
            this.font = font;
        }

        @Override
        public float tableHeaderHeight() {
            return 16;
        }

        @Override
        public float rowHeight() {
            return 30;
        }

        @Override
        public float tableHeader(PDPageContentStream content, float y) throws IOException {
            String[] keys = {"no", "memberNo", "name", "phone", "tier", "code", "barcode", "validTo", "state"};
            for (int i = 0; i < keys.length; i++) {
                text(content, font, font.fit(messages.get("coupon.print.col." + keys[i]), 8, w[i]), 8, x[i], y - 11,
                        GREY);
            }
            content.setStrokingColor(RULE);
            content.setLineWidth(0.5f);
            content.moveTo(36, y - tableHeaderHeight());
            content.lineTo(559, y - tableHeaderHeight());
            content.stroke();
            return y - tableHeaderHeight();
        }

        @Override
        public void row(PDPageContentStream content, int number, PrintRow row, float top) throws IOException {
            float bottom = top - rowHeight();
            if (number % 2 == 0) {
                content.setNonStrokingColor(SHADE);
                content.addRect(36, bottom, 523, rowHeight());
                content.fill();
            }
            float baseline = bottom + 11;
            text(content, font, Integer.toString(number), 8, x[0], baseline, GREY);
            text(content, font, font.fit(row.memberNo(), 9, w[1]), 9, x[1], baseline, Color.BLACK);
            text(content, font, font.fit(row.name(), 10, w[2]), 10, x[2], baseline, Color.BLACK);
            text(content, font, font.fit(row.maskedPhone(), 9, w[3]), 9, x[3], baseline, Color.BLACK);
            text(content, font, font.fit(row.tier() == null ? "" : row.tier(), 9, w[4]), 9, x[4], baseline,
                    Color.BLACK);
            text(content, font, row.code(), 10, x[5], baseline, Color.BLACK);
            content.setNonStrokingColor(Color.BLACK);
            Barcodes.drawCode128(content, row.code(), x[6], bottom + 5, w[6], rowHeight() - 10);
            text(content, font, row.validTo().toString(), 8, x[7], baseline, Color.BLACK);
            // the state above, the day it was used below it: a list printed after the campaign shows what came back
            text(content, font, font.fit(state(row), 8.5f, w[8]), 8.5f, x[8], baseline + 4, Color.BLACK);
            if (row.usedOn() != null) {
                text(content, font, row.usedOn().toString(), 7, x[8], baseline - 6, GREY);
            }
        }
    }

    /** 80 mm: one block per member, the barcode across the paper so a handheld scanner reads it easily. */
    private final class ReceiptList implements Layout {
        private final CjkFont font;

        ReceiptList(CjkFont font) {
            this.font = font;
        }

        @Override
        public float tableHeaderHeight() {
            return 0;
        }

        @Override
        public float rowHeight() {
            return 84;
        }

        @Override
        public float tableHeader(PDPageContentStream content, float y) {
            return y;
        }

        @Override
        public void row(PDPageContentStream content, int number, PrintRow row, float top) throws IOException {
            float left = paper.margin();
            float right = paper.width() - paper.margin();
            float width = right - left;
            String tier = row.tier() == null ? "" : "  " + row.tier();
            String who = number + ". " + row.name() + "  " + row.maskedPhone() + tier;
            text(content, font, font.fit(who, 10, width), 10, left, top - 13, Color.BLACK);
            text(content, font, font.fit(row.memberNo(), 8, width / 2), 8, left, top - 25, GREY);
            String valid = font.printable(messages.get("coupon.print.validTo", row.validTo().toString()) + " · "
                    + state(row) + (row.usedOn() == null ? "" : " " + row.usedOn()));
            text(content, font, valid, 8, right - font.width(valid, 8), top - 25, GREY);
            text(content, font, row.code(), 13, left, top - 41, Color.BLACK);
            content.setNonStrokingColor(Color.BLACK);
            Barcodes.drawCode128(content, row.code(), left, top - 76, Math.min(width, 190), 30);
            content.setStrokingColor(RULE);
            content.setLineWidth(0.5f);
            content.setLineDashPattern(new float[] {2, 2}, 0);
            content.moveTo(left, top - rowHeight() + 2);
            content.lineTo(right, top - rowHeight() + 2);
            content.stroke();
            content.setLineDashPattern(new float[] {}, 0);
        }
    }

    /** The coupon's state on the day printed, in the words the Coupons screen uses (未使用 … 已使用, 已过期). */
    private String state(PrintRow row) {
        return messages.get("coupons.state." + row.state(heading.today()).name().toLowerCase(java.util.Locale.ROOT));
    }

    private void slip(PDPageContentStream content, CjkFont font, PrintRow row, float x, float y, float width,
                      float height, boolean a4) throws IOException {
        content.setStrokingColor(RULE);
        content.setLineWidth(0.5f);
        content.setLineDashPattern(new float[] {3, 3}, 0);
        content.addRect(x, y, width, height);
        content.stroke();
        content.setLineDashPattern(new float[] {}, 0);
        float pad = a4 ? 12 : 6;
        float qr = Math.min(a4 ? 84 : 96, height - 2 * pad);
        float left = x + pad;
        float top = y + height - pad;
        float textWidth = a4 ? width - 3 * pad - qr : width - 2 * pad;
        text(content, font, font.fit(heading.campaign(), 10, textWidth), 10, left, top - 10, GREY);
        text(content, font, font.fit(heading.coupon(), 17, textWidth), 17, left, top - 33, Color.BLACK);
        text(content, font, font.fit(heading.conditions(), 8, textWidth), 8, left, top - 48, GREY);
        String who = row.name() + "  " + row.maskedPhone() + (row.tier() == null ? "" : "  " + row.tier());
        text(content, font, font.fit(who, 10, textWidth), 10, left, top - 66, Color.BLACK);
        text(content, font, row.code(), 16, left, top - 88, Color.BLACK);
        String valid = messages.get("coupon.print.validRange", row.validFrom().toString(), row.validTo().toString());
        text(content, font, font.fit(valid, 8, textWidth), 8, left, top - 102, GREY);
        text(content, font, font.fit(messages.get("coupon.print.showAtCounter"), 8, textWidth), 8, left, top - 114,
                GREY);
        content.setNonStrokingColor(Color.BLACK);
        if (a4) {
            Barcodes.drawQr(content, row.code(), x + width - pad - qr, top - qr, qr);
            // a Code128 too, for counters whose scanner reads only barcodes
            Barcodes.drawCode128(content, row.code(), left, y + pad, Math.min(150, width - 2 * pad), 26);
        } else {
            Barcodes.drawQr(content, row.code(), x + (width - qr) / 2, y + pad, qr);
        }
    }
}

package org.memberdesk.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.fonts.BundledFont;

/** The PDFs' font: the app's own unless the shop names one, and text that copies as printed. */
class CjkFontTest {
    /** 力 身 页 are drawn with the same glyphs as the radicals ⼒ ⾝ ⻚ in Noto Sans SC. */
    private static final String TEXT = "活力健身 会员卡 第 1 / 1 页 Member card ¥1,280.00";

    @TempDir
    Path folder;

    @AfterEach
    void forget() {
        System.clearProperty(CjkFont.PROPERTY);
    }

    private Path write(String text) throws IOException {
        Path pdf = folder.resolve("one.pdf");
        try (PDDocument document = new PDDocument(); CjkFont font = CjkFont.load(document);
             OutputStream out = Files.newOutputStream(pdf)) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font.font(), 12);
                content.newLineAtOffset(40, 700);
                content.showText(font.printable(text));
                content.endText();
            }
            font.save(document, out);
        }
        return pdf;
    }

    private static String extracted(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).strip();
        }
    }

    @Test
    void finding1_withNoFontChosenThePdfEmbedsTheAppsFontAndCopiesAsPrinted() throws IOException {
        Path pdf = write(TEXT);
        // not "活⼒健⾝ … ⻚": PDFBox alone maps the shared glyphs to the radicals
        assertEquals(TEXT, extracted(pdf));
        PdfGlyphs.assertEveryCharacterHasAGlyph(pdf, List.of(TEXT));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            var font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            // a subset: "ABCDEF+NotoSansSC-Regular"
            assertTrue(font.getName().endsWith("+NotoSansSC-Regular"), font.getName());
        }
        // the subset keeps the PDF small: the whole font is 10.5 MB
        assertTrue(Files.size(pdf) < 60_000, Files.size(pdf) + " bytes");
    }

    @Test
    void finding1_aShopsOwnFontIsUsedWhenNamedAndAMissingOneStopsThePrinting() throws IOException {
        Path own = folder.resolve("own.ttf");
        try (var in = BundledFont.open()) {
            Files.copy(in, own);
        }
        System.setProperty(CjkFont.PROPERTY, own.toString());
        assertEquals(TEXT, extracted(write(TEXT)));

        System.setProperty(CjkFont.PROPERTY, folder.resolve("gone.ttf").toString());
        CjkFont.MissingFontException refused = assertThrows(CjkFont.MissingFontException.class, () -> write(TEXT));
        assertTrue(refused.getMessage().contains("gone.ttf"), refused.getMessage());
    }
}

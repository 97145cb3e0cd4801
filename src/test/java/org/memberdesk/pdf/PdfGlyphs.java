package org.memberdesk.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Checks a PDF MemberDesk wrote has a real glyph for every character of the texts a reader must see: each
 * text is in the PDF's text (copied as printed: no □ put in for a missing glyph, no radical for an ideograph),
 * and each of its characters is drawn with a glyph of the font embedded in the PDF itself — not glyph 0 (the
 * "missing" box) and with an outline — so the page does not depend on the fonts of the computer that opens it.
 */
public final class PdfGlyphs {
    private PdfGlyphs() {
    }

    /** One character as shown on a page: its text, the font and the glyph drawn for it. */
    private record Shown(String unicode, PDFont font, int code) {
    }

    public static void assertEveryCharacterHasAGlyph(Path pdf, List<String> texts) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Shown> shown = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    super.processTextPosition(text);
                    shown.add(new Shown(text.getUnicode(), text.getFont(), text.getCharacterCodes()[0]));
                }
            };
            String all = stripper.getText(document);
            assertFalse(all.contains("\u25A1"), "a character was printed as □ (no glyph): " + all);
            for (String text : texts) {
                assertTrue(all.replaceAll("\\s+", " ").contains(text.replaceAll("\\s+", " ")),
                        "\"" + text + "\" is not in the PDF's text:\n" + all);
                for (int c : text.codePoints().filter(c -> !Character.isWhitespace(c)).toArray()) {
                    String character = new String(Character.toChars(c));
                    Shown first = shown.stream().filter(s -> character.equals(s.unicode())).findFirst().orElseThrow();
                    assertTrue(first.font().isEmbedded(), first.font().getName() + " is not embedded");
                    PDCIDFontType2 embedded = (PDCIDFontType2) ((PDType0Font) first.font()).getDescendantFont();
                    int glyph = embedded.codeToGID(first.code());
                    assertTrue(glyph != 0, "'" + character + "' of \"" + text + "\" is drawn as the missing glyph");
                    assertFalse(embedded.getPath(first.code()).getBounds2D().isEmpty(),
                            "'" + character + "' of \"" + text + "\" has an empty glyph in the embedded font");
                }
            }
        }
    }
}

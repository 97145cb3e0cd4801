package org.memberdesk.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The ToUnicode map of a subset font (which character each glyph of the PDF is: what copying, searching and
 * reading aloud see), with the CJK radicals PDFBox chose put back to the ideographs they share a glyph with.
 * Only the two radical blocks are affected: for any other glyph with several characters (a space and a no-break
 * space) PDFBox's choice of the lowest is the common one.
 */
final class ToUnicodeMap {
    /** CJK Radicals Supplement and Kangxi Radicals: U+2E80 to U+2FDF. */
    private static final int RADICALS_FROM = 0x2E80;
    private static final int RADICALS_TO = 0x2FDF;
    /** A CMap's bfchar block holds at most 100 entries. */
    private static final int BLOCK = 100;

    private ToUnicodeMap() {
    }

    /** Rewrites the subset font's ToUnicode map (call after PDFBox subset it) with ideographs for radicals. */
    static void correct(PDDocument document, PDType0Font font, CmapLookup cmap, int glyphs) throws IOException {
        // the map the subset wrote: two-byte code (= the glyph's id in the whole font) → text
        if (!(font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
            return;
        }
        CMap written;
        try (InputStream decoded = stream.createInputStream();
             RandomAccessRead in = new RandomAccessReadBuffer(decoded)) {
            written = new CMapParser().parse(in);
        }
        Map<Integer, String> characters = new TreeMap<>();
        boolean changed = false;
        for (int code = 1; code < glyphs; code++) {
            String text = written.toUnicode(code, 2);
            if (text == null) {
                continue;
            }
            String ideograph = ideograph(code, text, cmap);
            changed |= !ideograph.equals(text);
            characters.put(code, ideograph);
        }
        if (changed) {
            byte[] map = cmap(characters).getBytes(StandardCharsets.US_ASCII);
            font.getCOSObject().setItem(COSName.TO_UNICODE,
                    new PDStream(document, new ByteArrayInputStream(map), COSName.FLATE_DECODE));
        }
    }

    /** A radical's ideograph: the character outside the radical blocks that the font draws with this glyph. */
    private static String ideograph(int glyph, String text, CmapLookup cmap) {
        if (text.codePointCount(0, text.length()) != 1 || !radical(text.codePointAt(0))) {
            return text;
        }
        List<Integer> all = cmap.getCharCodes(glyph);
        if (all != null) {
            for (int character : all) {
                if (!radical(character)) {
                    return new String(Character.toChars(character));
                }
            }
        }
        return text;
    }

    private static boolean radical(int character) {
        return character >= RADICALS_FROM && character <= RADICALS_TO;
    }

    /** The map as a CMap program (PDF 32000 9.10.3): two-byte codes, UTF-16BE text. */
    private static String cmap(Map<Integer, String> characters) {
        StringBuilder out = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, String>> entries = List.copyOf(characters.entrySet());
        for (int from = 0; from < entries.size(); from += BLOCK) {
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(entries.size(), from + BLOCK));
            out.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : block) {
                out.append(String.format(Locale.ROOT, "<%04X> <", entry.getKey()));
                for (char unit : entry.getValue().toCharArray()) {
                    out.append(String.format(Locale.ROOT, "%04X", (int) unit));
                }
                out.append(">\n");
            }
            out.append("endbfchar\n");
        }
        out.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return out.toString();
    }
}

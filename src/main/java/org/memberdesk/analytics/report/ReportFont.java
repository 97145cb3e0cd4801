package org.memberdesk.analytics.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font embedded (as a subset) in the dashboard PDF, so the printout never depends on the
 * viewer's fonts. Maven Central publishes no CJK TrueType font PDFBox can embed (only CMaps and web
 * fonts), and bundling one adds 5–20 MB, so the font comes from the computer that writes the PDF: the
 * file named by {@code -Dmemberdesk.pdf.font} or {@code MEMBERDESK_PDF_FONT}, else the first of the
 * usual Chinese TrueType files on Linux (WenQuanYi Micro Hei, package fonts-wqy-microhei), Windows
 * (Microsoft YaHei, SimHei, SimSun) and macOS. Same lookup as the coupon printout.
 */
final class ReportFont implements Closeable {
    static final String PROPERTY = "memberdesk.pdf.font";
    static final String ENVIRONMENT = "MEMBERDESK_PDF_FONT";
    private static final List<String> KNOWN_FILES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/msyh.ttf",
            "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/STHeiti Medium.ttc",
            "/Library/Fonts/Arial Unicode.ttf");
    /** 会, as in 会员: a font without it is no use here. */
    private static final int PROBE = 0x4F1A;

    private final Closeable source;
    private final CmapLookup cmap;
    private final PDType0Font font;

    private ReportFont(Closeable source, CmapLookup cmap, PDType0Font font) {
        this.source = source;
        this.cmap = cmap;
        this.font = font;
    }

    /** Loads the font into a document; keep it open until the document is saved (subsetting happens then). */
    static ReportFont load(PDDocument document) throws IOException {
        List<String> tried = new ArrayList<>();
        for (Path file : candidates()) {
            if (Files.isRegularFile(file)) {
                tried.add(file.toString());
                ReportFont font = tryLoad(document, file);
                if (font != null) {
                    return font;
                }
            }
        }
        throw new IllegalStateException("No Chinese TrueType font found for the PDF (tried: "
                + (tried.isEmpty() ? "none of the usual places has one" : String.join(", ", tried))
                + "). Install fonts-wqy-microhei (Linux) or set " + ENVIRONMENT
                + " to a .ttf/.ttc file such as C:\\Windows\\Fonts\\msyh.ttc.");
    }

    private static List<Path> candidates() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv(ENVIRONMENT);
        }
        if (chosen != null && !chosen.isBlank()) {
            // a font the user named must not silently be replaced by another
            return List.of(Path.of(chosen.strip()));
        }
        List<Path> files = new ArrayList<>();
        String windows = System.getenv("WINDIR");
        if (windows != null) {
            files.add(Path.of(windows, "Fonts", "msyh.ttc"));
        }
        KNOWN_FILES.forEach(known -> files.add(Path.of(known)));
        return files;
    }

    private static ReportFont tryLoad(PDDocument document, Path file) {
        Closeable source = null;
        try {
            TrueTypeFont trueType;
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                source = collection;
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                trueType = first[0];
            } else {
                trueType = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                source = trueType;
            }
            CmapLookup cmap = trueType == null ? null : trueType.getUnicodeCmapLookup(false);
            if (cmap == null || cmap.getGlyphId(PROBE) == 0) {
                source.close();
                return null;
            }
            return new ReportFont(source, cmap, PDType0Font.load(document, trueType, true));
        } catch (IOException | RuntimeException e) {
            // CFF outlines (which PDFBox cannot embed) or a damaged file: try the next one
            try {
                if (source != null) {
                    source.close();
                }
            } catch (IOException ignored) {
                // nothing more to undo
            }
            return null;
        }
    }

    PDType0Font font() {
        return font;
    }

    /** The text with characters the font lacks shown as □ (a PDF cannot show what it has no glyph for). */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x20) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                out.append(cmap.getGlyphId(0x25A1) != 0 ? '\u25A1' : '?');
            }
        });
        return out.toString();
    }

    float width(String printable, float size) throws IOException {
        return font.getStringWidth(printable) / 1000f * size;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}

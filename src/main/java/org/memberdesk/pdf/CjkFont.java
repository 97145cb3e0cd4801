package org.memberdesk.pdf;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font embedded (as a subset: only the glyphs used) in every PDF MemberDesk writes —
 * coupon lists and slips, the dashboard report — so a printout never depends on the fonts of the
 * computer that opens it.
 *
 * <p>No CJK TrueType font is published on Maven Central (the CJK "font" artifacts there are CMaps
 * for non-embedded fonts, or web fonts PDFBox cannot embed), and a full CJK font would add 5–20 MB
 * to the app. So the font is taken from the computer that PRINTS: the file named by the
 * {@code memberdesk.pdf.font} system property or the {@code MEMBERDESK_PDF_FONT} environment
 * variable, else the first Chinese TrueType font found among the usual places on Linux
 * (WenQuanYi Micro Hei: package fonts-wqy-microhei, which CI installs), Windows (Microsoft YaHei,
 * SimHei, SimSun) and macOS. Without one, printing stops with a message saying what to install.
 */
public final class CjkFont implements Closeable {
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
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf");
    /** A character every usable font must have: 会 (as in 会员). */
    private static final int PROBE = 0x4F1A;

    private final Closeable source;
    private final CmapLookup cmap;
    private final PDType0Font font;
    private final Map<Integer, Boolean> hasGlyph = new HashMap<>();

    private CjkFont(Closeable source, CmapLookup cmap, PDType0Font font) {
        this.source = source;
        this.cmap = cmap;
        this.font = font;
    }

    /** Loads the font into a document; keep it open until the document is saved (subsetting happens then). */
    public static CjkFont load(PDDocument document) throws IOException {
        List<String> tried = new ArrayList<>();
        for (Path file : candidates()) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            tried.add(file.toString());
            CjkFont font = tryLoad(document, file.toFile());
            if (font != null) {
                return font;
            }
        }
        throw new MissingFontException(tried);
    }

    private static List<Path> candidates() {
        List<Path> files = new ArrayList<>();
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv(ENVIRONMENT);
        }
        if (chosen != null && !chosen.isBlank()) {
            // a named font that cannot be used must not silently fall back to another
            Path file = Path.of(chosen.strip());
            if (!Files.isRegularFile(file)) {
                throw new MissingFontException(List.of(file + " (named by " + PROPERTY + "/" + ENVIRONMENT
                        + ", but no such file)"));
            }
            return List.of(file);
        }
        String windows = System.getenv("WINDIR");
        if (windows != null) {
            files.add(Path.of(windows, "Fonts", "msyh.ttc"));
        }
        for (String known : KNOWN_FILES) {
            files.add(Path.of(known));
        }
        return files;
    }

    private static CjkFont tryLoad(PDDocument document, File file) {
        Closeable source = null;
        try {
            TrueTypeFont trueType;
            if (file.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                source = collection;
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                trueType = first[0];
            } else {
                trueType = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
                source = trueType;
            }
            if (trueType == null) {
                return null;
            }
            CmapLookup cmap = trueType.getUnicodeCmapLookup(false);
            if (cmap == null || cmap.getGlyphId(PROBE) == 0) {
                source.close();
                return null;
            }
            return new CjkFont(source, cmap, PDType0Font.load(document, trueType, true));
        } catch (IOException | RuntimeException e) {
            // an OpenType font with CFF outlines or a damaged file: try the next one
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

    public PDType0Font font() {
        return font;
    }

    /** The text with every character the font lacks (a rare name character, an emoji) shown as □. */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp < 0x20) {
                out.append(' ');
            } else if (hasGlyph.computeIfAbsent(cp, c -> cmap.getGlyphId(c) != 0)) {
                out.appendCodePoint(cp);
            } else {
                out.append(hasGlyph.computeIfAbsent(0x25A1, c -> cmap.getGlyphId(c) != 0) ? '\u25A1' : '?');
            }
        });
        return out.toString();
    }

    /** Width in points of already printable text at a size. */
    public float width(String printable, float size) throws IOException {
        return font.getStringWidth(printable) / 1000f * size;
    }

    /** The text cut (with …) to fit a width. */
    public String fit(String text, float size, float maxWidth) throws IOException {
        String printable = printable(text);
        if (width(printable, size) <= maxWidth) {
            return printable;
        }
        String ellipsis = printable("…");
        int end = printable.length();
        while (end > 0 && width(printable.substring(0, end) + ellipsis, size) > maxWidth) {
            end = printable.offsetByCodePoints(end, -1);
        }
        return printable.substring(0, end) + ellipsis;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** No Chinese font could be found; the message says where we looked and what to do. */
    static final class MissingFontException extends IllegalStateException {
        MissingFontException(List<String> tried) {
            super("No Chinese TrueType font found for the PDF (tried: "
                    + (tried.isEmpty() ? "none of the usual places has one" : String.join(", ", tried))
                    + "). Install fonts-wqy-microhei (Linux) or set " + ENVIRONMENT
                    + " to a .ttf/.ttc file such as C:\\Windows\\Fonts\\msyh.ttc.");
        }
    }
}

package org.memberdesk.pdf;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.memberdesk.fonts.BundledFont;

/**
 * The Chinese font embedded (as a subset: only the glyphs used) in every PDF MemberDesk writes —
 * coupon lists and slips, member cards, the renewal list, the dashboard report — so a printout never
 * depends on the fonts of the computer that makes it or opens it.
 *
 * <p>By default it is the font the app carries ({@link BundledFont}, Noto Sans SC), so the same data gives
 * the same PDF on every computer, with or without Chinese fonts of its own. A shop that wants its own
 * font names a TrueType file (.ttf, or the first font of a .ttc) in the {@code memberdesk.pdf.font} system
 * property or the {@code MEMBERDESK_PDF_FONT} environment variable; a named font that cannot be used stops
 * the printing with a message rather than silently printing in another font.
 */
public final class CjkFont implements Closeable {
    static final String PROPERTY = "memberdesk.pdf.font";
    static final String ENVIRONMENT = "MEMBERDESK_PDF_FONT";

    /**
     * Held so the level set below stays: FontBox warns "Format 14 cmap table is not supported" (variation
     * sequences, which no MemberDesk text uses) each time it reads Noto Sans SC, which put a line on the command
     * line's stderr for every PDF. Its errors still show.
     */
    private static final Logger CMAP_LOG = quiet(Logger.getLogger("org.apache.fontbox.ttf.CmapSubtable"));

    /** A character every usable font must have: 会 (as in 会员). */
    private static final int PROBE = 0x4F1A;

    private final Closeable source;
    private final CmapLookup cmap;
    private final int glyphs;
    private final PDType0Font font;
    private final Map<Integer, Boolean> hasGlyph = new HashMap<>();

    private CjkFont(Closeable source, TrueTypeFont trueType, PDType0Font font) throws IOException {
        this.source = source;
        this.cmap = trueType.getUnicodeCmapLookup(false);
        this.glyphs = trueType.getNumberOfGlyphs();
        this.font = font;
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /**
     * Loads the font into a document; keep it open until the document is saved with {@link #save} (subsetting
     * happens then).
     */
    public static CjkFont load(PDDocument document) throws IOException {
        String chosen = System.getProperty(PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv(ENVIRONMENT);
        }
        if (chosen == null || chosen.isBlank()) {
            return bundled(document);
        }
        Path file = Path.of(chosen.strip());
        if (!Files.isRegularFile(file)) {
            throw new MissingFontException(file + " (named by " + PROPERTY + "/" + ENVIRONMENT + ", but no such file)");
        }
        CjkFont font = tryLoad(document, file.toFile());
        if (font == null) {
            throw new MissingFontException(file + " (named by " + PROPERTY + "/" + ENVIRONMENT
                    + ", but not a TrueType font with Chinese characters)");
        }
        return font;
    }

    /** The app's own font, read from the jar into memory (PDFBox reads the tables it needs from there). */
    private static CjkFont bundled(PDDocument document) throws IOException {
        TrueTypeFont trueType;
        try (InputStream in = BundledFont.open()) {
            trueType = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        try {
            return new CjkFont(trueType, trueType, PDType0Font.load(document, trueType, true));
        } catch (IOException | RuntimeException e) {
            trueType.close();
            throw e;
        }
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
            return new CjkFont(source, trueType, PDType0Font.load(document, trueType, true));
        } catch (IOException | RuntimeException e) {
            // an OpenType font with CFF outlines or a damaged file
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

    /**
     * Writes the document: the font as a subset (the glyphs used), and a text layer that copies and searches as
     * printed. PDFBox maps each glyph back to the lowest character the font draws with it, and Noto Sans SC draws
     * 力 and the Kangxi radical ⼒ (U+2F12), 页 and ⻚ (U+2EDA)... with one glyph each, so copied text read
     * "活⼒健⾝" for 活力健身 (apache/pdfbox pull request 470). PDFBox subsets while saving, so the document is
     * first saved to nowhere, the font's ToUnicode map then corrected to the ideographs, and the document saved.
     */
    public void save(PDDocument document, OutputStream out) throws IOException {
        document.save(OutputStream.nullOutputStream(), CompressParameters.NO_COMPRESSION);
        ToUnicodeMap.correct(document, font, cmap, glyphs);
        document.save(out);
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

    /** The font the shop named cannot be used; the message says which and what to do. */
    static final class MissingFontException extends IllegalStateException {
        MissingFontException(String problem) {
            super("The PDF font cannot be used: " + problem + ". Name a .ttf/.ttc file with Chinese characters"
                    + " (such as C:\\Windows\\Fonts\\msyh.ttc), or unset " + ENVIRONMENT + " and " + PROPERTY
                    + " to print with the font MemberDesk carries.");
        }
    }
}

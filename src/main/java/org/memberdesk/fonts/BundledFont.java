package org.memberdesk.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The Chinese font MemberDesk carries in its own jar: Noto Sans SC Regular (SIL Open Font License 1.1; the
 * licence, the font's origin and its checksum are beside it, in {@code OFL.txt} and {@code README.md}). It has
 * Latin letters, digits and punctuation too, so one family draws every label of a chart or a PDF, on every
 * computer, whatever fonts it has — a computer with only a JDK has no Chinese font at all.
 *
 * <p>PDFs embed it (as a subset), charts draw with it (PNG, the PDF report, on screen), and the windows use
 * it where the computer has no Chinese font of its own.
 */
public final class BundledFont {
    /** The family name inside the font file: the name AWT and JavaFX know it by once it is loaded. */
    public static final String FAMILY = "Noto Sans SC";
    static final String RESOURCE = "/org/memberdesk/fonts/NotoSansSC-Regular.ttf";
    static final String LICENCE = "/org/memberdesk/fonts/OFL.txt";

    private BundledFont() {
    }

    /** The font file (TrueType), read from the jar; the caller closes it. */
    public static InputStream open() {
        return Objects.requireNonNull(BundledFont.class.getResourceAsStream(RESOURCE),
                "the app's font is missing from its jar: " + RESOURCE);
    }

    /** The font's licence (SIL OFL 1.1), which travels with it in the jar and the installers; the caller closes it. */
    public static InputStream openLicence() {
        return Objects.requireNonNull(BundledFont.class.getResourceAsStream(LICENCE),
                "the licence of the app's font is missing from its jar: " + LICENCE);
    }

    /**
     * The font for Java2D drawing (charts) at a style and size. The family is registered with the
     * GraphicsEnvironment too, so code that names it ({@code new Font(FAMILY, ...)}, JFreeChart's JavaFX viewer
     * mapping a chart's fonts by family) finds the same font. Bold is drawn by Java emboldening the regular.
     */
    public static Font awt(int style, float size) {
        return Registered.FONT.deriveFont(style, size);
    }

    /**
     * Reads and registers the font the first time a chart needs it (about half a second, most of it AWT's own
     * font set-up), then never again: the JVM runs a holder class's initialiser once, thread-safely, and
     * {@code FONT} is an immutable value after it — no mutable static state, and nothing read by the command
     * lines that draw no chart.
     */
    private static final class Registered {
        static final Font FONT = load();

        private static Font load() {
            try (InputStream in = open()) {
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                // false when the computer has a font of this name already: then that one answers to FAMILY,
                // which is the same font; the derived fonts above are ours either way
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("the app's font cannot be read: " + RESOURCE, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("the app's font is damaged: " + RESOURCE, e);
            }
        }
    }
}

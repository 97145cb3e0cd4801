package org.memberdesk.ui;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.memberdesk.fonts.BundledFont;

/**
 * How every MemberDesk window looks: the theme (AtlantaFX Primer Light), the app's stylesheet, and the fonts.
 * The one place the real window and the screen tests set a scene up, so the tests see what a shop sees.
 *
 * <p>Fonts: the font the app carries ({@link BundledFont}, Noto Sans SC) is loaded into JavaFX, so charts on
 * screen (JFreeChart's viewer asks JavaFX for the charts' font family by name) draw Chinese and English. A
 * computer without a Chinese font of its own (a fresh Linux has only DejaVu) would show every Chinese label
 * as boxes, so there the bundled family becomes the font of every window, dialogs included; elsewhere the
 * system's own font stays (Microsoft YaHei, PingFang, WenQuanYi... look native there).
 */
public final class AppLook {
    public static final String STYLESHEET = "/org/memberdesk/ui/app.css";
    /** {@code .root { -fx-font-family: "Noto Sans SC"; }}: only where the computer has no Chinese font. */
    static final String BUNDLED_FONT_STYLESHEET = "/org/memberdesk/ui/bundled-font.css";
    /**
     * Chinese font families a computer may have: Linux packages (Noto CJK, Source Han, WenQuanYi, Droid,
     * AR PL), Windows, macOS. Any of them means the system font already falls back to Chinese.
     */
    static final List<String> SYSTEM_CHINESE_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans CJK TC",
            "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN",
            "Microsoft YaHei", "Microsoft YaHei UI", "SimHei", "SimSun", "DengXian", "PingFang SC",
            "Hiragino Sans GB", "Heiti SC", "STHeiti", "Songti SC");

    private AppLook() {
    }

    /**
     * Starts loading the fonts on a thread of its own (about a third of a second: JavaFX copies the 10 MB font to
     * a temp file and reads it), so the window's frame and the database open meanwhile; {@link #style} waits for
     * what is left. Call once the JavaFX toolkit runs ({@code Application.init}).
     */
    public static void prepareFonts() {
        Thread loader = new Thread(Fonts::ready, "memberdesk-fonts");
        loader.setDaemon(true);
        loader.start();
    }

    /** The theme, the app's stylesheet and the fonts on a scene; on the JavaFX thread. */
    public static void style(Scene scene) {
        // the theme's binary form (AtlantaFX ships both): reading it costs a quarter of parsing the CSS
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        scene.getStylesheets().add(resource(STYLESHEET));
        // waits for prepareFonts' thread if it is still loading (the JVM lets one thread run a class's set-up)
        Fonts.ready();
        if (Fonts.BUNDLED_AS_UI_FONT) {
            Windows.watched();
            useBundledFont(scene);
        }
    }

    /** True when the windows are in the bundled font because the computer has no Chinese font. */
    public static boolean bundledFontIsTheUiFont() {
        Fonts.ready();
        return Fonts.BUNDLED_AS_UI_FONT;
    }

    private static String resource(String name) {
        return Objects.requireNonNull(AppLook.class.getResource(name), name).toExternalForm();
    }

    /**
     * The fonts, set up once per run, by {@link #prepareFonts}' thread or the first {@link #style}: the JVM runs a
     * holder class's initialiser exactly once, and its fields never change afterwards — no mutable static state.
     */
    private static final class Fonts {
        private static final Logger LOG = Logger.getLogger(AppLook.class.getName());
        static final boolean BUNDLED_AS_UI_FONT = !hasSystemChineseFont();

        static {
            load();
        }

        /** Nothing: touching the class runs its initialiser, once. */
        static void ready() {
        }

        /** Asked before the bundled font is loaded, which would list its own family among the installed. */
        private static boolean hasSystemChineseFont() {
            List<String> installed = Font.getFamilies();
            return SYSTEM_CHINESE_FAMILIES.stream().anyMatch(installed::contains);
        }

        /** A font that cannot be loaded (no room in the temp folder) costs glyphs, never the window. */
        private static void load() {
            // JavaFX copies the stream to a temp file of its own, deleted at exit
            try (InputStream in = BundledFont.open()) {
                if (Font.loadFont(in, 13) == null) {
                    LOG.warning(() -> "JavaFX could not load the app's font " + BundledFont.FAMILY);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "JavaFX could not load the app's font " + BundledFont.FAMILY, e);
            }
        }
    }

    /** Every window, dialogs and alerts included, gets the bundled font as it is shown; set up once, on the FX thread. */
    private static final class Windows {
        static {
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    for (Window window : change.getAddedSubList()) {
                        if (window.getScene() != null) {
                            useBundledFont(window.getScene());
                        }
                    }
                }
            });
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    useBundledFont(window.getScene());
                }
            }
        }

        /** Nothing: touching the class runs its initialiser, once. */
        static void watched() {
        }
    }

    private static void useBundledFont(Scene scene) {
        String sheet = resource(BUNDLED_FONT_STYLESHEET);
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
    }
}

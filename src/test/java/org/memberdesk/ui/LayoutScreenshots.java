package org.memberdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.embed.swing.SwingFXUtils;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.common.Progress;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the screens the layout check found cut, at 1024 × 700 in both languages, to look at with one's own
 * eyes: {@code -Dtest=LayoutScreenshots -Dlayout.screenshots=/tmp/dir} (skipped in the normal build).
 */
@EnabledIfSystemProperty(named = "layout.screenshots", matches = ".+")
class LayoutScreenshots extends FxRobot {

    /**
     * The window is shared by every test of the run: it goes back to the size the other screen tests expect
     * (a scene given to a shown window takes the window's size, not its own).
     */
    @org.junit.jupiter.api.AfterEach
    void restoreTheWindowsSize() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1200);
            stage.setHeight(760);
        });
    }

    @Test
    void screensAt1024x700() throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("layout.screenshots")));
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().shopProfile().setBusiness(Business.SCENIC);
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.SCENIC, 300, 7, Progress.NONE, Messages.chinese());
            for (Language language : Language.values()) {
                ui.open("dashboard", language);
                interact(() -> {
                    ui.stage().setWidth(1024);
                    ui.stage().setHeight(700);
                });
                for (String screen : new String[] {"dashboard", "counter", "members", "purchases", "cards", "points",
                        "tiers", "tags", "coupons", "analytics", "staff-report", "log", "settings"}) {
                    interact(() -> ui.window().window().show(screen));
                    if (screen.equals("settings")) {
                        clickOn("#settings-tab-points");
                    }
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(1_500);
                    WaitForAsyncUtils.waitForFxEvents();
                    String name = screen + "-" + language.locale().getLanguage() + ".png";
                    interact(() -> {
                        try {
                            ImageIO.write(SwingFXUtils.fromFXImage(ui.stage().getScene().getRoot().snapshot(null, null),
                                    null), "png", out.resolve(name).toFile());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }
}

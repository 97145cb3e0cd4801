package org.memberdesk.ui.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.imageio.ImageIO;
import javafx.embed.swing.SwingFXUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.common.Progress;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The dashboard's screenshot in Chinese on demo data, for the README: run with
 * {@code -Dscreenshots.dir=DIR -Dtest=DashboardScreenshot} (skipped in the normal build).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class DashboardScreenshot extends FxRobot {
    @Test
    void takeScreenshot() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.SCENIC, 3_000, 7, Progress.NONE, Messages.chinese());
            ui.open("dashboard", Language.CHINESE);
            interact(() -> {
                ui.stage().setWidth(1280);
                ui.stage().setHeight(800);
            });
            UiFixture.waitUntil(() -> lookup("#kpi-new-members-value").tryQuery().isPresent());
            Thread.sleep(500);
            var image = robotContext().getCaptureSupport().captureNode(ui.stage().getScene().getRoot());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve("dashboard.png").toFile());
        }
    }
}

package org.memberdesk.ui.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ListView;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.common.Progress;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * The Analytics screen's three tabs in Chinese on demo data, for the README and docs/analytics.md:
 * run by {@code bench/analytics-screenshots.sh} (under Xvfb) with {@code -Dscreenshots.dir=DIR};
 * skipped in the normal build.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class AnalyticsScreenshots extends FxRobot {
    @Test
    void takeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.SCENIC, 3_000, 7, Progress.NONE, Messages.chinese());
            ui.app().savedFunnels().save("老客复购", List.of("消费次数 >= 2", "累计消费 >= 300", "最近消费天数 <= 30"));
            ui.open("analytics", Language.CHINESE);
            interact(() -> {
                ui.stage().setWidth(1280);
                ui.stage().setHeight(800);
            });
            @SuppressWarnings("unchecked")
            ListView<String> steps = lookup("#analytics-funnel-steps").queryAs(ListView.class);
            // the quarter so far: enough new members for every step of the funnel
            UiFixture.waitUntil(30, () -> steps.getItems().size() == 5);
            clickOn("#analytics-period-quarter");
            UiFixture.waitUntil(30, () -> steps.getItems().size() == 5 && !steps.getItems().get(0).endsWith("— 0"));
            Thread.sleep(800);
            save(ui, out.resolve("analytics-funnels.png"));

            clickOn("#funnel-kind-custom");
            clickOn("#funnel-saved");
            clickOn("老客复购 (3)");
            clickOn("#funnel-open");
            UiFixture.waitUntil(30, () -> steps.getItems().size() == 4);
            Thread.sleep(800);
            save(ui, out.resolve("analytics-custom-funnel.png"));

            clickOn(tab("同期群"));
            UiFixture.waitUntil(30, () -> lookup("#cohorts-heatmap .label").queryAll().size() > 20);
            Thread.sleep(500);
            save(ui, out.resolve("analytics-cohorts.png"));

            clickOn(tab("会员分布"));
            UiFixture.waitUntil(30, () -> lookup("#distribution-spend").queryAs(ChartViewer.class).getChart() != null);
            Thread.sleep(800);
            save(ui, out.resolve("analytics-distributions.png"));
        }
    }

    /** A tab's header by its title (the same words may also stand inside a tab). */
    private javafx.scene.Node tab(String title) {
        return from(lookup(".tab-header-area").queryAll()).lookup(title).query();
    }

    private void save(UiFixture ui, Path file) throws Exception {
        var image = robotContext().getCaptureSupport().captureNode(ui.stage().getScene().getRoot());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}

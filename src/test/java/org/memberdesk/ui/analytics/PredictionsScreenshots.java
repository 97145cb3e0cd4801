package org.memberdesk.ui.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.common.Progress;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Predictions tab for docs/predictions.md, in Chinese and English, at 1024 × 700 and 1440 × 900, on the gym
 * demo (its passes renewed) fitted today: run {@code bench/predictions-screenshots.sh} (skipped in the normal build). No font to
 * install: the app carries its Chinese font (AppLook).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class PredictionsScreenshots extends FxRobot {

    @Test
    void chinese() throws Exception {
        take(Language.CHINESE, "zh");
    }

    @Test
    void english() throws Exception {
        take(Language.ENGLISH, "en");
    }

    private void take(Language language, String suffix) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.GYM, 3_000, 7, Progress.NONE, Messages.chinese());
            ui.app().predictions().fit(LocalDate.now(), TimeUnit.WEEK);
            ui.open("analytics", language);
            clickOn("#analytics-tab-predictions");
            UiFixture.waitUntil(60, () -> lookup("#predictions-fitcheck").queryAs(ChartViewer.class).getChart() != null
                    && !lookup("#predictions-winback").queryTableView().getItems().isEmpty()
                    && !((javafx.scene.layout.GridPane) lookup("#predictions-renewals").query()).getChildren().isEmpty());
            for (int[] size : new int[][] {{1024, 700}, {1440, 900}}) {
                interact(() -> {
                    ui.stage().setWidth(size[0]);
                    ui.stage().setHeight(size[1]);
                });
                scrollTab(null);
                save(ui.stage().getScene().getRoot(), out.resolve("predictions-" + size[0] + "-" + suffix + ".png"));
                scrollTab("#predictions-charts");
                save(ui.stage().getScene().getRoot(), out.resolve("predictions-charts-" + size[0] + "-" + suffix
                        + ".png"));
                scrollTab("#predictions-winback");
                save(ui.stage().getScene().getRoot(), out.resolve("predictions-winback-" + size[0] + "-" + suffix
                        + ".png"));
                scrollTab("#predictions-renewals");
                save(ui.stage().getScene().getRoot(), out.resolve("predictions-renewals-" + size[0] + "-" + suffix
                        + ".png"));
            }
        }
    }

    /** Scrolls the tab so that the node {@code id} is at the top (null: the tab's top). */
    private void scrollTab(String id) throws InterruptedException {
        Node tab = lookup("#analytics-predictions").query();
        interact(() -> {
            for (Node node : lookup(".scroll-pane").queryAll()) {
                if (node instanceof ScrollPane pane && pane.getContent() == tab) {
                    double y = id == null ? 0 : tab.sceneToLocal(lookup(id).query().localToScene(0, 0)).getY() - 8;
                    double range = tab.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    pane.setVvalue(Math.max(0, Math.min(1, y / Math.max(1, range))));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void save(Node node, Path file) {
        interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}

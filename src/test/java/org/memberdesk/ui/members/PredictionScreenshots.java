package org.memberdesk.ui.members;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.predictions.CdnowShop;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * docs/screenshots/predictions/: the member pane's prediction line and the "valuable but slipping" template, in
 * Chinese and English, on the CDNOW sample fitted at 1997-09-30. Skipped in the normal build; run with
 * {@code ./mvnw test -Dtest=PredictionScreenshots -Dscreenshots.dir=$PWD/docs/screenshots/predictions}. No font
 * to install: the app carries its Chinese font (AppLook).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class PredictionScreenshots extends FxRobot {

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
            CdnowShop.fitted(ui.app(), ui.folder());
            ui.open("members", language);
            clickOn("#member-search").write("C1516");
            UiFixture.waitUntil(() -> lookup("#members-table .table-cell").match(
                    org.testfx.matcher.control.LabeledMatchers.hasText("C1516")).tryQuery().isPresent());
            clickOn(lookup("#members-table .table-cell").match(
                    org.testfx.matcher.control.LabeledMatchers.hasText("C1516")).queryLabeled());
            UiFixture.waitUntil(() -> lookup("#detail-forecast").tryQuery().isPresent()
                    && "CDNOW 1516".equals(lookup("#detail-name").queryAs(Label.class).getText()));
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("member-forecast-" + suffix + ".png"));

            interact(() -> ui.window().window().show("tags"));
            clickOn("#segments-templates");
            clickOn(language == Language.CHINESE ? "高价值但在流失" : "Valuable but slipping");
            UiFixture.waitUntil(() -> lookup("#rule-text").queryAs(javafx.scene.control.TextArea.class).getText()
                    .startsWith("predicted_clv >= ") && !lookup("#rule-count").queryAs(Label.class).getText().isEmpty());
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("segments-valuable-slipping-" + suffix + ".png"));
        }
    }

    private static void settle() throws InterruptedException {
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

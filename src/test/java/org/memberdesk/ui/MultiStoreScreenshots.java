package org.memberdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of issue 21's screens to look at (skipped in the normal build): Settings → Data's "Move the data" and the
 * connect dialog, in both languages at 1024 × 700. {@code -Dscreenshots.dir=DIR -Dtest=MultiStoreScreenshots}.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class MultiStoreScreenshots extends FxRobot {

    @Test
    void takeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        for (Language language : new Language[] {Language.ENGLISH, Language.CHINESE}) {
            String tag = language == Language.ENGLISH ? "en" : "zh";
            try (UiFixture ui = UiFixture.prepare()) {
                ui.open("settings", language);
                interact(() -> {
                    ui.stage().setWidth(1024);
                    ui.stage().setHeight(700);
                });
                clickOn(Scrolling.reveal(this, "#move-to-server"));
                settle();
                save(ui.stage().getScene().getRoot(), out.resolve("move-data-" + tag + ".png"));
                clickOn("#move-to-server");
                UiFixture.waitUntil(() -> lookup("#server-address").tryQuery().isPresent());
                clickOn("#server-address").write("postgresql://memberdesk@192.168.1.10:5432/memberdesk");
                settle();
                save(dialogRoot(), out.resolve("move-dialog-" + tag + ".png"));
                type(javafx.scene.input.KeyCode.ESCAPE);
                clickOn("#menu-file");
                clickOn(language == Language.ENGLISH ? "Connect to a server…" : "连接数据库服务器…");
                UiFixture.waitUntil(() -> lookup("#server-address").tryQuery().isPresent());
                settle();
                save(dialogRoot(), out.resolve("connect-dialog-" + tag + ".png"));
                type(javafx.scene.input.KeyCode.ESCAPE);
            }
        }
    }

    private Node dialogRoot() {
        AtomicReference<Node> root = new AtomicReference<>();
        interact(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage stage && stage.getOwner() != null && w.isShowing())
                .reduce((first, second) -> second)
                .or(() -> Window.getWindows().stream().filter(Window::isShowing).reduce((a, b) -> b))
                .ifPresent(w -> root.set(w.getScene().getRoot())));
        return root.get();
    }

    private static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600);
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

package org.memberdesk.ui.cards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.cards.CardReports;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * docs/cards.md's screenshots, in Chinese and English, on the gym demo: run {@code bench/cards-screenshots.sh}
 * (skipped in the normal build). No font to install: the app carries its Chinese font (AppLook).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class CardsScreenshots extends FxRobot {

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
            ui.app().shopProfile().setBusiness(Business.GYM);
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.GYM, 1_500, 7, Progress.NONE, Messages.chinese());
            ui.open("cards", language);
            UiFixture.waitUntil(() -> lookup("#cards-expiring-status").tryQuery().isPresent());
            clickOn("#cards-expiring-within").eraseText(1).write("14").type(KeyCode.ENTER);
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("cards-ending-" + suffix + ".png"));
            clickOn("#cards-tab-liability");
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("cards-liability-" + suffix + ".png"));

            // a member whose pass ends soon: the member pane's cards, then the counter checking them in
            CardReports.Expiring soon = ui.app().cardReports().expiring(30, null).get(0);
            Member member = ui.app().members().byNumber(soon.memberNo()).orElseThrow();
            interact(() -> ui.window().window().show("members"));
            clickOn("#member-search").write(member.memberNo());
            UiFixture.waitUntil(() -> lookup("#members-table").queryTableView().getItems().size() == 1);
            type(KeyCode.DOWN);
            UiFixture.waitUntil(() -> lookup("#member-cards").tryQuery().isPresent());
            settle();
            interact(() -> {
                Node cards = lookup("#member-cards").query();
                Node parent = cards.getParent();
                while (parent != null && !(parent instanceof ScrollPane)) {
                    parent = parent.getParent();
                }
                if (parent instanceof ScrollPane scroll) {
                    double content = scroll.getContent().getBoundsInLocal().getHeight();
                    double y = scroll.getContent().sceneToLocal(cards.localToScene(0, 0)).getY();
                    scroll.setVvalue(Math.min(1, Math.max(0, (y - 20) / Math.max(1, content
                            - scroll.getViewportBounds().getHeight()))));
                }
            });
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("member-cards-" + suffix + ".png"));

            interact(() -> ui.window().window().show("counter"));
            type(KeyCode.F3);
            UiFixture.waitUntil(() -> lookup("#checkin-who").query().isFocused());
            write(member.phone().substring(7)).type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> lookup("#checkin-headline").tryQuery().isPresent()
                    && !lookup("#checkin-headline").queryLabeled().getText().isEmpty());
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("counter-checkin-" + suffix + ".png"));

            interact(() -> ui.window().window().show("settings"));
            clickOn("#settings-tab-cards");
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("settings-cards-" + suffix + ".png"));
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

package org.memberdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots, in Chinese, on demo data: run {@code bench/screenshots.sh}
 * (skipped in the normal build). No font to install: the app carries its Chinese font (AppLook).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class Screenshots extends FxRobot {

    @Test
    void takeScreenshots() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().shopProfile().setBusiness(Business.SCENIC);
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.SCENIC, 2_000, 7, Progress.NONE, Messages.chinese());
            ui.open("members", Language.CHINESE);
            interact(() -> {
                // the headless screen is 1280x800; a larger window makes Monocle complain
                ui.stage().setWidth(1280);
                ui.stage().setHeight(800);
            });
            TableView<Member> table = lookup("#members-table").queryTableView();
            UiFixture.waitUntil(() -> table.getItems().size() == 2_000 && table.getItems().get(0) != null);
            // a regular with several visits makes the detail pane worth looking at
            Member regular = ui.app().members().search(org.memberdesk.members.MemberQuery.all()
                    .sortedBy(org.memberdesk.members.MemberQuery.Sort.PURCHASES, false), 3, 1).get(0);
            clickOn("#member-search").write(regular.name());
            UiFixture.waitUntil(() -> !table.getItems().isEmpty() && table.getItems().get(0) != null
                    && table.getItems().get(0).name().startsWith(regular.name()));
            eraseText(regular.name().length());
            UiFixture.waitUntil(() -> table.getItems().size() == 2_000);
            interact(() -> {
                int index = ui.app().members().search(org.memberdesk.members.MemberQuery.all(), 0, 2_000)
                        .stream().map(Member::id).toList().indexOf(regular.id());
                table.getSelectionModel().select(index);
                table.scrollTo(Math.max(0, index - 3));
            });
            UiFixture.waitUntil(() -> lookup("#detail-name").tryQuery().isPresent());
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("members.png"));

            clickOn("#member-add");
            clickOn("#member-name").write("张伟");
            clickOn("#member-phone").write("1381234");
            settle();
            save(dialogRoot(), out.resolve("member-dialog.png"));
            type(KeyCode.ESCAPE);

            interact(() -> ui.window().window().show("counter"));
            UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
            write(regular.phone().substring(7)).type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> lookup("#counter-member-name").tryQuery().isPresent());
            UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
            write("门票").type(KeyCode.ENTER).write("120");
            press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
            write("讲解服务").type(KeyCode.ENTER).write("50");
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("counter.png"));

            interact(() -> ui.window().window().show("purchases"));
            TableView<?> purchases = lookup("#purchases-table").queryTableView();
            UiFixture.waitUntil(() -> !purchases.getItems().isEmpty() && purchases.getItems().get(0) != null);
            settle();
            save(ui.stage().getScene().getRoot(), out.resolve("purchases.png"));

            AtomicReference<org.memberdesk.ui.firstrun.FirstRunDialog> firstRun = new AtomicReference<>();
            interact(() -> {
                firstRun.set(new org.memberdesk.ui.firstrun.FirstRunDialog(ui.stage(),
                        new org.memberdesk.ui.firstrun.FirstRunViewModel(Language.CHINESE)));
                firstRun.get().dialog().show();
            });
            settle();
            save(firstRun.get().dialog().getDialogPane(), out.resolve("first-run.png"));
            interact(() -> {
                firstRun.get().dialog().setResult(null);
                firstRun.get().dialog().close();
            });
        }
    }

    private Node dialogRoot() {
        AtomicReference<Node> root = new AtomicReference<>();
        interact(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage stage && stage.getOwner() != null && w.isShowing())
                .reduce((first, second) -> second)
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

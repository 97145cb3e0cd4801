package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;
import org.memberdesk.demo.Business;
import org.memberdesk.fonts.BundledFont;
import org.memberdesk.common.Progress;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.shell.Screen;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout check (issue 19): every screen of the main window and every tab of it, in Chinese and English, at
 * 1024 × 700 and 1200 × 760, on demo data, has no text cut to "…", no control beyond the window's edge without a
 * scroll pane, and no character drawn as a box ({@link LayoutProblems}). One window per language, resized in
 * place. A failure lists one line per problem: language, size, screen/tab, the node.
 */
class LayoutCheckTest extends FxRobot {
    /** The sizes the shop's screens are at: a small laptop's (1024 × 700) and the window's first size. */
    private static final int[][] SIZES = {{1024, 700}, {1200, 760}};
    /** {@code -Dlayout.screens=dashboard,analytics}: only those screens, while fixing them. */
    private static final List<String> ONLY = System.getProperty("layout.screens", "").isBlank() ? List.of()
            : List.of(System.getProperty("layout.screens").split(","));

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
    void everyScreenAndTabIsWholeInBothLanguagesAtBothSizes() throws Exception {
        List<String> problems = new ArrayList<>();
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().shopProfile().setBusiness(Business.SCENIC);
            ui.app().demoLoader(Clock.systemDefaultZone())
                    .load(Business.SCENIC, 150, 7, Progress.NONE, Messages.chinese());
            LayoutProblems check = new LayoutProblems();
            for (Language language : Language.values()) {
                ui.open("dashboard", language);
                List<Screen> screens = new ArrayList<>(
                        lookup("#sidebar").<Screen>queryListView().getItems());
                for (Screen screen : screens) {
                    if (!ONLY.isEmpty() && !ONLY.contains(screen.id())) {
                        continue;
                    }
                    long start = System.nanoTime();
                    interact(() -> ui.window().window().show(screen.id()));
                    settle(ui, 150); // the screen's first reads and charts
                    Node content = lookup(".screen-content").query();
                    visit(ui, check, content, language + " " + screen.id(), problems);
                    System.out.printf("layout check: %s %s in %d ms%n", language, screen.id(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        problems.forEach(System.out::println);
        assertEquals("", String.join("\n", problems), problems.size() + " layout problems");
    }

    /**
     * Defect 1: at the window's first size, in English, the Dashboard's period bar showed "This w…", "Cus…",
     * "Repo…" and bare "…" for From/to/Apply. Every word of it is whole now, and the bar is inside the window.
     */
    @Test
    void defect1_theDashboardPeriodBarIsWholeAt1200x760InEnglish() throws Exception {
        try (UiFixture ui = UiFixture.boot("dashboard", Language.ENGLISH)) {
            interact(() -> {
                ui.stage().setWidth(1200);
                ui.stage().setHeight(760);
            });
            settle(300);
            Node bar = lookup("#period-bar").query();
            List<String> cut = new ArrayList<>();
            interact(() -> {
                for (javafx.scene.control.Labeled node : labeleds(bar)) {
                    LayoutProblems.cutText(node)
                            .ifPresent(shown -> cut.add(shown + " ← " + LayoutProblems.describe(node)));
                }
                cut.addAll(new LayoutProblems().of(ui.stage().getScene(), "dashboard").stream()
                        .filter(line -> line.contains("period-")).toList());
            });
            assertEquals(List.of(), cut);
            // the words of the bar are all there: the week's button, From, Apply, the report
            assertEquals("This week", lookup("#period-week").queryLabeled().getText());
            assertTrue(labeleds(bar).size() >= 9, "4 periods, From, to, Apply, export, report");
        }
    }

    private static List<javafx.scene.control.Labeled> labeleds(Node node) {
        List<javafx.scene.control.Labeled> found = new ArrayList<>();
        if (node instanceof javafx.scene.control.Labeled labeled) {
            found.add(labeled);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(labeleds(child)));
        }
        return found;
    }

    /** Each tab of the outermost tab pane in turn (and theirs, nested), else the area as it is, at both sizes. */
    private void visit(UiFixture ui, LayoutProblems check, Node area, String where, List<String> problems)
            throws Exception {
        Optional<TabPane> tabs = onFx(() -> find(area));
        if (tabs.isEmpty()) {
            for (int[] size : SIZES) {
                String at = where.replaceFirst(" ", " " + size[0] + "x" + size[1] + " ");
                onFx(() -> {
                    ui.stage().setWidth(size[0]);
                    ui.stage().setHeight(size[1]);
                    return null;
                });
                problems.addAll(laidOut(ui, check, at));
            }
            return;
        }
        for (Tab tab : onFx(() -> List.copyOf(tabs.get().getTabs()))) {
            if (tab.isDisabled()) {
                continue;
            }
            onFx(() -> {
                tabs.get().getSelectionModel().select(tab);
                return null;
            });
            settle(ui, 100); // a tab reads its numbers when first shown
            // a tab is named by its id, its title, or (Settings) the id of the label that is its title
            String name = tab.getId() != null ? tab.getId() : tab.getText() != null ? tab.getText()
                    : tab.getGraphic() != null ? tab.getGraphic().getId() : "tab";
            visit(ui, check, tab.getContent(), where + "/" + name, problems);
        }
    }

    /**
     * The problems once the window has taken its new size: CSS and layout run here, twice (a wrapped label's
     * height follows its width), so no waiting for the next pulse.
     */
    private List<String> laidOut(UiFixture ui, LayoutProblems check, String where) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(1);
        return onFx(() -> {
            Parent root = ui.stage().getScene().getRoot();
            root.applyCss();
            root.layout();
            root.layout();
            return check.of(ui.stage().getScene(), where);
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Optional<TabPane> find(Node node) {
        if (node == null || !node.isVisible()) {
            return Optional.empty();
        }
        if (node instanceof TabPane tabs) {
            return Optional.of(tabs);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<TabPane> inside = find(child);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Waits at least {@code millis}, then until no busy sign (a visible progress indicator) shows for two looks
     * in a row: the screen's reads are in and drawn. At most 5 s.
     */
    private static void settle(UiFixture ui, long millis) throws Exception {
        Thread.sleep(millis);
        long end = System.currentTimeMillis() + 5_000;
        int idle = 0;
        while (idle < 2 && System.currentTimeMillis() < end) {
            WaitForAsyncUtils.waitForFxEvents(1);
            boolean busy = onFx(() -> busy(ui.stage().getScene().getRoot()));
            idle = busy ? 0 : idle + 1;
            Thread.sleep(60);
        }
    }

    private static boolean busy(Node node) {
        if (!node.isVisible()) {
            return false;
        }
        if (node instanceof javafx.scene.control.ProgressIndicator indicator) {
            return indicator.getProgress() < 1;
        }
        return node instanceof Parent parent && parent.getChildrenUnmodifiable().stream().anyMatch(
                LayoutCheckTest::busy);
    }

    private static void settle(long millis) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The check itself can fail: a cut label, a control past the edge, a broken word, a character the font lacks. */
    @Test
    void theCheckSeesACutLabelAControlOutsideAndAMissingGlyph() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<List<String>> found = new AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            Label cut = new Label("本周 本月 本季度 自定义 查看 导出 报告");
            cut.setId("cut");
            cut.setMaxWidth(60);
            Label wide = new Label("right");
            wide.setId("wide");
            wide.setMinWidth(500);
            // U+1F600 (an emoji): Noto Sans SC has none, so it shows as a box
            Label face = new Label("会员 \uD83D\uDE00");
            face.setId("face");
            Label broken = new Label("Refundable");
            broken.setId("broken");
            broken.setWrapText(true);
            broken.setMaxWidth(40);
            broken.relocate(0, 60);
            face.relocate(0, 0);
            cut.relocate(0, 30);
            wide.relocate(100, 60);
            javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.Pane(face, cut, wide, broken), 300, 100);
            AppLook.style(scene);
            face.setStyle("-fx-font-family: \"" + BundledFont.FAMILY + "\";");
            stage.setScene(scene);
            // the registered stage keeps its size when given a scene: the window is 300 × 100
            stage.setWidth(300);
            stage.setHeight(100);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> found.set(new LayoutProblems().of(FxToolkit.toolkitContext().getRegisteredStage().getScene(),
                "test")));
        String all = String.join("\n", found.get());
        assertTrue(all.contains("text cut to") && all.contains("#cut"), all);
        assertTrue(all.contains("outside the window") && all.contains("#wide"), all);
        assertTrue(all.contains("no glyph for") && all.contains("U+1F600") && all.contains("#face"), all);
        assertTrue(all.contains("word \"Refundable\" broken") && all.contains("#broken"), all);
        FxToolkit.cleanupStages();
    }

    @Test
    void theBundledFontLacksTheEmojiAndHasTheShopsWords() {
        java.awt.Font font = BundledFont.awt(java.awt.Font.PLAIN, 13);
        assertEquals(Optional.of("\uD83D\uDE00"), LayoutProblems.firstMissing(font, "会员 \uD83D\uDE00"));
        assertEquals(Optional.empty(), LayoutProblems.firstMissing(font, "本周 本月 New buyers ¥1,234.50 → …\n"));
    }
}

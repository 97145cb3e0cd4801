package org.memberdesk.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.app.AppContext;
import org.memberdesk.demo.Business;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.shop.ShopState;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class FirstRunTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepareNew();
        ui.open("members", Language.CHINESE);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void aNewDatabaseAsksLanguageAndBusinessAndRemembersThem() {
        interact(() -> ui.window().firstRunIfNeeded());
        UiFixture.waitUntil(() -> lookup("#firstrun").tryQuery().isPresent());
        assertEquals("开始使用", lookup("#firstrun-start").queryAs(Labeled.class).getText());
        clickOn("#firstrun-lang-english");
        // the dialog speaks the chosen language at once
        assertEquals("Start", lookup("#firstrun-start").queryAs(Labeled.class).getText());
        assertEquals("Try a chain of 3 stores and 3000 demo members, in a separate demo database (your own stays"
                + " empty)", lookup("#firstrun-demo-chain").queryAs(Labeled.class).getText());
        // the English choices are longer than the Chinese ones the window was sized for: it grows, nothing is cut
        // (before, the three start choices ended in "…" after switching from 中文)
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Scene dialog = lookup("#firstrun").query().getScene();
        assertEquals(List.of(), new org.memberdesk.ui.LayoutProblems().of(dialog, "first run in English"));
        clickOn("#firstrun-gym");
        clickOn("#firstrun-start");
        UiFixture.waitUntil(() -> ui.app().shopProfile().business().isPresent());
        assertEquals(Optional.of(Business.GYM), ui.app().shopProfile().business());
        UiFixture.waitUntil(() -> ui.stage().getTitle().endsWith("MemberDesk"));
        assertEquals("test.db — MemberDesk", ui.stage().getTitle());
        assertEquals(Optional.of(Locale.ENGLISH), ui.preferences().language());
        assertEquals("Members", lookup("#nav-members").queryAs(Labeled.class).getText());
        assertEquals(0, ui.app().members().count(MemberQuery.all()));
    }

    @Test
    void finding2_aDatabaseFilledByTheCommandLineGetsNoFirstRunQuestions() throws Exception {
        close();
        ui = UiFixture.prepareNew();
        // what the command line does: members imported through the services, no business ever chosen
        ui.importMembers(List.of("M00001,王芳,13900000001,F,1990-05-01,2026-01-10,门店,",
                "M00002,李雷,13900000002,M,1988-03-02,2026-02-11,门店,"));
        ui.open("members", Language.CHINESE);

        interact(() -> ui.window().firstRunIfNeeded());
        // the check is one query in the background: give it ample time to (wrongly) bring up the dialog
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(lookup("#firstrun").tryQuery().isEmpty(), "no first-run questions for a database in use");
        assertEquals("test.db — 会员台", ui.stage().getTitle());
        assertEquals(Optional.empty(), ui.app().shopProfile().business());
        assertEquals(2, ui.app().members().count(MemberQuery.all()));
    }

    @Test
    void finding2_tryingTheDemoLeavesTheShopsDatabaseEmptyAndOpensADemoDatabase() {
        interact(() -> ui.window().firstRunIfNeeded());
        UiFixture.waitUntil(() -> lookup("#firstrun").tryQuery().isPresent());
        clickOn("#firstrun-gym");
        clickOn("#firstrun-demo");
        clickOn("#firstrun-start");

        // the window moves to a demo database of its own, says so, and fills it
        Path demoFile = ui.folder().resolve("demo-gym.db");
        UiFixture.waitUntil(30, () -> ui.stage().getTitle().equals("demo-gym.db — 会员台 — 演示数据"));
        AppContext demo = ui.window().context().app();
        assertEquals(demoFile.toAbsolutePath(), demo.database().file());
        assertTrue(lookup("#demo-banner").tryQuery().isPresent());
        UiFixture.waitUntil(120, () -> demo.members().count(MemberQuery.all()) == FirstRunViewModel.DEMO_MEMBERS);
        // a database opened starts on the counter (issue 19); its members are on the Members screen
        interact(() -> ui.window().window().show("members"));
        UiFixture.waitUntil(30, () -> lookup("#member-count").tryQuery().isPresent()
                && lookup("#member-count").queryAs(Label.class).getText().equals("共 3,000 位会员"));
        assertEquals(new ShopState(true, true, true), demo.shopProfile().state());
        assertEquals(Optional.of(Business.GYM), demo.shopProfile().business());

        // the shop's own file is exactly as new as before: nothing set up, nothing stored
        assertEquals(new ShopState(false, false, false), ui.app().shopProfile().state());
        assertEquals(0, ui.app().members().count(MemberQuery.all().withArchived(true)));

        // back to the shop's database (once the demo's progress dialog, which holds the window, has closed): it is
        // still new, so the questions come again
        UiFixture.waitUntil(120, () -> javafx.stage.Window.getWindows().stream()
                .filter(javafx.stage.Window::isShowing).count() == 1);
        clickOn("#demo-banner-leave");
        UiFixture.waitUntil(30, () -> lookup("#firstrun").tryQuery().isPresent());
        clickOn("#firstrun-start");
        UiFixture.waitUntil(() -> ui.stage().getTitle().equals("test.db — 会员台"));
        assertTrue(lookup("#demo-banner").tryQuery().isEmpty());
        UiFixture.waitUntil(() -> ui.app().shopProfile().business().isPresent());
        assertEquals(0, ui.app().members().count(MemberQuery.all().withArchived(true)));
    }

    /** The chain's demo, chosen as an owner would: a demo database of its own with 本店, 二店 and 三店. */
    @Test
    void theChainDemoOpensADemoShopOfThreeStores() {
        interact(() -> ui.window().firstRunIfNeeded());
        UiFixture.waitUntil(() -> lookup("#firstrun").tryQuery().isPresent());
        assertEquals("先用 3 家门店的连锁演示试试（3000 位演示会员，在单独的演示数据库中，您自己的数据库保持空白）",
                lookup("#firstrun-demo-chain").queryAs(Labeled.class).getText());
        clickOn("#firstrun-demo-chain");
        clickOn("#firstrun-start");

        // a file of its own, not the single shop's demo-shop.db (the shop is the business picked by default)
        Path demoFile = ui.folder().resolve("demo-shop-3-stores.db");
        UiFixture.waitUntil(30, () -> ui.stage().getTitle().equals("demo-shop-3-stores.db — 会员台 — 演示数据"));
        AppContext demo = ui.window().context().app();
        assertEquals(demoFile.toAbsolutePath(), demo.database().file());
        UiFixture.waitUntil(120, () -> demo.members().count(MemberQuery.all()) == FirstRunViewModel.DEMO_MEMBERS);
        assertEquals(List.of("本店", "二店", "三店"),
                demo.stores().all().stream().map(org.memberdesk.stores.Store::name).toList());
        assertEquals(Optional.of(Business.SHOP), demo.shopProfile().business());
        // the status bar names this computer's store now that the shop is a chain: the one it was made with
        UiFixture.waitUntil(30, () -> lookup("#status-store").queryAs(Label.class).isVisible());
        assertEquals("门店：本店", lookup("#status-store").queryAs(Label.class).getText());

        // the dashboard has a line per store once the progress dialog has let go of the window
        UiFixture.waitUntil(120, () -> javafx.stage.Window.getWindows().stream()
                .filter(javafx.stage.Window::isShowing).count() == 1);
        interact(() -> ui.window().window().show("dashboard"));
        UiFixture.waitUntil(30, () -> lookup("#dashboard-stores").tryQuery()
                .map(table -> ((TableView<?>) table).getItems().size() == 3).orElse(false));
        TableView<?> table = lookup("#dashboard-stores").queryAs(TableView.class);
        assertEquals(List.of("本店", "二店", "三店"), table.getItems().stream()
                .map(row -> ((org.memberdesk.ui.dashboard.DashboardViewModel.StoreRow) row).store()).toList());
        // the shop's own file is as new as before
        assertEquals(new ShopState(false, false, false), ui.app().shopProfile().state());
        assertEquals(1, ui.app().stores().all().size());
    }
}

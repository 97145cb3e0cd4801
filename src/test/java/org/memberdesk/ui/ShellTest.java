package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.shell.Screen;
import org.testfx.api.FxRobot;

class ShellTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null, LocalDate.of(2025, 3, 1),
                "门店", null, null, Map.of()));
        ui.open("dashboard", Language.CHINESE);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void sidebarListsEveryAreaAndTitleNamesTheDatabase() {
        ListView<Screen> sidebar = lookup("#sidebar").queryListView();
        assertEquals(java.util.List.of("dashboard", "counter", "members", "purchases", "cards", "points", "tiers",
                "tags", "coupons", "analytics", "staff-report", "log", "settings"), sidebar.getItems().stream().map(Screen::id).toList());
        assertTrue(ui.stage().getTitle().startsWith("test.db"), ui.stage().getTitle());
        assertTrue(ui.stage().getTitle().contains("会员台"));
        clickOn("#nav-analytics");
        assertTrue(lookup("#analytics-tabs").tryQuery().isPresent());
        assertEquals("漏斗", lookup("#analytics-tabs").queryAs(javafx.scene.control.TabPane.class).getTabs().get(0)
                .getText());
    }

    @Test
    void theDailyWorkStartsOnlyWhenTheWindowAsksForIt() {
        // building and showing the window starts no work over the whole database
        assertEquals(null, lastTierReview());
        interact(() -> ui.window().startDailyWork(true));
        UiFixture.waitUntil(() -> LocalDate.now().equals(lastTierReview()));
    }

    private LocalDate lastTierReview() {
        return ui.app().database().read(connection -> {
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT value FROM settings WHERE key = 'tiers.last_review'")) {
                return rs.next() ? LocalDate.parse(rs.getString(1)) : null;
            }
        });
    }

    @Test
    void openingAnotherDatabaseSwitchesTheWindowToIt() throws Exception {
        java.nio.file.Path other = ui.folder().resolve("other.db");
        org.memberdesk.app.AppContext prepared = new org.memberdesk.app.AppContext(org.memberdesk.db.Database.open(other),
                java.time.Clock.systemDefaultZone());
        prepared.shopProfile().setBusiness(org.memberdesk.demo.Business.GYM);
        interact(() -> ui.window().open(other));
        UiFixture.waitUntil(() -> ui.stage().getTitle().startsWith("other.db"));
        assertEquals(other.toAbsolutePath().toString(),
                lookup("#status-database").queryAs(Label.class).getText());
        clickOn("#nav-dashboard");
        UiFixture.waitUntil(() -> "0".equals(lookup("#dashboard-members").queryAs(Label.class).getText()));
        assertEquals(java.util.Optional.of(other.toAbsolutePath()), ui.preferences().lastDatabase());
    }

    @Test
    void dashboardShowsTheStoredTotals() {
        UiFixture.waitUntil(() -> "1".equals(lookup("#dashboard-members").queryAs(Label.class).getText()));
    }

    @Test
    void switchingLanguageInSettingsRelabelsEverythingAndKeepsTheData() {
        clickOn("#nav-settings");
        // the settings screen builds its sections (Stores among them) as it opens: wait for it, as a person would
        UiFixture.waitUntil(() -> lookup("#settings-language").tryQuery().isPresent());
        ComboBox<Language> language = lookup("#settings-language").queryComboBox();
        clickOn(language);
        clickOn("English");
        UiFixture.waitUntil(() -> lookup("#nav-members").tryQuery().map(n -> ((javafx.scene.control.Labeled) n)
                .getText().equals("Members")).orElse(false));
        assertTrue(ui.stage().getTitle().endsWith("MemberDesk"), ui.stage().getTitle());
        assertEquals("settings", ui.window().window().currentScreenId().orElseThrow());
        clickOn("#nav-dashboard");
        UiFixture.waitUntil(() -> "1".equals(lookup("#dashboard-members").queryAs(Label.class).getText()));
        assertFalse(lookup("Members").tryQuery().isEmpty());
        assertEquals("Dashboard", lookup("#nav-dashboard").queryAs(javafx.scene.control.Labeled.class).getText());
    }
}

package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tags.Tag;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Issue 19, defect 6 on screen. 王芳 bought twice (the last 40 days ago), 李娜 once yesterday, 张伟 never; 王芳 and
 * 张伟 carry the manual tag VIP; the rule tag 常客 is "purchases >= 1" (王芳, 李娜).
 */
class TagsScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(List.of(
                "M00000001,王芳,13812341234,F,,2025-01-01,抖音,",
                "M00000002,李娜,13900005678,F,,2025-01-01,门店,",
                "M00000003,张伟,13700001111,M,,2025-01-01,抖音,"));
        LocalDate today = LocalDate.now();
        buy("M00000001", today.minusDays(70));
        buy("M00000001", today.minusDays(40));
        buy("M00000002", today.minusDays(1));
        ui.app().tags().addByNumbers("VIP", List.of("M00000001", "M00000003"));
        ui.app().tags().create("常客", "purchases >= 1");
    }

    private void buy(String memberNo, LocalDate day) {
        long id = ui.app().members().byNumber(memberNo).orElseThrow().id();
        ui.app().purchases().record(new PurchaseDraft(null, id, LocalDateTime.of(day, LocalTime.NOON),
                List.of(new PurchaseLine("门票", 1, 10_000)), null), false);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private ListView<Tag> list() {
        return lookup("#tags-list").queryListView();
    }

    private String status() {
        return lookup("#tags-status").queryAs(Label.class).getText();
    }

    /** Every text a list cell shows, line by line. */
    private String cellText(String tagName) {
        return lookup(".list-cell").queryAll().stream()
                .filter(cell -> cell.lookupAll(".label").stream()
                        .anyMatch(l -> ((Label) l).getText().startsWith(tagName + " · ")))
                .findFirst().map(cell -> cell.lookupAll(".label").stream().map(l -> ((Label) l).getText())
                        .filter(t -> !t.isEmpty()).collect(Collectors.joining("\n"))).orElse("");
    }

    private void choose(String tagName) {
        Node cell = lookup(".list-cell").queryAll().stream()
                .filter(c -> c.lookupAll(".label").stream()
                        .anyMatch(l -> ((Label) l).getText().startsWith(tagName + " · ")))
                .findFirst().orElseThrow();
        clickOn(cell);
        UiFixture.waitUntil(() -> list().getSelectionModel().getSelectedItem() != null
                && list().getSelectionModel().getSelectedItem().name().equals(tagName));
    }

    @Test
    void defect6_aTagIsRefreshedRenamedAndDeletedOnTheTagsScreen() throws Exception {
        ui.open("tags", Language.ENGLISH);
        UiFixture.waitUntil(() -> list().getItems().size() == 2);
        String refreshedAt = ui.app().tags().list().stream().filter(Tag::isRuleTag).findFirst().orElseThrow()
                .refreshedAt().substring(0, 16);
        assertEquals("常客 · 2 members\nPurchases ≥ 1\nRefreshed at " + refreshedAt, cellText("常客"));
        assertEquals("VIP · 2 members\nManual tag", cellText("VIP"));

        // 张伟 buys: the rule now matches 3; Refresh now recomputes it in the background
        buy("M00000003", LocalDate.now());
        choose("常客");
        clickOn("#tag-refresh");
        UiFixture.waitUntil(() -> "Refreshed 常客: 3 members match today.".equals(status()));
        UiFixture.waitUntil(() -> cellText("常客").startsWith("常客 · 3 members"));

        // a manual tag cannot be refreshed; it is renamed under the same rules as a new tag
        choose("VIP");
        assertTrue(lookup("#tag-refresh").query().isDisabled());
        doubleClickOn("#tag-new-name").push(KeyCode.CONTROL, KeyCode.A).write("常客").push(KeyCode.ENTER);
        UiFixture.waitUntil(() -> "A tag named 常客 already exists".equals(status()));
        doubleClickOn("#tag-new-name").push(KeyCode.CONTROL, KeyCode.A).write("贵宾");
        clickOn("#tag-rename");
        UiFixture.waitUntil(() -> "Renamed VIP to 贵宾.".equals(status()));
        UiFixture.waitUntil(() -> cellText("贵宾").startsWith("贵宾 · 2 members"));

        // deleting asks first, saying how many members carry it; the members keep everything else
        choose("贵宾");
        clickOn("#tag-delete");
        UiFixture.waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        String asked = ((Label) lookup(".dialog-pane").queryAs(DialogPane.class).getContent()).getText();
        assertEquals("2 members carry 贵宾; it is taken off them.\nEverything else about the members is kept.", asked);
        clickOn("OK");
        UiFixture.waitUntil(() -> "Deleted tag 贵宾.".equals(status()));
        UiFixture.waitUntil(() -> list().getItems().size() == 1);
        assertEquals(List.of("常客"), ui.app().tags().list().stream().map(Tag::name).toList());
    }

    @Test
    void defect6_aManualTagComesOffOneMemberOnTheMemberPaneARuleTagSaysWhyItCannot() throws Exception {
        ui.open("members", Language.ENGLISH);
        TableView<Member> table = lookup("#members-table").queryTableView();
        clickOn("#member-search").write("1234");
        UiFixture.waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0) != null);
        type(KeyCode.DOWN);
        Tag vip = ui.app().tags().list().stream().filter(t -> t.name().equals("VIP")).findFirst().orElseThrow();
        Tag regular = ui.app().tags().list().stream().filter(t -> t.name().equals("常客")).findFirst().orElseThrow();
        UiFixture.waitUntil(() -> lookup("#member-tag-remove-" + vip.id()).tryQuery().isPresent());
        assertFalse(lookup("#member-tag-remove-" + regular.id()).tryQuery().isPresent(), "a rule tag has no ×");

        clickOn(org.memberdesk.ui.Scrolling.reveal(this, "#member-tag-" + regular.id()));
        UiFixture.waitUntil(() -> lookup("#member-tags-note").tryQuery().isPresent());
        assertEquals("Tag 常客 comes from its rule (Purchases ≥ 1). It goes by itself when the member no longer"
                + " matches, so it cannot be removed by hand.", lookup("#member-tags-note").queryAs(Label.class).getText());

        clickOn(org.memberdesk.ui.Scrolling.reveal(this, "#member-tag-remove-" + vip.id()));
        UiFixture.waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        assertEquals("Take tag VIP off 王芳? Other members keep it.",
                ((Label) lookup(".dialog-pane").queryAs(DialogPane.class).getContent()).getText());
        clickOn("OK");
        long wang = ui.app().members().byNumber("M00000001").orElseThrow().id();
        UiFixture.waitUntil(() -> List.of("常客").equals(ui.app().tags().tagsOf(wang)));
        UiFixture.waitUntil(() -> lookup("#member-tag-remove-" + vip.id()).tryQuery().isEmpty());
        assertEquals(List.of("VIP"), ui.app().tags().tagsOf(ui.app().members().byNumber("M00000003")
                .orElseThrow().id()), "张伟 keeps it");
    }
}

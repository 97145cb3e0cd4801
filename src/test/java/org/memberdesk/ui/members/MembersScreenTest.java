package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

class MembersScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        // 250 members: the table has to read a second and third page when scrolled
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 249; i++) {
            lines.add(String.format("M%08d,会员%d,137%08d,,,2025-01-01,%s,", i, i, i, i % 2 == 0 ? "门店" : "抖音"));
        }
        lines.add("M00000250,李娜,13912345678,F,,2025-02-01,小程序,");
        ui.importMembers(lines);
        ui.open("members", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private TableView<Member> table() {
        return lookup("#members-table").queryTableView();
    }

    // Each test boots a window (seconds on a loaded machine), so one test walks through several steps.

    @Test
    void listsPagesSearchesByLastFourDigitsAndFiltersByChannel() {
        UiFixture.waitUntil(() -> table().getItems().size() == 250);
        assertEquals("250 members", lookup("#member-count").queryAs(Label.class).getText());
        interact(() -> table().scrollTo(240));
        UiFixture.waitUntil(() -> table().getItems().get(240) != null);
        assertEquals("会员241", table().getItems().get(240).name());

        clickOn("#member-search").write("5678");
        UiFixture.waitUntil(() -> table().getItems().size() == 1 && table().getItems().get(0) != null);
        assertEquals("李娜", table().getItems().get(0).name());
        // Down moves from the search into the list; the detail pane shows the member, phone masked
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#detail-name").tryQuery().isPresent());
        assertEquals("李娜", lookup("#detail-name").queryAs(Label.class).getText());
        assertEquals("139****5678", lookup("#detail-phone").queryAs(Label.class).getText());
        clickOn("#detail-reveal");
        assertEquals("13912345678", lookup("#detail-phone").queryAs(Label.class).getText());

        clickOn("#member-search").type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> table().getItems().size() == 250);
        clickOn("#member-channel-filter");
        // the choice in the drop-down list: the detail pane may show "小程序" too (the selected member's channel)
        clickOn(lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("小程序"))
                .queryLabeled());
        UiFixture.waitUntil(() -> table().getItems().size() == 1);
    }

    @Test
    void addAMemberWithAnInvalidThenAValidPhoneThenOneWhosePhoneIsTaken() {
        UiFixture.waitUntil(() -> table().getItems().size() == 250);
        clickOn("#member-add");
        clickOn("#member-name").write("张伟");
        clickOn("#member-phone").write("12345");
        Label error = lookup("#error-phone").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("Not a valid mobile number: 12345", error.getText());
        clickOn("#member-save");
        assertTrue(lookup("#member-form").tryQuery().isPresent(), "the dialog stays open while a field is wrong");
        assertEquals(250, ui.app().members().count(MemberQuery.all()));

        doubleClickOn("#member-phone").eraseText(5).write("13800001111");
        assertFalse(lookup("#error-phone").queryAs(Label.class).isVisible());
        clickOn("#member-save");
        UiFixture.waitUntil(() -> lookup("#member-form").tryQuery().isEmpty());
        Member added = ui.app().members().byNumberOrPhone("13800001111").orElseThrow();
        assertEquals("张伟", added.name());
        UiFixture.waitUntil(() -> lookup("#detail-name").tryQuery()
                .map(n -> ((Label) n).getText().equals("张伟")).orElse(false));

        // a phone another member has is only known to the database: shown next to the phone after Save
        clickOn("#member-add");
        clickOn("#member-name").write("重复");
        clickOn("#member-phone").write("13912345678");
        clickOn("#member-save");
        UiFixture.waitUntil(() -> lookup("#error-phone").queryAs(Label.class).isVisible());
        assertTrue(lookup("#error-phone").queryAs(Label.class).getText().contains("李娜"));
        clickOn("Cancel");
        assertEquals(251, ui.app().members().count(MemberQuery.all()));
    }

    /** Issue 15 item 2: the detail pane shows points owed after a return, in red. */
    @Test
    void finding2_theDetailPaneShowsPointsOwedInRed() {
        Member li = ui.app().members().byNumber("M00000250").orElseThrow();
        ui.app().points().saveRules(new org.memberdesk.points.PointsRules(1, 1, 100, 0, 0, null,
                java.util.Map.of(), java.util.Map.of()));                                     // 1 point a yuan
        java.time.LocalDateTime sold = java.time.LocalDateTime.now().minusMinutes(10);
        ui.app().purchases().record(new org.memberdesk.purchases.PurchaseDraft("S1", li.id(), sold,
                java.util.List.of(new org.memberdesk.purchases.PurchaseLine("门票", 1, 4_500)), null), false); // 45
        ui.app().points().redeemPoints(li.id(), 40, "雨伞", "小王");                               // 5
        ui.app().purchases().record(new org.memberdesk.purchases.PurchaseDraft("R1", li.id(), sold.plusMinutes(1),
                java.util.List.of(new org.memberdesk.purchases.PurchaseLine("门票", 1, -4_500)), "S1"), true);
        // 5 − 45 = −40
        clickOn("#member-search").write("5678");
        UiFixture.waitUntil(() -> table().getItems().size() == 1 && table().getItems().get(0) != null);
        type(KeyCode.DOWN);
        UiFixture.waitUntil(() -> lookup("#detail-points").tryQuery().isPresent());
        assertEquals("40 points owed", lookup("#detail-points").queryAs(Label.class).getText());
        assertTrue(lookup("#detail-points").queryAs(Label.class).getStyleClass().contains("danger"));
    }
}

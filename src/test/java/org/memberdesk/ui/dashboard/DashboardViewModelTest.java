package org.memberdesk.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.common.Messages;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;
import org.memberdesk.ui.common.UiContext;

/** The dashboard's state without a screen, on the hand-built shop with "today" 2026-02-11 (a Wednesday). */
class DashboardViewModelTest {
    @TempDir
    Path folder;
    private DashboardViewModel model;
    private UiContext context;

    @BeforeEach
    void setUp() {
        Path db = ShopFixture.build(folder);
        Clock clock = Clock.fixed(LocalDateTime.of(2026, 2, 11, 9, 0).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        context = new UiContext(new AppContext(Database.open(db), clock), Messages.english(),
                new SameThreadTaskExecutor(dialogs), dialogs, new DataChanges());
        model = DashboardScreen.model(context);
    }

    private DashboardViewModel.Card card(String id) {
        return model.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void quickChoicesRunFromTheirFirstDayToToday() {
        model.choose(PeriodChoice.Range.WEEK);
        assertEquals(LocalDate.of(2026, 2, 9), model.fromProperty().get());
        assertEquals(LocalDate.of(2026, 2, 11), model.toProperty().get());
        model.choose(PeriodChoice.Range.MONTH);
        assertEquals(LocalDate.of(2026, 2, 1), model.fromProperty().get());
        model.choose(PeriodChoice.Range.QUARTER);
        assertEquals(LocalDate.of(2026, 1, 1), model.fromProperty().get());
        assertEquals(LocalDate.of(2026, 2, 11), model.toProperty().get());
    }

    @Test
    void cardsShowTheNumbersAndTheChange() {
        // this month so far, 02-01 … 02-11 (11 days), against 01-21 … 01-31:
        // joined J (02-05), K (02-10) = 2 against I (01-25), D (01-31) = 2 → +0.0 %;
        // bought D, G, H (all 02-01): 3 purchases 5000 + 4000 + 4500 = ¥135.00
        model.choose(PeriodChoice.Range.MONTH);
        assertEquals("2", card("new-members").value());
        assertEquals("0.0%", card("new-members").change());
        assertEquals("3", card("active-members").value());
        assertEquals("¥135.00", card("revenue").value());
        // nobody bought twice in the month: 0 of 3; the previous period: A, F each once, D once → 0 of 3
        assertEquals("0.0%", card("repurchase").value());
        assertEquals(0, card("repurchase").direction());
        assertEquals(8, model.cards().size());
    }

    @Test
    void customDaysAndAnEmptyPeriod() {
        model.chooseDays(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        assertEquals(PeriodChoice.Range.CUSTOM, model.rangeProperty().get());
        assertEquals("0", card("new-members").value());
        // no purchases: the average order and the rates are absent, shown as —
        assertEquals("—", card("avg-order").value());
        assertEquals("—", card("paid-conversion").value());
        assertEquals("—", card("paid-conversion").change());
    }

    @Test
    void aLastDayBeforeTheFirstIsRefused() {
        model.chooseDays(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));
        assertEquals("Choose a first and a last day, the last not before the first", model.problemProperty().get());
    }

    @Test
    void membersOfAFunnelStep() {
        model.chooseDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        // January's joiners with 2+ purchases by 01-31: B, C, F
        List<Member> members = new java.util.ArrayList<>();
        StepMembersDialog.model(context, model.funnelProperty().get().steps().get(2).memberIds())
                .load(10, members::addAll);
        assertEquals(List.of("M2", "M3", "M6"), members.stream().map(m -> m.details().memberNo()).toList());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void tagsEveryMemberOfAStep() {
        model.chooseDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        List<Integer> tagged = new java.util.ArrayList<>();
        // step 2 (2+ purchases by 01-31): B, C, F
        StepMembersDialog.model(context, model.funnelProperty().get().steps().get(2).memberIds())
                .tag("一月复购", tagged::add);
        assertEquals(List.of(3), tagged);
        assertEquals(List.of("一月复购"), context.app().tags().tagsOf(context.app().members().byNumber("M3")
                .orElseThrow().id()));
        assertEquals(List.of(), context.app().tags().tagsOf(context.app().members().byNumber("M4")
                .orElseThrow().id()));
    }

    /** Issue 19, defect 7 (English plurals): a funnel step's members are counted as English counts them. */
    @Test
    void defect7_plurals_aStepOfOneMemberSaysMemberNotMembers() {
        Messages en = Messages.english();
        assertEquals("1 member newly tagged “VIP”; campaigns can target the tag", en.get("analytics.ui.tagged", 1, "VIP"));
        assertEquals("2 members newly tagged “VIP”; campaigns can target the tag", en.get("analytics.ui.tagged", 2, "VIP"));
        assertEquals("No member newly tagged “VIP”; campaigns can target the tag", en.get("analytics.ui.tagged", 0, "VIP"));
        assertEquals("Tag the 1 member", en.get("analytics.ui.tagStep", 1L));
        assertEquals("Tag all 1,250 members", en.get("analytics.ui.tagStep", 1250L));
        assertEquals("1 member is in this step; the first is listed", en.get("analytics.ui.stepMembersNote", 1L, 1));
        assertEquals("1,250 members are in this step; the first 200 are listed",
                en.get("analytics.ui.stepMembersNote", 1250L, 200));
        // Chinese has no plural
        assertEquals("此步共 1,250 位会员，列出前 200 位", Messages.chinese().get("analytics.ui.stepMembersNote", 1250L, 200));
    }
}

package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/**
 * Tasks run at once here. Shop (today 2026-03-15): A bought 3 times for 100 yuan each (last 2026-03-01),
 * B once for 50 yuan on 2026-03-10, C never. A and C came from 抖音, B from 门店; all joined 2026-01-01.
 */
class SegmentsViewModelTest {
    @TempDir
    Path folder;
    UiContext context;
    SegmentsViewModel model;
    RecordingDialogs dialogs;

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        long a = member("A", "抖音");
        long b = member("B", "门店");
        member("C", "抖音");
        buy(a, "2026-02-01", 10000);
        buy(a, "2026-02-15", 10000);
        buy(a, "2026-03-01", 10000);
        buy(b, "2026-03-10", 5000);
        model = new SegmentsViewModel(context);
    }

    private long member(String no, String channel) {
        return context.app().members().add(new MemberDetails(no, "会员" + no, null, null, null,
                LocalDate.of(2026, 1, 1), channel, null, null, null)).id();
    }

    private void buy(long id, String day, long cents) {
        context.app().purchases().record(new PurchaseDraft(null, id, LocalDateTime.parse(day + "T10:00"),
                List.of(new PurchaseLine("门票", 1, cents)), null), false);
    }

    @Test
    void textAndRowsFollowEachOther() {
        model.ruleTextProperty().set("purchases >= 3 and not channel = 门店");
        assertEquals(2, model.rows().size());
        assertTrue(model.rows().get(1).notProperty().get());
        assertEquals("1 member", model.countProperty().get());
        model.rows().get(0).valueProperty().set("1");
        // purchases >= 1 and not 门店: A
        assertEquals("purchases >= 1 and not channel = \"门店\"", model.ruleTextProperty().get());
        model.rows().get(1).notProperty().set(false);
        model.rows().get(1).fieldProperty().set(Field.TOTAL_SPENT);
        // text fields take =, != and in; a number field keeps the operator
        assertEquals(Operator.EQ, model.rows().get(1).operatorProperty().get());
        model.rows().get(1).operatorProperty().set(Operator.BETWEEN);
        model.rows().get(1).valueProperty().set("40");
        model.rows().get(1).value2Property().set("60");
        model.anyOfProperty().set(true);
        assertEquals("purchases >= 1 or total_spent between 40 and 60", model.ruleTextProperty().get());
        // A (≥ 1) or B (50 yuan): 2
        assertEquals("2 members", model.countProperty().get());
        assertEquals(2, model.preview().size());
    }

    @Test
    void groupsInsideGroupsAreTextOnlyAndMistakesSayWhere() {
        model.ruleTextProperty().set("channel = 抖音 and (purchases = 0 or purchases >= 3)");
        assertFalse(model.builderUsableProperty().get());
        assertEquals("2 members", model.countProperty().get());
        // "channel = 抖音 and" is 16 characters: the missing field would start at 17
        model.ruleTextProperty().set("channel = 抖音 and");
        assertEquals("at position 17: expected a field name, found the end of the rule", model.errorProperty().get());
        model.ruleTextProperty().set("渠道 = 抖音");
        assertTrue(model.builderUsableProperty().get());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void templatesSaveAndExport() throws Exception {
        model.useTemplate(SegmentsViewModel.Template.TOP_SPENDERS);
        // buyers A (300 yuan) and B (50): the top 20% of 2 is 1 buyer, reaching 300
        assertEquals("total_spent >= 300", model.ruleTextProperty().get());
        model.useTemplate(SegmentsViewModel.Template.BIRTHDAY_MONTH);
        assertEquals("birthday_month = 3", model.ruleTextProperty().get());
        model.useTemplate(SegmentsViewModel.Template.SLEEPING);
        model.ruleTextProperty().set("channel = 抖音");
        model.tagNameProperty().set("抖音来的");
        model.saveAsTag();
        assertEquals(1, model.tags().size());
        assertEquals(2, model.tags().get(0).members());
        Path csv = folder.resolve("out.csv");
        model.export(csv);
        assertEquals(3, Files.readAllLines(csv).size());
        model.tagNameProperty().set("VIP");
        model.ruleTextProperty().set("purchases >= 3");
        model.tagMembers();
        assertEquals(List.of("VIP", "抖音来的"), context.app().tags().tagsOf(
                context.app().members().byNumber("A").orElseThrow().id()));
    }

    @Test
    void finding11_savingARuleTagThatMakesACircleShowsTheCircleAndSavesNothing() {
        context.app().tags().create("老客", "tag = \"抖音客\"");
        model.ruleTextProperty().set("channel = 抖音 and not tag = 老客");
        model.tagNameProperty().set("抖音客");
        model.saveAsTag();
        assertEquals(List.of("The rule of tag 抖音客 would make tags depend on each other in a circle (抖音客 → 老客 → 抖音客),"
                + " so their members could never settle. Nothing was saved: remove one of these tag conditions."),
                dialogs.errors);
        assertEquals(List.of("老客"), context.app().tags().list().stream().map(t -> t.name()).toList());
    }
}

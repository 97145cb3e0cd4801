package org.memberdesk.ui.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.points.Reward;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.counter.CounterViewModel;
import org.memberdesk.ui.tiers.TiersViewModel;

/** The growth view models without a screen (tasks run at once on a real database). */
class GrowthViewModelsTest {
    @TempDir
    Path folder;
    private UiContext context;
    private Member wang;

    @BeforeEach
    void setUp() {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        wang = context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
    }

    @Test
    void pointsFindAdjustAndRedeemAReward() {
        context.app().points().saveReward(new Reward(0, "纪念徽章", Reward.Kind.GIFT, 100, 0, true));
        PointsViewModel model = new PointsViewModel(context.app().members(), context.app().points(),
                context.app().tiers(), context.tasks(), context.dialogs(), context.messages(), context.changes());
        model.lookupProperty().set("13812341234");
        model.find();
        assertEquals(wang.id(), model.memberProperty().get().id());
        assertEquals("普通", model.tierProperty().get());
        assertEquals("Spend ¥1,000 more to reach 银卡", model.nextStepProperty().get());
        assertEquals("纪念徽章 · 100", model.rewards().get(0));

        model.adjustPointsProperty().set("12x");
        model.adjust();
        assertEquals("Points must be a whole number, not \"12x\"", model.problemProperty().get());

        model.adjustPointsProperty().set("150");
        model.adjustReasonProperty().set("活动");
        model.operatorProperty().set("店长");
        model.adjust();
        assertEquals("150", model.balanceProperty().get());
        assertEquals("", model.adjustPointsProperty().get());

        model.rewardProperty().set("纪念徽章 · 100");
        model.redeem();
        assertEquals("50", model.balanceProperty().get());                 // 150 − 100
        assertEquals(2, model.entries().size());
        model.rewardProperty().set("纪念徽章 · 100");
        model.redeem();
        assertEquals("Not enough points: this needs 100 but the member has 50", model.problemProperty().get());
        assertEquals("50", model.balanceProperty().get());
    }

    @Test
    void ladderTypedInYuanIsSavedInCents() {
        TiersViewModel model = new TiersViewModel(context.app().tiers(), context.app().clock(), context.tasks(),
                context.messages(), context.changes());
        model.load();
        assertEquals(4, model.rows().size());
        assertEquals("1000.00", model.rows().get(1).threshold().get());
        model.rows().get(1).threshold().set("800.50");
        model.save();
        assertEquals("", model.problemProperty().get());
        assertEquals(80_050, context.app().tiers().ladder().at(1).threshold());
        model.rows().get(2).pointsPercent().set("lots");
        model.save();
        assertEquals("Points % must be a whole number, not \"lots\"", model.problemProperty().get());
        assertEquals(1L, model.counts().get(0).getValue());                 // 王芳 in 普通
    }

    @Test
    void theCounterSaysWhenAPurchaseUpgradesTheMember() {
        CounterViewModel counter = org.memberdesk.ui.counter.CounterScreen.model(context);
        counter.choose(wang);
        counter.itemProperty().set("年卡");
        counter.amountProperty().set("1000");
        counter.save();
        assertTrue(counter.statusProperty().get().endsWith("王芳 is now 银卡!"), counter.statusProperty().get());
        counter.choose(context.app().members().byId(wang.id()).orElseThrow());
        counter.itemProperty().set("停车");
        counter.amountProperty().set("10");
        counter.save();
        assertTrue(!counter.statusProperty().get().contains("is now"), counter.statusProperty().get());
    }
}

package org.memberdesk.ui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.tags.Tag;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** Issue 19, defects 6 and 7: the tags list in Chinese, and what a deletion the person declines leaves. */
class TagsViewModelTest {
    @TempDir
    Path folder;

    @Test
    void defect7_savedTagsReadInChineseAndADeclinedDeletionKeepsTheTag() {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.chinese());
        UiContext context = TestContext.create(folder, dialogs);
        context.app().members().add(new MemberDetails("A", "王芳", null, null, null, LocalDate.of(2026, 1, 1), "抖音",
                null, null, null));
        context.app().tags().create("重要流失",
                "purchases >= 3 and days_since_last_purchase between 30 and 60 and total_spent >= 500");
        context.app().tags().addByNumbers("VIP", List.of("A"));
        TagsViewModel model = new TagsViewModel(context.app().tags(), new SameThreadTaskExecutor(dialogs), dialogs,
                Messages.chinese(), new DataChanges());
        model.load();
        Tag lapsing = model.tags().get(1);
        assertEquals("重要流失 · 0 位会员", model.title(lapsing));
        assertEquals("消费次数 ≥ 3，且最近消费天数介于 30 至 60，且累计消费 ≥ ¥500", model.rule(lapsing));
        assertEquals("刷新于 " + lapsing.refreshedAt().substring(0, 16), model.refreshed(lapsing));
        Tag vip = model.tags().get(0);
        assertEquals("VIP · 1 位会员", model.title(vip));
        assertEquals("手动标签", model.rule(vip));

        model.chosenProperty().set(vip);
        dialogs.confirmAnswer = false;
        model.delete();
        assertEquals(2, context.app().tags().list().size(), "declined: nothing deleted");
        assertEquals("1 位会员带有 VIP，删除后将从他们身上去掉。\n会员的其他资料都保留。", dialogs.confirmations.get(0));
        dialogs.confirmAnswer = true;
        model.delete();
        assertEquals(1, context.app().tags().list().size());
        assertEquals("已删除标签 VIP。", model.statusProperty().get());
        assertNull(model.chosenProperty().get());
    }
}

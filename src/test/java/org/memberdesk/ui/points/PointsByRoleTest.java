package org.memberdesk.ui.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Role;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** Issue 18 on the points screen: a manager's adjustment above the shop's limit is refused in the shop's words. */
class PointsByRoleTest {
    @TempDir
    Path folder;

    @Test
    void finding1_aManagerAboveTheLimitIsToldWhyAndTheBalanceStays() {
        UiContext context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        context.app().members().add(new MemberDetails(null, "王芳", "13812341234", null, null,
                LocalDate.of(2025, 1, 1), null, null, null, Map.of()));
        long id = context.app().staff().add("李姐", Role.MANAGER, "5678").id();
        context.app().session().become(new Actor(id, "李姐", Role.MANAGER));

        PointsViewModel model = new PointsViewModel(context.app().members(), context.app().points(),
                context.app().tiers(), context.tasks(), context.dialogs(), context.messages(), context.changes());
        model.lookupProperty().set("13812341234");
        model.find();
        model.adjustPointsProperty().set("501"); // the default limit is 500 a time
        model.adjustReasonProperty().set("开业赠送");
        model.adjust();
        assertEquals("李姐 may adjust at most 500 points at a time. Nothing was changed. The owner may adjust more.",
                model.problemProperty().get());
        assertEquals("0", model.balanceProperty().get());

        model.adjustPointsProperty().set("500");
        model.adjust(); // no name typed: the signed-in manager is who adjusted
        assertEquals("500", model.balanceProperty().get());
        assertEquals("李姐", context.app().points().entries(context.app().members().byNumberOrPhone("13812341234")
                .orElseThrow().id(), 1).get(0).operator());
    }
}

package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.predictions.CdnowShop;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** The member pane's prediction line follows a refit while the member stays shown (the daily refit, Refit now). */
class MemberForecastRefitTest {
    @TempDir
    Path folder;

    @Test
    void aNewModelRereadsTheShownMembersLine() throws Exception {
        UiContext context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        CdnowShop.importInto(context.app(), folder);
        long id = context.app().members().byNumber("C1516").orElseThrow().id();
        MemberDetailViewModel detail = MembersScreen.detailModel(context);
        detail.show(id);
        String before = detail.forecastText();
        assertTrue(before.startsWith("Not predicted yet"), before);

        context.app().predictions().fit(CdnowShop.CALIBRATION_END, TimeUnit.WEEK);
        context.changes().predictionsRefitted(Optional.empty());

        assertEquals("Still a customer: 97% · worth ¥1,030 over the next year (model of 1997-09-30)",
                detail.forecastText());
    }
}

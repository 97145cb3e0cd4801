package org.memberdesk.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class TransferActionsTest {
    @TempDir
    Path folder;

    @Test
    void importsAFileAndNamesTheRejectedRowsReport() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        UiContext context = TestContext.create(folder, dialogs);
        Path csv = Files.write(folder.resolve("members.csv"), List.of(
                "姓名,手机号",
                "王芳,13812341234",
                "李娜,12345",
                "张伟,13900005678"), StandardCharsets.UTF_8);
        dialogs.fileAnswer = csv;
        new TransferActions(context).importMembers();
        assertEquals(2, context.app().members().count(MemberQuery.all()));
        assertEquals(1, dialogs.infos.size());
        assertTrue(dialogs.infos.get(0).startsWith("Imported 2; already stored 0; rejected 1."), dialogs.infos.get(0));
        assertTrue(dialogs.infos.get(0).contains("The rejected rows and why are listed in:"), dialogs.infos.get(0));
    }

    @Test
    void exportsTheMembers() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        UiContext context = TestContext.create(folder, dialogs);
        Path in = Files.write(folder.resolve("in.csv"), List.of("姓名,手机号", "王芳,13812341234"),
                StandardCharsets.UTF_8);
        dialogs.fileAnswer = in;
        new TransferActions(context).importMembers();
        Path out = folder.resolve("out.csv");
        dialogs.fileAnswer = out;
        new TransferActions(context).exportMembers();
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("王芳"));
        assertEquals("Wrote 1 rows to " + out, dialogs.infos.get(1));
    }
}

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
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class TransferActionsTest {
    @TempDir
    Path folder;

    @Test
    void exportsTheMembers() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        UiContext context = TestContext.create(folder, dialogs);
        Path in = Files.write(folder.resolve("in.csv"), List.of("姓名,手机号", "王芳,13812341234"),
                StandardCharsets.UTF_8);
        context.app().memberImporter().importFile(in, ImportOptions.defaults(), Progress.NONE,
                context.messages());
        Path out = folder.resolve("out.csv");
        dialogs.fileAnswer = out;
        new TransferActions(context).exportMembers();
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("王芳"));
        assertEquals("Wrote 1 row to " + out, dialogs.infos.get(0));
    }

    @Test
    void finding4_anExportNamedXlsxIsAnExcelWorkbook() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        UiContext context = TestContext.create(folder, dialogs);
        Path in = Files.write(folder.resolve("in.csv"), List.of("姓名,手机号", "王芳,13812341234"),
                StandardCharsets.UTF_8);
        context.app().memberImporter().importFile(in, ImportOptions.defaults(), Progress.NONE,
                context.messages());
        Path out = folder.resolve("会员.xlsx");
        dialogs.fileAnswer = out;
        new TransferActions(context).exportMembers();
        assertEquals("Wrote 1 row to " + out, dialogs.infos.get(0));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                     new org.dhatim.fastexcel.reader.ReadableWorkbook(out.toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertEquals("members", workbook.getFirstSheet().getName());
            assertEquals("王芳", rows.get(1).getCellText(1));
            assertEquals("13812341234", rows.get(1).getCellText(2));
        }
    }

    @Test
    void finding1_savingAnExportOntoTheDatabaseIsRefusedWithAMessageBeforeAnythingIsTouched() throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs(Messages.english());
        UiContext context = TestContext.create(folder, dialogs);
        Path in = Files.write(folder.resolve("in.csv"), List.of("姓名,手机号", "王芳,13812341234"),
                StandardCharsets.UTF_8);
        context.app().memberImporter().importFile(in, ImportOptions.defaults(), Progress.NONE,
                context.messages());
        Path db = folder.resolve("vm.db");
        byte[] before = Files.readAllBytes(db);
        // the person picks the database itself, then a link to it, in the save dialog
        dialogs.fileAnswer = db;
        new TransferActions(context).exportMembers();
        dialogs.fileAnswer = Files.createSymbolicLink(folder.resolve("alias.csv"), db);
        new TransferActions(context).exportPurchases();

        assertEquals(2, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("is the shop's database"), dialogs.errors.get(0));
        assertEquals(List.of(), dialogs.infos, "no export ran");
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(db));
        assertEquals(1, context.app().members().count(org.memberdesk.members.MemberQuery.all()));
    }
}

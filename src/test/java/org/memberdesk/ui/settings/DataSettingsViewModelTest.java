package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

class DataSettingsViewModelTest {
    @TempDir
    Path folder;

    private RecordingDialogs dialogs;
    private UiContext context;
    private DataSettingsViewModel model;

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        model = new DataSettingsViewModel(context.app().backupService(), context.app().diagnostics(), context.tasks(),
                dialogs, context.messages(), context.changes());
        addMembers(1, 3);
        model.load();
    }

    private void addMembers(int from, int count) {
        for (int i = from; i < from + count; i++) {
            context.app().database().execute("INSERT INTO members (member_no, name, join_date) VALUES ('M" + i
                    + "', 'Member " + i + "', '2026-01-01')");
        }
    }

    private long members() {
        return context.app().members().count(MemberQuery.all().withArchived(true));
    }

    @Test
    void backUpNowListsTheNewBackup() {
        assertEquals(0, model.backups().size());
        model.backUpNow();
        assertEquals(1, model.backups().size());
        // TestContext's clock stands at 2026-03-15 14:30
        // the size depends on how many migrations the schema has; its format does not
        assertTrue(model.backups().get(0).text().matches("2026-03-15 14:30:00  ·  by hand  ·  \\d+\\.\\d MB"),
                model.backups().get(0).text());
        assertTrue(model.statusProperty().get().startsWith("Backed up: vm-20260315-143000-000-manual.db"),
                model.statusProperty().get());
    }

    @Test
    void restoreAfterConfirmationBringsTheBackupBack() {
        model.backUpNow();
        addMembers(10, 2);
        assertEquals(5, members());

        dialogs.confirmAnswer = false;
        model.restore(model.backups().get(0));
        assertEquals(5, members(), "no confirmation, no restore");

        dialogs.confirmAnswer = true;
        model.restore(model.backups().get(0));
        assertEquals(3, members());
        assertEquals(2, model.backups().size(), "the state before the restore was backed up");
        assertTrue(model.backups().get(0).text().contains("before a restore"), model.backups().get(0).text());
        assertTrue(model.statusProperty().get().startsWith("Restored "), model.statusProperty().get());
        assertEquals(java.util.List.of(), dialogs.errors);
    }

    @Test
    void aForeignFileIsRefusedWithAClearMessageAndNothingChanges() throws Exception {
        dialogs.fileAnswer = Files.writeString(folder.resolve("members.xlsx"), "PK not a database");
        model.restoreFromFile();
        assertEquals(3, members());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("it is not a MemberDesk backup"), dialogs.errors.get(0));
        assertEquals(0, model.backups().size(), "nothing was backed up for a refused file");
    }

    @Test
    void keepThinsTheListAndTheCheckReportsOk() {
        model.backUpNow();
        model.backUpNow();
        model.backUpNow();
        assertEquals(3, model.backups().size());
        model.keepProperty().set(2);
        model.saveKeep();
        assertEquals(2, model.backups().size());
        assertEquals(2, context.app().backups().keep());

        model.checkIntegrity();
        assertEquals("The database check found no problems.", model.statusProperty().get());
    }

    @Test
    void defect7BackupFolder_theChosenFolderIsRememberedAndEachManualBackupIsCopiedThere() throws Exception {
        Path usb = Files.createDirectories(folder.resolve("usb"));
        assertEquals("No backup folder chosen: the backups stay on this computer only", model.copyFolderProperty().get());
        dialogs.folderAnswer = usb;
        model.chooseCopyFolder();
        assertEquals(usb.toString(), model.copyFolderProperty().get());
        assertEquals("Each daily and manual backup is now also copied to " + usb + ".", model.statusProperty().get());
        assertTrue(model.copyingProperty().get());

        model.backUpNow();
        assertEquals("Backed up: vm-20260315-143000-000-manual.db (" + DataSettingsViewModel.megabytes(
                Files.size(usb.resolve("vm-20260315-143000-000-manual.db"))) + "), and copied to " + usb + ".",
                model.statusProperty().get());
        // remembered in the shop's settings: a new screen (or the next start) reads it back
        DataSettingsViewModel again = new DataSettingsViewModel(context.app().backupService(),
                context.app().diagnostics(), context.tasks(), dialogs, context.messages(), context.changes());
        again.load();
        assertEquals(usb.toString(), again.copyFolderProperty().get());
        assertEquals(java.util.List.of(), dialogs.errors);
    }

    @Test
    void defect7BackupFolder_whenTheUsbDriveIsUnpluggedTheBackupIsStillMadeAndTheOwnerIsToldInWords() throws Exception {
        Path usb = Files.createDirectories(folder.resolve("usb"));
        dialogs.folderAnswer = usb;
        model.chooseCopyFolder();
        Files.delete(usb);

        model.load();
        assertEquals("The backup folder " + usb + " is not there now (is the USB drive plugged in?). Backups are still"
                + " kept beside the database.", model.copyWarningProperty().get());
        model.backUpNow();
        assertEquals(1, model.backups().size(), "the backup beside the database was made");
        String status = model.statusProperty().get();
        assertTrue(status.startsWith("Backed up: vm-20260315-143000-000-manual.db"), status);
        assertTrue(status.endsWith("The backup folder " + usb + " is not there (is the USB drive plugged in?), so no"
                + " copy was made there. The backup beside the database is whole. Plug the drive in and back up again."),
                status);
        assertEquals(java.util.List.of(), dialogs.errors, "no error dialog, no stack trace: the backup is made");
    }

    @Test
    void defect7BackupFolder_theBackupsFolderItselfIsRefusedInWordsAndStoppingCopiesIsLogged() throws Exception {
        model.backUpNow();
        dialogs.folderAnswer = folder.resolve("backups");
        model.chooseCopyFolder();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("is the backups folder beside the database itself"),
                dialogs.errors.get(0));
        assertEquals("No backup folder chosen: the backups stay on this computer only", model.copyFolderProperty().get());

        dialogs.folderAnswer = Files.createDirectories(folder.resolve("usb"));
        model.chooseCopyFolder();
        model.stopCopying();
        assertEquals("Backups are no longer copied to another folder. They are still kept beside the database.",
                model.statusProperty().get());
        assertTrue(!model.copyingProperty().get());
    }

    @Test
    void defect7BackupFolder_aCopyOnlyInTheChosenFolderCanBeRestored() throws Exception {
        Path usb = Files.createDirectories(folder.resolve("usb"));
        dialogs.folderAnswer = usb;
        model.chooseCopyFolder();
        model.backUpNow();
        addMembers(10, 2);
        // the computer's disk lost its backups; the USB drive kept its copy
        Files.delete(folder.resolve("backups/vm-20260315-143000-000-manual.db"));
        model.load();
        assertEquals(1, model.backups().size());
        assertTrue(model.backups().get(0).text().endsWith("in " + usb), model.backups().get(0).text());

        model.restore(model.backups().get(0));
        assertEquals(3, members(), "the 3 members of the copy, not the 5 of before");
    }

    @Test
    void diagnosticsAreCollectedForTheClipboard() {
        boolean[] copied = {false};
        model.collectDiagnostics(() -> copied[0] = true);
        assertTrue(copied[0]);
        assertTrue(model.diagnosticsProperty().get().contains("Data: 3 members, 0 purchases"),
                model.diagnosticsProperty().get());
    }
}

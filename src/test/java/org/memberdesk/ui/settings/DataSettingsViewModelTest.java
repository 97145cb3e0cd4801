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
        model = new DataSettingsViewModel(context);
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
    void diagnosticsAreCollectedForTheClipboard() {
        boolean[] copied = {false};
        model.collectDiagnostics(() -> copied[0] = true);
        assertTrue(copied[0]);
        assertTrue(model.diagnosticsProperty().get().contains("Data: 3 members, 0 purchases"),
                model.diagnosticsProperty().get());
    }
}

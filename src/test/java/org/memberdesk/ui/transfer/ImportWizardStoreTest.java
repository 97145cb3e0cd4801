package org.memberdesk.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportPreview;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.transfer.ImportWizardModel.Step;

/** The wizard's store field (门店): offered, guessed and checked in a chain; a single shop never sees it. */
class ImportWizardStoreTest {
    @TempDir
    Path folder;

    private RecordingDialogs dialogs;
    private UiContext context;
    private final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        context.app().members().add(org.memberdesk.TestDatabase.member("M1", "王芳", "13812345678"));
    }

    private ImportWizardModel toMapping(Path file) {
        ImportWizardModel model = new ImportWizardModel(TransferActions.importers(context), dialogs, context.tasks(),
                context.messages(), new ImportRun(context, opened::add), ImportKind.PURCHASES);
        model.fileProperty().set(file.toString());
        model.next();
        model.next();
        assertEquals(Step.MAP, model.stepProperty().get());
        return model;
    }

    private Path purchases() throws Exception {
        return Files.write(folder.resolve("p.csv"), List.of("单号,会员编号,交易时间,金额,门店",
                "T1,M1,2026-02-01 10:00,70,二店", "T2,M1,2026-02-01 11:00,30,三店"), StandardCharsets.UTF_8);
    }

    @Test
    void aSingleShopIsNotAskedForAStoreColumn() throws Exception {
        ImportWizardModel model = toMapping(purchases());
        assertFalse(model.fields().contains("store"), model.fields().toString());
        assertThrows(IllegalArgumentException.class, () -> model.column("store"));
        assertFalse(model.columns().containsKey("store"));
    }

    @Test
    void aChainMapsTheStoreColumnAndTheCheckNamesAnUnknownStore() throws Exception {
        context.app().stores().add("二店");
        ImportWizardModel model = toMapping(purchases());
        assertTrue(model.fields().contains("store"), model.fields().toString());
        assertEquals("门店", model.column("store").get()); // guessed from the header
        assertEquals("Store", model.fieldLabel("store"));
        model.next();
        assertEquals(Step.CHECK, model.stepProperty().get());
        ImportPreview check = model.checkProperty().get();
        // T1 in 二店 would be stored; T2 names 三店, which is no store
        assertEquals(ImportPreview.Outcome.STORED, check.rows().get(0).outcome());
        assertEquals(ImportPreview.Outcome.REJECTED, check.rows().get(1).outcome());
        assertEquals("There is no store named \"三店\". The stores are: 本店, 二店.", check.rows().get(1).reason());
    }
}

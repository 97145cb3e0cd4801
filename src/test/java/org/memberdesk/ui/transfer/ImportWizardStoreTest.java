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
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
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
        return toMapping(file, ImportKind.PURCHASES);
    }

    private ImportWizardModel toMapping(Path file, ImportKind kind) {
        ImportWizardModel model = new ImportWizardModel(TransferActions.importers(context), dialogs, context.tasks(),
                context.messages(), new ImportRun(context, opened::add), kind);
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

    /** Member M1's cards: stored value (every store) in 二店, then 二店's pass in 本店 and a card in 三店. */
    private Path cards() throws Exception {
        context.app().cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000,
                20_000, null, null, null, 0, 0, true, false));
        return Files.write(folder.resolve("cards.csv"), List.of("会员编号,卡名,本金,开始日期,到期日期,门店",
                "M1,充1000送200,100,,,二店", "M1,二店月卡,,2026-11-10,2026-12-09,本店", "M1,充1000送200,100,,,三店"),
                StandardCharsets.UTF_8);
    }

    @Test
    void aSingleShopsCardImportIsNotAskedForAStoreColumn() throws Exception {
        ImportWizardModel model = toMapping(cards(), ImportKind.CARDS);
        assertEquals(List.of("member_no", "product", "principal", "bonus", "sessions_left", "valid_from", "valid_to",
                "paid"), List.copyOf(model.fields()));
        assertFalse(model.columns().containsKey("store"));
    }

    @Test
    void aChainsCardImportMapsTheStoreColumnAndTheCheckNamesAWrongOrUnknownStore() throws Exception {
        long second = context.app().stores().add("二店").id();
        context.app().cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "二店月卡", 30_000, 0, null, 30, 1,
                0, 0, true, false).onlyAt(second));
        ImportWizardModel model = toMapping(cards(), ImportKind.CARDS);
        assertTrue(model.fields().contains("store"), model.fields().toString());
        assertEquals("门店", model.column("store").get()); // guessed from the header
        assertEquals("Store", model.fieldLabel("store"));
        model.next();
        assertEquals(Step.CHECK, model.stepProperty().get());
        List<ImportPreview.Row> rows = model.checkProperty().get().rows();
        // line 2 in 二店 would be stored; line 3 puts 二店's pass in 本店; line 4 names 三店, which is no store
        assertEquals(ImportPreview.Outcome.STORED, rows.get(0).outcome());
        assertEquals(ImportPreview.Outcome.REJECTED, rows.get(1).outcome());
        assertEquals("The card 二店月卡 is for 二店 only, and this line's store is Main store: the card was not stored."
                + " Write the store that sold it in the store column, then import the file again.",
                rows.get(1).reason());
        assertEquals(ImportPreview.Outcome.REJECTED, rows.get(2).outcome());
        assertEquals("There is no store named \"三店\". The stores are: 本店, 二店.", rows.get(2).reason());
    }
}

package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Progress;

/**
 * A chain's cards file says where each card was sold (门店, by name as the purchase import reads it): its opening
 * entry belongs to that store; without the column, to this computer's store. An unknown store, or a product limited
 * to another store than the line's, is that line's problem and the rest of the file goes in. A single shop's file
 * goes in as before. Products: 充1000送200 (stored value, every store) and 二店月卡 (a pass of 30 days, ¥300, for
 * 二店 only); members A1 and A2.
 */
@BothEngines
class CardImportStoreTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("A2", "李雷", "13900001111"));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null,
                null, null, 0, 0, true, false));
    }

    /** The second store and the pass limited to it: a chain. */
    private void chain() {
        assertEquals(2, app.stores().add("二店").id());
        app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "二店月卡", 30_000, 0, null, 30, 1, 0, 0,
                true, false).onlyAt(2L));
    }

    /** Lines 2, 3, 5 and 8 are stored; 4 names no store; 6 and 7 put 二店's pass in 本店 (by name, and by none). */
    private static final String WITH_STORES = """
            member_no,product,principal,valid_from,valid_to,门店
            A1,充1000送200,100,,,二店
            A2,充1000送200,200,,,
            A1,充1000送200,300,,,三店
            A2,二店月卡,,2026-11-10,2026-12-09,二店
            A1,二店月卡,,2026-11-10,2026-12-09,本店
            A2,二店月卡,,2026-11-10,2026-12-09,
            A1,充1000送200,400,,,main STORE
            """;

    /** What one clean run of {@link #WITH_STORES} stores: each card (member, product, principal) at its store. */
    private static final List<String> STORED = List.of("A1 充1000送200 10000 @2", "A2 充1000送200 20000 @1",
            "A2 二店月卡 0 @2", "A1 充1000送200 40000 @1");

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private ImportResult importCards(Path file, ImportOptions options, Messages messages) throws IOException {
        return app.cardImporter().importFile(file, options, Progress.NONE, messages);
    }

    /** Every card in card order as "member product principal @store of its opening entry". */
    private List<String> cardStores() {
        return app.database().read(connection -> {
            List<String> cards = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT m.member_no, p.name, c.principal_cents, e.store_id FROM cards c
                    JOIN members m ON m.id = c.member_id JOIN card_products p ON p.id = c.product_id
                    JOIN card_entries e ON e.card_id = c.id AND e.kind = 'opening' ORDER BY c.id""");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cards.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " @" + rs.getLong(4));
                }
            }
            return cards;
        });
    }

    @Test
    void aChainsCardFileSaysWhereEachCardWasSoldAndRefusesAnUnknownStoreOrTheWrongOne() throws IOException {
        chain();
        Path file = write("cards.csv", WITH_STORES);

        ImportResult result = importCards(file, ImportOptions.defaults(), Messages.english());

        // line 2 in 二店 (2); line 3 names none: this computer's 本店 (1); line 5 二店's pass in 二店 (2); line 8
        // "main STORE" is 本店 by its English name (1). Rejected: 4 (三店 is no store), 6 and 7 (二店's pass in 本店)
        assertEquals(4, result.imported());
        assertEquals(3, result.rejected());
        assertEquals(STORED, cardStores());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("4", "6", "7"), report.stream().map(r -> r.get("line")).toList());
        assertEquals(List.of("store", "store", "store"), report.stream().map(r -> r.get("field")).toList());
        assertEquals("There is no store named \"三店\". The stores are: 本店, 二店.", report.get(0).get("reason"));
        String wrongStore = "The card 二店月卡 is for 二店 only, and this line's store is Main store: the card was not"
                + " stored. Write the store that sold it in the store column, then import the file again.";
        assertEquals(wrongStore, report.get(1).get("reason"));
        assertEquals(wrongStore, report.get(2).get("reason"));
        assertTrue(app.cardReports().check().ok(), app.cardReports().check().problems().toString());

        // the same file again: nothing twice, nothing moved, the rejected lines rejected again
        ImportResult again = importCards(file, ImportOptions.defaults(), Messages.english());
        assertEquals(0, again.imported());
        assertEquals(4, again.alreadyImportedRows());
        assertEquals(3, again.rejected());
        assertEquals(STORED, cardStores());
    }

    @Test
    void theWrongStoreIsSaidInChineseToo() throws IOException {
        chain();
        ImportResult result = importCards(write("cards.csv", WITH_STORES), ImportOptions.defaults(),
                Messages.chinese());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals("没有名为“三店”的门店。现有门店：本店, 二店。", report.get(0).get("reason"));
        assertEquals("此卡（二店月卡）仅限二店使用，本行的门店是本店，这张卡未导入。请在门店列填写开卡的门店，再导入本文件。",
                report.get(1).get("reason"));
    }

    /** A crash after the first committed batch, as in {@link CardImportTest}. */
    private static final class Crash extends RuntimeException {
    }

    @Test
    void aRunStoppedAfterABatchAndRunAgainEndsAsOneCleanRun() throws IOException {
        chain();
        Path file = write("cards.csv", WITH_STORES);
        Progress crashAfterFirst = new Progress() {
            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                throw new Crash();
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        ImportOptions batchesOf3 = ImportOptions.defaults().withBatchSize(3);
        // the first batch is lines 2–4: the cards of lines 2 (二店) and 3 (本店) committed, line 4 rejected
        assertThrows(Crash.class, () -> app.cardImporter().importFile(file, batchesOf3, crashAfterFirst,
                Messages.english()));
        assertEquals(STORED.subList(0, 2), cardStores());

        ImportResult rerun = importCards(file, batchesOf3, Messages.english());
        assertTrue(rerun.resumed());
        assertEquals(2, rerun.alreadyImportedRows());
        // lines 5 and 8 stored now; 4, 6 and 7 rejected (line 4 tried again, as the next run tries every rejection)
        assertEquals(2, rerun.imported());
        assertEquals(3, rerun.rejected());
        assertEquals(STORED, cardStores());
        assertTrue(app.cardReports().check().ok(), app.cardReports().check().problems().toString());
    }

    @Test
    void withoutAStoreColumnEveryCardIsThisComputersStoreAndItsLimitIsThatStores() throws IOException {
        chain();
        app.stores().settle(Optional.of("二店"));
        ImportResult result = importCards(write("cards.csv", """
                member_no,product,principal,valid_from,valid_to
                A1,充1000送200,100,,
                A2,二店月卡,,2026-11-10,2026-12-09
                """), ImportOptions.defaults(), Messages.english());
        // this computer is in 二店: both cards sold there, 二店's pass included
        assertEquals(2, result.imported());
        assertEquals(List.of("A1 充1000送200 10000 @2", "A2 二店月卡 0 @2"), cardStores());
    }

    @Test
    void aSingleShopsFileWithAStoreLikeColumnGoesInAsBefore() throws IOException {
        // one store: a column headed 门店 is not read as the store (a single shop never thinks about stores)
        ImportResult result = importCards(write("cards.csv", """
                member_no,product,principal,门店
                A1,充1000送200,100,南京路店
                """), ImportOptions.defaults(), Messages.english());
        assertEquals(1, result.imported());
        assertEquals(0, result.rejected());
        assertEquals(List.of("A1 充1000送200 10000 @1"), cardStores());
        // the store field is asked of a single shop only when a person maps it; the fields of its file otherwise
        // are those it always had, the store last and known by no header of its own
        assertEquals(List.of("member_no", "product", "principal", "bonus", "sessions_left", "valid_from",
                "valid_to", "paid", "store"), List.copyOf(CardImporter.FIELDS.keySet()));
        assertEquals(List.of(), StoreNames.of(app.stores().all()).fields(CardImporter.FIELDS).get("store"));
    }

    @Test
    void thePreviewReadsTheStoreColumnAsTheImportDoes() throws IOException {
        chain();
        ImportPreview preview = app.cardImporter().preview(write("cards.csv", WITH_STORES), ImportOptions.defaults(),
                10, Messages.english());
        List<ImportPreview.Outcome> outcomes = preview.rows().stream().map(ImportPreview.Row::outcome).toList();
        // lines 2–8 in order: 4, 6 and 7 rejected as the import rejects them
        assertEquals(List.of(ImportPreview.Outcome.STORED, ImportPreview.Outcome.STORED,
                ImportPreview.Outcome.REJECTED, ImportPreview.Outcome.STORED, ImportPreview.Outcome.REJECTED,
                ImportPreview.Outcome.REJECTED, ImportPreview.Outcome.STORED), outcomes);
        assertTrue(preview.rows().get(2).reason().contains("三店"), preview.rows().get(2).reason());
        assertTrue(preview.rows().get(4).reason().startsWith("The card 二店月卡 is for 二店 only"),
                preview.rows().get(4).reason());
        assertEquals(ImportPreview.CARD_COLUMNS, preview.columns());
    }
}

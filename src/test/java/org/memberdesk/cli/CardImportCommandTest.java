package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;

/** {@code import-cards CSV --json}: the same keys as the other imports. */
class CardImportCommandTest {
    @TempDir
    Path folder;

    @Test
    void importCardsPrintsTheImportsKeys() throws Exception {
        AppContext app = TestDatabase.open(folder);
        app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null, 0, 0, true,
                false));
        Path file = folder.resolve("cards.csv");
        Files.writeString(file, """
                member_no,product,valid_from,valid_to
                A1,月卡,2026-11-10,2026-12-09
                A2,月卡,2026-11-10,2026-12-09
                """, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                "--db", folder.resolve("test.db").toString(), "import-cards", file.toString(), "--json");
        assertEquals(0, code, err.toString());
        String report = folder.resolve("cards.rejected.csv").toString();
        assertEquals("{\"imported\":1,\"duplicates\":0,\"rejected\":1,\"report\":"
                + org.memberdesk.common.Json.write(report) + ",\"already_imported_rows\":0,\"resumed\":false,"
                + "\"rejected_by_reason\":{\"The member is not stored: the card was not stored. Import the members first,"
                + " then this file again (rows already stored are not added twice).\":1}}",
                out.toString().strip());
    }
}

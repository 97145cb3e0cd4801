package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;

/** {@code card print}, {@code cards expiring --pdf} and {@code member-photo} as a script calls them. */
class CardPrintCommandsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 11, 22, 12, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path folder;
    Path db;
    AppContext app;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(CLOCK).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @BeforeEach
    void setUp() {
        db = folder.resolve("shop.db");
        app = new AppContext(Database.open(db), CLOCK);
        var wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("A2", "李娜", "13987654321"));
        long month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 39_900, 0, null, 30, null, 0,
                0, true, false));
        // from 2026-11-01: valid to 2026-11-30, within a week of the 25th
        app.cards().sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 11, 1, 10, 0));
    }

    @Test
    void cardPrintWritesOneCardPerMemberAndSaysHowMany() {
        Path pdf = folder.resolve("cards.pdf");
        Run printed = run("card", "print", "A1", "A2", "--pdf", pdf.toString(), "--json");
        assertEquals(0, printed.exit(), printed.err());
        assertEquals(2, printed.json().get("printed"));
        assertTrue(Files.isRegularFile(pdf));

        Run unknown = run("card", "print", "A1", "ZZ9", "--pdf", folder.resolve("x.pdf").toString(), "--json");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("error: ") && unknown.err().contains("ZZ9"), unknown.err());
        assertFalse(Files.exists(folder.resolve("x.pdf")));

        Run none = run("card", "print", "--pdf", pdf.toString());
        assertEquals(2, none.exit(), "a member number is needed");
        Run overTheDatabase = run("card", "print", "A1", "--pdf", db.toString());
        assertEquals(1, overTheDatabase.exit());
    }

    @Test
    void cardsExpiringPdfCountsTheCardsEndingWithinTheDays() {
        Path pdf = folder.resolve("renew.pdf");
        Run week = run("cards", "expiring", "--within", "7", "--as-of", "2026-11-25", "--pdf", pdf.toString(),
                "--json");
        assertEquals(0, week.exit(), week.err());
        assertEquals(1, week.json().get("count"));
        Run before = run("cards", "expiring", "--within", "3", "--as-of", "2026-11-22", "--pdf", pdf.toString(),
                "--json");
        assertEquals(0, before.json().get("count"), "2026-11-30 is 8 days after the 22nd");
        assertEquals(2, run("cards", "expiring", "--within", "7", "--as-of", "25.11.2026", "--pdf",
                pdf.toString()).exit());
        assertEquals(2, run("cards", "expiring", "--within", "-1", "--pdf", pdf.toString()).exit());
    }

    @Test
    void memberPhotoSetsReplacesAndRemovesAndRefusesWhatIsNotAPicture() throws Exception {
        Path face = folder.resolve("face.png");
        ImageIO.write(new BufferedImage(960, 1280, BufferedImage.TYPE_INT_RGB), "png", face.toFile());
        Run set = run("member-photo", "A1", "--file", face.toString(), "--json");
        assertEquals(0, set.exit(), set.err());
        // 960 × 1280 → 480 / 1280 = 0.375 → 360 × 480
        assertEquals(360, set.json().get("width"));
        assertEquals(480, set.json().get("height"));

        Path text = Files.writeString(folder.resolve("face.jpg"), "not a picture");
        Run refused = run("member-photo", "A1", "--file", text.toString(), "--json");
        assertEquals(3, refused.exit());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(app.memberPhotos().photo(app.members().byNumber("A1").orElseThrow().id()).isPresent(),
                "the old photo is kept");

        Run removed = run("member-photo", "A1", "--remove", "--json");
        assertEquals(Boolean.TRUE, removed.json().get("removed"));
        assertEquals(Boolean.FALSE, run("member-photo", "A1", "--remove", "--json").json().get("removed"));
        assertEquals(2, run("member-photo", "A1").exit(), "--file or --remove is needed");
        assertEquals(1, run("member-photo", "NOBODY", "--remove").exit());
    }
}

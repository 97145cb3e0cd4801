package org.memberdesk.cards.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.OutputRefusedException;
import org.memberdesk.members.Member;

/**
 * Member cards and the 续费提醒 list as PDFs, on a database with the clock at 2026-11-22 12:00 (TestDatabase). The
 * PDFs are read back with PDFBox (page size, text) and the card's barcodes are rendered and decoded with ZXing.
 */
@BothEngines
class CardPrinterTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    Member li;
    long yearPass;
    long monthPass;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        li = app.members().add(TestDatabase.member("A2", "李娜", "13987654321"));
        yearPass = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "年卡", 298_000, 0, null, 365, null, 3,
                30, true, false));
        monthPass = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 39_900, 0, null, 30, null, 2,
                14, true, false));
        app.shopProfile().setName("活力健身");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void cardsAreCardSizedOnePerPageWithTheShopTheMemberAndTheirCards() throws IOException {
        // a 年卡 sold today runs 365 days: 2026-11-22 … 2027-11-21
        app.cards().sell(wang.id(), yearPass, Pay.CASH, null, null);
        Path pdf = folder.resolve("cards.pdf");
        assertEquals(2, app.cardPrinter().printCards(List.of("A1", "A2"), pdf, Messages.chinese()));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, document.getNumberOfPages());
            for (int i = 0; i < 2; i++) {
                PDRectangle size = document.getPage(i).getMediaBox();
                // 85.6 mm = 85.6 / 25.4 × 72 = 242.65 pt; 54 mm = 153.07 pt
                assertEquals(242.65, size.getWidth(), 0.05);
                assertEquals(153.07, size.getHeight(), 0.05);
            }
        }
        String text = text(pdf);
        assertTrue(text.contains("活力健身"), text);
        assertTrue(text.contains("王芳") && text.contains("李娜"), text);
        assertTrue(text.contains("A1") && text.contains("A2"), text);
        assertTrue(text.contains("年卡 至 2027-11-21"), text);
    }

    @Test
    void bothBarcodesReadBackAsTheMemberNumberAndCheckInAcceptsIt() throws Exception {
        app.cards().sell(wang.id(), monthPass, Pay.CASH, null, null);
        app.memberPhotos().set(wang.id(), photo(300, 400));
        Path pdf = folder.resolve("card.pdf");
        app.cardPrinter().printCards(List.of("A1"), pdf, Messages.english());
        BufferedImage card;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            card = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.RGB);
        }
        String qr = new QRCodeReader().decode(bitmap(card), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        assertEquals("A1", qr);
        // the Code128 runs along the bottom: read it from the lower third, away from the QR code
        BufferedImage bottom = card.getSubimage(0, card.getHeight() * 2 / 3, card.getWidth(), card.getHeight() / 3);
        String code128 = new Code128Reader().decode(bitmap(bottom), Map.of(DecodeHintType.TRY_HARDER, true))
                .getText();
        assertEquals("A1", code128);
        CheckIns.CheckedIn in = app.checkIns().checkIn(code128, null, null);
        assertEquals(wang.id(), in.member().id());
    }

    private Path photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = folder.resolve("face-" + width + "x" + height + ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void aMemberWithAPhotoHasItOnTheCardAndOneWithoutDoesNot() throws IOException {
        app.memberPhotos().set(wang.id(), photo(600, 800));
        Path pdf = folder.resolve("photos.pdf");
        app.cardPrinter().printCards(List.of("A1", "A2"), pdf, Messages.chinese());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<org.apache.pdfbox.cos.COSName> withPhoto = new java.util.ArrayList<>();
            document.getPage(0).getResources().getXObjectNames().forEach(withPhoto::add);
            assertEquals(1, withPhoto.size(), "王芳's card shows her photo");
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) document.getPage(0).getResources()
                    .getXObject(withPhoto.get(0));
            // kept at 360 × 480 (600 × 800 scaled by 480 / 800), embedded as it is kept: a JPEG
            assertEquals(360, image.getWidth());
            assertEquals("jpg", image.getSuffix());
            assertFalse(document.getPage(1).getResources().getXObjectNames().iterator().hasNext(), "李娜 has none");
        }
        assertTrue(text(pdf).contains("李娜"));
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new BinaryBitmap(new HybridBinarizer(source));
    }

    @Test
    void theFaceShowsPassesBoughtOneAfterAnotherOnceToTheLastDayAndStoredValueWithItsBalance() {
        app.cards().sell(wang.id(), monthPass, Pay.CASH, null, LocalDateTime.of(2026, 11, 1, 10, 0));
        // bought while the first is valid: starts the day after it ends, 2026-12-01 … 2026-12-30
        app.cards().sell(wang.id(), monthPass, Pay.CASH, null, null);
        long topup = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000,
                null, null, null, 0, 0, true, false));
        app.cards().sell(wang.id(), topup, Pay.CASH, null, null);
        List<String> face = CardPrinter.summary(app.cards().cards(wang.id()), LocalDate.of(2026, 11, 22),
                Messages.chinese());
        assertEquals(List.of("月卡 至 2026-12-30", "充1000送200 余额 ¥1,200.00"), face);
    }

    @Test
    void anUnknownMemberNumberPrintsNothing() {
        Path pdf = folder.resolve("none.pdf");
        ValidationException refused = assertThrows(ValidationException.class, () ->
                app.cardPrinter().printCards(List.of("A1", "NOPE"), pdf, Messages.chinese()));
        assertEquals("card.print.unknownMember", refused.problems().get(0).key());
        assertFalse(Files.exists(pdf));
    }

    @Test
    void aCardIsNeverPrintedOverTheDatabase() {
        Path database = app.database().file();
        assertThrows(OutputRefusedException.class, () ->
                app.cardPrinter().printCards(List.of("A1"), database, Messages.chinese()));
        assertThrows(OutputRefusedException.class, () ->
                app.cardPrinter().printExpiring(7, null, database, Messages.chinese()));
    }

    @Test
    void theRenewalListShowsCardsEndingSoonWithMaskedPhones() throws IOException {
        // 月卡 from 2026-11-01: valid to 2026-11-30, 8 days after the 22nd
        app.cards().sell(wang.id(), monthPass, Pay.CASH, null, LocalDateTime.of(2026, 11, 1, 10, 0));
        // 年卡 to 2027-11-21: not within 14 days
        app.cards().sell(li.id(), yearPass, Pay.CASH, null, null);
        Path pdf = folder.resolve("expiring.pdf");
        assertEquals(1, app.cardPrinter().printExpiring(14, LocalDate.of(2026, 11, 22), pdf, Messages.chinese()));
        String text = text(pdf);
        assertTrue(text.contains("续费提醒：2026-11-22 起 14 天内到期的会员卡"), text);
        assertTrue(text.contains("王芳") && text.contains("138****5678"), text);
        assertFalse(text.contains("13812345678"), "the full phone must not be printed");
        assertTrue(text.contains("月卡") && text.contains("2026-11-30"), text);
        assertFalse(text.contains("李娜"), text);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(PDRectangle.A4.getWidth(), document.getPage(0).getMediaBox().getWidth(), 0.01);
        }
    }
}

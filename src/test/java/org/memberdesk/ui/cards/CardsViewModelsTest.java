package org.memberdesk.ui.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.UiContext;

/** The cards screen's view models without a screen; "now" is 2026-03-15 14:30 (TestContext), tasks run at once. */
class CardsViewModelsTest {
    @TempDir
    Path folder;
    UiContext context;
    long month;

    RecordingDialogs dialogs;

    @BeforeEach
    void open() {
        dialogs = new RecordingDialogs(Messages.english());
        context = TestContext.create(folder, dialogs);
        month = context.app().cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "Month pass", 30_000, 0, null, 30,
                null, 0, 0, true, false));
    }

    private Member member(String number, String phone) {
        return context.app().members().add(TestDatabase.member(number, "Member " + number, phone));
    }

    @Test
    void theRenewalRateOfThisMonthAndLastIsShownAsTheServiceCountsIt() {
        Member wang = member("A1", "13812341234");
        Member li = member("A2", "13900005678");
        // Wang: 1 Feb – 2 Mar, renewed on 1 Mar (the new pass stacks: 3 Mar – 1 Apr); Li: 5 Feb – 6 Mar, not renewed
        context.app().cards().sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 2, 1, 10, 0));
        context.app().cards().sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 3, 1, 10, 0));
        context.app().cards().sell(li.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 2, 5, 10, 0));
        LiabilityViewModel model = new LiabilityViewModel(context);
        model.load();
        // 1 March – today: 2 ended (2 Mar, 6 Mar), 1 renewed = 50.0 %; February: none ended
        assertEquals("50.0 % (1 of 2 renewed)", model.renewalThisMonthProperty().get());
        assertEquals("No card ended in 2026-02.", model.renewalLastMonthProperty().get());
        // today only Wang's second pass is valid
        assertEquals("1", model.validPassesProperty().get());
        assertEquals("¥0.00", model.principalProperty().get());
    }

    @Test
    void theEndingSoonListMasksPhonesAndRefusesANumberOfDaysThatIsNot() {
        Member wang = member("A1", "13812341234");
        // 20 Feb – 21 Mar: 7 days left today (15 … 21 Mar)
        context.app().cards().sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 2, 20, 10, 0));
        ExpiringViewModel model = new ExpiringViewModel(context);
        model.load();
        assertEquals(1, model.rows().size());
        assertEquals("138****1234", model.rows().get(0).phone());
        assertEquals(7, model.rows().get(0).daysLeft());
        assertEquals("1 card ends within 7 days.", model.statusProperty().get());

        model.withinProperty().set("5");
        model.load();
        assertEquals(0, model.rows().size());
        model.withinProperty().set("a week");
        model.load();
        assertTrue(model.statusProperty().get().startsWith("Type a number of days from 0 to"));
        assertEquals(5, model.withinDaysProperty().get());
    }

    @Test
    void theEndingSoonListIsSavedAsAPdfOfTheDaysShown() throws Exception {
        Member wang = member("A1", "13812341234");
        context.app().cards().sell(wang.id(), month, Pay.CASH, null, LocalDateTime.of(2026, 2, 20, 10, 0));
        ExpiringViewModel model = new ExpiringViewModel(context);
        model.load();
        Path pdf = folder.resolve("ending.pdf");
        model.savePdf(pdf);
        assertEquals("Saved 1 card to " + pdf + " (phones masked).", model.statusProperty().get());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("138****1234"), text);
            assertTrue(!text.contains("13812341234"), text);
        }
    }

    @Test
    void aPhotoChosenInTheMemberPaneIsStoredAndARefusedFileSaysWhy() throws Exception {
        Member wang = member("A1", "13812341234");
        CardsSection section = new CardsSection(context);
        Path picture = folder.resolve("wang.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(600, 800,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        dialogs.fileAnswer = picture;
        section.choosePhoto(wang.id());
        // scaled to at most 480 px on the long side: 360 × 480
        byte[] stored = context.app().memberPhotos().photo(wang.id()).orElseThrow();
        assertEquals(480, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored)).getHeight());
        assertTrue(section.read(wang).photo() != null);

        Path notAPicture = folder.resolve("notes.png");
        java.nio.file.Files.writeString(notAPicture, "not a picture");
        dialogs.fileAnswer = notAPicture;
        section.choosePhoto(wang.id());
        assertEquals(1, dialogs.errors.size());
        assertTrue(context.app().memberPhotos().photo(wang.id()).isPresent(), "the old photo is kept");

        section.removePhoto(wang.id());
        assertTrue(context.app().memberPhotos().photo(wang.id()).isEmpty());
    }
}

package org.memberdesk.coupons.print;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignDraft;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Target;
import org.memberdesk.coupons.Validity;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberQuery;

@BothEngines
class CouponPrinterTest {
    private static final String[][] MEMBERS = {
        {"M001", "张伟", "13812341234"},
        {"M002", "欧阳娜娜", "13912345678"},
        {"M003", "王芳", "13700001111"},
    };

    @TempDir
    Path folder;
    AppContext app;
    Campaign campaign;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(LocalDateTime.of(2026, 11, 22, 10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        app = new AppContext(TestDatabase.database(folder), clock);
        for (String[] m : MEMBERS) {
            app.members().add(new MemberDetails(m[0], m[1], m[2], null, null, LocalDate.of(2025, 1, 1), null, null,
                    null, null));
        }
        Coupon coupon = new Coupon(0, "满减", CouponKind.THRESHOLD, 2_000, null, null, 10_000, List.of(),
                Validity.days(30));
        campaign = app.campaigns().create(new CampaignDraft("双十一回馈", null, coupon, Target.parse("all"), null, 0, 1L));
        app.campaigns().issue(campaign.id());
    }

    private String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private List<String> codes() {
        return app.members().search(MemberQuery.all(), 0, 10).stream()
                .map(m -> app.campaigns().memberCoupons(m.id()).get(0).code()).toList();
    }

    @Test
    void theListShowsNamesMaskedPhonesAndCodesButNoFullPhone() throws IOException {
        for (Paper paper : Paper.values()) {
            Path pdf = folder.resolve("list-" + paper.code() + ".pdf");
            assertEquals(3, app.couponPrinter().print(campaign.id(), CouponPrinter.Kind.LIST, paper, pdf,
                    Messages.chinese(), Progress.NONE));
            String text = text(pdf);
            for (String[] m : MEMBERS) {
                assertTrue(text.contains(m[1]), paper + ": name " + m[1]);
                String masked = m[2].substring(0, 3) + "****" + m[2].substring(7);
                assertTrue(text.contains(masked), paper + ": masked " + masked);
                assertFalse(text.contains(m[2]), paper + ": full phone " + m[2] + " printed");
            }
            for (String code : codes()) {
                assertTrue(text.contains(code), paper + ": code " + code);
            }
            assertTrue(text.contains("双十一回馈"), "campaign name in the header");
            assertTrue(text.contains("满¥100减¥20"), "coupon in the header");
            assertTrue(text.contains("第 1 / 1 页"), "page numbers");
        }
    }

    /**
     * Issue 17, finding 1: a computer with no Chinese font (only DejaVu, like CI) printed no coupon list at all
     * (CjkFont$MissingFontException). Now every name, the campaign and the header have glyphs in the embedded
     * font, in Chinese and in English.
     */
    @Test
    void finding1_theCouponListHasAGlyphForEveryCharacterWithoutAChineseFontOnTheComputer() throws IOException {
        for (Messages messages : List.of(Messages.chinese(), Messages.english())) {
            Path pdf = folder.resolve("list-" + messages.locale() + ".pdf");
            assertEquals(3, app.couponPrinter().print(campaign.id(), CouponPrinter.Kind.LIST, Paper.A4, pdf,
                    messages, Progress.NONE));
            org.memberdesk.pdf.PdfGlyphs.assertEveryCharacterHasAGlyph(pdf,
                    List.of("张伟", "欧阳娜娜", "王芳", "双十一回馈", "138****1234"));
        }
    }

    @Test
    void slipsCarryTheCodeAndTheFontIsEmbedded() throws IOException {
        Path pdf = folder.resolve("slips.pdf");
        app.couponPrinter().print(campaign.id(), CouponPrinter.Kind.SLIPS, Paper.RECEIPT_80MM, pdf, Messages.chinese(),
                Progress.NONE);
        String text = text(pdf);
        for (String code : codes()) {
            assertTrue(text.contains(code), code);
        }
        assertFalse(text.contains("13912345678"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, document.getNumberOfPages(), "one slip per page on receipt paper");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " must be embedded");
            }
        }
    }

    @Test
    void cancellingStopsAndLeavesNoFile() {
        Path pdf = folder.resolve("cancelled.pdf");
        Progress cancelAtOnce = new Progress() {
            @Override
            public void report(long done, long total, long count) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        // three rows never reach the every-100-rows check, so this cancels through the final check
        assertThrows(CancellationException.class, () -> app.couponPrinter().print(campaign.id(),
                CouponPrinter.Kind.LIST, Paper.A4, pdf, Messages.chinese(), cancelAtOnce));
        assertFalse(Files.exists(pdf));
        try (var left = Files.list(folder)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void defect7_printedList_showsEachCouponsStatusWithTheDayItWasUsed() throws IOException {
        // 张伟 uses his coupon on 2026-11-22 (the shop's clock): ¥120 spent, ¥20 off (the threshold is ¥100)
        long zhang = app.members().byNumberOrPhone("M001").orElseThrow().id();
        String used = app.campaigns().memberCoupons(zhang).get(0).code();
        app.counterSales().sell(zhang, List.of(new org.memberdesk.purchases.PurchaseLine("咖啡", 1, 12_000)), used);
        for (Paper paper : Paper.values()) {
            Path pdf = folder.resolve("status-" + paper.code() + ".pdf");
            app.couponPrinter().print(campaign.id(), CouponPrinter.Kind.LIST, paper, pdf, Messages.chinese(),
                    org.memberdesk.common.Progress.NONE);
            String text = text(pdf);
            // one used (with its day), two still usable (valid 2026-11-22 .. 2026-12-21)
            assertEquals(1, count(text, "已使用"), paper + ": " + text);
            assertEquals(2, count(text, "可使用"), paper + ": " + text);
            assertTrue(text.contains("已使用 2026-11-22") || text.contains("已使用\n2026-11-22")
                    || text.matches("(?s).*已使用\\s+2026-11-22.*"), paper + ": " + text);
        }
        Path english = folder.resolve("status-en.pdf");
        app.couponPrinter().print(campaign.id(), CouponPrinter.Kind.LIST, Paper.A4, english, Messages.english(),
                org.memberdesk.common.Progress.NONE);
        String text = text(english);
        assertTrue(text.contains("Status") && text.contains("Used") && text.contains("Usable"), text);
    }

    @Test
    void defect7_saveDialogs_offerANameSayingCampaignKindAndDay() {
        // issued on 2026-11-22 by the fixed clock
        Campaign issued = app.campaigns().campaign(campaign.id()).orElseThrow();
        assertEquals("双十一回馈 发放清单 2026-11-22.pdf",
                CouponPrinter.fileName(issued, CouponPrinter.Kind.LIST, Messages.chinese()));
        assertEquals("双十一回馈 优惠券 2026-11-22.pdf",
                CouponPrinter.fileName(issued, CouponPrinter.Kind.SLIPS, Messages.chinese()));
        assertEquals("双十一回馈 coupon slips 2026-11-22.pdf",
                CouponPrinter.fileName(issued, CouponPrinter.Kind.SLIPS, Messages.english()));
        Campaign slashed = new Campaign(9, "A/B: 10% off?", 1, Target.parse("all"), null, 0, 1, 3, 0,
                LocalDateTime.of(2026, 11, 20, 9, 0), null);
        assertEquals("A-B- 10% off- coupon list 2026-11-20.pdf",
                CouponPrinter.fileName(slashed, CouponPrinter.Kind.LIST, Messages.english()));
    }

    private static int count(String text, String word) {
        int found = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            found++;
        }
        return found;
    }
}

package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberDetails;

class CouponCommandsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 11, 22, 10, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    @TempDir
    Path folder;
    Path db;

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
        AppContext app = new AppContext(Database.open(db), CLOCK);
        for (int i = 1; i <= 10; i++) {
            app.members().add(new MemberDetails(String.format("M%03d", i), "会员" + i, "1380000" + String.format("%04d", i),
                    null, null, LocalDate.of(2025, 1, 1), null, null, null, null));
        }
    }

    private String codeOf(String memberNo) {
        AppContext app = new AppContext(Database.open(db), CLOCK);
        long id = app.members().byNumber(memberNo).orElseThrow().id();
        return app.campaigns().memberCoupons(id).get(0).code();
    }

    @Test
    void createIssuePrintRedeemAndReport() throws Exception {
        Run created = run("campaign", "create", "--name", "回馈", "--type", "threshold", "--value", "20",
                "--min-spend", "100", "--valid-days", "14", "--target", "all", "--control", "20", "--seed", "4",
                "--json");
        assertEquals(0, created.exit(), created.err());
        // 10 members × 20 % = 2 held back
        assertEquals(Map.of("campaign", 1, "targeted", 10, "control", 2), created.json());
        assertEquals(Map.of("issued", 8), run("campaign", "issue", "1", "--json").json());

        Path pdf = folder.resolve("list.pdf");
        Run printed = run("coupons", "print", "1", "--pdf", pdf.toString(), "--paper", "80mm", "--json");
        assertEquals(0, printed.exit(), printed.err());
        assertEquals(8, printed.json().get("printed"));
        assertTrue(Files.size(pdf) > 1_000);

        AppContext app = new AppContext(Database.open(db), CLOCK);
        String memberNo = null;
        for (int i = 1; i <= 10 && memberNo == null; i++) {
            String no = String.format("M%03d", i);
            if (!app.campaigns().memberCoupons(app.members().byNumber(no).orElseThrow().id()).isEmpty()) {
                memberNo = no;
            }
        }
        String code = codeOf(memberNo);
        Run tooLittle = run("redeem", code, "--member", memberNo, "--amount", "99.99", "--json");
        assertEquals(3, tooLittle.exit());
        assertEquals("", tooLittle.out());
        assertTrue(tooLittle.err().contains("needs a spend of at least ¥100.00"), tooLittle.err());

        Run redeemed = run("redeem", code, "--member", memberNo, "--amount", "120", "--json");
        assertEquals(0, redeemed.exit(), redeemed.err());
        // a member at the entry tier: nothing off for the tier
        assertEquals("{\"ok\":true,\"discount_cents\":2000,\"tier_discount_cents\":0}", redeemed.out());

        Run again = run("redeem", code, "--member", memberNo, "--amount", "120", "--json");
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("was already used on 2026-11-22"), again.err());

        Path csv = folder.resolve("results.csv");
        Path chart = folder.resolve("funnel.png");
        Run report = run("campaign", "report", "1", "--csv", csv.toString(), "--chart", chart.toString(), "--json");
        assertEquals(0, report.exit(), report.err());
        Map<String, Object> figures = report.json();
        assertEquals(10, figures.get("targeted"));
        assertEquals(2, figures.get("control"));
        assertEquals(8, figures.get("issued"));
        assertEquals(1, figures.get("redeemed"));
        // 1 of 8 redeemed = 0.125; the redeeming purchase paid ¥120 − ¥20 = ¥100
        assertEquals(0.125, figures.get("redemption_rate"));
        assertEquals(10_000, figures.get("revenue_cents"));
        assertEquals(1, figures.get("treatment_bought_again"));
        // treatment: ¥100 over 8 members = 1250 cents each; control: nothing
        assertEquals(1_250, figures.get("treatment_spend_per_member_cents"));
        assertEquals(0, figures.get("control_spend_per_member_cents"));
        assertEquals("2026-12-05", figures.get("window_to"));
        String csvText = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(csvText.contains("redeemed,1"), csvText);
        assertTrue(Files.size(chart) > 1_000);
    }

    @Test
    void usageErrorsAndRefusalsHaveTheirExitCodes() {
        assertEquals(2, run("campaign", "create", "--name", "x", "--type", "coupon", "--value", "1", "--target", "all",
                "--json").exit());
        assertEquals(2, run("campaign", "create", "--name", "x", "--type", "cash", "--value", "abc", "--target", "all",
                "--json").exit());
        assertEquals(2, run("coupons", "print", "1", "--pdf", "x.pdf", "--paper", "a5").exit());
        Run unknownCampaign = run("campaign", "issue", "42", "--json");
        assertEquals(1, unknownCampaign.exit());
        assertTrue(unknownCampaign.err().contains("No such campaign: 42"), unknownCampaign.err());
        Run typo = run("redeem", "ABCDEFGH", "--member", "M001", "--amount", "50", "--json");
        assertEquals(3, typo.exit());
        assertTrue(typo.err().contains("has a typo") || typo.err().contains("does not exist"), typo.err());
        Run malformed = run("redeem", "O0O0", "--member", "M001", "--amount", "50", "--json");
        assertEquals(3, malformed.exit());
        assertTrue(malformed.err().contains("is not a coupon code"), malformed.err());
    }
}

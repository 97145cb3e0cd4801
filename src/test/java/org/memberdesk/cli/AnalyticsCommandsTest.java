package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.analytics.ShopFixture;

/** The analytics commands' exact output on the hand-built shop (numbers worked in AnalyticsServiceTest). */
class AnalyticsCommandsTest {
    private static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 4, 10, 10, 0)
            .atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());

    @TempDir
    static Path folder;
    static Path db;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void build() {
        db = ShopFixture.build(folder);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(CLOCK).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    @Test
    void reportOfJanuary() {
        Run run = run("report", "--from", "2026-01-01", "--to", "2026-01-31", "--json");
        assertEquals(0, run.code(), run.err());
        // 4/6 buyers bought twice, 4/6 new members converted; retention 1/4, 2/4, 3/4, 1/2
        assertEquals("{\"new_members\":6,\"active_members\":6,\"new_buyers\":5,\"returning_members\":1,"
                + "\"purchases\":11,\"revenue_cents\":41999,\"avg_order_cents\":4136,"
                + "\"repurchase_rate\":0.6666666666666666,\"paid_conversion\":0.6666666666666666,"
                + "\"retention\":{\"d1\":0.25,\"d3\":0.5,\"d7\":0.75,\"d30\":0.5},"
                // imported purchases have no payment rows (a file does not say how it was paid): no cash in
                + "\"renewal_rate\":null,\"cash_in_cents\":0,\"cash_in_by_method\":{},\"visits\":0,\"visitors\":0}",
                run.out());
    }

    @Test
    void anEmptyPeriodReportsNullRatesWithTheSameKeys() {
        Run run = run("report", "--from", "2024-03-01", "--to", "2024-03-31", "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals("{\"new_members\":0,\"active_members\":0,\"new_buyers\":0,\"returning_members\":0,"
                + "\"purchases\":0,\"revenue_cents\":0,\"avg_order_cents\":null,"
                + "\"repurchase_rate\":null,\"paid_conversion\":null,"
                + "\"retention\":{\"d1\":null,\"d3\":null,\"d7\":null,\"d30\":null},"
                + "\"renewal_rate\":null,\"cash_in_cents\":0,\"cash_in_by_method\":{},\"visits\":0,\"visitors\":0}",
                run.out());
    }

    @Test
    void aarrrFunnel() {
        Run run = run("funnel", "--from", "2026-01-01", "--to", "2026-01-31", "--min-spent", "100", "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals("{\"steps\":[{\"name\":\"joined\",\"count\":6},{\"name\":\"purchases >= 1\",\"count\":4},"
                + "{\"name\":\"purchases >= 2\",\"count\":3},{\"name\":\"total_spent >= 100.00\",\"count\":1},"
                + "{\"name\":\"referrals >= 1\",\"count\":1}]}", run.out());
    }

    @Test
    void customFunnel() {
        Run run = run("funnel", "--from", "2026-01-01", "--to", "2026-01-31", "--steps",
                "channel = 门店; purchases >= 2", "--json");
        assertEquals(0, run.code(), run.err());
        // joined 6; of them via 门店: C, F; both had 2+ purchases by 01-31
        assertEquals("{\"steps\":[{\"name\":\"joined\",\"count\":6},{\"name\":\"channel = 门店\",\"count\":2},"
                + "{\"name\":\"purchases >= 2\",\"count\":2}]}", run.out());
        Run bad = run("funnel", "--from", "2026-01-01", "--to", "2026-01-31", "--steps", "bogus >= 1", "--json");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bogus"), bad.err());
    }

    @Test
    void cohorts() {
        Run run = run("cohorts", "--from", "2025-12", "--to", "2026-01", "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals("{\"cohorts\":[{\"month\":\"2025-12\",\"size\":1,\"active\":[1,0,0,0]},"
                + "{\"month\":\"2026-01\",\"size\":5,\"active\":[2,1,0]}]}", run.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("report", "--from", "2026-02-01", "--to", "2026-01-31", "--json").code());
        assertEquals(2, run("report", "--from", "2026-02-30", "--to", "2026-03-01", "--json").code());
        assertEquals(2, run("report", "--from", "2026-01-01", "--json").code());
        assertEquals(2, run("cohorts", "--from", "2026-13", "--to", "2026-01", "--json").code());
        assertEquals(2, run("funnel", "--from", "2026-01-01", "--to", "2026-01-31", "--min-spent", "abc").code());
        assertEquals(2, run("chart", "pie", "--from", "2026-01-01", "--to", "2026-01-31", "--png", "x.png").code());
    }

    @Test
    void chartsArePngFilesOfTheAskedSize() throws Exception {
        for (String kind : List.of("dashboard", "funnel", "cohorts", "rfm", "tiers", "stages")) {
            Path png = folder.resolve("charts/" + kind + ".png");
            Path csv = folder.resolve("charts/" + kind + ".csv");
            Run run = run("chart", kind, "--from", "2026-01-01", "--to", "2026-01-31", "--png", png.toString(),
                    "--csv", csv.toString(), "--lang", "zh", "--width", "800", "--height", "500", "--json");
            assertEquals(0, run.code(), run.err());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(800, image.getWidth());
            assertEquals(500, image.getHeight());
            assertTrue(Files.size(png) > 5_000, kind + " looks empty");
            assertTrue(Files.readString(csv, StandardCharsets.UTF_8).lines().count() >= 2, kind + " csv");
        }
        // the funnel's numbers: header + 5 steps, the first being the 6 who joined
        List<String> funnel = Files.readAllLines(folder.resolve("charts/funnel.csv"), StandardCharsets.UTF_8);
        assertEquals(6, funnel.size());
        assertEquals("1,joined,6,", funnel.get(1));
    }
}

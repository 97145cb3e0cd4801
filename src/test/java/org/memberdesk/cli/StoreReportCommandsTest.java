package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.analytics.StoreShop;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;

/**
 * Issue 21: {@code report}, {@code cohorts}, {@code staff-report} and {@code chart} of a chain (each store's figures)
 * and with {@code --store NAME} (that store's alone), on {@link StoreShop}'s November (worked in StoreReportsTest); a
 * shop of one store prints what it always did.
 */
@BothEngines
class StoreReportCommandsTest {
    @TempDir
    static Path folder;
    static String chain;
    static String single;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void shops() {
        chain = location(StoreShop.build(TestDatabase.open(folder.resolve("chain"))).app.database());
        single = location(TestDatabase.database(folder.resolve("single")));
    }

    @AfterAll
    static void close() {
        chain = null;
        single = null;
    }

    private static String location(Database database) {
        return database.server().map(Object::toString).orElse(database.file().toString());
    }

    private static Run run(String db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                all.toArray(String[]::new));
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    /** The report's keys before stores (issues 7 and 16), in order. */
    private static final List<String> REPORT_KEYS = List.of("new_members", "active_members", "new_buyers",
            "returning_members", "purchases", "revenue_cents", "avg_order_cents", "repurchase_rate", "paid_conversion",
            "retention", "renewal_rate", "cash_in_cents", "cash_in_by_method", "visits", "visitors");

    @Test
    void aChainsReportHasEachStoresFiguresAddingUpToItsTotals() {
        Run run = run(chain, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
        assertEquals(0, run.code(), run.err());
        // 5 purchases ¥220 less ¥10; 4 joined; repurchase 2/3, conversion 3/4, d1 = d3 = d7 = 1/3 (StoreReportsTest)
        assertEquals("{\"new_members\":4,\"active_members\":3,\"new_buyers\":3,\"returning_members\":0,"
                + "\"purchases\":5,\"revenue_cents\":21000,\"avg_order_cents\":4400,"
                + "\"repurchase_rate\":0.6666666666666666,\"paid_conversion\":0.75,"
                + "\"retention\":{\"d1\":0.3333333333333333,\"d3\":0.3333333333333333,\"d7\":0.3333333333333333,"
                + "\"d30\":null},\"renewal_rate\":null,\"cash_in_cents\":1000,\"cash_in_by_method\":{\"cash\":1000},"
                + "\"visits\":3,\"visitors\":2,"
                // 本店 2 + 二店 2 joined = 4; 2 + 3 purchases = 5; ¥130 + ¥80 = ¥210; ¥0 + ¥10 = ¥10; 2 + 1 visits
                + "\"stores\":[{\"store\":\"本店\",\"new_members\":2,\"purchases\":2,\"revenue_cents\":13000,"
                + "\"cash_in_cents\":0,\"visits\":2},"
                + "{\"store\":\"二店\",\"new_members\":2,\"purchases\":3,\"revenue_cents\":8000,"
                + "\"cash_in_cents\":1000,\"visits\":1}]}", run.out());
        Map<String, Object> report = Json.readObject(run.out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stores = (List<Map<String, Object>>) report.get("stores");
        for (String key : List.of("new_members", "purchases", "revenue_cents", "cash_in_cents", "visits")) {
            long sum = stores.stream().mapToLong(store -> ((Number) store.get(key)).longValue()).sum();
            assertEquals(((Number) report.get(key)).longValue(), sum, key);
        }
    }

    @Test
    void oneStoresReportIsItsOwnAndSaysWhich() {
        Run run = run(chain, "--store", "二店", "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
        assertEquals(0, run.code(), run.err());
        // 二店: #2, #3, #5 = ¥90, ¥10 back; joined 张三, 赵六 (1 bought: 1/2); buyers 王芳, 张三, 李雷, of whom only
        // 张三's first sale was here (1 new buyer, 2 returning), nobody bought twice here; 张三 never came back by d7
        assertEquals("{\"new_members\":2,\"active_members\":3,\"new_buyers\":1,\"returning_members\":2,"
                + "\"purchases\":3,\"revenue_cents\":8000,\"avg_order_cents\":3000,"
                + "\"repurchase_rate\":0.0,\"paid_conversion\":0.5,"
                + "\"retention\":{\"d1\":0.0,\"d3\":0.0,\"d7\":0.0,\"d30\":null},\"renewal_rate\":null,"
                + "\"cash_in_cents\":1000,\"cash_in_by_method\":{\"cash\":1000},\"visits\":1,\"visitors\":1,"
                + "\"store\":\"二店\"}", run.out());
    }

    @Test
    void oneStoresPdfSaysWhoseFiguresItHas() throws Exception {
        Path pdf = folder.resolve("second.pdf");
        Run run = run(chain, "--store", "二店", "report", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf",
                pdf.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        // the printed figures are the store's (¥80 revenue), and so is the page's title
        assertEquals(8_000L, ((Number) Json.readObject(run.out()).get("revenue_cents")).longValue());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals("Dashboard · 二店 2026-11-01 … 2026-11-30",
                    document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void aShopOfOneStorePrintsTheKeysItAlwaysDid() {
        Run run = run(single, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(REPORT_KEYS, List.copyOf(Json.readObject(run.out()).keySet()));
        Run chainRun = run(chain, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
        List<String> withStores = new ArrayList<>(REPORT_KEYS);
        withStores.add("stores");
        assertEquals(withStores, List.copyOf(Json.readObject(chainRun.out()).keySet()));
    }

    @Test
    void cohortsOfOneStore() {
        Run run = run(chain, "--store", "本店", "cohorts", "--from", "2026-11", "--to", "2026-11", "--json");
        assertEquals(0, run.code(), run.err());
        // first sales at 本店 in November: 王芳, 李雷; December has not begun (no counts yet)
        assertEquals("{\"cohorts\":[{\"month\":\"2026-11\",\"size\":2,\"active\":[]}],\"store\":\"本店\"}", run.out());
    }

    @Test
    void staffPerformanceOfTheChainSaysWhereAndOfOneStoreCountsWhatWasDoneThere() {
        Run run = run(chain, "staff-report", "--from", "2026-11-01", "--to", "2026-11-30", "--json");
        assertEquals(0, run.code(), run.err());
        Map<String, Object> report = Json.readObject(run.out());
        // 小王: #1 ¥100 + #4 ¥30 at 本店, #2 ¥20 at 二店 (where it was made, not where he works); 小刘: #3 ¥50 at
        // 二店; the owner on the command line: #5 ¥20 at 二店, ¥10 back; the check-ins name no staff (2 at 本店, a row
        // of its own with no sales, 1 at 二店)
        assertEquals(List.of("null 二店 1 2000", "null 本店 0 0", "小刘 二店 1 5000", "小王 二店 1 2000",
                        "小王 本店 2 13000"),
                rows(report).stream().sorted().toList());

        Run second = run(chain, "--store", "二店", "staff-report", "--from", "2026-11-01", "--to", "2026-11-30",
                "--json");
        assertEquals(0, second.code(), second.err());
        Map<String, Object> atSecond = Json.readObject(second.out());
        assertEquals("二店", atSecond.get("store"));
        assertEquals(List.of("null - 1 2000", "小刘 - 1 5000", "小王 - 1 2000"),
                rows(atSecond).stream().sorted().toList());

        Run main = run(chain, "--store", "本店", "staff-report", "--from", "2026-11-01", "--to", "2026-11-30",
                "--json");
        // 小刘 works at 二店 and did nothing at 本店: not in 本店's report; 本店's 2 check-ins name no staff
        assertEquals(List.of("小王 - 2 13000", "null - 0 0"), rows(Json.readObject(main.out())));
    }

    @Test
    void staffPerformanceExportedFromAChainSaysWhereEachRowWasWorked() throws Exception {
        java.nio.file.Path csv = folder.resolve("staff.csv");
        Run run = run(chain, "staff-report", "--from", "2026-11-01", "--to", "2026-11-30", "--out", csv.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = java.nio.file.Files.readAllLines(csv).stream().map(line -> line.replace("\uFEFF", ""))
                .toList();
        assertEquals("name,role,store,sales,sales_amount", String.join(",", List.of(lines.get(0).split(",")).subList(0, 5)));
        // the same rows as the JSON's (above): 小王 twice, once per store he sold in, ¥130.00 at 本店 and ¥20.00 at 二店
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("小王,") && line.contains(",本店,2,130.00,")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("小王,") && line.contains(",二店,1,20.00,")), lines.toString());

        java.nio.file.Path one = folder.resolve("single-staff.csv");
        assertEquals(0, run(single, "staff-report", "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                one.toString()).code());
        assertEquals(String.join(",", org.memberdesk.io.StaffPerformanceExport.COLUMNS),
                java.nio.file.Files.readAllLines(one).get(0).replace("\uFEFF", ""), "one store: the columns as always");
    }

    /** A chart's CSV as rows of cells, without the BOM and the header. */
    private static List<List<String>> csvRows(Path csv) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(csv).stream().skip(1).map(line -> List.of(line.split(",", -1)))
                .toList();
    }

    private static long column(List<List<String>> rows, int index) {
        return rows.stream().mapToLong(row -> Long.parseLong(row.get(index))).sum();
    }

    @Test
    void chartsOfOneStoreHaveTheFiguresItsReportFunnelAndCohortsGive() throws Exception {
        String[] november = {"--from", "2026-11-01", "--to", "2026-11-30"};
        Map<String, Object> report = Json.readObject(run(chain, "--store", "二店", "report", november[0], november[1],
                november[2], november[3], "--json").out());
        Map<String, Object> funnel = Json.readObject(run(chain, "--store", "二店", "funnel", november[0], november[1],
                november[2], november[3], "--json").out());
        Map<String, Object> cohorts = Json.readObject(run(chain, "--store", "二店", "cohorts", "--from", "2026-11",
                "--to", "2026-11", "--json").out());

        Path dashboardCsv = folder.resolve("store-charts/dashboard.csv");
        Run dashboard = run(chain, "--store", "二店", "chart", "dashboard", november[0], november[1], november[2],
                november[3], "--png", folder.resolve("store-charts/dashboard.png").toString(), "--csv",
                dashboardCsv.toString(), "--json");
        assertEquals(0, dashboard.code(), dashboard.err());
        assertEquals(List.of("chart", "png", "csv", "store"), List.copyOf(Json.readObject(dashboard.out()).keySet()));
        assertEquals("二店", Json.readObject(dashboard.out()).get("store"));
        // a bucket a day: 二店's new members 张三 (11-01) + 赵六 (11-05) = 2; its revenue #2 ¥20 + #3 ¥50 + #5 ¥20
        // less ¥10 given back = ¥80 (the chain's would be 4 and ¥210)
        List<List<String>> days = csvRows(dashboardCsv);
        assertEquals(2, column(days, 1));
        assertEquals(8_000, column(days, 3));
        assertEquals(((Number) report.get("new_members")).longValue(), column(days, 1));
        assertEquals(((Number) report.get("revenue_cents")).longValue(), column(days, 3));

        Path funnelCsv = folder.resolve("store-charts/funnel.csv");
        assertEquals(0, run(chain, "--store", "二店", "chart", "funnel", november[0], november[1], november[2],
                november[3], "--png", folder.resolve("store-charts/funnel.png").toString(), "--csv",
                funnelCsv.toString()).code());
        // 张三 and 赵六 joined at 二店; 张三 bought once (¥50 < ¥500); StoreReportsTest has 2, 1, 0, 0, 0
        List<List<String>> steps = csvRows(funnelCsv);
        assertEquals(List.of("1", "joined", "2", ""), steps.get(0));
        @SuppressWarnings("unchecked")
        List<Long> counts = ((List<Map<String, Object>>) funnel.get("steps")).stream()
                .map(step -> ((Number) step.get("count")).longValue()).toList();
        assertEquals(List.of(2L, 1L, 0L, 0L, 0L), counts);
        assertEquals(counts, steps.stream().map(step -> Long.parseLong(step.get(2))).toList());

        Path cohortsCsv = folder.resolve("store-charts/cohorts.csv");
        assertEquals(0, run(chain, "--store", "二店", "chart", "cohorts", november[0], november[1], november[2],
                november[3], "--png", folder.resolve("store-charts/cohorts.png").toString(), "--csv",
                cohortsCsv.toString()).code());
        // one cohort, November: only 张三's first sale was at 二店 (王芳's and 李雷's were at 本店)
        List<List<String>> months = csvRows(cohortsCsv);
        assertEquals(List.of("2026-11", "1"), months.get(0).subList(0, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> cohort = ((List<Map<String, Object>>) cohorts.get("cohorts")).get(0);
        assertEquals(((Number) cohort.get("size")).longValue(), Long.parseLong(months.get(0).get(1)));
    }

    @Test
    void theChartsOfTheSharedMemberPoolRefuseAStore() {
        for (String kind : List.of("rfm", "tiers", "stages", "channels", "spend")) {
            Path png = folder.resolve("pool/" + kind + ".png");
            Run run = run(chain, "--store", "二店", "chart", kind, "--from", "2026-11-01", "--to", "2026-11-30",
                    "--png", png.toString(), "--json");
            assertEquals(2, run.code(), kind + ": " + run.out());
            assertTrue(run.err().contains("the " + kind + " chart is of the members every store shares"), run.err());
            assertTrue(run.err().contains("the charts of one store are dashboard, funnel, cohorts"), run.err());
            assertTrue(java.nio.file.Files.notExists(png), kind + " was drawn");
        }
    }

    @Test
    void aChartWithoutAStoreIsTheChainsWithTheKeysItAlwaysHad() throws Exception {
        Path csv = folder.resolve("chain-charts/dashboard.csv");
        Run run = run(chain, "chart", "dashboard", "--from", "2026-11-01", "--to", "2026-11-30", "--png",
                folder.resolve("chain-charts/dashboard.png").toString(), "--csv", csv.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of("chart", "png", "csv"), List.copyOf(Json.readObject(run.out()).keySet()));
        // the chain: 4 joined, ¥220 sold less ¥10 given back
        assertEquals(4, column(csvRows(csv), 1));
        assertEquals(21_000, column(csvRows(csv), 3));
        // a member-pool chart without --store is drawn as always
        assertEquals(0, run(chain, "chart", "tiers", "--from", "2026-11-01", "--to", "2026-11-30", "--png",
                folder.resolve("chain-charts/tiers.png").toString()).code());
    }

    /** "name store sales sales_cents" per row; "-" where the row names no store. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("staff")).stream()
                .map(row -> row.get("name") + " " + row.getOrDefault("store", "-") + " " + row.get("sales") + " "
                        + row.get("sales_cents"))
                .toList();
    }
}

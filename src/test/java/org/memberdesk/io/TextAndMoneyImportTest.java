package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cli.Cli;
import org.memberdesk.common.Json;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLimits;
import org.memberdesk.purchases.PurchaseLine;

/** Issue 14, findings 6, 7 and three of point 11: text is never stored corrupted, money has bounds. */
@BothEngines
class TextAndMoneyImportTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
    }

    private ImportResult importMembers(Path file) throws IOException {
        return app.memberImporter().importFile(file, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
    }

    private ImportResult importPurchases(Path file) throws IOException {
        return app.purchaseImporter().importFile(file, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
    }

    /** The file's lines, each in its own encoding, joined by CR LF as Excel writes them. */
    private Path mixed(String name, List<byte[]> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            bytes.write(line);
            bytes.write(new byte[] {'\r', '\n'});
        }
        Path file = folder.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gbk(String text) {
        return text.getBytes(GBK);
    }

    /** Every member's name and channel as stored. */
    private Map<String, String> storedNames() {
        return app.database().read(connection -> {
            Map<String, String> names = new java.util.TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT member_no, name || '|' || coalesce(channel, '') FROM members");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
            return names;
        });
    }

    private static String[] chineseNames() {
        return new String[] {"王芳", "李娜", "张伟", "刘洋", "陈静", "赵磊", "孙丽", "周杰", "吴敏", "郑强"};
    }

    @Test
    void finding6_mostlyUtf8WithGbkRowsInsideAndAfterTheGuessingWindowKeepsUtf8NamesAndRejectsTheGbkRows()
            throws IOException {
        // 5,000 UTF-8 rows of ~60 bytes = ~300 KB: line 3 is inside main's 256 KB sniffing window, the last
        // GBK row is after it. On main the GBK row inside the window made the whole file GBK (every UTF-8
        // name mojibake); here the UTF-8 rows are stored as written and the two GBK rows are rejected.
        String[] names = chineseNames();
        List<byte[]> lines = new ArrayList<>();
        lines.add(utf8("member_no,name,phone,channel"));
        lines.add(utf8("U0001,王芳,13800000001,门店"));
        lines.add(gbk("G0001,李娜,13800000002,抖音")); // line 3: GBK inside the window
        int rows = 5_000;
        for (int i = 2; i <= rows; i++) {
            lines.add(utf8(String.format("U%04d,%s%s,138%08d,小程序推荐渠道", i, names[i % 10], "会员", i + 10)));
        }
        lines.add(gbk("G0002,张伟,13999999999,美团")); // line 5,003: GBK after the window
        Path file = mixed("mixed.csv", lines);
        assertTrue(Files.size(file) > 256 * 1024, "the second GBK row is beyond main's sniffing window");

        ImportResult result = importMembers(file);
        assertEquals(rows, result.imported()); // U0001..U5000
        assertEquals(2, result.rejected());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("3", Integer.toString(rows + 3)), report.stream().map(r -> r.get("line")).toList());
        for (CSVRecord row : report) {
            assertEquals("row", row.get("field"));
            assertTrue(row.get("reason").startsWith("This row is not valid UTF-8 text"), row.get("reason"));
        }
        Map<String, String> stored = storedNames();
        assertEquals("王芳|门店", stored.get("U0001"));
        assertEquals("李娜会员|小程序推荐渠道", stored.get("U3001")); // 3001 % 10 = 1 → 李娜
        assertEquals(rows, stored.size());
        assertTrue(stored.values().stream().noneMatch(v -> v.indexOf('\uFFFD') >= 0), "no U+FFFD stored");
    }

    @Test
    void finding6_mostlyGbkWithUtf8RowsDecodesEachRowCorrectlyOrRejectsItWithTheReason() throws IOException {
        String[] names = chineseNames();
        List<byte[]> lines = new ArrayList<>();
        lines.add(gbk("卡号,姓名,手机号码,来源"));
        for (int i = 1; i <= 3_000; i++) {
            lines.add(gbk(String.format("G%04d,%s,139%08d,门店", i, names[i % 10], i)));
        }
        lines.add(utf8("U0001,欧阳娜娜,13700000001,小红书"));     // line 3,002: UTF-8 Chinese: read as UTF-8
        lines.add(utf8("U0002,Zoë Café,13700000002,门店"));        // line 3,003: é, ë are also GBK: ambiguous
        lines.add(new byte[] {'X', '1', ',', (byte) 0x81, ',', '1', '3', '7', '0', '0', '0', '0', '0', '0', '0', '3',
            ',', 'x'});                                            // line 3,004: 0x81 then ',' is neither
        lines.add(gbk("G9999,郑强,13999999999,美团"));            // line 3,005
        // line 3,006: GBK bytes that are also valid UTF-8 ("лΰ", "Ҷƽ": letters of mixed scripts, not a word)
        lines.add(gbk("G7001,谢伟,13900007001,叶平"));
        Path file = mixed("gbk.csv", lines);

        ImportResult result = importMembers(file);
        assertEquals(3_003, result.imported()); // 3,000 + U0001 + G9999 + G7001
        assertEquals(2, result.rejected());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("3003", "3004"), report.stream().map(r -> r.get("line")).toList());
        assertTrue(report.get(0).get("reason").startsWith("This row can be read as UTF-8 or as GBK"),
                report.get(0).get("reason"));
        assertTrue(report.get(1).get("reason").startsWith("This row is neither UTF-8 nor GBK"),
                report.get(1).get("reason"));
        Map<String, String> stored = storedNames();
        assertEquals("欧阳娜娜|小红书", stored.get("U0001"));
        assertEquals("李娜|门店", stored.get("G0001"));
        assertEquals("郑强|美团", stored.get("G9999"));
        assertEquals("谢伟|叶平", stored.get("G7001"));
        assertTrue(stored.values().stream().noneMatch(v -> v.indexOf('\uFFFD') >= 0), "no U+FFFD stored");
    }

    @Test
    void finding6_theCommandLineFinishesAMixedFileWithExitZeroAndCountsTheRejectedRows() throws IOException {
        Path file = mixed("members.csv", List.of(utf8("member_no,name,phone"), utf8("M1,王芳,13812345678"),
                gbk("M2,李娜,13900001111"), utf8("M3,张伟,13700002222")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), "--db",
                folder.resolve("cli.db").toString(), "import-members", file.toString(), "--json");
        assertEquals(0, code, err.toString());
        Map<String, Object> json = Json.readObject(out.toString().strip());
        assertEquals(2, json.get("imported"));
        assertEquals(1, json.get("rejected"));
    }

    @Test
    void finding6_textThatWasDamagedBeforeOrHoldsControlCharactersIsRejectedNotStored() throws IOException {
        Path file = folder.resolve("damaged.csv");
        Files.writeString(file, "member_no,name,phone,notes\n"
                + "M1,王\uFFFD,13812345678,\n"              // line 2: U+FFFD written as valid UTF-8
                + "M2,李娜,13900001111,a\u0007b\n"           // line 3: BEL
                + "M3,张伟,13700002222,\"one\ttab\"\n",     // line 4: a tab in a note is fine
                StandardCharsets.UTF_8);
        ImportResult result = importMembers(file);
        assertEquals(1, result.imported());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("2", "3"), report.stream().map(r -> r.get("line")).toList());
        assertTrue(report.get(0).get("reason").contains("\"name\""), report.get(0).get("reason"));
        assertTrue(report.get(1).get("reason").contains("control character"), report.get(1).get("reason"));
    }

    @Test
    void finding11_rowSpanningLinesReportedAtItsFirstLine() throws IOException {
        Path file = folder.resolve("notes.csv");
        Files.writeString(file, """
                member_no,name,phone,notes
                M1,王芳,13812345678,short
                M2,李娜,1234,"first line of the note
                second line
                third line"
                M3,张伟,13700002222,"two
                lines"
                M4,,13600003333,x
                """, StandardCharsets.UTF_8);
        ImportResult result = importMembers(file);
        assertEquals(2, result.imported());
        // M2's record is lines 3-5 (main said 5); M4 is line 8 after M3's two lines 6-7
        assertEquals(List.of("3", "8"), ImportTest.report(result).stream().map(r -> r.get("line")).toList());
        assertEquals("two\nlines", app.members().byNumber("M3").orElseThrow().details().notes());
    }

    @Test
    void finding11_emojiCountedAsCharacters() throws IOException {
        String emoji = "😀".repeat(26); // 26 characters, 52 UTF-16 units: main said "longer than 50 characters"
        String fifty = "王".repeat(50);
        String fiftyOne = "王".repeat(49) + "😀😀"; // 51 characters, 53 UTF-16 units
        Path file = folder.resolve("emoji.csv");
        Files.writeString(file, "member_no,name\nE1," + emoji + "\nE2," + fifty + "\nE3," + fiftyOne + "\n",
                StandardCharsets.UTF_8);
        ImportResult result = importMembers(file);
        assertEquals(2, result.imported());
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("4"), report.stream().map(r -> r.get("line")).toList());
        assertEquals(emoji, app.members().byNumber("E1").orElseThrow().name());
        // the counter and the desktop form take the same rule (MemberService.check)
        assertEquals(emoji, app.members().add(TestDatabase.member("E4", emoji, null)).name());
        ValidationException refused = assertThrows(ValidationException.class,
                () -> app.members().add(TestDatabase.member("E5", fiftyOne, null)));
        assertEquals("member.name.tooLong", refused.problems().get(0).key());
    }

    @Test
    void finding11_decimalCommaRejectedWithItsLine() throws IOException {
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        Path file = folder.resolve("comma.csv");
        Files.writeString(file, """
                purchase_no,member_no,time,item,amount
                T1,M1,2026-02-01 10:00,咖啡,"12,50"
                T2,M1,2026-02-01 11:00,咖啡,"1,250.00"
                T3,M1,2026-02-01 12:00,咖啡,0.001
                """, StandardCharsets.UTF_8);
        ImportResult result = importPurchases(file);
        assertEquals(1, result.imported()); // T2: 1,250.00 is thousands grouping = 125000 cents
        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("2", "4"), report.stream().map(r -> r.get("line")).toList());
        assertTrue(report.get(0).get("reason").contains("decimal comma"), report.get(0).get("reason"));
        assertEquals(125_000, app.purchases().byNumber("T2").orElseThrow().totalCents());
        assertFalse(app.purchases().byNumber("T1").isPresent());
    }

    private Path purchases(String rows) throws IOException {
        Path file = folder.resolve("purchases.csv");
        Files.writeString(file, "purchase_no,member_no,time,item,quantity,unit_price,amount\n" + rows,
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void finding7_overflowingRowsAndBarcodesAreRejectedWithTheirLineAndTheRestIsImported() throws IOException {
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        app.members().add(TestDatabase.member("M2", "李娜", "13900001111"));
        Path file = purchases("""
                T1,M1,2026-02-01 10:00,咖啡,2,18.00,
                T2,M1,2026-02-01 10:05,咖啡,10000,9999999999999.99,
                T3,M2,2026-02-01 10:10,蛋糕,9000,9999999999999.99,
                T3,M2,2026-02-01 10:10,蛋糕,9000,9999999999999.99,
                T4,M2,2026-02-01 10:20,条码,1,,6901234567892
                T5,M2,2026-02-01 10:30,咖啡,1,,25.50
                T6,M1,2026-02-01 10:40,咖啡,10001,1.00,
                """);
        ImportResult result = importPurchases(file);
        // T2: 999999999999999 cents × 10000 overflows a long (> 9.22e18): rejected, not ArithmeticException
        // T3: each line 999999999999999 × 9000 = 8.99e18 fits, both lines sum past 2^63; each line is also
        //     above the ¥1,000,000 line limit
        // T4: a 13-digit barcode as amount: ¥6,901,234,567,892.00 > ¥1,000,000.00
        // T6: quantity 10,001 > 10,000
        assertEquals(2, result.imported()); // T1 (2 × 18.00 = 3600 cents) and T5 (2550 cents)
        assertEquals(4, result.rejected());
        List<CSVRecord> report = ImportTest.report(result);
        // a purchase's every problem and every row of it are reported: T3 and T4 have two problems each
        assertEquals(List.of("3", "4", "5", "6", "8"), report.stream().map(r -> r.get("line")).distinct().toList());
        assertTrue(report.get(0).get("reason").startsWith("Unit price 9999999999999.99 × quantity 10000"),
                report.get(0).get("reason"));
        assertTrue(report.get(1).get("reason").contains("limit of ¥1,000,000.00 per line"), report.get(1).get("reason"));
        assertTrue(report.get(3).get("reason").startsWith("The lines of this purchase add up to more than"),
                report.get(3).get("reason"));
        assertEquals("The purchase amount ¥6,901,234,567,892.00 is above this shop's limit of ¥1,000,000.00 per "
                + "purchase. If it is real, raise the limit in Settings → Purchase limits and import or "
                + "save it again.", report.get(6).get("reason"));
        assertEquals("The quantity 10001 is above this shop's limit of 10000 per line. If it is real, raise the limit in "
                + "Settings → Purchase limits.", report.get(7).get("reason"));

        // totals: 3600 + 2550 = 6150 cents; no member's spend below zero
        assertEquals(6_150, app.purchases().totals().revenueCents());
        assertEquals(3_600, app.members().byNumber("M1").orElseThrow().stats().spentCents());
        assertEquals(2_550, app.members().byNumber("M2").orElseThrow().stats().spentCents());
    }

    @Test
    void finding7_raisingTheLimitInSettingsLetsARealBigPurchaseIn() throws IOException {
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
        Path file = purchases("B1,M1,2026-02-01 10:00,钻戒,1,,1500000.00\n");
        ImportResult refused = importPurchases(file);
        assertEquals(0, refused.imported());
        assertTrue(ImportTest.report(refused).get(0).get("reason").contains("¥1,500,000.00"));

        app.purchases().saveLimits(new PurchaseLimits(200_000_000L, 200_000_000L, 10_000)); // ¥2,000,000 each
        ImportResult again = importPurchases(file);
        assertEquals(1, again.imported());
        assertEquals(150_000_000, app.members().byNumber("M1").orElseThrow().stats().spentCents());

        // beyond the ceiling a shop cannot go: ¥100,000,000.01
        assertThrows(ValidationException.class, () -> app.purchases().saveLimits(
                new PurchaseLimits(10_000_000_001L, 100_000_000L, 10_000)));
    }

    @Test
    void finding7_theCounterRefusesAPurchaseAboveTheLimitWithTheSameRule() {
        long member = app.members().add(TestDatabase.member("M1", "王芳", "13812345678")).id();
        PurchaseDraft barcode = new PurchaseDraft(null, member, LocalDateTime.of(2026, 2, 1, 10, 0),
                List.of(new PurchaseLine("条码", 1, 690_123_456_789_200L)), null);
        ValidationException e = assertThrows(ValidationException.class, () -> app.purchases().record(barcode, false));
        assertEquals(List.of("purchase.limit.line", "purchase.limit.purchase"),
                e.problems().stream().map(p -> p.key()).toList());
        assertEquals(0, app.purchases().totals().revenueCents());
    }

    @Test
    void finding7_totalsStayPositiveAndEveryReadingCommandWorksAfterAFileOfHugeAmounts() throws IOException {
        Path members = folder.resolve("m.csv");
        Files.writeString(members, "member_no,name,phone\nM1,王芳,13812345678\n", StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            // each row alone is 1000 × 922337203685400 = 9.2e17 cents; twenty of them sum past 2^63 on main and wrapped the total
            rows.append("H").append(i).append(",M1,2026-02-01 10:").append(String.format("%02d", i))
                    .append(",金条,1000,9223372036854.00,\n");
        }
        rows.append("OK,M1,2026-02-02 10:00,咖啡,1,,30.00\n");
        Path file = purchases(rows.toString());
        String db = folder.resolve("cli.db").toString();
        assertEquals(0, cli(db, "import-members", members.toString()).code);
        Run imported = cli(db, "import-purchases", file.toString());
        assertEquals(0, imported.code, imported.err);
        assertEquals(20, imported.json().get("rejected"));
        Run stats = cli(db, "stats");
        assertEquals(3_000, stats.json().get("revenue_cents"));
        assertEquals(0, cli(db, "points", "M1").code);
        assertEquals(0, cli(db, "report", "--from", "2026-01-01", "--to", "2026-03-01").code);
        assertEquals(0, cli(db, "export-members", folder.resolve("out.csv").toString()).code);
    }

    private record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out.strip());
        }
    }

    private static Run cli(String db, String... command) {
        List<String> args = new ArrayList<>(List.of("--db", db));
        args.addAll(List.of(command));
        args.add("--json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

}

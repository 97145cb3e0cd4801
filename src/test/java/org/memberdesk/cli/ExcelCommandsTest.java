package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Json;

/** Issue 17, finding 4 on the command line: --sheet, and exports that write .xlsx when the name says so. */
class ExcelCommandsTest {
    @TempDir
    Path folder;

    record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out.strip());
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A shop with a formula-like name, a birthday, a custom field, a sale and a return. */
    private String shop() throws IOException {
        String db = folder.resolve("shop.db").toString();
        Path members = folder.resolve("members.csv");
        Files.writeString(members, """
                member_no,name,phone,birthday,join_date,channel,notes,会员等级
                M1,王芳,13812345678,1990-05-01,2024-01-10,门店,,金卡
                M2,"=HYPERLINK(""http://x"")",13900001111,,2024-02-11,抖音,"两行
                备注",
                M3,-李,,,2024-03-12,,,
                """);
        Path purchases = folder.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,quantity,amount,refund_of
                T1,M1,2025-02-01 10:00:00,成人门票,2,240.00,
                R1,M1,2025-02-02 11:30:15,成人门票,1,-120.00,T1
                T2,M2,2025-02-03 00:00:00,年卡,1,99.90,
                """);
        assertEquals(0, run("--db", db, "import-members", members.toString(), "--json").code());
        Run bought = run("--db", db, "import-purchases", purchases.toString(), "--allow-returns", "--json");
        assertEquals(0, bought.code(), bought.err());
        assertEquals(3, bought.json().get("imported"));
        return db;
    }

    @Test
    void finding4_membersExportedToAWorkbookImportIntoANewShopAsTheSameMembers() throws IOException {
        String db = shop();
        Path xlsx = folder.resolve("会员.xlsx");
        Run export = run("--db", db, "export-members", xlsx.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        assertEquals(3, export.json().get("exported"));

        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(4, rows.size());
            List<String> header = rows.get(0).stream().map(Cell::getText).toList();
            Row wang = rows.get(1);
            assertEquals(CellType.STRING, wang.getCell(header.indexOf("phone")).getType(), "a phone stays text");
            Cell birthday = wang.getCell(header.indexOf("birthday"));
            assertEquals(CellType.NUMBER, birthday.getType(), "a real date cell");
            assertEquals("yyyy-mm-dd", birthday.getDataFormatString());
            assertEquals(java.time.LocalDate.of(1990, 5, 1), birthday.asDate().toLocalDate());
            // net spend 240 − 120 = ¥120.00, a number with two decimals; one sale and one return, whole numbers
            Cell spent = wang.getCell(header.indexOf("total_spent"));
            assertEquals(CellType.NUMBER, spent.getType());
            assertEquals(0, new BigDecimal("120").compareTo(spent.asNumber()));
            assertEquals("0.00", spent.getDataFormatString());
            assertEquals(CellType.NUMBER, wang.getCell(header.indexOf("purchases")).getType());
            assertEquals("yyyy-mm-dd hh:mm:ss", wang.getCell(header.indexOf("last_purchase")).getDataFormatString());
            // never a formula; formula-like text keeps the apostrophe a later "Save as CSV" needs
            for (Row row : rows) {
                for (Cell cell : row) {
                    assertTrue(cell == null || cell.getType() != CellType.FORMULA, String.valueOf(cell));
                }
            }
            assertEquals("'=HYPERLINK(\"http://x\")", rows.get(2).getCell(1).getText());
            assertEquals("'-李", rows.get(3).getCell(1).getText());
        }

        // into a new shop: the same members, field by field
        String other = folder.resolve("other.db").toString();
        Run imported = run("--db", other, "import-members", xlsx.toString(), "--json");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(3, imported.json().get("imported"));
        assertEquals(0, imported.json().get("rejected"));
        assertEquals(0, run("--db", db, "export-members", folder.resolve("a.csv").toString()).code());
        assertEquals(0, run("--db", other, "export-members", folder.resolve("b.csv").toString()).code());
        assertEquals(memberColumns(folder.resolve("a.csv")), memberColumns(folder.resolve("b.csv")));
        assertTrue(memberColumns(folder.resolve("b.csv")).contains("M1,王芳,13812345678,,1990-05-01,2024-01-10,门店"));
    }

    /** The member columns of an export (the first nine and the custom ones), not the spend summary. */
    private static String memberColumns(Path csv) throws IOException {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv))) {
            return parser.getRecords().stream().map(record -> {
                List<String> cells = record.toList();
                return String.join(",", cells.subList(0, 9)) + "|" + cells.get(cells.size() - 1);
            }).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void finding4_purchasesExportedToAWorkbookImportAsTheSamePurchases() throws IOException {
        String db = shop();
        Path xlsx = folder.resolve("purchases.xlsx");
        assertEquals(0, run("--db", db, "export-purchases", xlsx.toString(), "--json").code());
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Cell returned = rows.get(2).getCell(6);
            assertEquals(CellType.NUMBER, returned.getType(), "a return's amount is a negative number");
            assertEquals(0, new BigDecimal("-120").compareTo(returned.asNumber()));
            assertEquals(java.time.LocalDateTime.of(2025, 2, 2, 11, 30, 15), rows.get(2).getCell(3).asDate());
        }
        String other = folder.resolve("other.db").toString();
        assertEquals(0, run("--db", other, "import-members", folder.resolve("members.csv").toString()).code());
        Run imported = run("--db", other, "import-purchases", xlsx.toString(), "--allow-returns", "--json");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(3, imported.json().get("imported"));
        // 240 − 120 + 99.90 = ¥219.90 in both shops
        assertEquals(run("--db", db, "stats", "--json").json(), run("--db", other, "stats", "--json").json());
        assertEquals(21_990, run("--db", other, "stats", "--json").json().get("revenue_cents"));
    }

    @Test
    void finding4_segmentWritesAWorkbookAndImportTakesASheetByName() throws IOException {
        String db = shop();
        Path xlsx = folder.resolve("segment.xlsx");
        Run segment = run("--db", db, "segment", "--rule", "purchases >= 1", "--as-of", "2025-03-01",
                "--out", xlsx.toString(), "--json");
        assertEquals(0, segment.code(), segment.err());
        assertEquals(2, segment.json().get("count"));
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, java.util.Arrays.copyOf(Files.readAllBytes(xlsx), 4));

        Path book = folder.resolve("book.xlsx");
        try (var out = Files.newOutputStream(book);
             org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            workbook.newWorksheet("说明").value(0, 0, "会员名单，导出自旧系统");
            org.dhatim.fastexcel.Worksheet members = workbook.newWorksheet("会员");
            members.value(0, 0, "会员编号");
            members.value(0, 1, "姓名");
            members.value(1, 0, 17850);
            members.value(1, 1, "王芳");
            members.value(2, 0, 17851);
            members.value(2, 1, "李雷");
        }
        String other = folder.resolve("other.db").toString();
        Run wrong = run("--db", other, "import-members", book.toString(), "--sheet", "Sheet9", "--json");
        assertNotEquals(0, wrong.code());
        assertTrue(wrong.err().contains("no sheet named \"Sheet9\"") && wrong.err().contains("说明, 会员"),
                wrong.err());
        Run right = run("--db", other, "import-members", book.toString(), "--sheet", "会员", "--json");
        assertEquals(0, right.code(), right.err());
        assertEquals(2, right.json().get("imported"));
    }

    @Test
    void finding4_aWorkbookExportNeverGoesOverTheDatabase() throws IOException {
        String db = shop();
        Path link = folder.resolve("members.xlsx");
        Files.createSymbolicLink(link, Path.of(db));
        byte[] before = Files.readAllBytes(Path.of(db));
        Run refused = run("--db", db, "export-members", link.toString(), "--json");
        assertNotEquals(0, refused.code());
        assertArrayEquals(before, Files.readAllBytes(Path.of(db)));
        assertFalse(refused.err().isBlank());
    }
}

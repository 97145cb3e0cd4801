package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.ValidationException;

/** Issue 17, finding 4: a workbook's cells read as the text a CSV cell would hold. */
class XlsxSourceTest {
    @TempDir
    Path folder;

    /**
     * As Excel saves it: rows 1–2 empty, so the header is row 3; row 6 is empty and skipped. Serial numbers by
     * hand: 2024-01-01 = 45292 days after 1899-12-30; 2025-03-15 = 45731, 14:30 = 14.5 / 24 = 0.6041666…
     */
    static final String SHEET = """
            <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c>\
            <c r="D3" t="s"><v>3</v></c><c r="E3" t="s"><v>4</v></c><c r="F3" t="s"><v>5</v></c></row>
            <row r="4"><c r="A4"><v>17850</v></c><c r="B4"><v>13800138000</v></c><c r="C4" s="1"><v>45292</v></c>\
            <c r="D4" s="2"><v>45731.604166666664</v></c><c r="E4" s="5"><v>12.5</v></c>\
            <c r="F4" t="inlineStr"><is><t>王芳</t></is></c></row>
            <row r="5"><c r="A5" t="str"><f>"M"&amp;A4</f><v>M17850</v></c><c r="B5"><f>0.1+0.2</f>\
            <v>0.30000000000000004</v></c><c r="C5" s="3"><v>45731</v></c><c r="D5" s="4"><v>45292</v></c>\
            <c r="E5" t="b"><v>1</v></c><c r="F5" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
            <row r="7"><c r="A7"><v>1.3800138E10</v></c><c r="C7" s="6"><v>0.6041666666666666</v></c>\
            <c r="D7" s="1"/></row>
            <row r="8"><c r="A8" t="inlineStr"><is><t>M8</t></is></c><c r="B8" t="inlineStr"><is><t>bad\u0085</t></is></c></row>
            <row r="9"><c r="A9" t="inlineStr"><is><t>'=1+2</t></is></c></row>
            """;

    @Test
    void finding4_cellsAreReadAsTheTextACsvCellWouldHold() throws IOException {
        Path file = TestWorkbooks.excelSaved(folder.resolve("sales.xlsx"), SHEET,
                List.of("member_no", "phone", "date", "time", "amount", "name"));
        try (ImportSource source = ImportSource.open(file, TextEncoding.AUTO)) {
            assertEquals(List.of("member_no", "phone", "date", "time", "amount", "name"), source.header());
            ImportRow first = source.next();
            assertEquals(4, first.line(), "the row number Excel shows");
            assertEquals(1, first.number());
            // no ".0", no 1.38E+10; dates by their format: date only, date and time; 12.5 as 12.5
            assertEquals(List.of("17850", "13800138000", "2024-01-01", "2025-03-15 14:30:00", "12.5", "王芳"),
                    first.cells());
            assertNull(first.unreadable());
            ImportRow formulas = source.next();
            assertEquals(5, formulas.line());
            // formulas give their cached value; 0.1 + 0.2 to Excel's 15 digits; a custom 年月日 format and
            // Chinese Excel's built-in 31 (no text in the file) are dates; booleans and errors as Excel shows them
            assertEquals(List.of("M17850", "0.3", "2025-03-15", "2024-01-01", "TRUE", "#DIV/0!"), formulas.cells());
            ImportRow sparse = source.next();
            assertEquals(7, sparse.line(), "the empty row 6 is skipped, as an empty line of a CSV file");
            assertEquals(3, sparse.number());
            // a number in scientific notation in the file; a time of day; missing cells empty, as wide as the header
            assertEquals(List.of("13800138000", "", "14:30:00", "", "", ""), sparse.cells());
            ImportRow control = source.next();
            assertEquals("import.row.control", control.unreadable().key());
            assertEquals(List.of("phone"), control.unreadable().args());
            ImportRow neutralised = source.next();
            assertEquals("=1+2", neutralised.get(0), "an exported formula-like text comes back as it was");
            assertNull(source.next());
            assertEquals(source.size(), source.bytesRead());
        }
    }

    @Test
    void finding4_aWorkbookOfOldMacExcelCountsItsDatesFrom1904() throws IOException {
        // 2024-01-01 is 45292 days after 1899-12-30 and 45292 − 1462 = 43830 days after 1904-01-01
        Path file = TestWorkbooks.excelSaved(folder.resolve("mac.xlsx"), """
                <row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c></row>
                <row r="2"><c r="A2" s="1"><v>43830</v></c></row>
                <row r="3"><c r="A3" s="1"><v>-5</v></c></row>
                """, List.of(), true);
        try (ImportSource source = ImportSource.open(file, TextEncoding.AUTO)) {
            assertEquals(List.of("2024-01-01"), source.next().cells());
            assertEquals(List.of("-5"), source.next().cells(), "no calendar day: the number as it is");
        }
    }

    @Test
    void finding4_theFirstSheetIsReadUnlessAnotherIsNamed() throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("会员", List.of(List.of("member_no", "name"), List.of("M1", "王芳")));
        sheets.put("Purchases 2025", List.of(List.of("purchase_no", "amount"), List.of("P1", 12.5),
                List.of("P2", 3)));
        Path file = TestWorkbooks.write(folder.resolve("shop.xlsx"), sheets);
        assertEquals(List.of("会员", "Purchases 2025"), ImportSource.sheetNames(file));
        try (ImportSource source = ImportSource.open(file, TextEncoding.AUTO, null)) {
            assertEquals(List.of("member_no", "name"), source.header());
        }
        try (ImportSource source = ImportSource.open(file, TextEncoding.AUTO, "purchases 2025 ")) {
            assertEquals(List.of("purchase_no", "amount"), source.header());
            assertEquals(List.of("P1", "12.5"), source.next().cells());
            assertEquals(List.of("P2", "3"), source.next().cells());
        }
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> ImportSource.open(file, TextEncoding.AUTO, "2024"));
        assertEquals("import.sheet.unknown", unknown.problems().get(0).key());
        assertEquals(List.of("2024", "会员, Purchases 2025"), unknown.problems().get(0).args());
    }

    @Test
    void finding4_aWorkbookIsToldByItsContentNotItsName() throws IOException {
        Path misnamed = TestWorkbooks.write(folder.resolve("members.csv"), "Sheet1",
                List.of(List.of("member_no", "name"), List.of(17850, "王芳")));
        try (ImportSource source = ImportSource.open(misnamed, TextEncoding.AUTO)) {
            assertEquals(List.of("17850", "王芳"), source.next().cells());
        }
        assertEquals(List.of("Sheet1"), ImportSource.sheetNames(misnamed));
        assertEquals(List.of(), ImportSource.sheetNames(write("text.csv", "a,b\n1,2\n")));

        // Excel 97–2003 (an OLE2 compound file): refused with what to do
        Path xls = folder.resolve("old.xls");
        byte[] ole = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        Files.write(xls, ole);
        ValidationException old = assertThrows(ValidationException.class,
                () -> ImportSource.open(xls, TextEncoding.AUTO));
        assertEquals("import.file.xls", old.problems().get(0).key());
        assertTrue(old.getMessage().contains("save it as .xlsx (Excel Workbook) or as CSV"), old.getMessage());

        // another zip (an OpenDocument sheet) is still refused as binary, as before
        Path ods = folder.resolve("sheet.ods");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(ods))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes());
        }
        assertEquals("import.file.binary", assertThrows(ValidationException.class,
                () -> ImportSource.open(ods, TextEncoding.AUTO)).problems().get(0).key());

        // a workbook cut short (half copied from a USB stick)
        Path whole = TestWorkbooks.write(folder.resolve("whole.xlsx"), "S", List.of(List.of("a"), List.of("b")));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = folder.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ValidationException damaged = assertThrows(ValidationException.class,
                () -> ImportSource.open(cut, TextEncoding.AUTO));
        assertEquals("import.file.damagedWorkbook", damaged.problems().get(0).key(), damaged.getMessage());
    }

    @Test
    void finding4_progressMovesThroughTheSheet() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("purchase_no", "time"));
        for (int i = 1; i <= 1000; i++) {
            rows.add(List.of("P" + i, LocalDateTime.of(2025, 3, 1, 10, 0).plusMinutes(i)));
        }
        Path file = TestWorkbooks.write(folder.resolve("p.xlsx"), "S", rows);
        try (ImportSource source = ImportSource.open(file, TextEncoding.AUTO)) {
            for (int i = 0; i < 500; i++) {
                source.next();
            }
            // 501 of 1,001 rows read (the header too): half the file's size, give or take a row
            long half = source.bytesRead();
            assertTrue(Math.abs(half - source.size() / 2) <= source.size() / 500, half + " of " + source.size());
            assertEquals(List.of("P501", "2025-03-01 18:21:00"), source.next().cells());
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void finding4_rowsAreCountedWhateverTheXmlPrefix() throws IOException {
        String xml = "<x:sheetData><x:row r=\"1\"><x:c/></x:row><row>" + "</row><row r=\"3\"/><rowBreaks/></x:sheetData>";
        assertEquals(3, WorkbookFiles.countRows(new java.io.ByteArrayInputStream(xml.getBytes())));
    }

    @Test
    void finding4_excelDateFormatsAreToldFromNumberFormats() {
        assertEquals(ExcelDateFormats.Kind.DATE, ExcelDateFormats.ofText("yyyy/m/d"));
        assertEquals(ExcelDateFormats.Kind.DATE, ExcelDateFormats.ofText("[$-804]yyyy\"年\"m\"月\"d\"日\";@"));
        assertEquals(ExcelDateFormats.Kind.DATE_TIME, ExcelDateFormats.ofText("yyyy-mm-dd hh:mm:ss"));
        assertEquals(ExcelDateFormats.Kind.TIME, ExcelDateFormats.ofText("h:mm AM/PM"));
        assertEquals(ExcelDateFormats.Kind.TIME, ExcelDateFormats.ofText("[h]:mm:ss"));
        assertEquals(ExcelDateFormats.Kind.NUMBER, ExcelDateFormats.ofText("General"));
        assertEquals(ExcelDateFormats.Kind.NUMBER, ExcelDateFormats.ofText("#,##0.00;[Red]-#,##0.00"));
        assertEquals(ExcelDateFormats.Kind.NUMBER, ExcelDateFormats.ofText("0.00E+00"));
        assertEquals(ExcelDateFormats.Kind.NUMBER, ExcelDateFormats.ofText("0\"天\""));
        assertEquals(ExcelDateFormats.Kind.NUMBER, ExcelDateFormats.ofText("[$¥-804]#,##0.00"));
        assertEquals(ExcelDateFormats.Kind.DATE, ExcelDateFormats.kind(31, null));
        assertEquals(ExcelDateFormats.Kind.NUMBER, ExcelDateFormats.kind(0, null));
    }
}

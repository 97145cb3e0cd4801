package org.memberdesk.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Workbooks made by hand for the tests: with fastexcel's writer, or part by part as Excel saves them. */
final class TestWorkbooks {
    private TestWorkbooks() {
    }

    /**
     * A workbook whose sheets hold these rows (sheet name → rows; null is an empty cell). Strings are text cells,
     * numbers numeric cells, a LocalDate a date cell (yyyy-mm-dd), a LocalDateTime a date-time cell.
     */
    static Path write(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "test", "1.0")) {
            for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
                Worksheet ws = workbook.newWorksheet(sheet.getKey());
                int r = 0;
                for (List<Object> row : sheet.getValue()) {
                    for (int c = 0; c < row.size(); c++) {
                        Object value = row.get(c);
                        if (value instanceof String text) {
                            ws.value(r, c, text);
                        } else if (value instanceof Number number) {
                            ws.value(r, c, number);
                        } else if (value instanceof Boolean b) {
                            ws.value(r, c, b);
                        } else if (value instanceof LocalDate date) {
                            ws.value(r, c, date);
                            ws.style(r, c).format("yyyy-mm-dd").set();
                        } else if (value instanceof LocalDateTime time) {
                            ws.value(r, c, time);
                            ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                        }
                    }
                    r++;
                }
            }
        }
        return file;
    }

    static Path write(Path file, String sheet, List<List<Object>> rows) throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put(sheet, rows);
        return write(file, sheets);
    }

    /**
     * A one-sheet workbook from the sheet's {@code <sheetData>} XML, as Excel writes it: cached formula values,
     * shared strings, Excel's built-in number formats. Styles ({@code s="n"}): 0 General, 1 built-in 14 (a date),
     * 2 built-in 22 (date and time), 3 custom {@code yyyy"年"m"月"d"日"}, 4 built-in 31 (Chinese Excel's
     * 年月日 date, no text in the file), 5 built-in 2 ({@code 0.00}), 6 built-in 20 ({@code h:mm}).
     */
    static Path excelSaved(Path file, String sheetData, List<String> sharedStrings) throws IOException {
        return excelSaved(file, sheetData, sharedStrings, false);
    }

    /** As {@link #excelSaved(Path, String, List)}, with the 1904 date system of old Mac Excel when asked. */
    static Path excelSaved(Path file, String sheetData, List<String> sharedStrings, boolean date1904)
            throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <workbookPr date1904="%s"/><sheets><sheet name="销售" sheetId="1" r:id="rId1"/></sheets>
                </workbook>""".formatted(date1904));
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>""");
        parts.put("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
                <cellXfs count="7">
                <xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/>
                <xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="31" applyNumberFormat="1"/>
                <xf numFmtId="2" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/>
                </cellXfs>
                </styleSheet>""");
        StringBuilder strings = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        for (String s : sharedStrings) {
            strings.append("<si><t xml:space=\"preserve\">").append(s).append("</t></si>");
        }
        parts.put("xl/sharedStrings.xml", strings.append("</sst>").toString());
        parts.put("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <dimension ref="A1:H20"/><sheetData>""" + sheetData + "</sheetData></worksheet>");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}

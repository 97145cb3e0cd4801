package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, finding 2: the delimiter (comma, semicolon, tab) is told from the file, outside quotes. */
class DelimiterTest {
    @TempDir
    Path folder;

    /** The header and every row of a file as CsvSource reads it. */
    private List<List<String>> read(String text, Charset charset, TextEncoding encoding) throws IOException {
        Path file = folder.resolve("file" + System.nanoTime() + ".csv");
        Files.write(file, text.getBytes(charset));
        List<List<String>> rows = new ArrayList<>();
        try (CsvSource source = new CsvSource(file, encoding)) {
            rows.add(source.header());
            ImportRow row;
            while ((row = source.next()) != null) {
                assertNull(row.unreadable(), String.valueOf(row));
                rows.add(row.values());
            }
        }
        return rows;
    }

    private List<List<String>> read(String text) throws IOException {
        return read(text, StandardCharsets.UTF_8, TextEncoding.AUTO);
    }

    @Test
    void finding2_aSemicolonFileWithDecimalCommasAndQuotedSemicolons() throws IOException {
        // Excel's CSV where the decimal mark is a comma: the commas are inside values, the semicolons between them
        assertEquals(List.of(
                List.of("purchase_no", "member_no", "time", "amount", "item"),
                List.of("T1", "M1", "2024-03-05 10:00", "12,50", "tea; green"),
                List.of("T2", "M2", "2024-03-05 11:00", "3,00", "cake, small")), read("""
                purchase_no;member_no;time;amount;item
                T1;M1;2024-03-05 10:00;12,50;"tea; green"
                T2;M2;2024-03-05 11:00;3,00;cake, small
                """));
    }

    @Test
    void finding2_aTabFileWithCommasAndSemicolonsInItsValues() throws IOException {
        assertEquals(List.of(
                List.of("member_no", "name", "notes"),
                List.of("M1", "王芳", "likes tea, cake; and \"jam\""),
                List.of("M2", "李娜", "a\tb")), read("member_no\tname\tnotes\n"
                + "M1\t王芳\t\"likes tea, cake; and \"\"jam\"\"\"\n"
                + "M2\t李娜\t\"a\tb\"\n"));
    }

    @Test
    void finding2_aCommaFileStaysCommaEvenWhenItsValuesHoldSemicolonsAndTabs() throws IOException {
        // the header alone holds one semicolon inside quotes: outside quotes only commas split it
        assertEquals(List.of(
                List.of("member_no", "name", "notes; remarks"),
                List.of("M1", "王芳", "a;b;c;d"),
                List.of("M2", "李娜", "x\ty")), read("""
                member_no,name,"notes; remarks"
                M1,王芳,"a;b;c;d"
                M2,李娜,"x\ty"
                """));
    }

    @Test
    void finding2_theSplitThatHoldsOnTheNextLinesWins() throws IOException {
        // the header has as many commas as semicolons; only the semicolons split every line alike
        assertEquals(List.of(List.of("a,b", "c,d", "e"), List.of("1", "2,5", "3"), List.of("4", "5", "6,0")), read("""
                a,b;c,d;e
                1;2,5;3
                4;5;6,0
                """));
    }

    @Test
    void finding2_aOneColumnFileAndAByteOrderMarkStayComma() throws IOException {
        assertEquals(List.of(List.of("phone"), List.of("13812345678"), List.of("13900001111")),
                read("\uFEFFphone\n13812345678\n13900001111\n"));
        assertEquals(List.of(List.of("member_no", "name"), List.of("M1", "王芳")),
                read("\uFEFF\n\nmember_no;name\r\nM1;王芳\r\n"));
    }

    @Test
    void finding2_aGbkFileWithSemicolonsAndTabs() throws IOException {
        Charset gbk = Charset.forName("GBK");
        assertEquals(List.of(List.of("会员编号", "姓名", "备注"), List.of("M1", "王芳", "喜欢绿茶，蛋糕；周末来")),
                read("会员编号;姓名;备注\nM1;王芳;\"喜欢绿茶，蛋糕；周末来\"\n", gbk, TextEncoding.AUTO));
        assertEquals(List.of(List.of("会员编号", "姓名"), List.of("M1", "王芳"), List.of("M2", "李娜")),
                read("会员编号\t姓名\nM1\t王芳\nM2\t李娜\n", gbk, TextEncoding.parse("gbk")));
    }
}

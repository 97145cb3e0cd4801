package org.memberdesk.io;

import org.memberdesk.BothEngines;
import org.memberdesk.common.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Gender;
import org.memberdesk.members.MemberDetails;

/**
 * Issue 17, finding 2: {@code import-members --update} corrects members already stored — the case of members created
 * by a purchase import on the day of the import, whose true join dates come in a members file afterwards. Today is
 * 2026-11-22 (TestDatabase); the three members were made "today".
 */
@BothEngines
class MemberUpdateImportTest {
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void open() throws IOException {
        app = TestDatabase.open(folder);
        ImportResult first = importMembers(write("made.csv", """
                member_no,name,phone,join_date
                M1,王芳,13812345678,2026-11-22
                M2,李娜,13900001111,2026-11-22
                M3,张伟,13700002222,2026-11-22
                """), ImportOptions.defaults());
        assertEquals(3, first.imported());
        // a rule that reads the join date: nobody has been a member for a year yet
        app.tags().create("老会员", "days_since_join >= 365");
        assertEquals(0, app.tags().list().stream().filter(t -> t.name().equals("老会员")).findFirst().orElseThrow()
                .members());
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private ImportResult importMembers(Path file, ImportOptions options) throws IOException {
        return app.memberImporter().importFile(file, options, Progress.NONE, Messages.english());
    }

    private MemberDetails member(String number) {
        return app.members().byNumber(number).orElseThrow().details();
    }

    /** Lines 2–3 and 5 change a member, 6 changes nothing, 7 is new; 4 takes M1's phone, 8 is new without a name. */
    static final String CORRECTIONS = """
            member_no,name,phone,gender,birthday,join_date,channel,referrer_no,notes,等级
            M1,,,,,20240305,,,,金卡
            M2,李娜娜,,女,1990.5.1,2024年3月6日,抖音,M1,VIP,
            M3,,13812345678,,,,,,,
            ,,13700002222,,,2025-01-01,,,,
            M1,,,,,2024-03-05,,,,金卡
            M9,新人,13600003333,,,2026-01-01,,,,
            M8,,,,,2026-01-01,,,,
            """;

    @Test
    void finding2_updateCorrectsJoinDatesAndOtherFieldsOfStoredMembersAndLeavesEmptyCellsAlone() throws IOException {
        ImportResult result = importMembers(write("corrections.csv", CORRECTIONS), ImportOptions.defaults()
                .withUpdate(true));
        assertEquals(1, result.imported(), "M9");
        assertEquals(3, result.updated(), "M1, M2 and M3 (found by its phone on line 5)");
        assertEquals(1, result.duplicates(), "line 6 gives M1 as it now is");
        assertEquals(2, result.rejected(), "line 4 (M1's phone), line 8 (no name)");

        // M1: only the join date and the custom column; the rest as stored
        assertEquals(new MemberDetails("M1", "王芳", "13812345678", null, null, LocalDate.of(2024, 3, 5), null, null,
                null, Map.of("等级", "金卡")), member("M1"));
        assertEquals(new MemberDetails("M2", "李娜娜", "13900001111", Gender.FEMALE, LocalDate.of(1990, 5, 1),
                LocalDate.of(2024, 3, 6), "抖音", "M1", "VIP", Map.of()), member("M2"));
        // M3: its phone stays its own (line 4 refused), its join date from line 5
        assertEquals(new MemberDetails("M3", "张伟", "13700002222", null, null, LocalDate.of(2025, 1, 1), null, null,
                null, Map.of()), member("M3"));

        List<CSVRecord> report = ImportTest.report(result);
        assertEquals(List.of("4", "8"), report.stream().map(r -> r.get("line")).toList());
        assertEquals("phone", report.get(0).get("field"));
        assertEquals("Phone 13812345678 already belongs to another member, M1: member M3 was not changed. Correct the"
                + " phone in the file and import the row again.", report.get(0).get("reason"));
        assertEquals("name", report.get(1).get("field"));

        // the rule tag that reads the join date was marked out of date by the batch and refreshed at the end:
        // as of 2026-11-22, M1 (992 days), M2 (991 days) and M3 (690 days) have been members for a year or more
        assertEquals(3, app.tags().list().stream().filter(t -> t.name().equals("老会员")).findFirst().orElseThrow()
                .members());
        assertEquals(List.of("老会员"), app.tags().tagsOf(app.members().byNumber("M3").orElseThrow().id()));

        // the same file again: every row was taken by the first run (rejected ones are tried again, and fail again)
        ImportResult again = importMembers(write("corrections.csv", CORRECTIONS), ImportOptions.defaults()
                .withUpdate(true));
        assertEquals(List.of(0L, 0L, 5L, 2L), List.of(again.imported(), again.updated(), again.duplicates(),
                again.rejected()));
    }

    @Test
    void finding2_withoutUpdateTheSameFileChangesNothingAsBefore() throws IOException {
        ImportResult result = importMembers(write("corrections.csv", CORRECTIONS), ImportOptions.defaults());
        assertEquals(1, result.imported(), "M9");
        assertEquals(0, result.updated());
        // as before --update existed: a row without a name is no member to add, and M2 is a duplicate
        assertEquals(1, result.duplicates(), "M2");
        assertEquals(5, result.rejected(), "lines 2, 4, 5, 6 and 8: no name");
        assertEquals(LocalDate.of(2026, 11, 22), member("M1").joinDate());
        assertEquals("李娜", member("M2").name());
        assertEquals(0, app.tags().list().stream().filter(t -> t.name().equals("老会员")).findFirst().orElseThrow()
                .members());
    }

    @Test
    void finding2_aFileOfJoinDatesAloneNeedsNoNameColumnWithUpdate() throws IOException {
        Path dates = write("dates.csv", """
                会员编号,入会日期
                M1,2023/7/1
                M2,2023/7/2
                """);
        ImportResult result = importMembers(dates, ImportOptions.defaults().withUpdate(true));
        assertEquals(List.of(0L, 2L, 0L, 0L), List.of(result.imported(), result.updated(), result.duplicates(),
                result.rejected()));
        assertEquals(LocalDate.of(2023, 7, 2), member("M2").joinDate());
        assertEquals("李娜", member("M2").name());
    }

    @Test
    void finding2_updateInSmallBatchesGivesWhatOneBatchGives() throws IOException {
        // batches of 2: the member a row names may be stored by an earlier row of the same or an earlier batch
        Path file = write("mixed.csv", """
                member_no,name,phone,join_date
                M5,周杰,13500005555,2026-11-01
                M5,,,2020-01-01
                ,,13500005555,2021-01-01
                M1,,,2022-02-02
                M6,吴敏,13400004444,2026-11-02
                M6,吴敏敏,,
                """);
        ImportResult result = importMembers(file, ImportOptions.defaults().withUpdate(true).withBatchSize(2));
        assertEquals(List.of(2L, 4L, 0L, 0L), List.of(result.imported(), result.updated(), result.duplicates(),
                result.rejected()));
        assertEquals(LocalDate.of(2021, 1, 1), member("M5").joinDate());
        assertEquals(LocalDate.of(2022, 2, 2), member("M1").joinDate());
        assertEquals("吴敏敏", member("M6").name());
        assertEquals(LocalDate.of(2026, 11, 2), member("M6").joinDate());
    }
}
